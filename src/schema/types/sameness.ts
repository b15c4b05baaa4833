// Which statement a report belongs to, over GraphQL: what ingesting an article merged and which
// candidates it did not merge (with their scores), and splitting a report out of a wrong merge.
import type { Merge, Proposal } from '../../ingest/ingest.js';
import { splitReport } from '../../ingest/split.js';
import { builder } from '../builder.js';
import { checkToken, IngestArticlePayload } from './ingest.js';

const MergeHow = builder.enumType('MergeHow', {
  description: 'Why a report joined a statement already in the graph.',
  values: {
    EXPLICIT: { value: 'EXPLICIT', description: 'The document said so (`sameAs`).' },
    PROPOSED: { value: 'PROPOSED', description: 'Its score reached the merge threshold.' },
  },
});

const MergedReport = builder.objectRef<Merge>('MergedReport').implement({
  description: 'A report of the article that joined a statement other articles report.',
  fields: (t) => ({
    reportKey: t.exposeString('report', { description: 'The report: "<article>/<id>" of this article.' }),
    statementKey: t.exposeString('statement', { description: 'The statement it joined, by its key now.' }),
    how: t.field({ type: MergeHow, description: 'Why.', resolve: (m) => m.how }),
    score: t.exposeFloat('score', {
      nullable: true,
      description: 'The proposal’s score; null when explicit.',
    }),
  }),
});

const SameCandidate = builder.objectRef<Proposal>('SameCandidate').implement({
  description:
    'A statement proposed as the same as a report of the article, and not merged: its score (0 to 1) ' +
    'and its parts, and why not.',
  fields: (t) => ({
    reportKey: t.exposeString('report', { description: 'The report of this article.' }),
    statementKey: t.exposeString('statement', { description: 'The candidate statement.' }),
    score: t.exposeFloat('score', { description: 'Weighted: participants 0.6, time 0.25, place 0.15.' }),
    participants: t.exposeFloat('participants', { description: 'Jaccard overlap of the participants.' }),
    time: t.exposeFloat('time', {
      nullable: true,
      description: '1 the dates overlap, 0 they cannot, 0.5 only one side dates it; null neither does.',
    }),
    place: t.exposeFloat('place', {
      nullable: true,
      description: '1 the same place or one within the other, 0 not, 0.5 only one side gives one.',
    }),
    reason: t.string({ description: 'Why it was not merged.', resolve: (p) => p.reason ?? 'not merged' }),
  }),
});

builder.objectFields(IngestArticlePayload, (t) => ({
  merged: t.field({
    type: [MergedReport],
    description: 'Reports of the article that joined events or claims other articles report.',
    resolve: (p) => p.report?.merged ?? [],
  }),
  notMerged: t.field({
    type: [SameCandidate],
    description:
      'Events and claims proposed as the same as a report of the article and not merged, with their scores: ' +
      'name one in `sameAs` to merge it.',
    resolve: (p) => p.report?.notMerged ?? [],
  }),
}));

const SplitReportPayload = builder
  .objectRef<{ report: string; split: boolean; from: string; to: string }>('SplitReportPayload')
  .implement({
    description: 'The outcome of splitting a report out of its statement.',
    fields: (t) => ({
      reportKey: t.exposeString('report', { description: 'The report asked for.' }),
      split: t.exposeBoolean('split', { description: 'False when the report already stood alone.' }),
      fromKey: t.exposeString('from', { description: 'The statement it left, by its key now.' }),
      statementKey: t.exposeString('to', { description: 'The statement it is now.' }),
    }),
  });

builder.mutationField('splitReport', (t) =>
  t.field({
    type: SplitReportPayload,
    description:
      'Undoes a merge: the report leaves its statement and becomes an event or claim of its own; no report is ' +
      'lost, and a new version of its article is not merged again by proposal. Needs ' +
      '`Authorization: Bearer <INGEST_TOKEN>`.',
    args: { key: t.arg.string({ required: true, description: 'The report: "<article>/<id>".' }) },
    resolve: async (_r, { key }, ctx) => {
      checkToken(ctx);
      return splitReport(ctx.db, key);
    },
  }),
);
