// Events: what happened (or is expected) at a time and place, with participants in roles. The root
// fields that return events are here too.
import { events, STATEMENT_ORDERS } from '../../db/queries/lists.js';
import type { EventRow } from '../../db/queries/rows.js';
import type { Role as RoleValue } from '../../vocabulary.js';
import { builder } from '../builder.js';
import { edgeField, loadExisting, loadTyped } from '../edges.js';
import { EventStatus, Role } from '../enums.js';
import { ClaimFacets, EventFacets, facetsField, withFacets } from '../facets.js';
import { checkEntityKeys, checkEventKinds, statementKey, unknownStatement } from '../keys.js';
import { rootConnection, rootNode } from '../lists.js';
import { Attribution, attributions, Participant, participants } from './attribution.js';
import { LANG_ARG_DESCRIPTION, PartialDate, partialDate, pick } from './common.js';
import {
  calendarDate,
  corroboration,
  corroborationInputs,
  DATE_HINT,
  dateRange,
  datesInOrder,
  ENTITY_KEY_HINT,
  statementOrder,
  statementOrderArg,
} from './filters.js';
import { ArticleRef, ClaimRef, EntityRef, EventRef, EvidenceRef, isRowOf } from './refs.js';
import { ReportedRef } from './report.js';

const location = edgeField('Event', 'location', 'eventLocation');
const partOf = edgeField('Event', 'partOf', 'eventPartOf');
const parts = edgeField('Event', 'parts', 'eventParts');
const participantsField = edgeField('Event', 'participants', 'eventParticipants', {
  filter: (a: { role?: RoleValue | null }) => (a.role ? { roles: [a.role] } : {}),
  nodePaths: [['entity']],
});
const reportedBy = edgeField('Event', 'reportedBy', 'eventReportedBy', { nodePaths: [['entity']] });
const evidence = edgeField('Event', 'evidence', 'eventEvidence');
const claims = edgeField('Event', 'claims', 'eventClaims', { connection: true, order: statementOrder });

builder.node(EventRef, {
  description: 'Something that happened (or is expected) at a time and place, with participants in roles.',
  id: { resolve: (e) => e.id },
  loadMany: (ids, ctx) => loadTyped(ctx, 'Event', 'Event', ids),
  interfaces: [ReportedRef],
  isTypeOf: isRowOf('Event'),
  fields: (t) => ({
    key: t.exposeString('id', {
      description: 'Stable id: the article key, a slash, the event id in the article.',
    }),
    kind: t.exposeString('kind', {
      description: 'What sort of event: Visit, Meeting, Ceremony, Departure, War…',
    }),
    label: t.string({
      description: 'A short name.',
      args: { lang: t.arg.string({ defaultValue: 'en', description: LANG_ARG_DESCRIPTION }) },
      resolve: (e, { lang }) => pick(e.labelJson, lang ?? 'en') ?? e.label,
    }),
    summary: t.string({
      nullable: true,
      description: 'A one-line summary.',
      args: { lang: t.arg.string({ defaultValue: 'en', description: LANG_ARG_DESCRIPTION }) },
      resolve: (e, { lang }) => pick(e.summaryJson, lang ?? 'en'),
    }),
    status: t.field({ type: EventStatus, description: 'Whether it has happened.', resolve: (e) => e.status }),
    time: t.field({
      type: PartialDate,
      nullable: true,
      description: 'When, as precisely as the article says.',
      resolve: (e) => partialDate(e),
    }),
    location: t.field({
      type: EntityRef,
      nullable: true,
      description: 'Where it took place.',
      resolve: (e, _a, ctx, info) => location.first(ctx, info, e, {}),
    }),
    partOf: t.field({
      type: EventRef,
      nullable: true,
      description: 'The larger event it belongs to (the farewell ceremony is part of the visit).',
      resolve: (e, _a, ctx, info) => partOf.first(ctx, info, e, {}),
    }),
    parts: t.field({
      type: [EventRef],
      description: 'The events that belong to this one, in time order.',
      resolve: (e, _a, ctx, info) => parts.nodes(ctx, info, e, {}),
    }),
    participants: t.field({
      type: [Participant],
      description: 'Who took part, in which role.',
      args: { role: t.arg({ type: Role, required: false, description: 'Only this role.' }) },
      resolve: async (e, args, ctx, info) => participants(await participantsField.list(ctx, info, e, args)),
    }),
    reportedBy: t.field({
      type: [Attribution],
      description: 'Who the article says reported it ("lapor kantor berita RIA").',
      resolve: async (e, _a, ctx, info) => attributions(await reportedBy.list(ctx, info, e, {})),
    }),
    evidence: t.field({
      type: [EvidenceRef],
      description: 'The spans that report it.',
      resolve: (e, _a, ctx, info) => evidence.nodes(ctx, info, e, {}),
    }),
    claims: t.connection(
      {
        type: ClaimRef,
        description: 'Claims about this event, in time order or as `orderBy` says.',
        args: {
          ...statementOrderArg(t.arg),
        },
        resolve: (e, args, ctx, info) => claims.page(ctx, info, e, args),
      },
      { fields: (c) => ({ facets: c.field(facetsField(ClaimFacets)) }) },
    ),
    article: t.field({
      type: ArticleRef,
      description: 'The article that reports it.',
      resolve: (e, _a, ctx) => loadExisting(ctx, 'Article', e.articleId),
    }),
  }),
});

