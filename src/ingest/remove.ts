// Takes an article's contributions out of the graph: its reports, evidence and paragraphs; its
// sources of entity names and relations; the statements only it supported. Statements others
// still support stay, rebuilt from the reports left. Used for removal and before a replacement.
import * as ingest from '../db/queries/ingest.js';
import * as q from '../db/queries/removal.js';
import type { Tx } from '../db/run.js';
import { type Refreshed, refreshStatements, type StatementRef } from './refresh.js';
import {
  decidesFold,
  type EntitySource,
  entityFromSources,
  parseFold,
  parseSources,
  type RelationSource,
  relationFromSources,
} from './sources.js';

export interface Removal {
  /** Statements that lost a report and stay; keys as they are after the removal. */
  changed: string[];
  /** Statements that had no other report and are gone. */
  removed: string[];
  /** Entities no other article names, gone with it (with `orphans: 'now'`). */
  entitiesRemoved: string[];
  /** The entities the article named: those left with no source and nothing pointing at them are orphans. */
  entities: string[];
}

interface Contributions {
  statements: StatementRef[];
  entities: { id: string; foldJson: string | null }[];
  relations: { type: string; from: string; to: string; key: string; sourcesJson: string | null }[];
}

/** Deletes those of the entities that no article names any more and nothing refers to. */
export async function deleteOrphans(tx: Tx, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  return (await tx.run(q.deleteOrphanEntities(ids))).map((r) => String(r.id));
}

/**
 * Removes what the article contributed; null when there is no such article. Entities only it named
 * are deleted with `orphans: 'now'`; a replacement deletes them after writing the new version
 * instead, which may name them again (and must find them by id, as a first ingestion would).
 */
export async function removeContributions(
  tx: Tx,
  articleId: string,
  options: { article: boolean; orphans: 'now' | 'later' },
): Promise<Removal | null> {
  const [found] = await tx.run(q.articleContributions(articleId));
  if (!found) return null;
  // The shapes articleContributions returns.
  const c = found as unknown as Contributions;
  await tx.run(q.deleteArticleData(articleId, options.article));
  for (const legacy of q.deleteLegacyRelations(articleId)) await tx.run(legacy);

  const relations = c.relations.map((r) => {
    const sources = parseSources<RelationSource>(r.sourcesJson);
    delete sources[articleId];
    return { ...r, props: relationFromSources(r.key, sources) };
  });
  const stay = relations.filter((r) => r.props !== null);
  for (const type of ingest.RELATION_TYPES.values) {
    const rows = stay.filter((r) => r.type === type).map(({ from, to, props }) => ({ from, to, props }));
    if (rows.length > 0) await tx.run(ingest.writeRelations(type, rows));
  }
  const gone = relations.filter((r) => r.props === null);
  if (gone.length > 0) await tx.run(q.deleteRelations(gone));

  // An entity's names change only where this article's source came first; those are folded again
  // from every other article's source, the others stay as they are.
  const decided = c.entities.filter((e) => {
    const fold = parseFold(e.foldJson);
    return fold === null || decidesFold(fold, articleId);
  });
  if (decided.length > 0) {
    const others = await tx.run(
      q.otherSources(
        articleId,
        decided.map((e) => e.id),
      ),
    );
    const entities = others.map((o) => {
      const sources = Object.fromEntries(
        // Each written by writeNames from an EntitySource.
        o.sources.map((s) => [s.article, JSON.parse(s.sourceJson) as EntitySource]),
      );
      return { id: o.id, ...(entityFromSources(sources) ?? { foldJson: null }) };
    });
    await tx.run(ingest.updateEntities(entities));
  }

  // Statements that lost their only report went with the article's data; the others are rebuilt.
  const left = await existing(tx, c.statements);
  const refreshed: Refreshed = left.length > 0 ? await refreshStatements(tx, left) : { keys: [] };
  const ids = c.entities.map((e) => e.id);
  const deleted = options.orphans === 'now' ? await deleteOrphans(tx, ids) : [];
  const changed = new Set(left.map((s) => s.id));
  return {
    changed: refreshed.keys.filter((k) => changed.has(k.from)).map((k) => k.to),
    removed: c.statements.filter((s) => !changed.has(s.id)).map((s) => s.id),
    entitiesRemoved: deleted,
    entities: ids,
  };
}

async function existing(tx: Tx, statements: StatementRef[]): Promise<StatementRef[]> {
  if (statements.length === 0) return [];
  const rows = await tx.run(q.remainingStatements(statements));
  return rows.map((r) => ({ id: String(r.id), of: r.of === 'Event' ? 'Event' : 'Claim' }));
}
