// The cost model's arithmetic on made-up statistics: what a query costs with and without them,
// which field a rejection names, and the statistics' fall-back when Neo4j cannot give them.
import { parse } from 'graphql';
import { describe, expect, it, vi } from 'vitest';
import { FAN_OUT_NAMES, type FanOutName } from '../../src/db/queries/fan-out.js';
import type { Database } from '../../src/db/run.js';
import { FanOutStatistics } from '../../src/graph/fan-out.js';
import { estimateCost, type FanOut, listItems } from '../../src/http/cost.js';
import { overLimits } from '../../src/http/cost-limit.js';
import { schema } from '../../src/schema/index.js';
import { costModel } from '../../src/yoga.js';

const STATS: Partial<Record<FanOutName, FanOut>> = {
  entityClaims: { p95: 3, max: 10 },
  claimParticipants: { p95: 4, max: 9 },
};

const withStats = costModel({ of: (edge) => STATS[edge] });
const without = costModel({ of: () => undefined });
const price = (query: string, model = withStats, variables?: Record<string, unknown>) =>
  estimateCost(schema, parse(query), model, variables);

const ENTITY_CLAIMS = '{ entity(key: "x") { key claims { edges { node { key } } } } }';
const ENTITIES_CLAIMS = '{ entities { edges { node { claims { edges { node { key } } } } } } }';

describe('the cost of a query', () => {
  it('prices a list by its typical parents plus one largest, never above full pages', () => {
    expect(listItems(1, 20, { p95: 3, max: 10 })).toBe(10); // one parent may be the largest
    expect(listItems(20, 20, { p95: 3, max: 10 })).toBe(67); // 20 typical, one of them the largest
    expect(listItems(20, 2, { p95: 3, max: 10 })).toBe(40); // pages of 2 are full pages
    expect(listItems(0, 20, { p95: 3, max: 10 })).toBe(0);
    expect(listItems(20, 20, undefined)).toBe(400); // no statistics: full pages
  });

  it('counts one value per field and item, with nested pages priced by their statistics', () => {
    // entity 1, key 1, claims 1, edges 10, node 10, key 10; full pages: edges, node, key 20 each.
    expect(price(ENTITY_CLAIMS)).toMatchObject({ cost: 33, worstCase: 63 });
    // entities 1, edges 20, node 20, claims 20, then 67 edges, nodes and keys; a root list is its page.
    expect(price(ENTITIES_CLAIMS)).toMatchObject({ cost: 262, worstCase: 1261 });
    expect(price(ENTITIES_CLAIMS, without)).toMatchObject({ cost: 1261, worstCase: 1261 });
  });

  it('prices a plain list of a relationship by its statistics, else as a default page', () => {
    // claim 1, participants 9 (one claim may have the most), role, entity, key 9 each.
    const one = '{ claim(key: "x") { participants { role entity { key } } } }';
    expect(price(one)).toMatchObject({ cost: 37, worstCase: 81 });
    expect(price(one, without)).toMatchObject({ cost: 81 });
    // Under 20 claims: 20 × 4 typical + 5 more for the largest.
    const many = '{ claims { edges { node { participants { role } } } } }';
    expect(price(many)).toMatchObject({ cost: 1 + 20 + 20 + 85 + 85 });
  });

  it('prices facets at the whole list they count, not at the page beside them', () => {
    const facets = 'facets { kinds { value count } }';
    // entity 1, claims 1, facets: the largest entity's 10 claims counted, 20 kinds, values, counts.
    expect(price(`{ entity(key: "x") { claims(first: 1) { ${facets} } } }`).cost).toBe(1 + 1 + 10 + 60);
    // Under 20 entities: 20 × 3 typical + 7 more for the largest, and the values once per entity.
    const many = `{ entities { edges { node { claims(first: 1) { ${facets} } } } } }`;
    expect(price(many).cost).toBe(1 + 20 + 20 + 20 + 67 + 20 * 60);
    // Without statistics, and on root lists: a page of items counted, a default one at least.
    expect(price(`{ entity(key: "x") { claims(first: 1) { ${facets} } } }`, without).cost).toBe(
      1 + 1 + 20 + 60,
    );
    expect(price(`{ claims { ${facets} } }`).cost).toBe(1 + 20 + 60);
  });

  it('reads page sizes from literals, variables, variable defaults and argument defaults', () => {
    const q = 'query($n: Int) { entities(first: $n) { edges { node { key } } } }';
    expect(price(q, withStats, { n: 3 }).cost).toBe(1 + 3 + 3 + 3);
    expect(price(q, withStats, { n: 100 }).cost).toBe(1 + 300);
    expect(price('query($n: Int = 50) { entities(first: $n) { edges { node { key } } } }').cost).toBe(151);
    expect(price('{ entities(last: 7) { edges { node { key } } } }').cost).toBe(22);
    // neighborhood's own default is 50 nodes.
    expect(price('{ neighborhood(key: "x") { nodes { id } } }').cost).toBe(1 + 50 + 50);
    expect(price('{ nodes(ids: ["a", "b", "c"]) { id } }').cost).toBe(3 + 3);
  });

  it('counts aliases and fragments each time they are selected', () => {
    const once = price('{ entity(key: "x") { key } }').cost;
    expect(price('{ a: entity(key: "x") { key } b: entity(key: "y") { key } }').cost).toBe(2 * once);
    const spread = price(`fragment F on Entity { claims { edges { node { key } } } }
      { entity(key: "x") { key ...F ... on Person { ...F } } }`);
    expect(spread.cost).toBe(2 + 2 * 31);
  });

  it('prices a negative page as empty, so that it cannot offset another field', () => {
    const offset = '{ a: entities(first: -100000) { edges { node { key } } } b: entities { totalCount } }';
    expect(price(offset).cost).toBe(1 + 1 + 1);
  });

  it('expands a fragment that spreads itself once, without looping', () => {
    // Validation refuses such a document before it runs; pricing it anyway still ends.
    const cyclic = `fragment A on Entity { key ...B } fragment B on Entity { label ...A }
      { entity(key: "x") { ...A } }`;
    expect(price(cyclic).cost).toBe(3);
  });

  it('names the costliest field below the root in a rejection, with what it cost', () => {
    const error = overLimits(price(ENTITIES_CLAIMS), { cost: 100, worstCase: 10_000 });
    expect(error?.message).toBe(
      'Query cost 262 exceeds the limit of 100; most expensive: Query.entities.edges.node.claims (221)',
    );
    expect(error?.extensions).toMatchObject({
      code: 'QUERY_TOO_COMPLEX',
      cost: 262,
      limit: 100,
      field: 'Query.entities.edges.node.claims',
    });
    expect(overLimits(price(ENTITIES_CLAIMS), { cost: 262, worstCase: 1261 })).toBeUndefined();
  });

  it('refuses a query over the ceiling priced with full lists, whatever the statistics say', () => {
    const error = overLimits(price(ENTITIES_CLAIMS), { cost: 10_000, worstCase: 1_000 });
    expect(error?.message).toBe(
      'Query cost with every list full 1,261 exceeds the limit of 1,000; most expensive: ' +
        'Query.entities.edges.node.claims (1,220)',
    );
  });
});

