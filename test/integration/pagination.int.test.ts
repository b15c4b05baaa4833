// Relay pagination over every connection of the schema, found from the schema itself, and
// refetching every kind of object by its global id.
import {
  type GraphQLField,
  type GraphQLObjectType,
  getNamedType,
  isInterfaceType,
  isNonNullType,
  isObjectType,
} from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { schema } from '../../src/schema/index.js';
import { useGraph } from '../helpers.js';

const graph = useGraph();

async function ask<T = any>(query: string, variables?: Record<string, unknown>): Promise<T> {
  const res = await graph.gql<T>(query, variables);
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data as T;
}

const globalId = (type: string, key: string) => Buffer.from(`${type}:${key}`).toString('base64');

/** Arguments that root connections require, to make them list something. */
const ROOT_ARGS: Record<string, string> = { search: 'query: "rusia"', searchAll: 'query: "rusia"' };

interface ConnectionField {
  type: string;
  field: string;
  /** Selection that yields the global id of an edge's node. */
  idSelection: string;
}

/** Every field, on every object type, whose type is a connection. */
function connectionFields(): ConnectionField[] {
  const found: ConnectionField[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields()) as GraphQLField<unknown, unknown>[]) {
      const conn = getNamedType(field.type);
      if (!conn.name.endsWith('Connection') || !isObjectType(conn)) continue;
      const edgesField = conn.getFields().edges;
      if (!edgesField) throw new Error(`${conn.name} has no edges`);
      const edge = getNamedType(edgesField.type) as GraphQLObjectType;
      const nodeField = edge.getFields().node;
      if (!nodeField) throw new Error(`${edge.name} has no node`);
      const node = getNamedType(nodeField.type);
      const isNode = (t: unknown) =>
        (isObjectType(t) || isInterfaceType(t)) &&
        (t.name === 'Node' || t.getInterfaces().some((i) => i.name === 'Node'));
      let idSelection: string;
      if (isNode(node)) idSelection = 'node { id }';
      else if (node.name === 'TimelineEntry') idSelection = 'node { item { ... on Node { id } } }';
      // A relation as one article states it: its type, its two ends and that article.
      else if (node.name === 'EntityRelation')
        idSelection = 'node { type from { id } to { id } article { id } }';
      // One article's report of an event or claim: its article-scoped key.
      else if (node.name === 'Report') idSelection = 'node { key }';
      else throw new Error(`${type.name}.${field.name}: no way to identify a ${node.name}; teach this test`);
      const required = field.args.filter((a) => isNonNullType(a.type) && a.defaultValue === undefined);
      if (required.length > 0 && !(type.name === 'Query' && ROOT_ARGS[field.name])) {
        throw new Error(
          `${type.name}.${field.name} requires ${required.map((a) => a.name)}; give ROOT_ARGS a value`,
        );
      }
      found.push({ type: type.name, field: field.name, idSelection });
    }
  }
  return found;
}

const CONNECTIONS = connectionFields();

interface Page {
  totalCount: number;
  pageInfo: {
    hasNextPage: boolean;
    hasPreviousPage: boolean;
    startCursor: string | null;
    endCursor: string | null;
  };
  edges: { cursor: string; id: string }[];
}

/** Global ids of every object of the seed, by type name. */
const idsByType = new Map<string, string[]>();

beforeAll(async () => {
  // Several small requests: one that nests three lists of 100 would be over the cost limit.
  const lists = await ask(`{
    articles(first: 100) { edges { node { __typename id } } }
    entities(first: 100) { totalCount edges { node { __typename id } } }
    events(first: 100) { totalCount edges { node { __typename id } } }
    claims(first: 100) { totalCount edges { node { __typename id } } }
  }`);
  expect(lists.entities.totalCount).toBeLessThanOrEqual(100);
  const add = (n: { __typename: string; id: string }) => {
    const list = idsByType.get(n.__typename) ?? [];
    if (!list.includes(n.id)) list.push(n.id);
    idsByType.set(n.__typename, list);
  };
  for (const list of [lists.articles, lists.entities, lists.events, lists.claims])
    for (const e of list.edges) add(e.node);
  const articles = await ask(
    `query($ids: [ID!]!) { nodes(ids: $ids) { ... on Article { paragraphs(first: 100) { edges { node { __typename id } } } } } }`,
    {
      ids: idsByType.get('Article'),
    },
  );
  for (const a of articles.nodes) for (const e of a.paragraphs.edges) add(e.node);
  const paragraphs = await ask(
    `query($ids: [ID!]!) { nodes(ids: $ids) { ... on Paragraph { evidence(first: 100) { edges { node { __typename id } } } } } }`,
    {
      ids: idsByType.get('Paragraph'),
    },
  );
  for (const p of paragraphs.nodes) for (const e of p.evidence.edges) add(e.node);
});

