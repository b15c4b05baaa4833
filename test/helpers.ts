// Integration-test plumbing: a real Neo4j (from global-setup), a clean graph, and GraphQL over
// HTTP in-process through yoga.fetch.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Plugin } from 'graphql-yoga';
import { afterAll, beforeAll, expect, inject } from 'vitest';
import { PROJECT_ROOT } from '../src/config.js';
import type { Context } from '../src/context.js';
import { connectDriver } from '../src/db/driver.js';
import { migrate } from '../src/db/migrate.js';
import { type CypherQuery, Database, type Row } from '../src/db/run.js';
import { FanOutStatistics } from '../src/graph/fan-out.js';
import { loadSeed } from '../src/ingest/seed.js';
import { createYogaServer, type YogaServer } from '../src/yoga.js';

export const SEED_FILE = path.join(PROJECT_ROOT, 'seed', '000_c27a19544a1cdf98.json');
export const ARTICLE_KEY = 'c27a19544a1cdf98';
export const INGEST_TOKEN = 'test-ingest-token-0123456789';

export const readSeed = async (): Promise<Record<string, any>> =>
  JSON.parse(await readFile(SEED_FILE, 'utf8'));

export interface GraphQLResponse<T = any> {
  status: number;
  data?: T;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

export interface TestGraph {
  db: Database;
  yoga: YogaServer;
  gql<T = any>(
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<GraphQLResponse<T>>;
  /** Runs Cypher directly, for checking what the database holds. */
  cypher(query: string, params?: Record<string, unknown>): Promise<Row[]>;
  reset(): Promise<void>;
  counts(): Promise<{ nodes: number; relationships: number }>;
}

/** A clean graph for one test file, with the seed loaded unless `seed: false`. */
export function useGraph(options: { seed?: boolean } = {}): TestGraph {
  const graph = {} as TestGraph;
  let close: () => Promise<void> = async () => undefined;
  beforeAll(async () => {
    const c = inject('neo4j');
    const driver = await connectDriver({ ...c, connectTimeoutMs: 10_000 });
    close = () => driver.close();
    // Far above what any statement takes on an idle machine, and under the test timeout: on a
    // machine shared by several test runs a seed write has taken over 30 s.
    const db = new Database(driver, c.database, 150_000);
    await migrate(db);
    graph.db = db;
    graph.cypher = (query, params) => db.writeTx((tx) => tx.run({ cypher: query, params }));
    graph.reset = async () => {
      await graph.cypher('MATCH (n) DETACH DELETE n');
    };
    graph.counts = async () => {
      const [n] = await graph.cypher('MATCH (n) RETURN count(n) AS c');
      const [r] = await graph.cypher('MATCH ()-[r]->() RETURN count(r) AS c');
      return { nodes: Number(n?.c), relationships: Number(r?.c) };
    };
    graph.gql = async (query, variables, headers) => {
      const response = await graph.yoga.fetch('http://localhost/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query, variables }),
      });
      return { status: response.status, ...(await response.json()) };
    };
    await graph.reset();
    if (options.seed !== false) await loadSeed(db);
    // After the seed, the cost limit's fan-out statistics are read from the graph, and the server
    // starts with them: a request waits only 2 s for statistics still loading and is then priced
    // as if every list were full, which a busy machine would turn into a refusal.
    const fanOuts = new FanOutStatistics(db);
    await fanOuts.refresh();
    graph.yoga = createYogaServer(db, { ingestToken: INGEST_TOKEN, fanOuts });
  });
  afterAll(async () => {
    await close();
  });
  return graph;
}

/**
 * The db hits of `query` run once under PROFILE: what Neo4j did for it, summed over the plan. A
 * write statement (mode WRITE) is committed, so it must be one that changes nothing run again.
 */
export async function profiledDbHits(
  db: Database,
  query: CypherQuery<unknown>,
  mode: 'READ' | 'WRITE' = 'READ',
): Promise<number> {
  interface Profiled {
    dbHits: number;
    children: Profiled[];
  }
  const sum = (p: Profiled): number => p.dbHits + p.children.reduce((n, c) => n + sum(c), 0);
  const session = db.driver.session({ database: db.name, defaultAccessMode: mode });
  try {
    const result = await session.run(`PROFILE ${query.cypher}`, query.params ?? {});
    // The driver types the profile as a plain object; its tree has dbHits and children at each level.
    return sum(result.summary.profile as unknown as Profiled);
  } finally {
    await session.close();
  }
}

/**
 * A server over the test graph whose every request reports how many Cypher statements it sent;
 * `measure` runs a query that must succeed and returns its data and that count.
 */
export function useStatementCount(graph: TestGraph) {
  let yoga: YogaServer;
  let lastStatements = -1;
  beforeAll(() => {
    const countStatements: Plugin = {
      onExecute: () => ({
        onExecuteDone: ({ args }) => {
          lastStatements = (args.contextValue as unknown as Context).stats.statements;
        },
      }),
    };
    yoga = createYogaServer(graph.db, { plugins: [countStatements] });
  });
  return async function measure(query: string, variables: Record<string, unknown> = {}) {
    lastStatements = -1;
    const response = await yoga.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
    const body = await response.json();
    expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
    return { data: body.data, statements: lastStatements };
  };
}
