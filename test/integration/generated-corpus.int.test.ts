// The benchmark's generated corpus goes through the real ingestion: every document is written,
// generated entities link by id to the same node in every article, and the seed's hubs grow.
import { describe, expect, it } from 'vitest';
import { CorpusGenerator } from '../../bench/generate.js';
import { ingestDocument } from '../../src/ingest/ingest.js';
import { useGraph } from '../helpers.js';

const graph = useGraph();

describe('generated corpus', () => {
  it('ingests on top of the seed, one node per entity id, hubs shared', async () => {
    const generator = new CorpusGenerator({ seed: 11, poolSize: 500 });
    const ids = new Set<string>();
    for (const doc of generator.articles(25)) {
      const report = await ingestDocument(graph.db, doc);
      expect(report.status).toBe('CREATED');
      // Entities of earlier articles are found by id, never by a name that happens to match.
      expect(report.linked.every((l) => l.matchedBy === 'id' && l.entityKey === l.documentId)).toBe(true);
      for (const e of doc.entities) ids.add(e.id);
    }
    const [row] = await graph.cypher(
      'MATCH (e:Entity) WHERE e.id IN $ids RETURN count(e) AS n, count(DISTINCT e.id) AS distinct',
      { ids: [...ids] },
    );
    expect({ n: Number(row?.n), distinct: Number(row?.distinct) }).toEqual({
      n: ids.size,
      distinct: ids.size,
    });
    const [kim] = await graph.cypher(
      "MATCH (:Entity {id: 'person:kim-jong-un'})<-[:PARTICIPANT]-(c:Claim) RETURN count(DISTINCT c) AS n",
    );
    expect(Number(kim?.n)).toBeGreaterThan(13);
    // Ingesting the same document again changes nothing.
    const again = await ingestDocument(graph.db, generator.article(3));
    expect(again.status).toBe('UNCHANGED');
  });
});