/** Fetches one page of a connection, on the root or on the object with global id `parent`. */
async function page(c: ConnectionField, parent: string | null, args: Record<string, unknown>): Promise<Page> {
  const selection = `totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor ${c.idSelection} }`;
  const vars = '$first: Int, $after: String, $last: Int, $before: String';
  const call = `${c.field}(${ROOT_ARGS[c.field] && !parent ? `${ROOT_ARGS[c.field]}, ` : ''}first: $first, after: $after, last: $last, before: $before) { ${selection} }`;
  const query = parent
    ? `query($id: ID!, ${vars}) { node(id: $id) { ... on ${c.type} { ${call} } } }`
    : `query(${vars}) { ${call} }`;
  const data = await ask(query, { ...args, ...(parent ? { id: parent } : {}) });
  const conn = parent ? data.node[c.field] : data[c.field];
  return {
    ...conn,
    edges: conn.edges.map((e: any) => ({
      cursor: e.cursor,
      id: e.node.id ?? e.node.item?.id ?? JSON.stringify(e.node),
    })),
  };
}

/** The object of this type whose connection is longest: the best test of walking it. */
async function richestParent(c: ConnectionField): Promise<{ parent: string | null; total: number }> {
  if (c.type === 'Query') return { parent: null, total: (await page(c, null, { first: 0 })).totalCount };
  const ids = idsByType.get(c.type) ?? [];
  if (ids.length === 0) return { parent: null, total: 0 };
  const data = await ask(
    `query($ids: [ID!]!) { nodes(ids: $ids) { id ... on ${c.type} { ${c.field} { totalCount } } } }`,
    {
      ids,
    },
  );
  let best = { parent: null as string | null, total: 0 };
  for (const n of data.nodes)
    if (n[c.field].totalCount > best.total) best = { parent: n.id, total: n[c.field].totalCount };
  return best;
}

