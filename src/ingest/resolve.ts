// Entity resolution: which graph entity each entity of a document is. By id first, then by any
// name in any language; a name that matches two entities is a problem, never a guess. Reads only.
import * as q from '../db/queries/ingest.js';
import type { Tx } from '../db/run.js';
import type { ArticleDocument, EntityDoc } from './document.js';
import { IngestError } from './errors.js';
import { entityNameKeys } from './rows.js';
import type { Problem } from './validate.js';

export interface LinkedEntity {
  /** The id the document gave. */
  documentId: string;
  /** The entity in the graph it was linked to. */
  entityId: string;
  matchedBy: 'id' | 'name';
}

/** The names an entity already has in the graph. */
export interface GraphNames {
  labels: Record<string, string>;
  aliases: Record<string, string[]>;
}

export interface Resolution {
  /** Document entity id to graph entity id. */
  graphId: ReadonlyMap<string, string>;
  linked: LinkedEntity[];
  /** Entities new to the graph. */
  created: EntityDoc[];
  /** Entities that join one already in the graph, with that entity's names. */
  updated: { doc: EntityDoc; names: GraphNames }[];
}

const aType = (type: string) => `${/^[AEIOU]/.test(type) ? 'an' : 'a'} ${type}`;

const parseJson = <T>(s: unknown, fallback: T): T =>
  typeof s === 'string' ? (JSON.parse(s) as T) : fallback;

const namesOf = (row: Record<string, unknown>): GraphNames => ({
  labels: parseJson(row.labelsJson, {}),
  aliases: parseJson(row.aliasesJson, {}),
});

export async function resolveEntities(tx: Tx, doc: ArticleDocument): Promise<Resolution> {
  const problems: Problem[] = [];
  const graphId = new Map<string, string>();
  const res: Resolution = { graphId, linked: [], created: [], updated: [] };
  const byId = new Map((await tx.run(q.entitiesById(doc.entities.map((e) => e.id)))).map((r) => [r.id, r]));
  for (const [i, e] of doc.entities.entries()) {
    const existing = byId.get(e.id);
    if (existing) {
      if (existing.type !== e.type) {
        problems.push({
          path: `$.entities[${i}].type`,
          message: `entity "${e.id}" already exists as ${aType(String(existing.type))}, not ${aType(e.type)}`,
        });
        continue;
      }
      graphId.set(e.id, e.id);
      res.linked.push({ documentId: e.id, entityId: e.id, matchedBy: 'id' });
      res.updated.push({ doc: e, names: namesOf(existing) });
      continue;
    }
    const matches = await tx.run(q.entitiesByNameKeys(e.type, entityNameKeys(e)));
    if (matches.length > 1) {
      problems.push({
        path: `$.entities[${i}]`,
        // Sorted, so the same graph always gives the same message (the index returns them by score).
        message: `"${e.labels.en}" matches ${matches.length} existing ${e.type} entities by name (${matches
          .map((m) => String(m.id))
          .sort()
          .join(', ')}); give the id of the one meant`,
      });
    } else if (matches.length === 1 && matches[0]) {
      const m = matches[0];
      graphId.set(e.id, String(m.id));
      res.linked.push({ documentId: e.id, entityId: String(m.id), matchedBy: 'name' });
      res.updated.push({ doc: e, names: namesOf(m) });
    } else {
      graphId.set(e.id, e.id);
      res.created.push(e);
    }
  }
  if (problems.length > 0) throw new IngestError(problems);
  return res;
}
