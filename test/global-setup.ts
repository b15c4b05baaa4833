// Starts one throwaway embedded Neo4j (free port, temporary data folder) for the integration
// tests, or uses NEO4J_TEST_URI when given. Tests wipe that database: never point it at real data.
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { PROJECT_ROOT } from '../src/config.js';
import { startEmbeddedNeo4j } from '../src/db/embedded.js';

export interface TestNeo4j {
  uri: string;
  username: string;
  password: string;
  database: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    neo4j: TestNeo4j;
  }
}

/** The service tests run the service as `npm start` does: compiled to dist/ first. */
function build() {
  const started = Date.now();
  const result = spawnSync('npm', ['run', '-s', 'build'], { cwd: PROJECT_ROOT, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`npm run build failed (exit ${result.status})`);
  console.log(`service built into dist/ in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

export default async function setup(project: TestProject) {
  build();
  const given = process.env.NEO4J_TEST_URI;
  if (given) {
    project.provide('neo4j', {
      uri: given,
      username: process.env.NEO4J_TEST_USERNAME ?? 'neo4j',
      password: process.env.NEO4J_TEST_PASSWORD ?? 'password',
      database: process.env.NEO4J_TEST_DATABASE ?? 'neo4j',
    });
    return;
  }
  const dataDir = await mkdtemp(path.join(tmpdir(), 'news-graph-test-'));
  const password = 'test-password';
  const started = Date.now();
  const neo4j = await startEmbeddedNeo4j({
    dataDir,
    boltPort: 0,
    password,
    startTimeoutMs: 240_000,
    heap: '1g',
  });
  console.log(`test Neo4j ready at ${neo4j.uri} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  project.provide('neo4j', { uri: neo4j.uri, username: 'neo4j', password, database: 'neo4j' });
  return async () => {
    await neo4j.stop();
    await rm(dataDir, { recursive: true, force: true });
  };
}
