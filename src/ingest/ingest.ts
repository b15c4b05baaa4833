// Writes one article document into the graph in a single transaction: all of it or none of it.
// The same document twice changes nothing; a changed version replaces the article's contributions.
// What is written is planned in plan.ts; this file reads what the plan needs and runs it.
import { articleStatementSummaries, statementSummaries } from '../db/queries/changes.js';
import { combine } from '../db/queries/combine.js';
import * as q from '../db/queries/ingest.js';
import type { Database, Tx, Updates } from '../db/run.js';
import { type StatementChange, statementChanges } from './changes.js';
import type { ArticleDocument } from './document.js';
import { IngestError } from './errors.js';
import {
  type Grouping,
  planArticleWrite,
  type RelationLookup,
  relationKeyOf,
  relationLookups,
} from './plan.js';
import { prepareWrites, withOneMap } from './prepared.js';
import { refreshStatements } from './refresh.js';
import { deleteOrphans, removeContributions } from './remove.js';
import { type LinkedEntity, nameLookups, resolveEntities } from './resolve.js';
import { contentHash } from './rows.js';
import { parseSources, type RelationSource } from './sources.js';
import { validateDocument } from './validate.js';

export type { LinkedEntity };
export { IngestError };

/** Which statements an ingestion created, changed or removed, by key (as they are afterwards). */
export interface StatementChanges {
  created: string[];
  changed: string[];
  removed: string[];
}

export interface IngestReport {
  articleId: string;
  status: 'CREATED' | 'REPLACED' | 'UNCHANGED';
  updates: Updates;
  entitiesCreated: number;
  linked: LinkedEntity[];
  statements: StatementChanges;
  /** The statements created, changed or removed, with what subscribers filter on. */
  changes: StatementChange[];
}

const NO_UPDATES: Updates = {
  nodesCreated: 0,
  nodesDeleted: 0,
  relationshipsCreated: 0,
  relationshipsDeleted: 0,
  propertiesSet: 0,
};

/** Validates, then writes. Throws IngestError (with every problem) and writes nothing if invalid. */
export async function ingestDocument(db: Database, raw: unknown): Promise<IngestReport> {
  const validation = validateDocument(raw);
  if (!validation.ok) throw new IngestError(validation.problems);
  await prepareWrites(db);
  return db.writeTx((tx) => writeDocument(withOneMap(tx), validation.doc));
}

const prefetch = (tx: Tx, doc: ArticleDocument) =>
  tx
    .run(
      q.prefetch(
        doc.article.id,
        doc.entities.map((e) => e.id),
        nameLookups(doc),
      ),
    )
    .then((rows) => rows[0] ?? {});

export async function writeDocument(tx: Tx, doc: ArticleDocument): Promise<IngestReport> {
  const hash = contentHash(doc);
  const articleId = doc.article.id;
  const found = await prefetch(tx, doc);
  const unchanged = found.hash === hash;
  if (unchanged) {
    const none = { created: [], changed: [], removed: [] };
    return {
      articleId,
      status: 'UNCHANGED',
      updates: NO_UPDATES,
      entitiesCreated: 0,
      linked: [],
      statements: none,
      changes: [],
    };
  }
  const replaced = found.stored === true;
  // What the earlier version's statements were, for telling subscribers about those that go.
  const before = replaced ? await tx.run(articleStatementSummaries(articleId)) : [];
  const removal = replaced
    ? await removeContributions(tx, articleId, { article: false, orphans: 'later' })
    : null;
  // The entities the earlier version named are all still there (orphans go last), so resolution
  // finds them as a first ingestion would; their sources no longer hold the earlier version's.
  const resolution = resolveEntities(doc, found);

  const lookups = relationLookups(doc, resolution.graphId);
  const stored = lookups.length > 0 ? await tx.run(q.relationSources(lookups)) : [];
  const relations = new Map(
    stored.map((r) => [
      relationKeyOf(r as unknown as RelationLookup),
      parseSources<RelationSource>(r.sourcesJson),
    ]),
  );
  const grouping: Grouping = {
    created: [...doc.events, ...doc.claims].map((x) => `${articleId}/${x.id}`),
    joined: [],
  };
  await tx.run(combine(planArticleWrite({ doc, resolution, relations, grouping, contentHash: hash })));
  const refreshed = await refreshStatements(tx, [
    ...doc.events.map((e) => ({ id: `${articleId}/${e.id}`, of: 'Event' as const })),
    ...doc.claims.map((c) => ({ id: `${articleId}/${c.id}`, of: 'Claim' as const })),
  ]);
  // Entities of the earlier version that this one no longer names go when nothing else refers to them.
  if (removal) await deleteOrphans(tx, removal.entities);
  const created = new Set(grouping.created);
  const statements = {
    created: refreshed.keys.filter((k) => created.has(k.from)).map((k) => k.to),
    changed: [
      ...new Set([
        ...refreshed.keys.filter((k) => !created.has(k.from)).map((k) => k.to),
        ...(removal?.changed ?? []),
      ]),
    ].sort(),
    removed: removal?.removed.filter((k) => !created.has(k)) ?? [],
  };
  const updates = { ...tx.updates };
  const after = await tx.run(statementSummaries([...statements.created, ...statements.changed]));
  return {
    articleId,
    status: replaced ? 'REPLACED' : 'CREATED',
    updates,
    entitiesCreated: resolution.created.length,
    linked: resolution.linked,
    statements,
    changes: statementChanges(statements, after, before),
  };
}

export interface RemovalReport {
  articleId: string;
  /** False when there was no such article. */
  removed: boolean;
  changes: StatementChange[];
}

/** Takes an article and what only it contributed out of the graph, in one transaction. */
export async function removeArticle(db: Database, articleId: string): Promise<RemovalReport> {
  return db.writeTx(async (tx) => {
    const before = await tx.run(articleStatementSummaries(articleId));
    const removal = await removeContributions(tx, articleId, { article: true, orphans: 'now' });
    if (!removal) return { articleId, removed: false, changes: [] };
    const after = await tx.run(statementSummaries(removal.changed));
    const keys = { created: [], changed: removal.changed, removed: removal.removed };
    return { articleId, removed: true, changes: statementChanges(keys, after, before) };
  });
}
