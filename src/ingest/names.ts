// Which graph entities may be a document's entities by name. The full-text index finds them, read
// once for a batch of documents before its transaction (queries/ingest.ts nameCandidates); the
// names the batch's own documents write are added as they are written, so a document finds by name
// what an earlier one of its transaction wrote. The write then keeps the candidates that still
// share a name with it (queries/ingest.ts prefetch), so names an earlier document took away do not
// match. A name another writer commits between the read and the transaction is not seen: two
// writers bringing the same new entity at the same moment could make twins before, and can now
// while a batch is written.
import { nameCandidates } from '../db/queries/ingest.js';
import type { Database } from '../db/run.js';
import type { ArticleDocument } from './document.js';
import { nameLookups } from './resolve.js';
import { entityNameKeys } from './rows.js';

export interface Candidates {
  /**
   * Graph entities that may be the document entity `docId` by one of its name keys, and whether
   * the write must look its names up itself (the graph had it by id when read).
   */
  of(docId: string, keys: readonly string[]): { candidates: string[]; search: boolean };
}

interface Found {
  ids: string[];
  search: boolean;
}

/** What the graph held under the names of a batch's documents before its transaction. */
export class BatchNames {
  private constructor(private readonly found: Map<string, Found>[]) {}

  static async read(db: Database, docs: readonly ArticleDocument[]): Promise<BatchNames> {
    const found = docs.map(() => new Map<string, Found>());
    const lookups = docs.map(nameLookups);
    if (lookups.some((l) => l.length > 0))
      for (const row of await db.read(nameCandidates(lookups)))
        found[row.doc]?.set(row.docId, { ids: row.ids, search: row.search });
    return new BatchNames(found);
  }

  /** One transaction's view: what the graph held, and the names its documents wrote so far. */
  transaction(): BatchWrites {
    return new BatchWrites(this.found);
  }
}

export class BatchWrites {
  /** Name key to the graph entities documents of this transaction wrote it for. */
  private readonly written = new Map<string, Set<string>>();

  constructor(private readonly found: readonly Map<string, Found>[]) {}

  /** The candidates of the batch's document `index`. */
  forDocument(index: number): Candidates {
    return {
      of: (docId, keys) => {
        const found = this.found[index]?.get(docId);
        const written = keys.flatMap((k) => [...(this.written.get(k) ?? [])]);
        return {
          candidates: [...new Set([...(found?.ids ?? []), ...written])],
          search: found?.search ?? false,
        };
      },
    };
  }

  /** Takes note of the names a written document gave its graph entities. */
  wrote(doc: ArticleDocument, graphId: (docId: string) => string): void {
    for (const e of doc.entities)
      for (const key of entityNameKeys(e)) {
        const ids = this.written.get(key) ?? new Set<string>();
        ids.add(graphId(e.id));
        this.written.set(key, ids);
      }
  }
}
