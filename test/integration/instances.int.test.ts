// Several instances on one Neo4j, sharing events through Redis: an article ingested through one
// reaches subscribers of the other over SSE and over WebSocket; Redis going away is reported
// (/ready, logs, metrics, a notice to subscribers) while queries go on, and events flow again
// when it is back. Two `node dist/main.js serve` processes, the real Redis on 127.0.0.1:6379 (a
// channel prefix of this run's own), and a redis-server of the test's own for killing.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { CorpusGenerator } from '../../bench/generate.js';
import { PROJECT_ROOT } from '../../src/config.js';
import { type DataChanged, RedisEventBus } from '../../src/events/bus.js';
import { INGEST_TOKEN, useGraph } from '../helpers.js';
import { freePort, metric, until } from '../service-process.js';
import { type Feed, subscribeSse, subscribeWs } from '../subscriber.js';

const REDIS_SERVER = '/usr/bin/redis-server';
const hasRedisServer = spawnSync(REDIS_SERVER, ['--version']).status === 0;
const SHARED_REDIS = 'redis://127.0.0.1:6379';
const sharedRedisUp =
  hasRedisServer && spawnSync('redis-cli', ['-p', '6379', 'ping']).stdout?.toString().trim() === 'PONG';

if (!hasRedisServer || !sharedRedisUp) {
  console.warn(
    !hasRedisServer
      ? 'instances.int.test.ts skipped: no redis-server. Install it with `apt-get install -y redis-server` (and start it on 127.0.0.1:6379)'
      : 'instances.int.test.ts skipped: no Redis answers on 127.0.0.1:6379. Start one with `redis-server --daemonize yes`',
  );
}

useGraph({ seed: false });
const corpus = new CorpusGenerator({ seed: 31 });
const AUTH = { authorization: `Bearer ${INGEST_TOKEN}` };
const children: ChildProcess[] = [];
const feeds: Feed[] = [];

interface Instance {
  url: string;
  child: ChildProcess;
  output: () => string;
}

/** Starts `node dist/main.js serve` on the test Neo4j and resolves once it listens. */
function startInstance(env: Record<string, string>): Promise<Instance> {
  const neo4j = inject('neo4j');
  const child = spawn(process.execPath, ['dist/main.js', 'serve'], {
    cwd: PROJECT_ROOT,
    env: {
      ...process.env,
      NEO4J_URI: neo4j.uri,
      NEO4J_USERNAME: neo4j.username,
      NEO4J_PASSWORD: neo4j.password,
      NEO4J_DATABASE: neo4j.database,
      PORT: '0',
      SEED_ON_START: 'false',
      INGEST_TOKEN,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let output = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const m = /GraphQL at (http:\/\/[^\s"]+)\/graphql/.exec(output);
      if (m?.[1]) resolve({ url: m[1], child, output: () => output });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`exited ${code}: ${output}`)));
  });
}

/** A redis-server of this test's own, with nothing saved, that the test may kill. */
function startRedis(port: number): Promise<ChildProcess> {
  const child = spawn(
    REDIS_SERVER,
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  children.push(child);
  let output = '';
  return new Promise((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (/Ready to accept connections/.test(output)) resolve(child);
    });
    child.once('exit', (code) => reject(new Error(`redis-server exited ${code}: ${output}`)));
  });
}

const stopped = (child: ChildProcess) =>
  child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise<void>((resolve) => child.once('exit', () => resolve()));

afterAll(async () => {
  for (const f of feeds) f.close();
  for (const child of children)
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
  await Promise.all(children.map(stopped));
});

async function ingest(url: string, document: unknown): Promise<string> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...AUTH },
    body: JSON.stringify({
      query: 'mutation($d: JSON!) { ingestArticle(document: $d) { status } }',
      variables: { d: document },
    }),
  });
  const body = (await response.json()) as { data?: { ingestArticle: { status: string } }; errors?: unknown };
  expect(body.errors).toBeUndefined();
  return body.data?.ingestArticle.status ?? '';
}

const ready = async (url: string) => {
  const response = await fetch(`${url}/ready`);
  return { status: response.status, body: (await response.json()) as Record<string, string> };
};

/** Waits until the instance counts `n` open subscriptions (they open asynchronously). */
const subscribed = async (url: string, n: number) => {
  const count = async () => {
    const text = await (await fetch(`${url}/metrics`)).text();
    return text
      .split('\n')
      .filter((l) => l.startsWith('newsgraph_subscriptions_active{'))
      .reduce((sum, l) => sum + Number(l.split(' ').at(-1)), 0);
  };
  expect(await until(async () => (await count()) >= n, 60_000, 50)).toBe(true);
};

const ARTICLES = 'subscription { articleChanged { action articleKey claims { key } } }';
const hasArticle = (key: string) => (messages: { data?: any }[]) =>
  messages.some((m) => m.data?.articleChanged?.articleKey === key);

