// The three systems under comparison, each a separate process over the same Neo4j: this service,
// @neo4j/graphql served by graphql-yoga, and hand-written Cypher behind node:http. Also how each
// is asked a question of bench/queries.ts.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Target } from './load.js';
import { peerTypeDefs } from './peer-schema.js';
import type { BenchQuery } from './queries.js';
import {
  DATABASE,
  freePort,
  log,
  ourCommand,
  PASSWORD,
  type RunningServer,
  startServer,
  transpileServer,
} from './setup.js';

export type SystemName = 'ours' | 'peer' | 'raw';
export const SYSTEMS: SystemName[] = ['ours', 'peer', 'raw'];
export const SYSTEM_TITLES: Record<SystemName | 'cached', string> = {
  ours: 'this service',
  peer: '@neo4j/graphql',
  raw: 'raw Cypher',
  cached: 'this service, response cache on',
};

/**
 * This service, uncached unless told otherwise. `env` holds extra variables: the switch of a
 * response cache, for one (see --ours-env and --cached-env of bench/compare.ts).
 */
export async function startOurs(
  uri: string,
  env: Record<string, string>,
  name = 'ours',
): Promise<RunningServer> {
  const { args, how } = ourCommand();
  const port = await freePort();
  const server = await startServer(
    name,
    args,
    {
      NEO4J_URI: uri,
      NEO4J_USERNAME: 'neo4j',
      NEO4J_PASSWORD: PASSWORD,
      NEO4J_DATABASE: DATABASE,
      // Slowness should show as latency, not as timeouts.
      NEO4J_TX_TIMEOUT_MS: '300000',
      HOST: '127.0.0.1',
      PORT: String(port),
      SEED_ON_START: 'false',
      // The same question again and again would be answered from memory: measured apart, with
      // --cached-env RESPONSE_CACHE=true.
      RESPONSE_CACHE: 'false',
      ...env,
    },
    port,
    '/ready',
    '/graphql',
  );
  log(`${name}: ${how} (pid ${server.pid}) at ${server.url}`);
  return server;
}

async function startComparison(name: 'peer' | 'raw', dataDir: string, uri: string, extra: object) {
  const port = await freePort();
  const configFile = path.join(dataDir, `bench-${name}-server.json`);
  writeFileSync(configFile, JSON.stringify({ uri, password: PASSWORD, database: DATABASE, port, ...extra }));
  const file = transpileServer(`${name}.ts`);
  const server = await startServer(
    name,
    [file],
    { BENCH_SERVER_CONFIG: configFile },
    port,
    name === 'peer' ? '/health' : '/health',
    name === 'peer' ? '/graphql' : '/query',
  );
  log(`${name}: node ${path.relative(process.cwd(), file)} (pid ${server.pid}) at ${server.url}`);
  return server;
}

export const startPeer = (dataDir: string, uri: string) =>
  startComparison('peer', dataDir, uri, { typeDefs: peerTypeDefs() });

export const startRaw = (dataDir: string, uri: string, queries: BenchQuery[]) =>
  startComparison('raw', dataDir, uri, { queries: Object.fromEntries(queries.map((q) => [q.name, q.raw])) });

export function targetFor(system: SystemName | 'cached', server: RunningServer, q: BenchQuery): Target {
  if (system === 'raw') return { url: server.url, body: JSON.stringify({ name: q.name }) };
  const spec = system === 'peer' ? q.peer : q.ours;
  return { url: server.url, body: JSON.stringify({ query: spec.query, variables: spec.variables ?? {} }) };
}