const EventFilter = builder.inputType('EventFilter', {
  description: 'Narrows a list of events; all given conditions must hold.',
  fields: (t) => ({
    kinds: t.stringList({
      required: false,
      description: 'Only these kinds, in any case ("Visit", "ceremony"); `vocabulary` lists them.',
    }),
    participant: t.string({
      required: false,
      description: `Only events this entity takes part in. ${ENTITY_KEY_HINT}`,
    }),
    location: t.string({
      required: false,
      description: `Only events at this place or at places within it. ${ENTITY_KEY_HINT}`,
    }),
    from: t.string({
      required: false,
      description: `Only events on or after this date (${DATE_HINT}).`,
      validate: calendarDate,
    }),
    to: t.string({
      required: false,
      description: `Only events on or before this date (${DATE_HINT}).`,
      validate: calendarDate,
    }),
    ...corroborationInputs(t),
  }),
  validate: datesInOrder,
});

builder.queryFields((t) => ({
  event: t.field({
    type: EventRef,
    nullable: true,
    description: 'An event by its stable key.',
    args: {
      key: t.arg.string({
        required: true,
        description:
          'The event key, e.g. "c27a19544a1cdf98/event:farewell-ceremony"; without the article ' +
          '("event:farewell-ceremony") when only one article has that key.',
      }),
    },
    resolve: async (_r, { key }, ctx, info) => {
      const found = await rootNode(ctx, info, 'Event', key);
      if (found) return found;
      const resolved = await statementKey(ctx, 'Event', key);
      // A key that names nothing is the client's mistake: an error that says so, not a bare null.
      if (!resolved) throw unknownStatement('Event', key);
      return rootNode(ctx, info, 'Event', resolved);
    },
  }),
  events: t.connection(
    {
      type: EventRef,
      description:
        'Events in time order (or as `orderBy` says), filtered by kind, participant, place and date range.',
      args: {
        filter: t.arg({ type: EventFilter, required: false, description: 'Conditions on the events.' }),
        ...statementOrderArg(t.arg),
      },
      resolve: async (_r, args, ctx, info) => {
        const f = args.filter;
        const source = events({
          kinds: [...(f?.kinds ?? [])],
          participant: f?.participant ?? null,
          location: f?.location ?? null,
          ...dateRange(f?.from, f?.to),
          ...corroboration(f),
        });
        const order = STATEMENT_ORDERS[args.orderBy ?? 'TIME'];
        const page = await rootConnection<EventRow>(ctx, info, source, order, args);
        // An empty page may come from a kind or a key that names nothing: said so, not left empty.
        const empty = page.edges.length === 0;
        await checkEventKinds(ctx, empty, f?.kinds, 'filter.kinds');
        await checkEntityKeys(ctx, empty, {
          'filter.participant': f?.participant,
          'filter.location': f?.location,
        });
        return withFacets(page, { source, participant: f?.participant ?? null });
      },
    },
    { fields: (c) => ({ facets: c.field(facetsField(EventFacets)) }) },
  ),
}));
