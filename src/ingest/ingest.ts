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
import { decideSameness, type Merge } from './grouping.js';
import { BatchNames, type BatchWrites, type Candidates } from './names.js';
import { planArticleWrite, relationKeyOf, relationLookups } from './plan.js';
import { prepareWrites, withOneMap } from './prepared.js';
import { refreshStatements, type StatementRef } from './refresh.js';
import { deleteOrphans, removeContributions } from './remove.js';
import { type LinkedEntity, nameLookups, resolveEntities } from './resolve.js';
import { contentHash } from './rows.js';
import type { Proposal } from './sameness.js';
import { parseSources, type RelationSource } from './sources.js';
import { validateDocument } from './validate.js';

export type { LinkedEntity, Merge, Proposal };
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
  /** Reports that joined statements already in the graph, by key as they are afterwards. */
  merged: Merge[];
  /** Statements proposed as the same as a report and not merged, with their scores. */
  notMerged: Proposal[];
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
  return writeOne(db, validation.doc);
}

/** One document in a transaction of its own. */
async function writeOne(db: Database, doc: ArticleDocument): Promise<IngestReport> {
  const names = await BatchNames.read(db, [doc]);
  return db.writeTx((tx) => writeNoting(withOneMap(tx), doc, names.transaction(), 0));
}

/** Writes the batch's document `index` and notes the names it wrote, for the documents after it. */
async function writeNoting(
  tx: Tx,
  doc: ArticleDocument,
  batch: BatchWrites,
  index: number,
): Promise<IngestReport> {
  const report = await writeDocument(tx, doc, batch.forDocument(index));
  const linked = new Map(report.linked.map((l) => [l.documentId, l.entityKey]));
  batch.wrote(doc, (id) => linked.get(id) ?? id);
  return report;
}

/** How many documents ingestDocuments writes in one transaction by default. */
export const INGEST_BATCH = 25;

/** A view of the transaction that counts only the updates made through it from now on. */
function countingFromNow(tx: Tx): Tx {
  const start = { ...tx.updates };
  return {
    get updates() {
      const now = tx.updates;
      return {
        nodesCreated: now.nodesCreated - start.nodesCreated,
        nodesDeleted: now.nodesDeleted - start.nodesDeleted,
        relationshipsCreated: now.relationshipsCreated - start.relationshipsCreated,
        relationshipsDeleted: now.relationshipsDeleted - start.relationshipsDeleted,
        propertiesSet: now.propertiesSet - start.propertiesSet,
      };
    },
    run: (query) => tx.run(query),
  };
}

/**
 * Writes documents in order, `batch` of them to a transaction: one commit for many articles. Each
 * is written as ingestDocument writes it, after the ones before it (a transaction reads its own
 * writes), so the graph and the reports are the same as ingesting them one at a time (except the
 * count of properties set, which Neo4j counts higher on nodes written earlier in the same
 * transaction). Validates every document first and writes nothing if one is invalid. When a
 * document of a batch is refused while writing (a sameAs the graph cannot follow), that batch is
 * written again one document per transaction: those before the refused one are written, and its
 * error is thrown.
 */
export async function ingestDocuments(
  db: Database,
  raws: readonly unknown[],
  options: { batch?: number; onWritten?: (report: IngestReport, index: number) => Promise<void> } = {},
): Promise<IngestReport[]> {
  const batch = options.batch ?? INGEST_BATCH;
  const reports: IngestReport[] = [];
  const written = async (list: IngestReport[]) => {
    for (const r of list) {
      reports.push(r);
      await options.onWritten?.(r, reports.length - 1);
    }
  };
  if (!Number.isInteger(batch) || batch < 1)
    throw new Error(`batch must be a whole number ≥ 1 (got ${batch})`);
  const docs = raws.map((raw) => {
    const validation = validateDocument(raw);
    if (!validation.ok) throw new IngestError(validation.problems);
    return validation.doc;
  });
  await prepareWrites(db);
  for (let i = 0; i < docs.length; i += batch) {
    const chunk = docs.slice(i, i + batch);
    let out: IngestReport[];
    try {
      const names = await BatchNames.read(db, chunk);
      out = await db.writeTx(async (tx) => {
        // Made in the transaction's work: a retried transaction starts with none written.
        const batch = names.transaction();
        const list: IngestReport[] = [];
        for (const [j, doc] of chunk.entries())
          list.push(await writeNoting(withOneMap(countingFromNow(tx)), doc, batch, j));
        return list;
      });
    } catch (error) {
      if (!(error instanceof IngestError) || chunk.length === 1) throw error;
      for (const doc of chunk) await written([await writeOne(db, doc)]);
      continue;
    }
    await written(out);
  }
  return reports;
}

const prefetch = (tx: Tx, doc: ArticleDocument, names: Candidates) =>
  tx
    .run(
      q.prefetch(
        doc.article.id,
        doc.entities.map((e) => e.id),
        nameLookups(doc).map((l) => ({ ...l, ...names.of(l.docId, l.keys) })),
      ),
    )
    .then((rows) => rows[0] ?? {});

/** Writes a valid document; `names` are the graph entities that may be its entities by name. */
export async function writeDocument(tx: Tx, doc: ArticleDocument, names: Candidates): Promise<IngestReport> {
  const hash = contentHash(doc);
  const articleId = doc.article.id;
  const found = await prefetch(tx, doc, names);
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
      merged: [],
      notMerged: [],
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

  // The relations' stored sources are read with the candidates, in one round trip.
  const sameness = await decideSameness(tx, doc, resolution.graphId, {
    // Written by the prefetch as a list of report ids.
    separated: (found.separated ?? []) as string[],
    relations: relationLookups(doc, resolution.graphId),
  });
  const relations = new Map(
    sameness.relations.map((r) => [relationKeyOf(r), parseSources<RelationSource>(r.sourcesJson)]),
  );
  const { grouping } = sameness;
  await tx.run(combine(planArticleWrite({ doc, resolution, relations, grouping, contentHash: hash })));
  // Each report's statement: its own key for those that start one, the joined statement's otherwise.
  const joinedTo = new Map(grouping.joined.map((j) => [j.report, j.statement]));
  const statementOf = (key: string, of: StatementRef['of']): StatementRef => ({
    id: joinedTo.get(key) ?? key,
    of,
  });
  const refreshed = await refreshStatements(tx, [
    ...doc.events.map((e) => statementOf(`${articleId}/${e.id}`, 'Event')),
    ...doc.claims.map((c) => statementOf(`${articleId}/${c.id}`, 'Claim')),
  ]);
  const keyNow = new Map(refreshed.keys.map((k) => [k.from, k.to]));
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
    merged: sameness.merged.map((m) => ({ ...m, statement: keyNow.get(m.statement) ?? m.statement })),
    notMerged: sameness.notMerged,
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
  await prepareWrites(db);
  return db.writeTx(async (tx) => {
    const before = await tx.run(articleStatementSummaries(articleId));
    const removal = await removeContributions(tx, articleId, { article: true, orphans: 'now' });
    if (!removal) return { articleId, removed: false, changes: [] };
    const after = await tx.run(statementSummaries(removal.changed));
    const keys = { created: [], changed: removal.changed, removed: removal.removed };
    return { articleId, removed: true, changes: statementChanges(keys, after, before) };
  });
}
