// Repeated queries are answered from memory until the data changes: a write through this
// instance is seen by the next request, a write by anyone else (another instance, the ingest
// command) within the bookmark poll, and a Neo4j that stops answering is never hidden by it.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createResponseCache, DataVersion, type ResponseCache } from '../../src/http/response-cache.js';
import { createYogaServer, type YogaServer } from '../../src/yoga.js';
import { INGEST_TOKEN, useGraph } from '../helpers.js';

const graph = useGraph();
let cache: ResponseCache;
let yoga: YogaServer;
let statements = 0;

const COUNT = '{ claims(first: 1) { totalCount } }';

async function ask(query: string, headers: Record<string, string> = {}) {
  const response = await yoga.fetch('http://localhost/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query }),
  });
  return { cache: response.headers.get('x-response-cache'), body: await response.json() };
}

beforeAll(async () => {
  cache = createResponseCache(new DataVersion(() => graph.db.latestBookmark(), 50), {
    ttlMs: 60_000,
    maxEntries: 100,
    pollMs: 50,
  });
  await cache.version.refresh();
  cache.version.start();
  yoga = createYogaServer(graph.db, {
    ingestToken: INGEST_TOKEN,
    responseCache: cache,
    plugins: [
      {
        onExecute: () => {
          statements += 1;
        },
      },
    ],
  });
});
afterAll(() => cache.version.stop());

describe('the response cache', () => {
  it('answers a repeated query from memory, with the same answer', async () => {
    const first = await ask(COUNT);
    const executed = statements;
    const second = await ask(COUNT);
    expect(first.cache).toBe('miss');
    expect(second.cache).toBe('hit');
    expect(second.body).toEqual(first.body);
    // The second answer ran nothing: no resolver, no statement.
    expect(statements).toBe(executed);
  });

  it('tells different variables and operations apart', async () => {
    const a = await ask('{ entity(key: "person:kim-jong-un") { key } }');
    const b = await ask('{ entity(key: "country:russia") { key } }');
    expect(a.body.data.entity.key).toBe('person:kim-jong-un');
    expect(b.body.data.entity.key).toBe('country:russia');
    expect(b.cache).toBe('miss');
  });

  it('keeps no answer with errors', async () => {
    const bad = '{ claims(first: 1000) { totalCount } }';
    expect((await ask(bad)).body.errors).toBeDefined();
    expect((await ask(bad)).cache).toBe('miss');
  });

  it('forgets what it knew when this instance writes', async () => {
    const before = (await ask(COUNT)).body.data.claims.totalCount;
    const document = JSON.parse(await readFile(path.resolve('test/fixtures/second-article.json'), 'utf8'));
    const ingest = await yoga.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${INGEST_TOKEN}` },
      body: JSON.stringify({
        query: 'mutation($d: JSON!) { ingestArticle(document: $d) { status } }',
        variables: { d: document },
      }),
    });
    expect((await ingest.json()).errors).toBeUndefined();
    const after = await ask(COUNT);
    expect(after.cache).toBe('miss');
    expect(after.body.data.claims.totalCount).toBeGreaterThan(before);
  });

  it('sees a write made by anyone else within the bookmark poll', async () => {
    const before = (await ask(COUNT)).body.data.claims.totalCount;
    expect((await ask(COUNT)).cache).toBe('hit');
    // Another writer: straight to Neo4j, not through this instance.
    await graph.cypher(`MATCH (c:Claim) WITH c ORDER BY c.id LIMIT 1 DETACH DELETE c`);
    await vi.waitFor(async () => expect((await ask(COUNT)).body.data.claims.totalCount).toBe(before - 1), {
      timeout: 30_000,
      interval: 100,
    });
  });

  it('answers nothing from memory while Neo4j cannot be asked for its bookmark', async () => {
    await ask(COUNT);
    expect((await ask(COUNT)).cache).toBe('hit');
    const down = new DataVersion(async () => {
      throw new Error('Neo4j is not answering');
    }, 50);
    const stale = createResponseCache(down, { ttlMs: 60_000, maxEntries: 10, pollMs: 50 });
    const server = createYogaServer(graph.db, { responseCache: stale });
    const asked = async () => {
      await down.refresh();
      const r = await server.fetch('http://localhost/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: COUNT }),
      });
      return r.headers.get('x-response-cache');
    };
    expect(await asked()).toBe('miss');
    expect(await asked()).toBe('miss');
  });

  it('answers nothing from memory while the availability probe finds Neo4j down', async () => {
    let up = true;
    const probed = new DataVersion(
      () => graph.db.latestBookmark(),
      60_000,
      () => up,
    );
    await probed.refresh();
    const server = createYogaServer(graph.db, {
      responseCache: createResponseCache(probed, { ttlMs: 60_000, maxEntries: 10, pollMs: 60_000 }),
    });
    const asked = async () =>
      (
        await server.fetch('http://localhost/graphql', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: COUNT }),
        })
      ).headers.get('x-response-cache');
    await asked();
    expect(await asked()).toBe('hit');
    up = false;
    expect(await asked()).toBe('miss');
    expect(await asked()).toBe('miss');
  });

  it('keeps at most its maximum of answers, dropping the least recently used', async () => {
    const small = createResponseCache(new DataVersion(() => graph.db.latestBookmark(), 60_000), {
      ttlMs: 60_000,
      maxEntries: 2,
      pollMs: 60_000,
    });
    await small.version.refresh();
    const server = createYogaServer(graph.db, { responseCache: small });
    const q = async (key: string) =>
      (
        await server.fetch('http://localhost/graphql', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: `{ entity(key: "${key}") { key } }` }),
        })
      ).headers.get('x-response-cache');
    await q('country:russia');
    await q('person:kim-jong-un');
    expect(await q('country:russia')).toBe('hit');
    await q('person:vladimir-putin');
    expect(small.size()).toBe(2);
    expect(await q('person:kim-jong-un')).toBe('miss');
  });
});
