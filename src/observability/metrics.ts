// Prometheus metrics, served at /metrics: requests by operation and status, latency histograms,
// errors by code, Cypher statements per request, Neo4j availability and sessions, embedded Neo4j
// restarts, subscriptions and the event bus. One registry per service (tests build several).
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

/** Operation names come from clients: only well-formed ones become labels, and only so many. */
const MAX_OPERATION_LABELS = 200;
const OPERATION_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

export class Metrics {
  readonly registry = new Registry();
  private readonly operations = new Set<string>();

  readonly requests = new Counter({
    name: 'newsgraph_http_requests_total',
    help: 'HTTP requests answered, by GraphQL operation (or route) and status.',
    labelNames: ['operation', 'status'] as const,
    registers: [this.registry],
  });

  readonly duration = new Histogram({
    name: 'newsgraph_http_request_duration_seconds',
    help: 'Time from the request to its response, by GraphQL operation (or route).',
    labelNames: ['operation'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10],
    registers: [this.registry],
  });

  readonly inFlight = new Gauge({
    name: 'newsgraph_http_requests_in_flight',
    help: 'Requests being answered now.',
    registers: [this.registry],
  });

  readonly errors = new Counter({
    name: 'newsgraph_graphql_errors_total',
    help: 'Errors in responses, by extensions.code (INTERNAL for masked unexpected errors).',
    labelNames: ['code'] as const,
    registers: [this.registry],
  });

  readonly statements = new Histogram({
    name: 'newsgraph_cypher_statements_per_request',
    help: 'Cypher statements sent to Neo4j for one GraphQL request.',
    buckets: [0, 1, 2, 3, 5, 8, 13, 21, 50, 100],
    registers: [this.registry],
  });

  readonly neo4jUp = new Gauge({
    name: 'newsgraph_neo4j_available',
    help: '1 while Neo4j answers the availability probe, 0 while it does not.',
    registers: [this.registry],
  });

  readonly neo4jSessions = new Gauge({
    name: 'newsgraph_neo4j_sessions_active',
    help: 'Neo4j sessions open now (each holds one pooled connection while it runs).',
    registers: [this.registry],
  });

  readonly neo4jPoolSize = new Gauge({
    name: 'newsgraph_neo4j_pool_max_connections',
    help: 'The most connections the driver pools to Neo4j.',
    registers: [this.registry],
  });

  readonly neo4jOutages = new Counter({
    name: 'newsgraph_neo4j_outages_total',
    help: 'Times Neo4j went from available to unavailable.',
    registers: [this.registry],
  });

  readonly embeddedRestarts = new Counter({
    name: 'newsgraph_embedded_neo4j_restarts_total',
    help: 'Times the embedded Neo4j died and was started again.',
    registers: [this.registry],
  });

  readonly authThrottled = new Counter({
    name: 'newsgraph_auth_throttled_total',
    help: 'Requests refused because their client failed the ingest token too often.',
    registers: [this.registry],
  });

  readonly subscriptions = new Gauge({
    name: 'newsgraph_subscriptions_active',
    help: 'Subscriptions open now, over SSE and WebSocket.',
    labelNames: ['transport'] as const,
    registers: [this.registry],
  });

  readonly eventsPublished = new Counter({
    name: 'newsgraph_events_published_total',
    help: 'Events published on the bus, by topic.',
    labelNames: ['topic'] as const,
    registers: [this.registry],
  });

  readonly eventsDropped = new Counter({
    name: 'newsgraph_events_dropped_total',
    help: 'Events not delivered to a subscriber that could not keep up.',
    registers: [this.registry],
  });

  readonly subscribersDropped = new Counter({
    name: 'newsgraph_subscribers_dropped_total',
    help: 'Subscriptions ended because their subscriber fell too far behind.',
    labelNames: ['transport'] as const,
    registers: [this.registry],
  });

  readonly redisUp = new Gauge({
    name: 'newsgraph_redis_available',
    help: '1 while the event bus reaches Redis, 0 while it does not (absent without REDIS_URL).',
    registers: [this.registry],
  });

  constructor(options: { processMetrics?: boolean } = {}) {
    this.neo4jUp.set(1);
    if (options.processMetrics) collectDefaultMetrics({ register: this.registry, prefix: 'newsgraph_' });
  }

  /** The label for an operation: its name when well-formed and not one too many, else "other". */
  operationLabel(name: string | undefined): string {
    if (!name) return 'anonymous';
    if (!OPERATION_NAME.test(name)) return 'other';
    if (this.operations.has(name)) return name;
    if (this.operations.size >= MAX_OPERATION_LABELS) return 'other';
    this.operations.add(name);
    return name;
  }

  async text(): Promise<{ body: string; contentType: string }> {
    return { body: await this.registry.metrics(), contentType: this.registry.contentType };
  }
}
