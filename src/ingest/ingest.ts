// Writes one article document into the graph in a single transaction: all of it or none of it.
// The same document twice changes nothing; a changed version replaces the article's facts.
// What is written is planned in plan.ts; this file reads what the plan needs and runs it.
import * as q from '../db/queries/ingest.js';
import type { Database, Updates } from '../db/run.js';
import type { ArticleDocument } from './document.js';
import { IngestError } from './errors.js';
import { planArticleWrite } from './plan.js';
import { type LinkedEntity, resolveEntities } from './resolve.js';
import { contentHash } from './rows.js';
import { validateDocument } from './validate.js';

export type { LinkedEntity };
export { IngestError };

export interface IngestReport {
  articleId: string;
  status: 'CREATED' | 'REPLACED' | 'UNCHANGED';
  updates: Updates;
  entitiesCreated: number;
  linked: LinkedEntity[];
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
  return writeDocument(db, validation.doc);
}

async function writeDocument(db: Database, doc: ArticleDocument): Promise<IngestReport> {
  const hash = contentHash(doc);
  const articleId = doc.article.id;
  return db.writeTx(async (tx) => {
    const [previous] = await tx.run(q.articleHash(articleId));
    if (previous?.hash === hash) {
      return { articleId, status: 'UNCHANGED', updates: NO_UPDATES, entitiesCreated: 0, linked: [] };
    }
    // The entities the earlier version referred to in any way, to check for orphans afterwards.
    const touched = new Set<string>();
    if (previous) {
      for (const query of q.deleteArticleFacts(articleId)) {
        for (const row of await tx.run(query))
          for (const id of (row.touched as string[]) ?? []) touched.add(id);
      }
    }
    const resolution = await resolveEntities(tx, doc);
    for (const step of planArticleWrite(doc, resolution, hash)) await tx.run(step);
    // Entities of the earlier version that this one no longer has go when nothing else refers to
    // them; those still in the document stay, as a first ingestion of it would create them.
    const kept = new Set(resolution.graphId.values());
    const gone = [...touched].filter((id) => !kept.has(id));
    if (gone.length > 0) await tx.run(q.deleteOrphanEntities(gone));
    return {
      articleId,
      status: previous ? 'REPLACED' : 'CREATED',
      updates: { ...tx.updates },
      entitiesCreated: resolution.created.length,
      linked: resolution.linked,
    };
  });
}
