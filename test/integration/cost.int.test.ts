// The cost limit on the seed: what a client writes from the schema, with default page sizes and
// four levels deep, passes; floods, deep walks and page-size bombs are refused, naming the field.
// Nested lists are priced by the graph's fan-out statistics, reloaded when the data changes.
import { parse } from 'graphql';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { FanOutStatistics } from '../../src/graph/fan-out.js';
import { estimateCost } from '../../src/http/cost.js';
import { schema } from '../../src/schema/index.js';
import { costModel, createYogaServer, LIMITS, type YogaServer } from '../../src/yoga.js';
import { ABUSIVE, REALISTIC } from '../cost-queries.js';
import { ARTICLE_KEY, INGEST_TOKEN, useGraph } from '../helpers.js';

const graph = useGraph();
let fanOuts: FanOutStatistics;
let yoga: YogaServer;

beforeAll(async () => {
  fanOuts = new FanOutStatistics(graph.db, 0);
  await fanOuts.refresh();
  yoga = createYogaServer(graph.db, { fanOuts, ingestToken: INGEST_TOKEN });
});

async function post(
  query: string,
  variables?: Record<string, unknown>,
  headers: Record<string, string> = {},
) {
  const response = await yoga.fetch('http://localhost/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  // The body is GraphQL's JSON answer: data and errors as the server sends them.
  return { status: response.status, ...(await response.json()) } as {
    status: number;
    data?: Record<string, unknown>;
    errors?: { message: string; extensions?: Record<string, unknown> }[];
  };
}

const priced = (query: string, variables?: Record<string, unknown>, stats = true) =>
  estimateCost(schema, parse(query), costModel(stats ? fanOuts : { of: () => undefined }), variables);

/** Global ids of a claim and two entities, for node and nodes. */
async function ids() {
  const res = await post(`{ claim(key: "${ARTICLE_KEY}/claim:unsc-arms-ban") { id }
    a: entity(key: "country:russia") { id } b: entity(key: "person:kim-jong-un") { id } }`);
  // The shape the query above selects.
  const data = res.data as { claim: { id: string }; a: { id: string }; b: { id: string } };
  return { id: data.claim.id, ids: [data.a.id, data.b.id, data.claim.id] };
}

describe('realistic queries', () => {
  it('cover every root field of the schema', () => {
    const roots = Object.keys(schema.getQueryType()?.getFields() ?? {});
    const used = new Set(
      REALISTIC.flatMap(([, q]) =>
        parse(q).definitions.flatMap((d) =>
          d.kind === 'OperationDefinition'
            ? d.selectionSet.selections.flatMap((s) => (s.kind === 'Field' ? [s.name.value] : []))
            : [],
        ),
      ),
    );
    expect(roots.filter((r) => !used.has(r))).toEqual([]);
    expect(REALISTIC.length).toBeGreaterThanOrEqual(30);
  });

  it('all pass the limits with default page sizes, and answer without errors', async () => {
    const variables = await ids();
    const table: Record<string, { cost: number; withoutStatistics: number; worstCase: number }> = {};
    for (const [name, query] of REALISTIC) {
      const res = await post(query, variables);
      expect(res.errors, name).toBeUndefined();
      expect(res.status, name).toBe(200);
      const withStats = priced(query, variables);
      table[name] = {
        cost: withStats.cost,
        withoutStatistics: priced(query, variables, false).cost,
        worstCase: withStats.worstCase,
      };
      expect(withStats.cost, name).toBeLessThanOrEqual(LIMITS.cost);
    }
    console.log('realistic queries, priced:', JSON.stringify(table, null, 1));
  });

  it('are priced on statistics from the first request of a new server on', async () => {
    // The server loads its statistics as it starts; its first request waits for them.
    const fresh = createYogaServer(graph.db);
    const walk = REALISTIC.find(([name]) => name === 'events, participants, roles, evidence')?.[1] ?? '';
    const response = await fresh.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: walk }),
    });
    expect((await response.json()).errors).toBeUndefined();
  });

  it('include walks that pass only because the statistics say their lists are small', async () => {
    // The walk: events → participants → a person's roles → evidence, no `first` written.
    const walk = REALISTIC.find(([name]) => name === 'events, participants, roles, evidence')?.[1] ?? '';
    expect(priced(walk, {}, false).cost).toBeGreaterThan(LIMITS.cost);
    expect(priced(walk).cost).toBeLessThan(LIMITS.cost);
    expect((await post(walk)).errors).toBeUndefined();
  });

  it("price a relation's sources and values by how many articles state a relation", async () => {
    const walk =
      REALISTIC.find(([name]) => name === 'an entity, relations, their sources and values')?.[1] ?? '';
    expect(priced(walk, {}, false).cost).toBeGreaterThan(LIMITS.cost);
    expect(priced(walk).cost).toBeLessThan(LIMITS.cost);
    expect((await post(walk)).errors).toBeUndefined();
  });
});

