// Claims: what an article says someone asserts, with how sure it is and the quote it comes from.
// Each kind is its own type implementing the Claim interface.
import type { GraphQLResolveInfo } from 'graphql';
import type { Context } from '../../context.js';
import { claims, STATEMENT_ORDERS } from '../../db/queries/lists.js';
import type { ClaimRow, EntityRow } from '../../db/queries/rows.js';
import { CLAIM_KINDS, type ClaimKind as ClaimKindName, type Role as RoleName } from '../../vocabulary.js';
import { builder } from '../builder.js';
import { edgeField, loadExisting, loadTyped } from '../edges.js';
import { ClaimKind, ClaimLinkType, ClaimStatus, Direction, Role } from '../enums.js';
import { ClaimFacets, facetsField, withFacets } from '../facets.js';
import { checkEntityKeys, statementKey, unknownStatement } from '../keys.js';
import { rootConnection, rootNode } from '../lists.js';
import { Attribution, attributions, Participant, participants } from './attribution.js';
import { ClaimLink, contradicting, linked, links } from './claim-links.js';
import { PartialDate, partialDate } from './common.js';
import {
  calendarDate,
  corroboration,
  corroborationInputs,
  DATE_HINT,
  dateRange,
  datesInOrder,
  ENTITY_KEY_HINT,
  statementOrderArg,
} from './filters.js';
import { ArticleRef, ClaimRef, EntityRef, EventRef, EvidenceRef, isRowOf } from './refs.js';
import { ReportedRef } from './report.js';

const participantsField = edgeField('Claim', 'participants', 'claimParticipants', {
  filter: (a: { role?: RoleName | null }) => (a.role ? { roles: [a.role] } : {}),
  nodePaths: [['entity']],
});
const attributedTo = edgeField('Claim', 'attributedTo', 'claimAttributions', { nodePaths: [['entity']] });
const evidence = edgeField('Claim', 'evidence', 'claimEvidence');
const about = edgeField('Claim', 'about', 'claimAbout');

