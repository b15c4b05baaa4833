// The service as a user runs it: `npm start` on the embedded Neo4j, its data kept across
// restarts, no Java process left behind however it ends, and one clear line for each failure.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtemp, rm, symlink } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/config.js';
import { connectDriver } from '../../src/db/driver.js';
import { EmbeddedNeo4jError, startEmbeddedNeo4j } from '../../src/db/embedded.js';
import { Database } from '../../src/db/run.js';
import { createYogaServer } from '../../src/yoga.js';

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

interface Service {
  child: ChildProcess;
  url: string;
  output: () => string;
}

const started: ChildProcess[] = [];

/** Starts `node dist/main.js serve`, as npm start does after its build, and waits until it listens (or exits). */
function startService(env: Record<string, string>): Promise<Service> {
  const child = spawn(process.execPath, ['dist/main.js', 'serve'], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, NEO4J_URI: '', PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  started.push(child);
  let output = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const m = /GraphQL at (http:\/\/\S+)\/graphql/.exec(output);
      if (m?.[1]) resolve({ child, url: m[1], output: () => output });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) =>
      reject(Object.assign(new Error(`exited ${code}: ${output}`), { output, code })),
    );
  });
}

function exited(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

/** Java processes whose command line names this data folder. */
const javaFor = (dataDir: string) =>
  spawnSync('pgrep', ['-f', `EmbeddedNeo4j.*${dataDir}`], { encoding: 'utf8' })
    .stdout.split('\n')
    .filter(Boolean);

async function until(check: () => boolean, timeoutMs: number): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (check()) return true;
    await new Promise((r) => setTimeout(r, 200));
  }
  return check();
}

let dataDir: string;
let env: Record<string, string>;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'news-graph-service-'));
  env = {
    NEO4J_DATA_DIR: dataDir,
    NEO4J_EMBEDDED_BOLT_PORT: String(await freePort()),
    NEO4J_PASSWORD: 'service-test-password',
    NEO4J_EMBEDDED_HEAP: '512m',
  };
});

afterAll(async () => {
  for (const child of started) if (child.exitCode === null) child.kill('SIGKILL');
  for (const pid of javaFor(dataDir)) process.kill(Number(pid), 'SIGKILL');
  await rm(dataDir, { recursive: true, force: true });
});

// Each test starts a JVM or two; on a busy two-core machine that alone can take a minute.
const SERVICE_TIMEOUT = { timeout: 300_000 };

