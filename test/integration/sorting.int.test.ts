// Sorting the root lists: by date either way (precision respected), by sources, by name, by
// mentions; stable, and cursors walk each order without skipping or repeating an item.
import { describe, expect, it } from 'vitest';
import { useGraph } from '../helpers.js';

const graph = useGraph();

async function ask<T = any>(query: string, variables?: Record<string, unknown>): Promise<T> {
  const res = await graph.gql<T>(query, variables);
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data as T;
}

/** Every key of a root list, page by page with cursors of `size`. */
async function walk(field: string, order: string, size: number, select: string): Promise<any[]> {
  const out: any[] = [];
  let after: string | null = null;
  for (let i = 0; i < 100; i++) {
    const data: any = await ask(
      `query($after: String) { ${field}(orderBy: ${order}, first: ${size}, after: $after) {
        pageInfo { hasNextPage endCursor } edges { node { ${select} } } } }`,
      { after },
    );
    out.push(...data[field].edges.map((e: any) => e.node));
    if (!data[field].pageInfo.hasNextPage) return out;
    after = data[field].pageInfo.endCursor;
  }
  throw new Error('did not end');
}

describe('sorted root lists', () => {
  it('claims NEWEST: latest first, the reverse of TIME, and paging gives the one big page', async () => {
    const select = 'key time { start precision }';
    const newest = await walk('claims', 'NEWEST', 3, select);
    const oldest = await walk('claims', 'TIME', 100, select);
    expect(newest.map((c) => c.key)).toEqual(oldest.map((c) => c.key).reverse());
    const all = await walk('claims', 'NEWEST', 100, select);
    expect(newest.map((c) => c.key)).toEqual(all.map((c) => c.key));
  });

  it('events NEWEST: latest day first; the rule known only by its year (2011) comes last', async () => {
    const events = await walk('events', 'NEWEST', 4, 'key time { start precision }');
    const rows = await graph.cypher(
      `MATCH (e:Event) RETURN e.id AS key
       ORDER BY e.sortDate DESC, CASE e.precision WHEN 'YEAR' THEN 0 WHEN 'MONTH' THEN 1 ELSE 2 END DESC, e.id DESC`,
    );
    expect(events.map((e) => e.key)).toEqual(rows.map((r) => r.key));
    expect(events.at(-1)?.key).toMatch(/event:kim-rule$/);
    expect(events.at(-1)?.time.precision).toBe('YEAR');
  });

  it('entities by MENTIONS: the most quoted first, as the graph counts them', async () => {
    const entities = await walk('entities', 'MENTIONS', 7, 'key');
    const rows = await graph.cypher(
      'MATCH (e:Entity) RETURN e.id AS key, COUNT { (e)<-[:MENTIONS]-(:Evidence) } AS n ORDER BY n DESC, key',
    );
    expect(entities.map((e) => e.key)).toEqual(rows.map((r) => r.key));
    expect(Number(rows[0]?.n)).toBeGreaterThan(Number(rows.at(-1)?.n));
  });

  it('entities by NAME, whatever the case; SOURCES orders claims by how many articles report them', async () => {
    const byName = await walk('entities', 'NAME', 10, 'key label');
    const labels = byName.map((e) => e.label.toLowerCase());
    expect(labels).toEqual([...labels].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    const bySources = await walk('claims', 'SOURCES', 5, 'key');
    expect(new Set(bySources.map((c) => c.key)).size).toBe(bySources.length);
  });

  it('a cursor of one order is refused by another', async () => {
    const data = await ask('{ claims(orderBy: TIME, first: 1) { pageInfo { endCursor } } }');
    const res = await graph.gql('query($a: String) { claims(orderBy: NEWEST, after: $a) { totalCount } }', {
      a: data.claims.pageInfo.endCursor,
    });
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