describe.skipIf(!sharedRedisUp)('two instances sharing Redis', () => {
  let a: Instance;
  let b: Instance;
  const prefix = `newsgraph-test-${randomUUID()}`;

  beforeAll(async () => {
    [a, b] = await Promise.all([
      startInstance({ REDIS_URL: SHARED_REDIS, REDIS_PREFIX: prefix }),
      startInstance({ REDIS_URL: SHARED_REDIS, REDIS_PREFIX: prefix }),
    ]);
  });

  it('deliver an article ingested through one to subscribers of the other, over SSE and WebSocket', async () => {
    expect(a.url).not.toBe(b.url);
    expect(await ready(b.url)).toEqual({ status: 200, body: { status: 'ready', neo4j: 'up', redis: 'up' } });
    const sse = await subscribeSse(b.url, ARTICLES);
    const ws = subscribeWs(b.url, ARTICLES);
    const local = await subscribeSse(a.url, ARTICLES);
    feeds.push(sse, ws, local);
    await subscribed(b.url, 2);
    await subscribed(a.url, 1);

    const doc = corpus.article(1);
    expect(await ingest(a.url, doc)).toBe('CREATED');
    for (const feed of [sse, ws, local]) {
      const [message] = await feed.until(hasArticle(doc.article.id));
      expect(message?.data.articleChanged).toMatchObject({ action: 'CREATED', articleKey: doc.article.id });
      expect(message?.data.articleChanged.claims).toHaveLength(doc.claims.length);
    }
    // Each instance got it once: no echo of its own change back through Redis.
    await new Promise((r) => setTimeout(r, 500));
    expect(local.messages.filter((m) => m.data?.articleChanged?.articleKey === doc.article.id)).toHaveLength(
      1,
    );
    expect(sse.messages.filter((m) => m.data?.articleChanged?.articleKey === doc.article.id)).toHaveLength(1);
  });

  it('tell caches on every instance that data changed (the onDataChanged hook)', async () => {
    const log = { info: () => undefined, warn: () => undefined };
    const here = new RedisEventBus(SHARED_REDIS, prefix, log);
    const there = new RedisEventBus(SHARED_REDIS, prefix, log);
    await Promise.all([here.start(), there.start()]);
    try {
      const seen: DataChanged[] = [];
      const seenHere: DataChanged[] = [];
      there.onDataChanged((c) => seen.push(c));
      here.onDataChanged((c) => seenHere.push(c));
      await here.publish({
        articleKey: 'cache-test',
        action: 'REPLACED',
        at: new Date().toISOString(),
        statements: [],
      });
      expect(await until(() => seen.length > 0, 30_000)).toBe(true);
      expect(seen).toEqual([{ articleKeys: ['cache-test'], all: false, origin: 'remote' }]);
      expect(seenHere).toEqual([{ articleKeys: ['cache-test'], all: false, origin: 'local' }]);
      // Instances started by beforeAll share the channel: an ingestion there reaches this bus too.
      const doc = corpus.article(2);
      await ingest(b.url, doc);
      expect(await until(() => seen.some((c) => c.articleKeys.includes(doc.article.id)), 30_000)).toBe(true);
    } finally {
      await Promise.all([here.close(), there.close()]);
    }
  });
});

describe.skipIf(!hasRedisServer)('Redis going away and coming back', () => {
  let redisPort: number;
  let redis: ChildProcess;
  let a: Instance;
  let b: Instance;

  beforeAll(async () => {
    redisPort = await freePort();
    redis = await startRedis(redisPort);
    const env = {
      REDIS_URL: `redis://127.0.0.1:${redisPort}`,
      REDIS_PREFIX: `newsgraph-test-${randomUUID()}`,
    };
    [a, b] = await Promise.all([startInstance(env), startInstance(env)]);
  });

  it('is reported and survived: queries go on, subscribers are told, events resume', async () => {
    const feed = await subscribeSse(b.url, ARTICLES);
    feeds.push(feed);
    await subscribed(b.url, 1);
    const first = corpus.article(3);
    expect(await ingest(a.url, first)).toBe('CREATED');
    await feed.until(hasArticle(first.article.id));

    redis.kill('SIGKILL');
    await stopped(redis);

    // Subscribers are told, and their stream goes on.
    const interrupted = (m: { errors?: { extensions?: Record<string, unknown> }[] }[]) =>
      m.some((x) => x.errors?.[0]?.extensions?.code === 'EVENTS_INTERRUPTED');
    await feed.until(interrupted);
    expect(feed.done).toBe(false);
    // /ready stays 200 (queries are served) and says Redis is down; so do the logs and metrics.
    expect(await until(async () => (await ready(b.url)).body.redis === 'down', 30_000)).toBe(true);
    expect(await ready(b.url)).toEqual({
      status: 200,
      body: { status: 'degraded', neo4j: 'up', redis: 'down' },
    });
    expect(b.output()).toMatch(/Redis went away/);
    expect(await metric(b.url, 'newsgraph_redis_available')).toBe(0);
    // Queries and ingestion keep working.
    const query = await fetch(`${b.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ article(key: "${first.article.id}") { key } }` }),
    });
    expect(await query.json()).toEqual({ data: { article: { key: first.article.id } } });
    const during = corpus.article(4);
    expect(await ingest(a.url, during)).toBe('CREATED');

    redis = await startRedis(redisPort);
    const resumed = (m: { errors?: { extensions?: Record<string, unknown> }[] }[]) =>
      m.some((x) => x.errors?.[0]?.extensions?.code === 'EVENTS_RESUMED');
    await feed.until(resumed, 120_000);
    expect(await until(async () => (await ready(b.url)).body.redis === 'up', 60_000)).toBe(true);
    expect(await until(async () => (await ready(a.url)).body.redis === 'up', 60_000)).toBe(true);
    expect(b.output()).toMatch(/Redis is back after/);
    expect(await metric(b.url, 'newsgraph_redis_available')).toBe(1);

    const after = corpus.article(5);
    expect(await ingest(a.url, after)).toBe('CREATED');
    await feed.until(hasArticle(after.article.id));
    // The change made while Redis was away reached only the instance that made it.
    expect(
      feed.messages.filter((m) => m.data?.articleChanged?.articleKey === during.article.id),
    ).toHaveLength(0);
  });
});
