// Subscriptions on one instance: over server-sent events and over WebSocket, articles ingested
// and removed through the API reach subscribers with their claims and events, filters pass what
// they say, the same limits and token rules as queries apply, and a subscriber that does not
// read is dropped without holding anyone else back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CorpusGenerator } from '../../bench/generate.js';
import { EventBus } from '../../src/events/bus.js';
import type { ArticleChange } from '../../src/events/changes.js';
import { Subscriptions } from '../../src/events/subscriptions.js';
import { type Listener, listen } from '../../src/http/listener.js';
import { DEV_HTTP } from '../../src/http/service.js';
import { attachWebSockets, type WebSockets } from '../../src/http/websocket.js';
import { silentLogger } from '../../src/observability/log.js';
import { Metrics } from '../../src/observability/metrics.js';
import { createYogaServer, type YogaServer } from '../../src/yoga.js';
import { INGEST_TOKEN, useGraph } from '../helpers.js';
import { type Feed, readEventStream, subscribeSse, subscribeWs } from '../subscriber.js';

const graph = useGraph();
const AUTH = { authorization: `Bearer ${INGEST_TOKEN}` };
const corpus = new CorpusGenerator({ seed: 13 });

let url: string;
let listener: Listener;
let sockets: WebSockets;
let yoga: YogaServer;
let subscriptions: Subscriptions;
let metrics: Metrics;
const feeds: Feed[] = [];

beforeAll(async () => {
  metrics = new Metrics();
  subscriptions = new Subscriptions(new EventBus(), { queueSize: 5, killAfterMs: 60_000, metrics });
  yoga = createYogaServer(graph.db, {
    ingestToken: INGEST_TOKEN,
    subscriptions,
    service: { metrics },
  });
  listener = await listen((req, res) => yoga(req, res), '127.0.0.1', 0);
  sockets = attachWebSockets(listener.server, yoga, DEV_HTTP, silentLogger());
  url = `http://127.0.0.1:${listener.port}`;
});

afterAll(async () => {
  for (const f of feeds) f.close();
  subscriptions?.endAll();
  sockets?.close();
  await listener?.drain(2_000);
});

const sse = async (query: string, variables?: Record<string, unknown>) => {
  const f = await subscribeSse(url, query, variables);
  feeds.push(f);
  return f;
};
const ws = (query: string, variables?: Record<string, unknown>, params?: Record<string, unknown>) => {
  const f = subscribeWs(url, query, variables, params);
  feeds.push(f);
  return f;
};

