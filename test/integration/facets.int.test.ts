// Facets: counts grouped by kind, status, type or role over a whole filtered list, computed in
// the database; they agree with paging through the list and counting by hand.
import { describe, expect, it } from 'vitest';
import { useGraph } from '../helpers.js';

const graph = useGraph();

async function ask<T = any>(query: string): Promise<T> {
  const res = await graph.gql<T>(query);
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data as T;
}

const tally = (values: string[]) => {
  const out: Record<string, number> = {};
  for (const v of values) out[v] = (out[v] ?? 0) + 1;
  return out;
};
const asMap = (list: { value: string; count: number }[]) =>
  Object.fromEntries(list.map((f) => [f.value, f.count]));

describe('facets on the root lists', () => {
  it('claims involving Russia: kinds, statuses and Russia’s roles, as paging through them finds', async () => {
    const { claims } = await ask(`{ claims(filter: {participant: "country:russia"}, first: 100) {
      totalCount
      facets { kinds { value count } statuses { value count } roles { value count } }
      edges { node { kind status participants { role entity { key } } } }
    } }`);
    const nodes = claims.edges.map((e: any) => e.node);
    expect(claims.totalCount).toBe(nodes.length);
    expect(asMap(claims.facets.kinds)).toEqual(tally(nodes.map((n: any) => n.kind)));
    expect(asMap(claims.facets.statuses)).toEqual(tally(nodes.map((n: any) => n.status)));
    const roles = nodes.flatMap((n: any) => [
      ...new Set(
        n.participants
          .filter((p: any) => p.entity.key === 'country:russia')
          .map((p: any) => p.role as string),
      ),
    ]);
    expect(asMap(claims.facets.roles)).toEqual(tally(roles as string[]));
    const counts = claims.facets.kinds.map((f: any) => f.count);
    expect(counts).toEqual([...counts].sort((a: number, b: number) => b - a));
  });

  it('events by kind and status follow the filter; entities by type', async () => {
    const data = await ask(`{
      events(filter: {kinds: ["tour", "arrival"]}) { totalCount facets { kinds { value count } statuses { value count } } }
      entities { totalCount facets { types { value count } } }
    }`);
    expect(asMap(data.events.facets.kinds)).toEqual({ Tour: 3, Arrival: 2 });
    expect(data.events.facets.statuses.reduce((a: number, f: any) => a + f.count, 0)).toBe(5);
    expect(asMap(data.entities.facets.types)).toMatchObject({ Person: 5 });
    expect(data.entities.facets.types.reduce((a: number, f: any) => a + f.count, 0)).toBe(
      data.entities.totalCount,
    );
  });
});