describe('Relay pagination over every connection', () => {
  it('finds the connections from the schema', () => {
    const names = CONNECTIONS.map((c) => `${c.type}.${c.field}`);
    // A sample that must be among them; the walk below covers all of them.
    expect(names).toEqual(
      expect.arrayContaining([
        'Query.claims',
        'Query.entities',
        'Query.events',
        'Query.search',
        'Query.timeline',
        'Query.articles',
        'Article.paragraphs',
        'Paragraph.evidence',
        'Person.mentions',
        'Country.eventsHere',
        'Event.claims',
      ]),
    );
    expect(names.length).toBeGreaterThan(40);
  });

  const walked: string[] = [];
  const skipped: string[] = [];

  for (const c of CONNECTIONS) {
    it(`${c.type}.${c.field}: forward and backward walks give the one big page`, async () => {
      const { parent, total } = await richestParent(c);
      if (total < 2) {
        // Fewer than two items in the seed: nothing to page through.
        skipped.push(`${c.type}.${c.field} (${total})`);
        return;
      }
      walked.push(`${c.type}.${c.field}`);
      const all = await page(c, parent, { first: 100 });
      expect(all.totalCount).toBe(total);
      expect(all.edges).toHaveLength(total);
      const ids = all.edges.map((e) => e.id);
      expect(ids.every((id) => typeof id === 'string')).toBe(true);
      expect(new Set(ids).size).toBe(ids.length);
      expect(all.pageInfo).toEqual({
        hasNextPage: false,
        hasPreviousPage: false,
        startCursor: all.edges[0]?.cursor,
        endCursor: all.edges.at(-1)?.cursor,
      });

      for (const size of [1, 2]) {
        // Forward: first + after, until there is no next page.
        const forward: string[] = [];
        let after: string | null = null;
        for (let n = 0; ; n++) {
          const p = await page(c, parent, { first: size, after });
          expect(p.totalCount).toBe(total);
          expect(p.edges.length).toBe(Math.min(size, total - forward.length));
          expect(p.pageInfo.startCursor).toBe(p.edges[0]?.cursor);
          expect(p.pageInfo.endCursor).toBe(p.edges.at(-1)?.cursor);
          expect(p.pageInfo.hasPreviousPage).toBe(n > 0);
          forward.push(...p.edges.map((e) => e.id));
          expect(p.pageInfo.hasNextPage).toBe(forward.length < total);
          if (!p.pageInfo.hasNextPage) break;
          after = p.pageInfo.endCursor;
          expect(n).toBeLessThan(total);
        }
        expect(forward).toEqual(ids);

        // Backward: last + before, from the end, until there is no previous page.
        const backward: string[] = [];
        let before: string | null = null;
        for (let n = 0; ; n++) {
          const p = await page(c, parent, { last: size, before });
          expect(p.totalCount).toBe(total);
          expect(p.edges.length).toBe(Math.min(size, total - backward.length));
          expect(p.pageInfo.startCursor).toBe(p.edges[0]?.cursor);
          expect(p.pageInfo.endCursor).toBe(p.edges.at(-1)?.cursor);
          expect(p.pageInfo.hasNextPage).toBe(n > 0);
          backward.unshift(...p.edges.map((e) => e.id));
          expect(p.pageInfo.hasPreviousPage).toBe(backward.length < total);
          if (!p.pageInfo.hasPreviousPage) break;
          before = p.pageInfo.startCursor;
          expect(n).toBeLessThan(total);
        }
        expect(backward).toEqual(ids);
      }

      // Past the end: an empty page, with no cursors and nothing next.
      const end = await page(c, parent, { first: 2, after: all.pageInfo.endCursor });
      expect(end.edges).toEqual([]);
      expect(end.pageInfo).toEqual({
        hasNextPage: false,
        hasPreviousPage: true,
        startCursor: null,
        endCursor: null,
      });
      // Between two cursors.
      if (total >= 3) {
        const mid = await page(c, parent, {
          first: 100,
          after: all.edges[0]?.cursor,
          before: all.edges.at(-1)?.cursor,
        });
        expect(mid.edges.map((e) => e.id)).toEqual(ids.slice(1, -1));
      }
    });
  }

  it('walked the connections with items, and reports those without', () => {
    console.log(
      `walked ${walked.length} connections; fewer than 2 items in the seed: ${skipped.join(', ') || 'none'}`,
    );
    expect(walked).toEqual(
      expect.arrayContaining([
        'Query.claims',
        'Query.search',
        'Query.timeline',
        'Article.paragraphs',
        'Event.claims',
      ]),
    );
    // Every kind of list was walked on some type, except those the one-article seed cannot fill:
    // articles (one), a person's titles and an organization's or country's memberships (one each
    // at most), and an event's or claim's reports (one article reports each). They are sliced by
    // the same code as `relations` and the claims of an event, which were walked.
    const walkedFields = new Set(walked.map((name) => name.split('.')[1]));
    const never = skipped.map((s) => s.split(/[. ]/)[1] as string).filter((f) => !walkedFields.has(f));
    expect([...new Set(never)].sort()).toEqual([
      'articles',
      'members',
      'memberships',
      'reports',
      'roles',
      'titles',
    ]);
  });
});

describe('page arguments that are refused', () => {
  const badInput = async (query: string, argument: string) => {
    const res = await graph.gql(query);
    expect(res.errors).toHaveLength(1);
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument });
    return res.errors?.[0]?.message as string;
  };

  it('first: 101 is refused, naming first and 100; so is last: 101, on root and nested lists', async () => {
    const message = await badInput(`{ claims(first: 101) { totalCount } }`, 'first');
    expect(message).toContain('first');
    expect(message).toContain('100');
    expect(await badInput(`{ entities(last: 101) { totalCount } }`, 'last')).toContain('100');
    const nested = await badInput(
      `{ article(key: "c27a19544a1cdf98") { paragraphs(first: 101) { totalCount } } }`,
      'first',
    );
    expect(nested).toMatch(/first.*100/);
    await badInput(`{ claims(first: -1) { totalCount } }`, 'first');
  });

  it('first: 100 is accepted', async () => {
    expect(
      (await ask(`{ entities(first: 100) { edges { cursor } } }`)).entities.edges.length,
    ).toBeGreaterThan(20);
  });

  it('a cursor this API did not make is refused', async () => {
    const forged = (s: string) => Buffer.from(s).toString('base64url');
    for (const cursor of [
      'garbage',
      '',
      forged('cursor:'),
      forged('cursor:-1'),
      forged('cursor:1.5'),
      forged('offset:1'),
    ]) {
      await badInput(`{ claims(after: ${JSON.stringify(cursor)}) { totalCount } }`, 'after');
    }
    await badInput(`{ events(before: "%%%") { totalCount } }`, 'before');
    await badInput(`{ entity(key: "country:russia") { mentions(after: "nope") { totalCount } } }`, 'after');
  });
});

