// Ingestion over GraphQL: the same validation and single-transaction write as `npm run ingest`.
// Problems with the document come back as data, each with its JSON path.

import { forbidden, unauthenticated } from '../../errors.js';
import { publishIngest, publishRemoval } from '../../events/publish.js';
import { IngestError, type IngestReport, ingestDocument, removeArticle } from '../../ingest/ingest.js';
import { builder } from '../builder.js';
import { loadNode } from '../edges.js';
import { ArticleRef } from './refs.js';

const Problem = builder.objectRef<{ path: string; message: string }>('DocumentProblem').implement({
  description: 'What is wrong with a document, and where.',
  fields: (t) => ({
    path: t.exposeString('path', {
      description: 'JSON path of the offending value, e.g. "$.claims[2].evidence[0].start".',
    }),
    message: t.exposeString('message', { description: 'What is wrong.' }),
  }),
});

const IngestStatus = builder.enumType('IngestStatus', {
  description: 'What ingesting a document did.',
  values: {
    CREATED: { value: 'CREATED', description: 'The article is new.' },
    REPLACED: { value: 'REPLACED', description: 'A changed version replaced the article’s facts.' },
    UNCHANGED: {
      value: 'UNCHANGED',
      description: 'The same document was ingested before; nothing was written.',
    },
    REJECTED: { value: 'REJECTED', description: 'The document has problems; nothing was written.' },
  },
});

const LinkedEntity = builder
  .objectRef<{ documentId: string; entityKey: string; matchedBy: string }>('LinkedEntity')
  .implement({
    description: 'An entity of the document that joined one already in the graph.',
    fields: (t) => ({
      documentId: t.exposeString('documentId', { description: 'The id the document gave.' }),
      entityKey: t.exposeString('entityKey', { description: 'The key of the entity in the graph.' }),
      matchedBy: t.exposeString('matchedBy', { description: '"id" or "name".' }),
    }),
  });

export type Payload = {
  report: IngestReport | null;
  problems: { path: string; message: string }[];
  bookmark?: string | null;
};

const BOOKMARK_DESCRIPTION =
  'Bookmark of the write: send it in the `Neo4j-Bookmark` header of a later request, to any instance, ' +
  'and that request reads this write even from a cluster member that has not applied it yet (it waits). ' +
  'Null when nothing was written.';

export const IngestArticlePayload = builder.objectRef<Payload>('IngestArticlePayload').implement({
  description: 'The outcome of ingesting an article document.',
  fields: (t) => ({
    status: t.field({
      type: IngestStatus,
      description: 'What happened.',
      resolve: (p) => (p.report ? p.report.status : 'REJECTED'),
    }),
    article: t.field({
      type: ArticleRef,
      nullable: true,
      description: 'The article as now stored; null when rejected.',
      resolve: (p, _a, ctx) => (p.report ? loadNode(ctx, 'Article', p.report.articleId) : null),
    }),
    problems: t.field({
      type: [Problem],
      description: 'Every problem found; empty on success.',
      resolve: (p) => p.problems,
    }),
    bookmark: t.string({
      nullable: true,
      description: BOOKMARK_DESCRIPTION,
      resolve: (p) => (p.report && p.report.status !== 'UNCHANGED' ? (p.bookmark ?? null) : null),
    }),
    nodesCreated: t.int({
      description: 'Nodes written.',
      resolve: (p) => p.report?.updates.nodesCreated ?? 0,
    }),
    nodesDeleted: t.int({
      description: 'Nodes of an earlier version removed.',
      resolve: (p) => p.report?.updates.nodesDeleted ?? 0,
    }),
    relationshipsCreated: t.int({
      description: 'Relationships written.',
      resolve: (p) => p.report?.updates.relationshipsCreated ?? 0,
    }),
    relationshipsDeleted: t.int({
      description: 'Relationships of an earlier version removed.',
      resolve: (p) => p.report?.updates.relationshipsDeleted ?? 0,
    }),
    entitiesCreated: t.int({
      description: 'Entities new to the graph.',
      resolve: (p) => p.report?.entitiesCreated ?? 0,
    }),
    linkedEntities: t.field({
      type: [LinkedEntity],
      description: 'Entities of the document that joined ones already in the graph.',
      resolve: (p) => p.report?.linked ?? [],
    }),
  }),
});

builder.mutationType({ description: 'Changes to the graph.' });

export function checkToken(ctx: { canIngest: boolean; ingestEnabled: boolean }) {
  if (!ctx.canIngest) {
    throw ctx.ingestEnabled
      ? unauthenticated('ingestion needs the header Authorization: Bearer <INGEST_TOKEN>')
      : forbidden('ingestion over GraphQL is off: the server has no INGEST_TOKEN set');
  }
}

const RemoveArticlePayload = builder
  .objectRef<{
    articleKey: string;
    removed: boolean;
    changed: number;
    gone: number;
    bookmark: string | null;
  }>('RemoveArticlePayload')
  .implement({
    description: 'The outcome of removing an article.',
    fields: (t) => ({
      articleKey: t.exposeString('articleKey', { description: 'The article asked for.' }),
      removed: t.exposeBoolean('removed', { description: 'False when there was no such article.' }),
      statementsChanged: t.exposeInt('changed', {
        description: 'Claims and events other articles still report, rebuilt without this one.',
      }),
      statementsRemoved: t.exposeInt('gone', {
        description: 'Claims and events only this article reported, now gone.',
      }),
      bookmark: t.string({
        nullable: true,
        description: BOOKMARK_DESCRIPTION,
        resolve: (p) => (p.removed ? p.bookmark : null),
      }),
    }),
  });

builder.mutationField('removeArticle', (t) =>
  t.field({
    type: RemoveArticlePayload,
    description:
      'Takes an article out of the graph with what only it contributed, in one transaction; what other ' +
      'articles also report stays. Needs `Authorization: Bearer <INGEST_TOKEN>`.',
    args: { key: t.arg.string({ required: true, description: 'The article key.' }) },
    resolve: async (_r, { key }, ctx) => {
      checkToken(ctx);
      const report = await removeArticle(ctx.db, key);
      const bookmark = ctx.causality.written.join(',') || null;
      await publishRemoval(ctx.subscriptions.bus, report, bookmark ?? undefined);
      const count = (action: string) => report.changes.filter((c) => c.action === action).length;
      return {
        articleKey: key,
        removed: report.removed,
        changed: count('CHANGED'),
        gone: count('REMOVED'),
        bookmark,
      };
    },
  }),
);

builder.mutationField('ingestArticle', (t) =>
  t.field({
    type: IngestArticlePayload,
    description:
      'Validates an article document (schema/article.schema.json) and writes it in one transaction: all of it ' +
      'or none of it. Needs `Authorization: Bearer <INGEST_TOKEN>`.',
    args: { document: t.arg({ type: 'JSON', required: true, description: 'The article document.' }) },
    resolve: async (_r, { document }, ctx) => {
      checkToken(ctx);
      try {
        const report = await ingestDocument(ctx.db, document);
        const bookmark = ctx.causality.written.join(',') || null;
        await publishIngest(ctx.subscriptions.bus, report, bookmark ?? undefined);
        return { report, problems: [], bookmark };
      } catch (error) {
        if (error instanceof IngestError) return { report: null, problems: error.problems };
        throw error;
      }
    },
  }),
);