builder.interfaceType(ClaimRef, {
  description:
    'A claim an article reports, linked to its participants by role, to who asserts it and to the exact quote.',
  interfaces: [builder.nodeInterfaceRef(), ReportedRef],
  resolveType: (c) => c.__type,
  fields: (t) => ({
    key: t.exposeString('id', {
      description: 'Stable id: the article key, a slash, the claim id in the article.',
    }),
    kind: t.field({ type: ClaimKind, description: 'What sort of claim.', resolve: (c) => c.kind }),
    summary: t.exposeString('summary', { description: 'One line in English.' }),
    wording: t.exposeString('wording', { description: 'The wording in the article’s language.' }),
    status: t.field({
      type: ClaimStatus,
      description: 'How sure the source is: asserted fact, allegation, expectation…',
      resolve: (c) => c.status,
    }),
    hedge: t.exposeString('hedge', {
      nullable: true,
      description: 'The word in the text that sets the status ("bisa", "diperkirakan", "dugaan").',
    }),
    time: t.field({
      type: PartialDate,
      nullable: true,
      description: 'When the claim was made or what it concerns, where the article says.',
      resolve: (c) => partialDate(c),
    }),
    participants: t.field({
      type: [Participant],
      description: 'The entities the claim involves, by role (supplier, recipient, item, body…).',
      args: { role: t.arg({ type: Role, required: false, description: 'Only this role.' }) },
      resolve: async (c, args, ctx, info) => participants(await participantsField.list(ctx, info, c, args)),
    }),
    attributedTo: t.field({
      type: [Attribution],
      description: 'Who asserts it; empty when the article asserts it in its own voice.',
      resolve: async (c, _a, ctx, info) => attributions(await attributedTo.list(ctx, info, c, {})),
    }),
    assertedByArticle: t.boolean({
      description: 'True when the article asserts the claim itself, attributing it to nobody.',
      resolve: async (c, _a, ctx, info) => (await attributedTo.list(ctx, info, c, {})).length === 0,
    }),
    evidence: t.field({
      type: [EvidenceRef],
      description: 'The spans the claim comes from.',
      resolve: (c, _a, ctx, info) => evidence.nodes(ctx, info, c, {}),
    }),
    about: t.field({
      type: [EventRef],
      description: 'The events the claim is about.',
      resolve: (c, _a, ctx, info) => about.nodes(ctx, info, c, {}),
    }),
    links: t.field({
      type: [ClaimLink],
      description: 'Links to other claims, either way.',
      args: {
        type: t.arg({ type: ClaimLinkType, required: false, description: 'Only this kind of link.' }),
        direction: t.arg({ type: Direction, defaultValue: 'BOTH', description: 'Which way.' }),
      },
      resolve: async (c, args, ctx, info) =>
        (await links.list(ctx, info, c, args)).map((i) => ({ ...i.props, claim: i.node })),
    }),
    disputes: t.field(linked('disputes', ['DISPUTES'], 'OUTGOING', 'Claims this one denies are true.')),
    disputedBy: t.field(linked('disputedBy', ['DISPUTES'], 'INCOMING', 'Claims that deny this one is true.')),
    condemns: t.field(
      linked('condemns', ['CONDEMNS'], 'OUTGOING', 'Claims whose subject this one holds wrong or unlawful.'),
    ),
    condemnedBy: t.field(
      linked(
        'condemnedBy',
        ['CONDEMNS'],
        'INCOMING',
        'Claims that hold what this one describes wrong or unlawful.',
      ),
    ),
    contradicts: t.field(
      contradicting(
        'contradicts',
        'OUTGOING',
        'Claims this one disputes or condemns, and those a database written before the split links by CONTRADICTS.',
        'Disputing and condemning are different: use disputes and condemns.',
      ),
    ),
    contradictedBy: t.field(
      contradicting(
        'contradictedBy',
        'INCOMING',
        'Claims that dispute or condemn this one, and those a database written before the split links by CONTRADICTS.',
        'Disputing and condemning are different: use disputedBy and condemnedBy.',
      ),
    ),
    cites: t.field(linked('cites', ['CITES'], 'OUTGOING', 'Claims this one invokes as grounds.')),
    citedBy: t.field(linked('citedBy', ['CITES'], 'INCOMING', 'Claims that invoke this one.')),
    supports: t.field(linked('supports', ['SUPPORTS'], 'OUTGOING', 'Claims this one backs up.')),
    supportedBy: t.field(linked('supportedBy', ['SUPPORTS'], 'INCOMING', 'Claims that back this one up.')),
    article: t.field({
      type: ArticleRef,
      description: 'The article that reports it.',
      resolve: (c, _a, ctx) => loadExisting(ctx, 'Article', c.articleId),
    }),
  }),
});

function claimNode(name: ClaimKindName) {
  const ref = builder.objectRef<ClaimRow>(name);
  builder.node(ref, {
    description: CLAIM_KINDS.descriptions[name],
    interfaces: [ClaimRef, ReportedRef],
    id: { resolve: (c) => c.id },
    loadMany: (ids, ctx) => loadTyped(ctx, 'Claim', name, ids),
    isTypeOf: isRowOf(name),
    fields: () => ({}),
  });
  return ref;
}

/** The participants of a claim in one role, as a field of its kind (an arms deal's suppliers). */
function byRole(kind: ClaimKindName, field: string, role: RoleName, description: string) {
  const declared = edgeField(kind, field, 'claimParticipants', { filter: () => ({ roles: [role] }) });
  return {
    type: [EntityRef] satisfies [typeof EntityRef],
    description,
    resolve: (c: ClaimRow, _a: unknown, ctx: Context, info: GraphQLResolveInfo): Promise<EntityRow[]> =>
      declared.nodes(ctx, info, c, {}),
  };
}

const ArmsDeal = claimNode('ArmsDeal');
const UNResolution = claimNode('UNResolution');
const Statement = claimNode('Statement');
const Assessment = claimNode('Assessment');

export const CLAIM_TYPES = [ArmsDeal, UNResolution, Statement, Assessment] as const;

