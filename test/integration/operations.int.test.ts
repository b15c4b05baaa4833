// What operators switch and see: CORS, CSRF, introspection, suggestions and GraphiQL by
// configuration; throttled token guessing; request ids, one log line per request, and metrics.
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { HttpConfig } from '../../src/config.js';
import { DEV_HTTP } from '../../src/http/service.js';
import { createLogger } from '../../src/observability/log.js';
import { Metrics } from '../../src/observability/metrics.js';
import { createYogaServer } from '../../src/yoga.js';
import { INGEST_TOKEN, useGraph } from '../helpers.js';

const graph = useGraph();

const server = (http: Partial<HttpConfig> = {}, more: Parameters<typeof createYogaServer>[1] = {}) =>
  createYogaServer(graph.db, {
    ingestToken: INGEST_TOKEN,
    ...more,
    service: { http: { ...DEV_HTTP, ...http }, ...more.service },
  });

const post = (yoga: ReturnType<typeof server>, query: string, headers: Record<string, string> = {}) =>
  yoga.fetch('http://localhost/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query }),
  });

describe('CORS', () => {
  it('sends no CORS headers by default, so browsers on other sites cannot read answers', async () => {
    const res = await post(server(), '{ __typename }', { origin: 'https://elsewhere.example' });
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    const preflight = await server().fetch('http://localhost/graphql', {
      method: 'OPTIONS',
      headers: { origin: 'https://elsewhere.example', 'access-control-request-method': 'POST' },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('allows exactly the origins listed, never with credentials', async () => {
    const yoga = server({ corsOrigins: ['https://app.example', 'https://other.example'] });
    const allowed = await post(yoga, '{ __typename }', { origin: 'https://app.example' });
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://app.example');
    expect(allowed.headers.get('access-control-allow-credentials')).toBeNull();
    expect(allowed.headers.get('access-control-expose-headers')).toMatch(/x-request-id/);
    const refused = await post(yoga, '{ __typename }', { origin: 'https://evil.example' });
    expect(refused.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('CSRF prevention', () => {
  it('refuses GET and form posts without the header, and lets JSON posts through', async () => {
    const yoga = server();
    const get = await yoga.fetch('http://localhost/graphql?query=%7B__typename%7D');
    expect(get.status).toBe(403);
    expect((await get.json()).errors[0].extensions.code).toBe('CSRF_HEADER_REQUIRED');
    const form = await yoga.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'query=%7B__typename%7D',
    });
    expect(form.status).toBe(403);
    const withHeader = await yoga.fetch('http://localhost/graphql?query=%7B__typename%7D', {
      headers: { 'x-graphql-yoga-csrf': '1' },
    });
    expect(await withHeader.json()).toEqual({ data: { __typename: 'Query' } });
    expect((await post(yoga, '{ __typename }')).status).toBe(200);
  });

  it('can be turned off', async () => {
    const res = await server({ csrfPrevention: false }).fetch(
      'http://localhost/graphql?query=%7B__typename%7D',
    );
    expect(res.status).toBe(200);
  });

  it('GraphiQL sends the header with every request it makes', async () => {
    const html = await (
      await server().fetch('http://localhost/graphql', { headers: { accept: 'text/html' } })
    ).text();
    const options = JSON.parse(/renderYogaGraphiQL\(root,(\{.*\})\)\}\)<\/script>/.exec(html)?.[1] ?? '{}');
    expect(options.additionalHeaders).toEqual({ 'x-graphql-yoga-csrf': 'graphiql' });
  });
});

describe('production switches', () => {
  const production = () => server({ introspection: false, fieldSuggestions: false, graphiql: false });

  it('introspection answers in development and is refused when off', async () => {
    const on = await (await post(server(), '{ __schema { queryType { name } } }')).json();
    expect(on.data.__schema.queryType.name).toBe('Query');
    const off = await (await post(production(), '{ __schema { queryType { name } } }')).json();
    expect(off.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(off.data).toBeUndefined();
  });

  it('field suggestions are hidden when off', async () => {
    const on = await (await post(server(), '{ entiti { key } }')).json();
    expect(on.errors[0].message).toMatch(/Did you mean "entity"/);
    const off = await (await post(production(), '{ entiti { key } }')).json();
    expect(off.errors[0].message).not.toMatch(/entity/);
    expect(off.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('GraphiQL and its assets are gone when off; queries still answer', async () => {
    const yoga = production();
    const page = await yoga.fetch('http://localhost/graphql', { headers: { accept: 'text/html' } });
    expect(page.headers.get('content-type') ?? '').not.toMatch(/html/);
    expect((await yoga.fetch('http://localhost/graphiql/assets/graphiql.css')).status).toBe(404);
    expect(await (await post(yoga, '{ entity(key: "country:russia") { label } }')).json()).toEqual({
      data: { entity: { label: 'Russia' } },
    });
  });
});

describe('failed ingest tokens', () => {
  it('a client that keeps sending a wrong token is refused for a while; reads without one still work', async () => {
    const yoga = server({ authFailuresPerMinute: 3 });
    const wrong = { authorization: 'Bearer wrong-token-0123456789' };
    for (let i = 0; i < 3; i++) {
      const res = await post(yoga, '{ __typename }', wrong);
      expect(res.status).toBe(200);
    }
    const refused = await post(yoga, '{ __typename }', wrong);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);
    expect((await refused.json()).errors[0].extensions.code).toBe('TOO_MANY_REQUESTS');
    // The right token from the same client is refused too until the minute has passed.
    expect((await post(yoga, '{ __typename }', { authorization: `Bearer ${INGEST_TOKEN}` })).status).toBe(
      429,
    );
    expect((await post(yoga, '{ __typename }')).status).toBe(200);
  });
});

describe('request ids, logs and metrics', () => {
  it('each request gets an id, is one log line with what it did, and is counted', async () => {
    const out = new PassThrough();
    const lines: Record<string, unknown>[] = [];
    out.on('data', (chunk: Buffer) => {
      for (const l of chunk.toString().split('\n')) if (l) lines.push(JSON.parse(l));
    });
    const metrics = new Metrics();
    const yoga = server(
      {},
      { service: { logger: createLogger({ level: 'info', format: 'json' }, out), metrics } },
    );

    const given = await post(
      yoga,
      'query Russia { entity(key: "country:russia") { label claims { totalCount } } }',
      {
        'x-request-id': 'trace-me-123',
      },
    );
    expect(given.headers.get('x-request-id')).toBe('trace-me-123');
    const made = await post(yoga, '{ claims(first: 101) { totalCount } }', {
      'x-request-id': 'bad id with spaces',
    });
    expect(made.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    await new Promise((r) => setImmediate(r));

    const requests = lines.filter((l) => l.msg === 'request');
    expect(requests).toHaveLength(2);
    expect(requests[0]).toMatchObject({
      level: 'info',
      reqId: 'trace-me-123',
      method: 'POST',
      path: '/graphql',
      status: 200,
      operation: 'Russia',
      type: 'query',
    });
    expect(requests[0]?.statements).toBeGreaterThan(0);
    expect(requests[0]?.ms).toEqual(expect.any(Number));
    expect(requests[1]).toMatchObject({
      reqId: made.headers.get('x-request-id'),
      errors: ['BAD_USER_INPUT'],
    });

    const text = await (await yoga.fetch('http://localhost/metrics')).text();
    expect(text).toMatch(/newsgraph_http_requests_total\{operation="Russia",status="200"\} 1/);
    expect(text).toMatch(/newsgraph_graphql_errors_total\{code="BAD_USER_INPUT"\} 1/);
    expect(text).toMatch(/newsgraph_http_request_duration_seconds_count\{operation="Russia"\} 1/);
    expect(text).toMatch(/newsgraph_cypher_statements_per_request_count 2/);
    expect(text).toMatch(/newsgraph_neo4j_available 1/);
  });

  it('metrics can be turned off', async () => {
    expect((await server({ metrics: false }).fetch('http://localhost/metrics')).status).toBe(404);
  });
});
