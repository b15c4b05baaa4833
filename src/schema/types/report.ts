// Many reports, one statement: each article's report of an event or claim, as that article gives
// it, and on events and claims what their reports add up to (how many sources and outlets support
// them, whether they disagree or one denies them, the values they give that differ, who disputes).
import type { ClaimRow, EventRow, ReportRow } from '../../db/queries/rows.js';
import type { propertyValues } from '../../ingest/values.js';
import { builder } from '../builder.js';
import { edgeField, loadExisting, loadNode } from '../edges.js';
import { Attribution, attributions, Participant, participants } from './attribution.js';
import { LANG_ARG_DESCRIPTION, PartialDate, partialDate, pick } from './common.js';
import { ArticleRef, EntityRef, EvidenceRef } from './refs.js';

export const ReportRef = builder.objectRef<ReportRow>('Report');
export const ReportedRef = builder.interfaceRef<EventRow | ClaimRow>('Reported');

export const reportEvidence = edgeField('Report', 'evidence', 'reportEvidence');
export const reportSources = edgeField('Report', 'attributions', 'reportSources', {
  nodePaths: [['entity']],
});
const involved = edgeField('Report', 'participants', 'reportParticipants', { nodePaths: [['entity']] });

ReportRef.implement({
  description:
    'One article’s account of an event or claim: its own wording, status, hedge, date, place, participants, ' +
    'sources and quotes, as that article gives them.',
  fields: (t) => ({
    key: t.exposeString('id', { description: 'The article key, a slash, the id the article gave it.' }),
    article: t.field({
      type: ArticleRef,
      description: 'The article that gives this report.',
      resolve: (r, _a, ctx) => loadExisting(ctx, 'Article', r.article),
    }),
    outlet: t.exposeString('outlet', {
      nullable: true,
      description: 'The article’s publisher, if it names one.',
    }),
    publishedOn: t.exposeString('publishedOn', {
      description: 'When the article was published (YYYY-MM-DD).',
    }),
    kind: t.exposeString('kind', { description: 'The kind the article gives it.' }),
    label: t.string({
      nullable: true,
      description: 'An event’s name, as this article gives it.',
      args: { lang: t.arg.string({ defaultValue: 'en', description: LANG_ARG_DESCRIPTION }) },
      resolve: (r, { lang }) => pick(r.labelJson, lang ?? 'en') ?? r.label,
    }),
    summary: t.exposeString('summary', {
      nullable: true,
      description: 'A claim’s summary, from this article.',
    }),
    wording: t.exposeString('wording', { nullable: true, description: 'A claim’s wording in this article.' }),
    status: t.exposeString('status', {
      description:
        'How sure this article (or its source) is: ASSERTED, ALLEGED, DENIED…; OCCURRED… for events.',
    }),
    hedge: t.exposeString('hedge', { nullable: true, description: 'The word that sets the status here.' }),
    time: t.field({
      type: PartialDate,
      nullable: true,
      description: 'The date this article gives.',
      resolve: (r) => partialDate(r),
    }),
    place: t.field({
      type: EntityRef,
      nullable: true,
      description: 'The place this article gives.',
      resolve: (r, _a, ctx) => loadNode(ctx, 'Entity', r.locationId),
    }),
    participants: t.field({
      type: [Participant],
      description: 'Who or what takes part, in which role, according to this article.',
      resolve: async (r, _a, ctx, info) => participants(await involved.list(ctx, info, r, {})),
    }),
    attributions: t.field({
      type: [Attribution],
      description:
        'Whom this article attributes it to, with the cue; empty when it says so in its own voice.',
      resolve: async (r, _a, ctx, info) => attributions(await reportSources.list(ctx, info, r, {})),
    }),
    evidence: t.field({
      type: [EvidenceRef],
      description: 'The quotes of this article it comes from.',
      resolve: (r, _a, ctx, info) => reportEvidence.nodes(ctx, info, r, {}),
    }),
  }),
});

interface ValueShape {
  property: string;
  value: string;
  text: string;
  reports: string[];
}

const ReportedValue = builder.objectRef<ValueShape>('ReportedValue').implement({
  description: 'One value sources give a property, and the reports that give it.',
  fields: (t) => ({
    value: t.exposeString('value', {
      description: 'The value: a date or date range ("2023-09-11/2023-09-17"), a place key, a status.',
    }),
    place: t.field({
      type: EntityRef,
      nullable: true,
      description: 'For a place: the place.',
      resolve: (v, _a, ctx) => (v.property === 'place' ? loadNode(ctx, 'Entity', v.value) : null),
    }),
    reportKeys: t.exposeStringList('reports', { description: 'The reports that give it.' }),
    articles: t.field({
      type: [ArticleRef],
      description: 'The articles that give it.',
      resolve: (v, _a, ctx) =>
        Promise.all([...new Set(v.reports.map(articleOf))].map((id) => loadExisting(ctx, 'Article', id))),
    }),
  }),
});

const articleOf = (reportKey: string) => reportKey.slice(0, reportKey.indexOf('/'));

type Disagreement = ReturnType<typeof propertyValues>[number];

const PropertyValues = builder.objectRef<Disagreement>('PropertyValues').implement({
  description: 'A property on which the reports of an event or claim give different values.',
  fields: (t) => ({
    property: t.exposeString('property', { description: '"date", "place" or "status".' }),
    disagree: t.exposeBoolean('disagree', {
      description:
        'True when two of the values cannot both hold (Monday and Tuesday); false when they differ only in ' +
        'precision (September, 13 September) or one place lies in the other.',
    }),
    values: t.field({
      type: [ReportedValue],
      description: 'Each value, with the reports that give it, earliest article first.',
      resolve: (p) => p.values.map((v) => ({ ...v.value, value: v.value.key, reports: v.reports })),
    }),
  }),
});

export const eventReports = edgeField('Event', 'reports', 'eventReports', { connection: true });
export const claimReports = edgeField('Claim', 'reports', 'claimReports', { connection: true });

ReportedRef.implement({
  description:
    'An event or claim as the articles that report it add up: its reports, sources and disagreements.',
  fields: (t) => ({
    reports: t.connection({
      type: ReportRef,
      description: 'Each article’s report of it, earliest article first (the first gives it its key).',
      resolve: (s, args, ctx, info) =>
        s.__type === 'Event' ? eventReports.page(ctx, info, s, args) : claimReports.page(ctx, info, s, args),
    }),
    reportCount: t.exposeInt('reportCount', { description: 'How many reports it has.' }),
    sourceCount: t.exposeInt('sourceCount', { description: 'How many articles report it.' }),
    outletCount: t.exposeInt('outletCount', {
      description: 'How many outlets report it; an article that names no outlet counts as one of its own.',
    }),
    contested: t.exposeBoolean('contested', {
      description: 'Its sources disagree: on a value (a date, a place), or one denies it.',
    }),
    denied: t.exposeBoolean('denied', { description: 'A report says it is untrue, or a claim disputes it.' }),
    values: t.field({
      type: [PropertyValues],
      description: 'The properties its reports give different values for, each value with who gives it.',
      // Written by deriveStatement (src/ingest/statements.ts) from propertyValues: this shape.
      resolve: (s) => JSON.parse(s.valuesJson) as Disagreement[],
    }),
  }),
});