/** Waits until the server has registered `n` open subscriptions (they start asynchronously). */
async function opened(n: number) {
  const end = Date.now() + 60_000;
  while (subscriptions.active < n && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
  expect(subscriptions.active).toBeGreaterThanOrEqual(n);
}

/** GraphQL through this file's server, whose bus the subscriptions read. */
async function gql(query: string, variables: Record<string, unknown>, headers: Record<string, string>) {
  const response = await yoga.fetch('http://localhost/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data?: any; errors?: unknown[] };
}

async function ingest(document: unknown) {
  const r = await gql(
    'mutation($d: JSON!) { ingestArticle(document: $d) { status problems { path message } } }',
    { d: document },
    AUTH,
  );
  expect(r.errors).toBeUndefined();
  return r.data.ingestArticle.status as string;
}

const ARTICLE_CHANGED = /* GraphQL */ `
  subscription Articles($filter: ArticleChangeFilter) {
    articleChanged(filter: $filter) {
      action articleKey at
      article { key }
      claims { action key kind status sourceCount participantKeys }
      events { action key kind status participantKeys }
    }
  }
`;

const CLAIMS_CHANGED = /* GraphQL */ `
  subscription Claims($filter: ClaimChangeFilter) {
    claimsChanged(filter: $filter) {
      action key kind status sourceCount participantKeys articleKey articleAction
      claim { key kind status }
    }
  }
`;

describe('subscriptions over server-sent events', () => {
  it('tell of an ingested article with its claims and events, needing no token', async () => {
    const doc = corpus.article(1);
    const before = subscriptions.active;
    const articles = await sse(ARTICLE_CHANGED);
    const claims = await sse(CLAIMS_CHANGED);
    await opened(before + 2);

    expect(await ingest(doc)).toBe('CREATED');
    const [message] = await articles.until((m) => m.length >= 1);
    expect(message?.errors).toBeUndefined();
    const change = message?.data.articleChanged;
    expect(change).toMatchObject({
      action: 'CREATED',
      articleKey: doc.article.id,
      article: { key: doc.article.id },
    });
    expect(change.claims).toHaveLength(doc.claims.length);
    expect(change.events).toHaveLength(doc.events.length);
    for (const c of change.claims) {
      expect(c.action).toMatch(/^(CREATED|CHANGED)$/);
      expect(c.sourceCount).toBeGreaterThanOrEqual(1);
    }

    // One message per claim, each with the claim as it is now.
    const received = await claims.until((m) => m.length >= doc.claims.length);
    const keys = received.map((m) => m.data.claimsChanged.key).sort();
    expect(keys).toEqual(change.claims.map((c: { key: string }) => c.key).sort());
    for (const m of received) {
      const c = m.data.claimsChanged;
      expect(c.claim).toEqual({ key: c.key, kind: c.kind, status: c.status });
      expect(c).toMatchObject({ articleKey: doc.article.id, articleAction: 'CREATED' });
    }
  });

  it('pass exactly the claims their filter describes', async () => {
    const doc = corpus.article(2);
    const kind = doc.claims[0]?.kind;
    const participant = doc.entities[0]?.id;
    expect(kind).toBeDefined();
    const filter = { kinds: [kind], participants: [participant, 'country:nowhere'], minSources: 1 };
    const before = subscriptions.active;
    const all = await sse(CLAIMS_CHANGED);
    const some = await sse(CLAIMS_CHANGED, { filter });
    const none = await sse(CLAIMS_CHANGED, { filter: { minSources: 50 } });
    await opened(before + 3);

    expect(await ingest(doc)).toBe('CREATED');
    const everything = (await all.until((m) => m.length >= doc.claims.length)).map(
      (m) => m.data.claimsChanged,
    );
    const expected = everything.filter(
      (c) => c.kind === kind && c.participantKeys.includes(participant) && c.sourceCount >= 1,
    );
    // A later article tells the filtered subscriber whatever else it would have passed.
    if (expected.length > 0) await some.until((m) => m.length >= expected.length);
    await ingest(corpus.article(3));
    await all.until((m) => m.some((x) => x.data.claimsChanged.articleKey === corpus.articleId(3)));
    const passed = some.messages
      .map((m) => m.data.claimsChanged)
      .filter((c) => c.articleKey === doc.article.id);
    expect(passed).toEqual(expected);
    expect(none.messages).toEqual([]);
  });

  it('tell of a removed article: its claims removed, the article gone', async () => {
    const doc = corpus.article(4);
    expect(await ingest(doc)).toBe('CREATED');
    const before = subscriptions.active;
    const articles = await sse(ARTICLE_CHANGED, { filter: { keys: [doc.article.id] } });
    await opened(before + 1);

    const removed = await gql(
      'mutation($k: String!) { removeArticle(key: $k) { removed statementsRemoved statementsChanged } }',
      { k: doc.article.id },
      AUTH,
    );
    expect(removed.data?.removeArticle.removed).toBe(true);
    const [message] = await articles.until((m) => m.length >= 1);
    const change = message?.data.articleChanged;
    expect(change).toMatchObject({ action: 'REMOVED', articleKey: doc.article.id, article: null });
    const gone = [...change.claims, ...change.events].filter(
      (s: { action: string }) => s.action === 'REMOVED',
    );
    expect(gone).toHaveLength(removed.data.removeArticle.statementsRemoved);
    expect(gone.length).toBeGreaterThan(0);
  });

  it('are refused with a code when over the limits, or given a bad filter', async () => {
    const deep = `subscription { claimsChanged { claim { ${'about { claims(first: 1) { edges { node { '.repeat(4)}key${' } } } }'.repeat(4)} } } }`;
    const tooDeep = await sse(deep);
    await tooDeep.until((m) => m.length >= 1);
    expect(tooDeep.messages[0]?.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');

    const bad = await sse(CLAIMS_CHANGED, { filter: { minSources: 0 } });
    await bad.until((m) => m.length >= 1);
    expect(bad.messages[0]?.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(bad.messages[0]?.errors?.[0]?.message).toMatch(/minSources/);
  });
});

describe('subscriptions over WebSocket (graphql-ws)', () => {
  it('tell of an ingested article, as over SSE', async () => {
    const doc = corpus.article(5);
    const before = subscriptions.active;
    const articles = ws(ARTICLE_CHANGED);
    await opened(before + 1);
    expect(await ingest(doc)).toBe('CREATED');
    const [message] = await articles.until((m) => m.length >= 1);
    expect(message?.data.articleChanged).toMatchObject({ action: 'CREATED', articleKey: doc.article.id });
    expect(message?.data.articleChanged.claims).toHaveLength(doc.claims.length);
  });

  it('apply the same limits and token rules as HTTP', async () => {
    const invalid = ws('subscription { claimsChanged { nope } }');
    await invalid.until(() => invalid.done);
    expect(invalid.messages[0]?.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');

    const deep = `subscription { claimsChanged { claim { ${'about { claims(first: 1) { edges { node { '.repeat(4)}key${' } } } }'.repeat(4)} } } }`;
    const tooDeep = ws(deep);
    await tooDeep.until(() => tooDeep.done);
    expect(tooDeep.messages[0]?.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');

    const mutation = 'mutation { removeArticle(key: "nope") { removed } }';
    const anonymous = ws(mutation);
    await anonymous.until((m) => m.length >= 1);
    expect(anonymous.messages[0]?.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const withToken = ws(mutation, {}, AUTH);
    await withToken.until((m) => m.length >= 1);
    expect(withToken.messages[0]).toEqual({ data: { removeArticle: { removed: false } } });

    const query = ws('{ entity(key: "country:russia") { key } }');
    await query.until((m) => m.length >= 1);
    expect(query.messages[0]).toEqual({ data: { entity: { key: 'country:russia' } } });
  });
});

describe('bookmarks', () => {
  const read = async (key: string, bookmark: string) => {
    const response = await yoga.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'neo4j-bookmark': bookmark },
      body: JSON.stringify({ query: `{ article(key: "${key}") { key } }` }),
    });
    return { status: response.status, ...((await response.json()) as { data?: any; errors?: any[] }) };
  };

  it('come back from a write and in its message, and a later read waits for them', async () => {
    const doc = corpus.article(6);
    const before = subscriptions.active;
    const articles = await sse('subscription { articleChanged { articleKey bookmark article { key } } }');
    await opened(before + 1);
    const r = await gql(
      'mutation($d: JSON!) { ingestArticle(document: $d) { status bookmark } }',
      { d: doc },
      AUTH,
    );
    const bookmark = r.data?.ingestArticle.bookmark as string;
    expect(bookmark).toMatch(/^\S+$/);
    const [message] = await articles.until((m) =>
      m.some((x) => x.data?.articleChanged.articleKey === doc.article.id),
    );
    expect(message?.data.articleChanged).toEqual({
      articleKey: doc.article.id,
      bookmark,
      article: { key: doc.article.id },
    });
    expect(await read(doc.article.id, bookmark)).toMatchObject({
      status: 200,
      data: { article: { key: doc.article.id } },
    });
    // Unchanged: nothing written, no bookmark.
    const again = await gql(
      'mutation($d: JSON!) { ingestArticle(document: $d) { status bookmark } }',
      { d: doc },
      AUTH,
    );
    expect(again.data?.ingestArticle).toEqual({ status: 'UNCHANGED', bookmark: null });
  });

  it('that are malformed or unknown are refused with a code', async () => {
    const malformed = await read('x', 'not a bookmark!');
    expect(malformed.errors?.[0]?.extensions?.code).toBe('BAD_REQUEST');
    expect(malformed.errors?.[0]?.message).toMatch(/Neo4j-Bookmark/);
    const unknown = await read('x', 'FB:kcwQabcdefabcdefabcdefabcdefabcdef');
    expect(unknown.errors?.[0]?.extensions?.code).toBe('BAD_REQUEST');
  });
});

describe('a subscriber that does not read', () => {
  const change = (i: number): ArticleChange => ({
    articleKey: `slow-${i}`,
    action: 'CREATED',
    at: new Date().toISOString(),
    statements: [],
  });

  it('is dropped with SUBSCRIBER_TOO_SLOW while the others get every change', async () => {
    // Only the two subscribers of this test.
    for (const f of feeds.splice(0)) f.close();
    const end = Date.now() + 60_000;
    while (subscriptions.active > 0 && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
    expect(subscriptions.active).toBe(0);
    // In process, the stream is read only when the test reads it: a subscriber that does not.
    const slow = await yoga.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify({ query: 'subscription { articleChanged { articleKey } }' }),
    });
    const before = subscriptions.active;
    const fast = await sse('subscription { articleChanged(filter: { actions: [CREATED] }) { articleKey } }');
    await opened(before + 1);
    const dropsBefore = await metricValue('newsgraph_subscribers_dropped_total');

    const N = 60;
    const mine = (m: { data?: any }) => m.data?.articleChanged.articleKey.startsWith('slow-');
    for (let i = 0; i < N; i++) {
      await subscriptions.bus.publish(change(i));
      // The reading subscriber keeps up; the other takes nothing.
      await fast.until((m) => m.filter(mine).length > i);
    }
    const got = await fast.until(
      (m) => m.filter((x) => x.data?.articleChanged.articleKey.startsWith('slow-')).length >= N,
    );
    expect(
      got
        .filter((x) => x.data?.articleChanged.articleKey.startsWith('slow-'))
        .map((x) => x.data.articleChanged.articleKey),
    ).toEqual(Array.from({ length: N }, (_, i) => `slow-${i}`));

    // The slow one, read at last: what had been taken before it fell behind, then the error, then the end.
    const late = readEventStream(slow);
    await late.until(() => late.done);
    const last = late.messages.at(-1);
    expect(last?.errors?.[0]?.extensions?.code).toBe('SUBSCRIBER_TOO_SLOW');
    expect(late.messages.length).toBeLessThan(N);
    expect(await metricValue('newsgraph_subscribers_dropped_total')).toBe(dropsBefore + 1);
  });
});

async function metricValue(name: string): Promise<number> {
  const text = (await metrics.text()).body;
  return text
    .split('\n')
    .filter((l) => l.startsWith(`${name} `) || l.startsWith(`${name}{`))
    .reduce((sum, l) => sum + Number(l.split(' ').at(-1)), 0);
}
