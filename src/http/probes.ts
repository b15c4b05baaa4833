// The routes operators and their tools call, answered before anything else and never waiting on
// Neo4j longer than the probe timeout:
//   /health   200 while the process runs (yoga's own): for a supervisor deciding to restart it;
//   /ready    200 while it can serve queries, 503 while Neo4j does not answer or the server is
//             shutting down: for a load balancer deciding where to send requests; "degraded"
//             (still 200) while Redis, which only carries events between instances, is away; with
//             the warnings start-up found in the data (old links to re-ingest), which never fail it;
//   /metrics  Prometheus text.
import type { Plugin } from 'graphql-yoga';
import type { Metrics } from '../observability/metrics.js';

export interface Readiness {
  /** Whether Neo4j serves: the availability probe's last answer, or a ping within its timeout. */
  neo4j: () => Promise<boolean>;
  /** Whether the event bus reaches Redis; undefined when there is no Redis. Reported, not required. */
  redis?: () => boolean | undefined;
  /** True once shutdown has begun. */
  draining?: () => boolean;
  /** What start-up found in the data that an operator must act on; shown, never failing readiness. */
  warnings?: () => readonly string[];
}

export function probes(readiness: Readiness, metrics: Metrics | undefined): Plugin {
  return {
    async onRequest({ request, url, endResponse, fetchAPI }) {
      if (request.method !== 'GET' && request.method !== 'HEAD') return;
      if (url.pathname === '/ready') {
        const draining = readiness.draining?.() ?? false;
        const neo4j = draining ? undefined : await readiness.neo4j();
        const redis = readiness.redis?.();
        const warnings = readiness.warnings?.() ?? [];
        const ready = !draining && neo4j === true;
        // Redis carries events between instances; queries do not need it. Without it the instance
        // still serves (200) and says it is degraded, so a load balancer keeps it.
        const body = {
          status: draining
            ? 'shutting down'
            : !ready
              ? 'unavailable'
              : redis === false
                ? 'degraded'
                : 'ready',
          neo4j: neo4j === undefined ? 'not checked' : neo4j ? 'up' : 'down',
          ...(redis === undefined ? {} : { redis: redis ? 'up' : 'down' }),
          ...(warnings.length > 0 ? { warnings } : {}),
        };
        endResponse(
          new fetchAPI.Response(JSON.stringify(body), {
            status: ready ? 200 : 503,
            headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
          }),
        );
      } else if (url.pathname === '/metrics' && metrics) {
        const { body, contentType } = await metrics.text();
        endResponse(new fetchAPI.Response(body, { headers: { 'content-type': contentType } }));
      }
    },
  };
}
