// Sorting the lists below a node (an entity's claims, an article's entities…) by the orders of the
// root lists: each order is the one the graph gives when sorted by hand, a walk with cursors gives
// every item once, read in the parent's statement or by the loaders, and a cursor of one order is
// refused by another.
import type { Plugin } from 'graphql-yoga';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Context } from '../../src/context.js';
import { createYogaServer, type YogaServer } from '../../src/yoga.js';
import { ARTICLE_KEY, useGraph } from '../helpers.js';

const graph = useGraph();
let levelByLevel: YogaServer;
let counted: YogaServer;
let statements = -1;

beforeAll(() => {
  levelByLevel = createYogaServer(graph.db, { compile: false });
  const count: Plugin = {
    onExecute: () => ({
      onExecuteDone: ({ args }) => {
        statements = (args.contextValue as unknown as Context).stats.statements;
      },
    }),
  };
  counted = createYogaServer(graph.db, { plugins: [count] });
});

async function ask(query: string, variables: Record<string, unknown>, compiled: boolean): Promise<any> {
  const res = compiled
    ? await graph.gql(query, variables)
    : await (
        await levelByLevel.fetch('http://localhost/graphql', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query, variables }),
        })
      ).json();
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data;
}

const RANK = "CASE y.precision WHEN 'YEAR' THEN 0 WHEN 'MONTH' THEN 1 ELSE 2 END";
/** Each order as the test sorts by hand, over the items `y`. */
const BY_HAND: Record<string, string> = {
  TIME: 'y.sortDate, y.id',
  NEWEST: `y.sortDate DESC, ${RANK} DESC, y.id DESC`,
  SOURCES: 'coalesce(y.sourceCount, 1) DESC, y.sortDate, y.id',
  TYPE_NAME: 'y.type, y.label, y.id',
  NAME: 'toLower(y.label), y.id',
  MENTIONS: 'COUNT { (y)<-[:MENTIONS]-(:Evidence) } DESC, y.id',
};
const STATEMENTS = ['TIME', 'NEWEST', 'SOURCES'];
const ENTITIES = ['TYPE_NAME', 'NAME', 'MENTIONS'];

interface List {
  name: string;
  /** The parent field around the list, `$o` its order. */
  wrap: (inner: string) => string;
  pick: (data: any) => any;
  field: string;
  orders: string[];
  /** The items `y` of the list, for sorting by hand; $key is the parent's. */
  match: string;
  key: string;
}

const LISTS: List[] = [
  {
    name: 'an entity’s claims',
    wrap: (inner) => `entity(key: $key) { ${inner} }`,
    pick: (d) => d.entity,
    field: 'claims',
    orders: STATEMENTS,
    match: 'MATCH (:Entity {id: $key})<-[:PARTICIPANT]-(y:Claim)',
    key: 'country:russia',
  },
  {
    name: 'an entity’s events',
    wrap: (inner) => `entity(key: $key) { ${inner} }`,
    pick: (d) => d.entity,
    field: 'events',
    orders: STATEMENTS,
    match: 'MATCH (:Entity {id: $key})<-[:PARTICIPANT]-(y:Event)',
    key: 'person:kim-jong-un',
  },
  {
    name: 'a place’s events',
    wrap: (inner) => `entity(key: $key) { ... on Place { ${inner} } }`,
    pick: (d) => d.entity,
    field: 'eventsHere',
    orders: STATEMENTS,
    match: 'MATCH (:Entity {id: $key})<-[:AT]-(y:Event)',
    key: 'country:russia',
  },
  {
    name: 'an article’s claims',
    wrap: (inner) => `article(key: $key) { ${inner} }`,
    pick: (d) => d.article,
    field: 'claims',
    orders: STATEMENTS,
    match: 'MATCH (:Article {id: $key})<-[:REPORTED_IN]-(y:Claim)',
    key: ARTICLE_KEY,
  },
  {
    name: 'an article’s entities',
    wrap: (inner) => `article(key: $key) { ${inner} }`,
    pick: (d) => d.article,
    field: 'entities',
    orders: ENTITIES,
    match: 'MATCH (:Article {id: $key})<-[:IN_ARTICLE]-(:Evidence)-[:MENTIONS]->(y:Entity)',
    key: ARTICLE_KEY,
  },
];