describe('refetching objects by global id', () => {
  const NODE_TYPES = Object.values(schema.getTypeMap())
    .filter(
      (t): t is GraphQLObjectType => isObjectType(t) && t.getInterfaces().some((i) => i.name === 'Node'),
    )
    .map((t) => t.name)
    .sort();

  it('the seed has objects of every type with a global id', () => {
    expect(NODE_TYPES).toEqual(
      expect.arrayContaining([
        'Article',
        'Paragraph',
        'Evidence',
        'Event',
        'Person',
        'ArmsDeal',
        'UNResolution',
      ]),
    );
    expect([...idsByType.keys()].sort()).toEqual(NODE_TYPES);
  });

  it('node(id:) returns each object by the id it gave, of its own type', async () => {
    for (const type of NODE_TYPES) {
      for (const id of (idsByType.get(type) ?? []).slice(0, 3)) {
        const { node } = await ask(`query($id: ID!) { node(id: $id) { __typename id } }`, { id });
        expect(node).toEqual({ __typename: type, id });
      }
    }
  });

  it('nodes(ids:) returns them all, in the order asked, with fields of their type', async () => {
    const ids = NODE_TYPES.map((t) => idsByType.get(t)?.[0] as string).reverse();
    const { nodes } = await ask(
      `query($ids: [ID!]!) { nodes(ids: $ids) { __typename id
        ... on Article { key publishedOn } ... on Paragraph { index } ... on Evidence { quote }
        ... on Entity { key label } ... on Event { key label } ... on Claim { key summary } } }`,
      { ids },
    );
    const fetched = nodes as { id: string; __typename: string }[];
    expect(fetched.map((n) => n.id)).toEqual(ids);
    expect(fetched.map((n) => n.__typename)).toEqual([...NODE_TYPES].reverse());
    for (const n of nodes) expect(Object.keys(n).length).toBeGreaterThan(2);
  });

  it('a global id of one type with the key of another returns null', async () => {
    const keyOf = (id: string) => Buffer.from(id, 'base64').toString().replace(/^\w+:/, '');
    // Each type with the key of the next type in the list.
    const ids = NODE_TYPES.map((type, i) =>
      globalId(type, keyOf(idsByType.get(NODE_TYPES[(i + 1) % NODE_TYPES.length] as string)?.[0] as string)),
    );
    const { nodes } = await ask(`query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, { ids });
    expect(nodes).toEqual(ids.map(() => null));
    // Same label in the database, other type: a country's key as a Person, a statement's as an ArmsDeal.
    const data = await ask(
      `query($a: ID!, $b: ID!, $c: ID!) { a: node(id: $a) { id } b: node(id: $b) { id } c: node(id: $c) { id } }`,
      {
        a: globalId('Person', 'country:russia'),
        b: globalId('ArmsDeal', 'c27a19544a1cdf98/claim:yoon-cooperation-illegal'),
        c: globalId('Person', 'person:nobody'),
      },
    );
    expect(data).toEqual({ a: null, b: null, c: null });
    expect(
      (await ask(`query($id: ID!) { node(id: $id) { id } }`, { id: globalId('Country', 'country:russia') }))
        .node,
    ).not.toBeNull();
  });

  it('an id that is not a global id of this API is refused as bad input', async () => {
    for (const id of [
      'garbage',
      globalId('Foo', 'bar'),
      globalId('PageInfo', 'x'),
      globalId('Entity', 'country:russia'),
    ]) {
      const res = await graph.gql(`query($id: ID!) { node(id: $id) { id } }`, { id });
      expect(res.errors?.[0]?.extensions?.code, id).toBe('BAD_USER_INPUT');
    }
  });

  it('nodes(ids:) with bad ids: null at each bad position, an error naming it, the rest intact', async () => {
    const good = NODE_TYPES.slice(0, 3).map((t) => idsByType.get(t)?.[0] as string);
    const ids = [
      'garbage',
      good[0],
      globalId('Foo', 'bar'),
      good[1],
      good[2],
      globalId('Person', 'person:nobody'),
    ];
    const res = await graph.gql(`query($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }`, { ids });
    expect(res.status).toBe(200);
    expect(res.data?.nodes.map((n: any) => n?.id ?? null)).toEqual([
      null,
      good[0],
      null,
      good[1],
      good[2],
      null,
    ]);
    expect(res.errors?.map((e) => ({ path: e.path, code: e.extensions?.code, message: e.message }))).toEqual([
      {
        path: ['nodes', 0],
        code: 'BAD_USER_INPUT',
        message: 'ids[0]: not a global id returned by this API: "garbage"',
      },
      {
        path: ['nodes', 2],
        code: 'BAD_USER_INPUT',
        message: `ids[2]: not a global id returned by this API: ${JSON.stringify(globalId('Foo', 'bar'))}`,
      },
    ]);
  });
});
