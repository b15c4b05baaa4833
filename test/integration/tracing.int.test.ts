// OpenTelemetry, switched on as an operator would (OTEL_TRACES_EXPORTER=otlp and the collector's
// address): a query over HTTP becomes a request span joining the caller's trace, an operation
// span and one span per Cypher statement, exported to the collector.
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FanOutStatistics } from '../../src/graph/fan-out.js';
import { type Listener, listen } from '../../src/http/listener.js';
import { startTracing, traced } from '../../src/observability/tracing.js';
import { createYogaServer } from '../../src/yoga.js';
import { useGraph } from '../helpers.js';

const graph = useGraph();
const received: string[] = [];
let collector: Server;
let listener: Listener;
let stop: () => Promise<void>;

beforeAll(async () => {
  collector = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => {
      body += c;
    });
    req.on('end', () => {
      received.push(`${req.url} ${body}`);
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => collector.listen(0, '127.0.0.1', resolve));
  process.env.OTEL_EXPORTER_OTLP_ENDPOINT = `http://127.0.0.1:${(collector.address() as { port: number }).port}`;
  // The cost limit's statistics are read before tracing starts: their statements are the
  // service's own work, traced apart from any request, and this test follows one request.
  const fanOuts = new FanOutStatistics(graph.db);
  await fanOuts.refresh();
  stop = await startTracing({ exporter: 'otlp', serviceName: 'news-graph-test' });
  const yoga = createYogaServer(graph.db, { fanOuts });
  listener = await listen(
    traced((req, res) => yoga(req, res)),
    '127.0.0.1',
    0,
  );
});

afterAll(async () => {
  await listener?.drain(1_000);
  collector?.close();
});

describe('tracing', () => {
  it('exports the request, the operation and each statement, in the caller’s trace', async () => {
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
    const res = await fetch(`http://127.0.0.1:${listener.port}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        traceparent: `00-${traceId}-00f067aa0ba902b7-01`,
      },
      body: JSON.stringify({
        query: 'query Traced { entity(key: "country:russia") { label claims { totalCount } } }',
      }),
    });
    expect(res.status).toBe(200);
    await stop(); // flushes
    const exported = received.join('\n');
    expect(exported).toMatch(/^\/v1\/traces /);
    expect(exported).toContain('"POST /graphql"');
    expect(exported).toContain('"graphql query Traced"');
    expect(exported).toContain('"neo4j read"');
    expect(exported).toContain('news-graph-test');
    // Every span of the request carries the caller's trace id.
    const ids = [...exported.matchAll(/"traceId":"([0-9a-f]+)"/g)].map((m) => m[1]);
    expect(ids.length).toBeGreaterThanOrEqual(3);
    expect(new Set(ids)).toEqual(new Set([traceId]));
  });
});