builder.objectFields(ArmsDeal, (t) => ({
  suppliers: t.field(byRole('ArmsDeal', 'suppliers', 'SUPPLIER', 'Who would supply or supplies the items.')),
  recipients: t.field(byRole('ArmsDeal', 'recipients', 'RECIPIENT', 'Who would receive them.')),
  items: t.field(byRole('ArmsDeal', 'items', 'ITEM', 'What is supplied.')),
  inReturn: t.field(byRole('ArmsDeal', 'inReturn', 'COUNTERPART', 'What the supplier gets in return.')),
}));
builder.objectFields(UNResolution, (t) => ({
  bodies: t.field(byRole('UNResolution', 'bodies', 'BODY', 'The body that adopted the resolutions.')),
  targets: t.field(byRole('UNResolution', 'targets', 'TARGET', 'Whom the resolutions bind or sanction.')),
  supporters: t.field(byRole('UNResolution', 'supporters', 'SUPPORTER', 'Who backed them.')),
}));

const ClaimFilter = builder.inputType('ClaimFilter', {
  description: 'Narrows a list of claims; all given conditions must hold.',
  fields: (t) => ({
    kinds: t.field({ type: [ClaimKind], required: false, description: 'Only these kinds.' }),
    statuses: t.field({ type: [ClaimStatus], required: false, description: 'Only these statuses.' }),
    participant: t.string({
      required: false,
      description: `Only claims this entity takes part in. ${ENTITY_KEY_HINT}`,
    }),
    role: t.field({ type: Role, required: false, description: 'With participant: only in this role.' }),
    attributedTo: t.string({
      required: false,
      description: `Only claims this entity asserts. ${ENTITY_KEY_HINT}`,
    }),
    from: t.string({
      required: false,
      description: `Only claims dated on or after this date (${DATE_HINT}).`,
      validate: calendarDate,
    }),
    to: t.string({
      required: false,
      description: `Only claims dated on or before this date (${DATE_HINT}).`,
      validate: calendarDate,
    }),
    ...corroborationInputs(t),
  }),
  validate: datesInOrder,
});

builder.queryFields((t) => ({
  claim: t.field({
    type: ClaimRef,
    nullable: true,
    description: 'A claim by its stable key.',
    args: {
      key: t.arg.string({
        required: true,
        description:
          'The claim key, e.g. "c27a19544a1cdf98/claim:unsc-arms-ban"; without the article ' +
          '("claim:unsc-arms-ban") when only one article has that key.',
      }),
    },
    resolve: async (_r, { key }, ctx, info) => {
      const found = await rootNode(ctx, info, 'Claim', key);
      if (found) return found;
      const resolved = await statementKey(ctx, 'Claim', key);
      // A key that names nothing is the client's mistake: an error that says so, not a bare null.
      if (!resolved) throw unknownStatement('Claim', key);
      return rootNode(ctx, info, 'Claim', resolved);
    },
  }),
  claims: t.connection(
    {
      type: ClaimRef,
      description:
        'Claims in time order (undated claims at their article’s date) or as `orderBy` says, filtered by kind, status, participant, source and date.',
      args: {
        filter: t.arg({ type: ClaimFilter, required: false, description: 'Conditions on the claims.' }),
        ...statementOrderArg(t.arg),
      },
      resolve: async (_r, args, ctx, info: GraphQLResolveInfo) => {
        const f = args.filter;
        const source = claims({
          kinds: [...(f?.kinds ?? [])],
          statuses: [...(f?.statuses ?? [])],
          participant: f?.participant ?? null,
          role: f?.role ?? null,
          attributedTo: f?.attributedTo ?? null,
          ...dateRange(f?.from, f?.to),
          ...corroboration(f),
        });
        const order = STATEMENT_ORDERS[args.orderBy ?? 'TIME'];
        const page = await rootConnection<ClaimRow>(ctx, info, source, order, args);
        // An empty page may come from a key that names nothing: said so, not left empty.
        await checkEntityKeys(ctx, page.edges.length === 0, {
          'filter.participant': f?.participant,
          'filter.attributedTo': f?.attributedTo,
        });
        return withFacets(page, { source, participant: f?.participant ?? null });
      },
    },
    { fields: (c) => ({ facets: c.field(facetsField(ClaimFacets)) }) },
  ),
}));