/** Every key of a nested list in `order`, page by page with cursors of `size`. */
async function walk(list: List, order: string, size: number, compiled: boolean): Promise<string[]> {
  const keys: string[] = [];
  let after: string | null = null;
  for (let i = 0; i < 200; i++) {
    const data = await ask(
      `query($key: String!, $after: String) { ${list.wrap(`${list.field}(orderBy: ${order}, first: ${size}, after: $after) {
        pageInfo { hasNextPage endCursor } edges { node { key } } }`)} }`,
      { key: list.key, after },
      compiled,
    );
    const page = list.pick(data)[list.field];
    keys.push(...page.edges.map((e: any) => e.node.key));
    if (!page.pageInfo.hasNextPage) return keys;
    after = page.pageInfo.endCursor;
  }
  throw new Error('did not end');
}

describe('sorted nested lists', () => {
  for (const list of LISTS) {
    it(`${list.name}: each order as sorted by hand, walked with cursors once each, both ways of reading`, async () => {
      for (const order of list.orders) {
        const rows = await graph.cypher(
          `${list.match} WITH DISTINCT y RETURN y.id AS key ORDER BY ${BY_HAND[order]}`,
          { key: list.key },
        );
        const expected = rows.map((r) => r.key as string);
        expect(expected.length, list.name).toBeGreaterThan(3);
        for (const compiled of [true, false]) {
          const keys = await walk(list, order, 2, compiled);
          expect(keys, `${list.name} ${order} compiled: ${compiled}`).toEqual(expected);
        }
      }
    });
  }

  it('NEWEST is the reverse of TIME; Kim’s rule, known only by its year (2011), comes last', async () => {
    const [claims] = LISTS;
    if (!claims) throw new Error('no list');
    const newest = await walk(claims, 'NEWEST', 3, true);
    const time = await walk(claims, 'TIME', 100, true);
    expect(newest).toEqual([...time].reverse());
    const events = await ask(
      '{ entity(key: "person:kim-jong-un") { events(orderBy: NEWEST, first: 100) { edges { node { key time { precision } } } } } }',
      {},
      true,
    );
    expect(events.entity.events.edges.at(-1).node.key).toMatch(/event:kim-rule$/);
  });

  it('the default order is unchanged, and orders apply below a list of parents too', async () => {
    const query = (order: string) => `{ entities(types: [Country]) { edges { node { key
      claims(first: 100${order}) { edges { node { key } } } } } } }`;
    const byDefault = await ask(query(''), {}, true);
    const byTime = await ask(query(', orderBy: TIME'), {}, true);
    expect(byDefault).toEqual(byTime);
    const newest = await ask(query(', orderBy: NEWEST'), {}, true);
    const unCompiled = await ask(query(', orderBy: NEWEST'), {}, false);
    expect(newest).toEqual(unCompiled);
    for (const [i, { node }] of newest.entities.edges.entries()) {
      const keys = node.claims.edges.map((e: any) => e.node.key);
      expect(keys).toEqual(byTime.entities.edges[i].node.claims.edges.map((e: any) => e.node.key).reverse());
    }
  });

  it('a sorted nested page is read in its parent’s statement', async () => {
    for (const order of [...STATEMENTS, 'TIME']) {
      statements = -1;
      const response = await counted.fetch('http://localhost/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          query: `{ entity(key: "country:russia") { claims(orderBy: ${order}, first: 3) { edges { node { key } } } } }`,
        }),
      });
      expect((await response.json()).errors).toBeUndefined();
      expect(statements, order).toBe(1);
    }
  });

  it('a cursor of one order is refused by another, naming the argument', async () => {
    const data = await ask(
      '{ entity(key: "country:russia") { claims(orderBy: TIME, first: 1) { pageInfo { endCursor } } } }',
      {},
      true,
    );
    const cursor = data.entity.claims.pageInfo.endCursor;
    for (const order of ['NEWEST', 'SOURCES']) {
      const res = await graph.gql(
        `query($a: String) { entity(key: "country:russia") { claims(orderBy: ${order}, after: $a) { totalCount } } }`,
        { a: cursor },
      );
      expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(res.errors?.[0]?.message).toMatch(/"after" is not a cursor/);
      expect(res.errors?.[0]?.path).toEqual(['entity', 'claims']);
    }
    const entities = await ask(
      `{ article(key: "${ARTICLE_KEY}") { entities(orderBy: NAME, first: 1) { pageInfo { endCursor } } } }`,
      {},
      true,
    );
    const res = await graph.gql(
      `query($b: String) { article(key: "${ARTICLE_KEY}") { entities(orderBy: MENTIONS, before: $b) { totalCount } } }`,
      { b: entities.article.entities.pageInfo.endCursor },
    );
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