describe('npm start on the embedded Neo4j', SERVICE_TIMEOUT, () => {
  it('serves the seeded graph, and SIGTERM exits 0 leaving no Java process', async () => {
    const service = await startService(env);
    expect(service.output()).toMatch(/Seed c27a19544a1cdf98: created/);
    expect(javaFor(dataDir)).toHaveLength(1);
    expect((await fetch(`${service.url}/health`)).status).toBe(200);
    expect((await fetch(`${service.url}/ready`)).status).toBe(200);
    const res = await fetch(`${service.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ entity(key: "person:vladimir-putin") { label(lang: "id") } }' }),
    });
    expect(await res.json()).toEqual({ data: { entity: { label: 'Vladimir Putin' } } });
    const page = await fetch(`${service.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(await page.text()).toContain('FarewellCeremony');

    service.child.kill('SIGTERM');
    expect(await exited(service.child)).toBe(0);
    expect(await until(() => javaFor(dataDir).length === 0, 90_000)).toBe(true);
  });

  it('keeps the data across restarts, and a killed service takes its Neo4j with it', async () => {
    const service = await startService(env);
    expect(service.output()).toMatch(/Seed c27a19544a1cdf98: unchanged/);
    service.child.kill('SIGKILL');
    await exited(service.child);
    expect(await until(() => javaFor(dataDir).length === 0, 90_000)).toBe(true);
  });

  it('stops, with its Neo4j, when the process that started it goes away (kill <npm pid>)', async () => {
    // sh starts the service in the background and exits at once, as a killed npm leaves it.
    const shell = spawn(
      'sh',
      ['-c', `"${process.execPath}" dist/main.js serve > "${dataDir}/orphan.log" 2>&1 & sleep 30`],
      {
        cwd: PROJECT_ROOT,
        env: { ...process.env, NEO4J_URI: '', PORT: '0', ...env },
        stdio: 'ignore',
      },
    );
    started.push(shell);
    expect(await until(() => javaFor(dataDir).length === 1, 120_000)).toBe(true);
    shell.kill('SIGKILL');
    expect(await until(() => javaFor(dataDir).length === 0, 90_000)).toBe(true);
  });

  it('says in one line that Neo4j refused the password', async () => {
    const failed = await startService({ ...env, NEO4J_PASSWORD: 'not-the-password' }).catch((e) => e);
    expect(failed.code).toBe(1);
    const lines = String(failed.output).trim().split('\n');
    expect(lines.at(-1)).toMatch(
      /^error: Neo4j at bolt:\/\/127\.0\.0\.1:\d+ refused the credentials of user "neo4j"/,
    );
    expect(failed.output).not.toMatch(/\n\s+at /); // no stack trace
    expect(await until(() => javaFor(dataDir).length === 0, 90_000)).toBe(true);
  });

  it('says in one line what is wrong with the configuration', async () => {
    const failed = await startService({ ...env, PORT: 'eighty' }).catch((e) => e);
    expect(failed.code).toBe(1);
    expect(String(failed.output).trim()).toBe(
      'configuration error: PORT must be a whole number from 0 to 65535 (got "eighty")',
    );
  });

  it('says that Java is missing, instead of a stack trace', async () => {
    // A PATH with node and nothing else.
    const bin = await mkdtemp(path.join(tmpdir(), 'news-graph-nojava-'));
    await symlink(process.execPath, path.join(bin, 'node'));
    const failed = await startService({ ...env, PATH: bin }).catch((e) => e);
    await rm(bin, { recursive: true, force: true });
    expect(failed.code).toBe(1);
    expect(String(failed.output).trim().split('\n').at(-1)).toMatch(/^error: Java is not installed/);
  });
});

describe('an external Neo4j', SERVICE_TIMEOUT, () => {
  it('that is not there gets one sentence naming the URI', async () => {
    const port = await freePort();
    const failed = await startService({
      NEO4J_URI: `bolt://127.0.0.1:${port}`,
      NEO4J_PASSWORD: 'whatever-password',
      NEO4J_CONNECT_TIMEOUT_MS: '2000',
    }).catch((e) => e);
    expect(failed.code).toBe(1);
    expect(String(failed.output).trim()).toMatch(
      new RegExp(
        `^error: no Neo4j answers at bolt://127\\.0\\.0\\.1:${port} \\(.*\\): start it, or check NEO4J_URI$`,
      ),
    );
  });
});

describe('the embedded Neo4j', SERVICE_TIMEOUT, () => {
  it('says when its Bolt port is taken', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    const dir = await mkdtemp(path.join(tmpdir(), 'news-graph-port-'));
    try {
      const error = await startEmbeddedNeo4j({
        dataDir: dir,
        boltPort: port,
        password: 'port-test-password',
        startTimeoutMs: 120_000,
        heap: '512m',
      }).catch((e) => e);
      expect(error).toBeInstanceOf(EmbeddedNeo4jError);
      expect(error.message).toMatch(new RegExp(`^port ${port} is already in use`));
    } finally {
      blocker.close();
      await rm(dir, { recursive: true, force: true });
    }
  });

  // Two starts of Neo4j: on a busy machine each can take half a minute.
  it('/ready turns 503 while Neo4j is down and 200 when it is back', { timeout: 240_000 }, async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'news-graph-ready-'));
    const options = {
      dataDir: dir,
      boltPort: await freePort(),
      password: 'ready-test-password',
      startTimeoutMs: 120_000,
      heap: '512m',
    };
    let neo4j = await startEmbeddedNeo4j(options);
    const driver = await connectDriver({
      uri: neo4j.uri,
      username: 'neo4j',
      password: options.password,
      database: 'neo4j',
      connectTimeoutMs: 2_000,
    });
    const yoga = createYogaServer(new Database(driver, 'neo4j', 5_000));
    const ready = async () => (await yoga.fetch('http://localhost/ready')).status;
    try {
      expect(await ready()).toBe(200);
      await neo4j.stop();
      expect(await ready()).toBe(503);
      expect((await yoga.fetch('http://localhost/health')).status).toBe(200);
      // Queries say so with a code and HTTP 503, whatever the client accepts.
      for (const accept of ['application/json', 'application/graphql-response+json']) {
        const res = await yoga.fetch('http://localhost/graphql', {
          method: 'POST',
          headers: { 'content-type': 'application/json', accept },
          body: JSON.stringify({ query: '{ entity(key: "country:russia") { label } }' }),
        });
        expect(res.status, accept).toBe(503);
        const body = await res.json();
        expect(body.errors).toEqual([
          expect.objectContaining({
            message: 'The database is unavailable; try again shortly.',
            extensions: { code: 'DATABASE_UNAVAILABLE' },
          }),
        ]);
      }
      neo4j = await startEmbeddedNeo4j(options);
      let status = await ready();
      for (let i = 0; i < 20 && status !== 200; i++) {
        await new Promise((r) => setTimeout(r, 500));
        status = await ready();
      }
      expect(status).toBe(200);
    } finally {
      await driver.close();
      await neo4j.stop();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
