// Entity resolution: which graph entity each entity of a document is. By id first, then by any
// name in any language; a name that matches two entities is a problem, never a guess.
import type { Row } from '../db/run.js';
import type { ArticleDocument, EntityDoc } from './document.js';
import { IngestError } from './errors.js';
import { entityNameKeys } from './rows.js';
import { type EntityFold, parseFold } from './sources.js';
import type { Problem } from './validate.js';

export interface LinkedEntity {
  /** The id the document gave. */
  documentId: string;
  /** The key of the entity in the graph it was linked to (its id there, `key` in the API). */
  entityKey: string;
  matchedBy: 'id' | 'name';
}

export interface Resolution {
  /** Document entity id to graph entity id. */
  graphId: ReadonlyMap<string, string>;
  linked: LinkedEntity[];
  /** Entities new to the graph. */
  created: EntityDoc[];
  /** The graph entities the document joins, with what every article has said of them so far, folded. */
  existing: ReadonlyMap<string, EntityFold | null>;
}

/** The name look-ups of a document's entities, as the prefetch statement takes them. */
export function nameLookups(doc: ArticleDocument) {
  return doc.entities.map((e) => {
    const keys = entityNameKeys(e);
    return { docId: e.id, type: e.type, keys, lucene: keys.map((k) => `"${k}"`).join(' OR ') };
  });
}

interface EntityRow {
  id: string;
  type: string;
  foldJson: string | null;
}

const aType = (type: string) => `${/^[AEIOU]/.test(type) ? 'an' : 'a'} ${type}`;

/** Decides, from what the prefetch found, which graph entity each document entity is. */
export function resolveEntities(doc: ArticleDocument, found: Row): Resolution {
  // The prefetch statement returns these shapes (queries/ingest.ts prefetch).
  const byId = new Map(((found.byId ?? []) as unknown as EntityRow[]).map((r) => [r.id, r]));
  const byName = new Map(
    ((found.byName ?? []) as unknown as { docId: string; found: EntityRow[] }[]).map((r) => [
      r.docId,
      r.found,
    ]),
  );
  const problems: Problem[] = [];
  const graphId = new Map<string, string>();
  const existing = new Map<string, EntityFold | null>();
  const res: Resolution = { graphId, linked: [], created: [], existing };
  const join = (e: EntityDoc, row: EntityRow, matchedBy: LinkedEntity['matchedBy']) => {
    graphId.set(e.id, row.id);
    res.linked.push({ documentId: e.id, entityKey: row.id, matchedBy });
    existing.set(row.id, parseFold(row.foldJson));
  };
  for (const [i, e] of doc.entities.entries()) {
    const same = byId.get(e.id);
    if (same) {
      if (same.type !== e.type) {
        problems.push({
          path: `$.entities[${i}].type`,
          message: `entity "${e.id}" already exists as ${aType(same.type)}, not ${aType(e.type)}`,
        });
      } else join(e, same, 'id');
      continue;
    }
    const matches = byName.get(e.id) ?? [];
    if (matches.length > 1) {
      problems.push({
        path: `$.entities[${i}]`,
        // Sorted, so the same graph always gives the same message (the index returns them by score).
        message: `"${e.labels.en}" matches ${matches.length} existing ${e.type} entities by name (${matches
          .map((m) => m.id)
          .sort()
          .join(', ')}); give the id of the one meant`,
      });
    } else if (matches[0]) {
      join(e, matches[0], 'name');
    } else {
      graphId.set(e.id, e.id);
      res.created.push(e);
    }
  }
  if (problems.length > 0) throw new IngestError(problems);
  return res;
}