describe('abusive queries', () => {
  it.each(ABUSIVE)('%s is refused before anything runs', async (_name, query, message) => {
    const res = await post(query);
    expect(res.status).toBe(400);
    expect(res.data).toBeUndefined();
    expect(res.errors).toHaveLength(1);
    expect(res.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
    expect(res.errors?.[0]?.message).toMatch(message);
  });

  it('a rejection names the field that made the query too expensive and what it cost', async () => {
    const query = `{ entities(first: 100) { edges { node { claims(first: 100) { edges { node {
      participants { entity { events(first: 100) { edges { node { key label } } } } } } } } } } } }`;
    const res = await post(query);
    const estimate = priced(query);
    const message = res.errors?.[0]?.message ?? '';
    expect(message).toMatch(
      /^Query cost [\d,]+ exceeds the limit of 20,000; most expensive: Query\.entities\.edges\.node\.claims \([\d,]+\)$/,
    );
    expect(message).toContain(estimate.cost.toLocaleString('en-US'));
    expect(res.errors?.[0]?.extensions).toMatchObject({
      code: 'QUERY_TOO_COMPLEX',
      cost: estimate.cost,
      limit: LIMITS.cost,
      field: 'Query.entities.edges.node.claims',
    });
  });

  it('a walk the statistics price small is refused when every list full would be too large', async () => {
    // One article, with one article per entity: cheap on this graph; millions of values if it grew.
    const query = `{ entities(first: 100) { edges { node { articles(first: 100) { edges { node {
      paragraphs(first: 100) { edges { node { index } } } } } } } } } }`;
    expect(priced(query).cost).toBeLessThan(LIMITS.cost);
    expect(priced(query).worstCase).toBeGreaterThan(LIMITS.worstCase);
    const res = await post(query);
    expect(res.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
    expect(res.errors?.[0]?.message).toMatch(
      /^Query cost with every list full [\d,]+ exceeds the limit of 2,000,000; most expensive: Query\.entities\.edges\.node\.articles/,
    );
  });
});

describe('fan-out statistics', () => {
  const HUB_WALK = `{ entity(key: "country:russia") { mentions(first: 100) { edges { node { quote
    claims { key participants { role entity { key events(first: 10) { edges { node { key } } } } } } } } } } }`;

  it('make a hub walk too expensive once the hub has grown', async () => {
    expect((await post(HUB_WALK)).errors).toBeUndefined();
    // Russia is quoted 400 times more: its mentions fill a page of 100 instead of about 20.
    await graph.cypher(`MATCH (e:Entity {id: 'country:russia'})
      UNWIND range(1, 400) AS i CREATE (:Evidence {id: 'hub-test@' + i})-[:MENTIONS]->(e)`);
    try {
      await fanOuts.refresh();
      expect(fanOuts.of('entityMentions')?.max).toBeGreaterThan(400);
      const res = await post(HUB_WALK);
      expect(res.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
      expect(res.errors?.[0]?.message).toMatch(/most expensive: Query\.entity\.mentions /);
    } finally {
      await graph.cypher(`MATCH (v:Evidence) WHERE v.id STARTS WITH 'hub-test@' DETACH DELETE v`);
      await fanOuts.refresh();
    }
    expect((await post(HUB_WALK)).errors).toBeUndefined();
  });

  it('are reloaded after an article is ingested', async () => {
    const before = fanOuts.loads;
    expect(fanOuts.of('entityArticles')).toEqual({ p95: 1, max: 1 });
    const document = JSON.parse(
      await (await import('node:fs/promises')).readFile(
        new URL('../fixtures/second-article.json', import.meta.url),
        'utf8',
      ),
    );
    const res = await post(
      'mutation($d: JSON!) { ingestArticle(document: $d) { status } }',
      { d: document },
      { authorization: `Bearer ${INGEST_TOKEN}` },
    );
    expect(res.errors).toBeUndefined();
    // Russia and Putin are now quoted by two articles.
    await vi.waitFor(() => expect(fanOuts.of('entityArticles')?.max).toBe(2), { timeout: 30_000 });
    expect(fanOuts.loads).toBeGreaterThan(before);
  });
});