/** A database that answers the statistics statements with `rows`, or fails. */
function fakeDatabase(answer: () => unknown[]): Database {
  const db = {
    readTx: async (work: (tx: unknown) => Promise<unknown>) => work({ run: async () => answer() }),
  };
  // Only readTx is used by the statistics; the rest of Database is not needed here.
  return db as unknown as Database;
}

describe('the fan-out statistics', () => {
  it('hold the 95th percentile and the largest count per relationship', async () => {
    const stats = new FanOutStatistics(fakeDatabase(() => [{ parents: 4, max: 12, p95: 5 }]));
    await stats.refresh();
    expect(stats.of('entityClaims')).toEqual({ p95: 5, max: 12 });
  });

  it('hold nothing for an empty graph, so that lists are priced as full pages', async () => {
    const stats = new FanOutStatistics(fakeDatabase(() => [{ parents: 0, max: null, p95: null }]));
    await stats.refresh();
    expect(stats.loaded).toBe(true);
    expect(stats.of('entityClaims')).toBeUndefined();
  });

  it('hold nothing while Neo4j cannot give them, and keep what they had when it fails later', async () => {
    let up = false;
    const stats = new FanOutStatistics(
      fakeDatabase(() => {
        if (!up) throw new Error('unavailable');
        return [{ parents: 1, max: 2, p95: 2 }];
      }),
      0,
    );
    await stats.refresh();
    expect(stats.of('entityClaims')).toBeUndefined();
    up = true;
    await stats.refresh();
    expect(stats.of('entityClaims')).toEqual({ p95: 2, max: 2 });
    up = false;
    await stats.refresh();
    expect(stats.of('entityClaims')).toEqual({ p95: 2, max: 2 });
  });

  it('are asked for again by a request once Neo4j failed more than 5 s ago, not before', async () => {
    vi.useFakeTimers({ now: 0 });
    try {
      let up = false;
      let asked = 0;
      const stats = new FanOutStatistics(
        fakeDatabase(() => {
          asked += 1;
          if (!up) throw new Error('unavailable');
          return [{ parents: 1, max: 3, p95: 3 }];
        }),
        0,
      );
      await stats.refresh();
      const afterFailure = asked;
      up = true;
      vi.setSystemTime(4_000);
      expect(stats.of('entityClaims')).toBeUndefined();
      await vi.waitFor(() => expect(asked).toBe(afterFailure));
      vi.setSystemTime(6_000);
      expect(stats.of('entityClaims')).toBeUndefined(); // this request starts the load
      await vi.waitFor(() => expect(stats.of('entityClaims')).toEqual({ p95: 3, max: 3 }));
    } finally {
      vi.useRealTimers();
    }
  });

  it('wait twenty times as long as the last load took before the next, at least', async () => {
    vi.useFakeTimers({ now: 0 });
    try {
      // Each load takes 3 s: its transaction moves the clock on.
      const answering = fakeDatabase(() => [{ parents: 1, max: 1, p95: 1 }]);
      const slow = {
        readTx: (work: (tx: unknown) => Promise<unknown>) => {
          vi.setSystemTime(Date.now() + 3_000);
          return answering.readTx(work);
        },
      };
      // As fakeDatabase: only readTx is used by the statistics.
      const stats = new FanOutStatistics(slow as unknown as Database, 0);
      await stats.refresh();
      expect(stats.loads).toBe(1);
      const again = stats.refresh(); // 3 s after the first began: queued until 60 s after it
      await vi.advanceTimersByTimeAsync(50_000);
      expect(stats.loads).toBe(1);
      await vi.advanceTimersByTimeAsync(10_000);
      await again;
      expect(stats.loads).toBe(2);
    } finally {
      vi.useRealTimers();
    }
  });

  it('reload once more when asked during a load, not once per request', async () => {
    let loads = 0;
    const stats = new FanOutStatistics(
      fakeDatabase(() => {
        loads += 1;
        return [{ parents: 1, max: 1, p95: 1 }];
      }),
      0,
    );
    await Promise.all([stats.refresh(), stats.refresh(), stats.refresh()]);
    expect(stats.loads).toBe(2);
    await stats.refresh();
    expect(stats.loads).toBe(3);
    // One statement per relationship, per load.
    expect(loads).toBe(3 * FAN_OUT_NAMES.length);
  });

  it('begin loads at least the interval apart, however often asked', async () => {
    vi.useFakeTimers({ now: 0 });
    try {
      const stats = new FanOutStatistics(
        fakeDatabase(() => [{ parents: 1, max: 1, p95: 1 }]),
        10_000,
      );
      await stats.refresh();
      expect(stats.loads).toBe(1);
      const later = stats.refresh();
      void stats.refresh();
      await vi.advanceTimersByTimeAsync(9_000);
      expect(stats.loads).toBe(1);
      await vi.advanceTimersByTimeAsync(1_000);
      await later;
      expect(stats.loads).toBe(2);
    } finally {
      vi.useRealTimers();
    }
  });

  it('reload on a timer too, for writes no event tells of, until stopped', async () => {
    vi.useFakeTimers({ now: 0 });
    try {
      const stats = new FanOutStatistics(
        fakeDatabase(() => [{ parents: 1, max: 1, p95: 1 }]),
        0,
      );
      const stop = stats.refreshEvery(60_000);
      await vi.advanceTimersByTimeAsync(60_000);
      expect(stats.loads).toBe(1);
      await vi.advanceTimersByTimeAsync(60_000);
      expect(stats.loads).toBe(2);
      stop();
      await vi.advanceTimersByTimeAsync(120_000);
      expect(stats.loads).toBe(2);
    } finally {
      vi.useRealTimers();
    }
  });
});
