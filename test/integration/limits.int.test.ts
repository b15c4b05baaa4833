// Limits that keep one request from exhausting the server, errors that tell clients what they did
// wrong, and internal failures that tell them nothing about the database behind the API.
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { Lexer, parse, Source, TokenKind, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../src/db/migrate.js';
import { FanOutStatistics } from '../../src/graph/fan-out.js';
import { estimateCost } from '../../src/http/cost.js';
import { loadSeed } from '../../src/ingest/seed.js';
import { EXAMPLE_QUERIES } from '../../src/schema/examples.js';
import { schema } from '../../src/schema/index.js';
import { costModel, LIMITS } from '../../src/yoga.js';
import { ARTICLE_KEY, useGraph } from '../helpers.js';

const graph = useGraph();

/** A request as a spec-following client sends it (GraphQL over HTTP: graphql-response+json). */
const post = (query: string, variables?: Record<string, unknown>) =>
  graph.gql(query, variables, { accept: 'application/graphql-response+json' });

/** `relations { edges { node { other { … } } } }` nested n times under entity: depth 2 + 4n. */
const nested = (n: number) => {
  let selection = 'key';
  for (let i = 0; i < n; i++) selection = `relations(first: 1) { edges { node { other { ${selection} } } } }`;
  return `{ entity(key: "country:russia") { ${selection} } }`;
};

function expectTooComplex(res: Awaited<ReturnType<typeof post>>, message: RegExp) {
  expect(res.status).toBe(400);
  expect(res.data).toBeUndefined(); // rejected before anything ran
  expect(res.errors).toHaveLength(1);
  expect(res.errors?.[0]?.message).toMatch(message);
  expect(res.errors?.[0]?.message).not.toMatch(/syntax/i);
  expect(res.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
}

describe('query limits', () => {
  it(`depth over ${LIMITS.depth} is refused, saying the limit and the depth found`, async () => {
    expectTooComplex(await post(nested(4)), new RegExp(`depth limit of ${LIMITS.depth} exceeded, found 18`));
    const inside = await post(nested(3)); // depth 14: at the limit, allowed
    expect(inside.errors).toBeUndefined();
    expect(inside.status).toBe(200);
  });

  it('depth through fragments counts the same', async () => {
    const res = await post(`
      fragment Deep on Entity { relations(first: 1) { edges { node { other { relations(first: 1) { edges { node { other { relations(first: 1) { edges { node { other { key } } } } } } } } } } } } }
      { entity(key: "country:russia") { relations(first: 1) { edges { node { other { ...Deep } } } } } }`);
    expectTooComplex(res, /depth limit of 14 exceeded, found 18/);
  });

  it(`more than ${LIMITS.aliases} aliases are refused`, async () => {
    const aliases = (n: number) =>
      `{ ${Array.from({ length: n }, (_, i) => `a${i}: entity(key: "country:russia") { key }`).join(' ')} }`;
    expectTooComplex(
      await post(aliases(LIMITS.aliases + 1)),
      new RegExp(`Aliases limit of ${LIMITS.aliases} exceeded, found ${LIMITS.aliases + 1}`),
    );
    expect((await post(aliases(LIMITS.aliases))).errors).toBeUndefined();
  });

  it(`a cost over ${LIMITS.cost} is refused, whether page sizes are literals, variables or left out`, async () => {
    const cost = new RegExp(
      `^Query cost [\\d,]+ exceeds the limit of ${LIMITS.cost.toLocaleString('en-US')}`,
    );
    const walk = (first: string) =>
      `{ entities${first} { edges { node { claims${first} { edges { node { participants { entity {
        claims${first} { edges { node { key } } } } } } } } } } } }`;
    expectTooComplex(await post(walk('(first: 100)')), cost);
    // The same with the page size in a variable, or as a variable's default: it may not slip
    // through, not even once the same query text has passed with small pages.
    const variable = `query($n: Int) ${walk('(first: $n)')}`;
    const small = await post(variable, { n: 3 });
    expect(small.errors).toBeUndefined();
    expect(small.data.entities.edges).toHaveLength(3);
    expectTooComplex(await post(variable, { n: 100 }), cost);
    expectTooComplex(await post(`query($n: Int = 100) ${walk('(first: $n)')}`), cost);
    // Left out, a page is 20 long: a walk through every entity's claims to their participants'
    // quotes holds more than the limit.
    expectTooComplex(
      await post(`{ entities { edges { node { claims { edges { node { participants { entity {
        mentions { edges { node { quote } } } } } } } } } } } }`),
      cost,
    );
  });

  it(`more than ${LIMITS.tokens} tokens are refused before parsing completes`, async () => {
    const res = await post(`{ ${'__typename '.repeat(LIMITS.tokens)} }`);
    expectTooComplex(res, new RegExp(`Token limit of ${LIMITS.tokens} exceeded`));
  });

  it('a client asking for plain application/json gets the same error with HTTP 200', async () => {
    const res = await graph.gql(nested(7), undefined, { accept: 'application/json' });
    expect(res.status).toBe(200);
    expect(res.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
  });
});

describe('the example queries', () => {
  const names = [...EXAMPLE_QUERIES.matchAll(/^query (\w+)/gm)].map((m) => m[1] as string);

  it('all answer, with data and without errors', async () => {
    expect(names.length).toBeGreaterThanOrEqual(6);
    for (const name of names) {
      const response = await graph.yoga.fetch('http://localhost/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
        body: JSON.stringify({ query: EXAMPLE_QUERIES, operationName: name }),
      });
      const body = await response.json();
      expect(body.errors, name).toBeUndefined();
      expect(response.status).toBe(200);
      const [value] = Object.values(body.data);
      expect(value, name).toBeTruthy();
    }
  });

  it('stay well inside every limit (measured as the server measures them)', async () => {
    const doc = parse(EXAMPLE_QUERIES);
    const measured = { depth: [] as number[], aliases: [] as number[] };
    const record = (list: number[]) => [(_ctx: unknown, d: { n: number }) => list.push(d.n)];
    const errors = validate(schema, doc, [
      maxDepthRule({ n: LIMITS.depth, flattenFragments: true, onAccept: record(measured.depth) }),
      maxAliasesRule({ n: LIMITS.aliases, onAccept: record(measured.aliases) }),
    ]);
    expect(errors).toEqual([]);
    const fanOuts = new FanOutStatistics(graph.db);
    await fanOuts.refresh();
    const costs = names.map((name) => estimateCost(schema, doc, costModel(fanOuts), {}, name));
    const lexer = new Lexer(new Source(EXAMPLE_QUERIES));
    let tokens = 0;
    while (lexer.advance().kind !== TokenKind.EOF) tokens++;
    const table = names.map((name, i) => ({
      name,
      depth: measured.depth[i],
      aliases: measured.aliases[i],
      cost: costs[i]?.cost,
      worstCase: costs[i]?.worstCase,
    }));
    console.log(
      'example queries, measured:',
      JSON.stringify(table),
      `tokens (whole document): ${tokens}`,
      LIMITS,
    );
    expect(table.every((r) => r.depth !== undefined && r.aliases !== undefined)).toBe(true);
    expect(Math.max(...measured.depth)).toBeLessThanOrEqual(LIMITS.depth / 2);
    expect(Math.max(...measured.aliases)).toBeLessThanOrEqual(LIMITS.aliases / 3);
    expect(Math.max(...costs.map((c) => c.cost))).toBeLessThanOrEqual(LIMITS.cost / 4);
    expect(Math.max(...costs.map((c) => c.worstCase))).toBeLessThanOrEqual(LIMITS.worstCase / 4);
    expect(tokens).toBeLessThanOrEqual(LIMITS.tokens / 2);
  });
});

describe('bad input names the argument', () => {
  const refused = async (query: string, argument: string) => {
    const res = await post(query);
    expect(res.errors, query).toHaveLength(1);
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument });
    expect(res.errors?.[0]?.message).toContain(`"${argument}"`);
    return res.errors?.[0]?.message as string;
  };

  it('a month 13 in a claim filter is refused, naming "from" and the value', async () => {
    const message = await refused(`{ claims(filter: { from: "2023-13" }) { totalCount } }`, 'from');
    expect(message).toContain('2023-13');
    expect(message).toContain('YYYY-MM');
  });

  it('impossible or malformed dates in every date filter are refused', async () => {
    await refused(`{ events(filter: { to: "2023-02-30" }) { totalCount } }`, 'to');
    await refused(`{ timeline(from: "yesterday") { totalCount } }`, 'from');
    await refused(`{ claims(filter: { to: "2023-9-1" }) { totalCount } }`, 'to');
    await refused(`{ claims(filter: { from: "2023-09-18", to: "2023-09-17" }) { totalCount } }`, 'from');
    expect((await post(`{ claims(filter: { from: "2024-02-29" }) { totalCount } }`)).errors).toBeUndefined();
  });

  it('an unknown entity key in a list argument is refused, naming it', async () => {
    await refused(`{ timeline(entity: "person:nobody") { totalCount } }`, 'entity');
    await refused(`{ neighborhood(key: "person:nobody") { truncated } }`, 'key');
  });

  it('a value of the wrong type is a validation error, before anything runs', async () => {
    const res = await post(`{ claims(filter: { statuses: [MAYBE] }) { totalCount } }`);
    expect(res.status).toBe(400);
    expect(res.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});

describe('internal errors are masked', () => {
  const LEAKS = /neo4j|cypher|fulltext|index|procedure|MATCH |stack/i;

  it('a database failure comes back as "Unexpected error." with no Neo4j text', async () => {
    // Provoke a real database error: the search index is gone.
    await graph.cypher('DROP INDEX entity_name_keys IF EXISTS');
    try {
      const res = await post(`{ search(query: "korea") { totalCount } }`);
      expect(res.errors).toHaveLength(1);
      expect(res.errors?.[0]?.message).toBe('Unexpected error.');
      expect(res.errors?.[0]?.path).toEqual(['search']);
      expect(JSON.stringify(res)).not.toMatch(LEAKS);
    } finally {
      await migrate(graph.db);
    }
    expect((await post(`{ search(query: "korea") { totalCount } }`)).errors).toBeUndefined();
  });

  it('masked the same when the server runs with NODE_ENV=development', async () => {
    const before = process.env.NODE_ENV;
    process.env.NODE_ENV = 'development';
    await graph.cypher('DROP INDEX entity_name_keys IF EXISTS');
    try {
      const res = await post(`{ search(query: "korea") { totalCount } }`);
      expect(res.errors?.[0]?.message).toBe('Unexpected error.');
      expect(JSON.stringify(res)).not.toMatch(LEAKS);
    } finally {
      process.env.NODE_ENV = before;
      await migrate(graph.db);
    }
  });

  it('a missing article under a non-null field is masked too, and the rest of the answer stands', async () => {
    await graph.cypher('MATCH (a:Article {id: $id}) DETACH DELETE a', { id: ARTICLE_KEY });
    try {
      const res = await post(`{
        claim(key: "${ARTICLE_KEY}/claim:unsc-arms-ban") { key article { key } }
        entity(key: "country:russia") { label }
      }`);
      expect(res.errors).toHaveLength(1);
      expect(res.errors?.[0]?.message).toBe('Unexpected error.');
      expect(res.errors?.[0]?.path).toEqual(['claim', 'article']);
      expect(res.data).toEqual({ claim: null, entity: { label: 'Russia' } });
      expect(JSON.stringify(res)).not.toMatch(LEAKS);
      expect(JSON.stringify(res)).not.toMatch(/non-nullable|Cannot return null/);
    } finally {
      await graph.reset();
      await loadSeed(graph.db);
    }
  });

  it('errors meant for clients are not masked', async () => {
    const res = await post(`{ claims(first: 101) { totalCount } }`);
    expect(res.errors?.[0]?.message).toMatch(/"first" must be at most 100/);
  });
});
