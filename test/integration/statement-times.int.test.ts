// A Database made with counting(stats) tells stats.timed of every statement it sends, in a
// transaction or alone, with its text and its times: what bench:ingest --statements sums.
import { beforeAll, describe, expect, it } from 'vitest';
import type { QueryStats } from '../../src/db/run.js';
import { ingestDocuments } from '../../src/ingest/ingest.js';
import { readSeed, useGraph } from '../helpers.js';

const graph = useGraph({ seed: false });

function recorder() {
  const seen: { cypher: string; ms: number; neo4jMs: number }[] = [];
  const stats: QueryStats = {
    statements: 0,
    timed: (cypher, ms, neo4jMs) => seen.push({ cypher, ms, neo4jMs }),
  };
  return { stats, seen };
}

const wellFormed = (t: { ms: number; neo4jMs: number }) =>
  Number.isFinite(t.ms) && t.ms >= 0 && Number.isFinite(t.neo4jMs) && t.neo4jMs >= 0;

describe('statement times', () => {
  beforeAll(() => graph.reset());

  it('are told for every statement of an ingestion, with its text', async () => {
    const { stats, seen } = recorder();
    const [report] = await ingestDocuments(graph.db.counting(stats), [await readSeed()]);
    expect(report?.status).toBe('CREATED');
    expect(seen.length).toBe(stats.statements);
    expect(seen.length).toBeGreaterThan(5);
    expect(seen.every(wellFormed)).toBe(true);
    expect(seen.some((t) => t.cypher.includes('MERGE (a:Article'))).toBe(true);
  });

  it('are told for a statement read on its own', async () => {
    const { stats, seen } = recorder();
    const rows = await graph.db.counting(stats).read<{ n: number }>({
      cypher: 'MATCH (a:Article) RETURN count(a) AS n',
    });
    expect(rows).toEqual([{ n: 1 }]);
    expect(seen).toHaveLength(1);
    expect(seen[0]?.cypher).toBe('MATCH (a:Article) RETURN count(a) AS n');
    expect(seen.every(wellFormed)).toBe(true);
  });
});
