// What the running service adds around the GraphQL API, as yoga options and plugins: probes and
// metrics, the request log, request reading and its caps, list caps, security switches, and coded
// answers for every error. yoga.ts spreads these in; tests get development defaults.
import type { Plugin, YogaServerOptions } from 'graphql-yoga';
import type { HttpConfig } from '../config.js';
import type { Database } from '../db/run.js';
import { type Logger, silentLogger } from '../observability/log.js';
import { Metrics } from '../observability/metrics.js';
import { requestLog } from '../observability/request-log.js';
import { listLimits } from './list-limits.js';
import { probes, type Readiness } from './probes.js';
import { codedErrorResponses, codedResults, requestReading } from './requests.js';
import {
  blockFieldSuggestions,
  CSRF_HEADER,
  carriesToken,
  corsOptions,
  csrfPrevention,
  disableIntrospection,
  tokenThrottle,
} from './security.js';

export interface ServiceOptions {
  http: HttpConfig;
  logger: Logger;
  metrics: Metrics;
  readiness: Readiness;
}

/** Development defaults: everything on, nothing logged, Neo4j pinged by /ready. */
export const DEV_HTTP: HttpConfig = {
  maxBodyBytes: 64 * 2 ** 10,
  maxIngestBodyBytes: 8 * 2 ** 20,
  corsOrigins: [],
  csrfPrevention: true,
  introspection: true,
  fieldSuggestions: true,
  graphiql: true,
  authFailuresPerMinute: 10,
  trustProxy: false,
  metrics: true,
};

export function defaultService(db: Database, given: Partial<ServiceOptions> = {}): ServiceOptions {
  return {
    http: given.http ?? DEV_HTTP,
    logger: given.logger ?? silentLogger(),
    metrics: given.metrics ?? new Metrics(),
    readiness: given.readiness ?? { neo4j: async () => db.available ?? (await db.ping(1_500)) },
  };
}

/** The client's address: the socket's, or the first X-Forwarded-For hop behind a trusted proxy. */
export function clientAddress(trustProxy: boolean) {
  return (request: Request, serverContext: unknown): string => {
    if (trustProxy) {
      const forwarded = request.headers.get('x-forwarded-for')?.split(',')[0]?.trim();
      if (forwarded) return forwarded;
    }
    const req = (serverContext as { req?: { socket?: { remoteAddress?: string } } } | undefined)?.req;
    return req?.socket?.remoteAddress ?? 'local';
  };
}

/** yoga options the service sets (spread into createYoga). */
export function serviceYogaOptions(s: ServiceOptions): Partial<YogaServerOptions<object, object>> {
  return {
    cors: corsOptions(s.http.corsOrigins),
    // No uploads in this API: multipart bodies are refused with a code (requests.ts).
    multipart: false,
    // requests.ts reads every body the API accepts through its own cap (by token), so yoga's cap
    // behind it only cost each request a stream pipeline, a new Request and an AbortController.
    maxRequestBodySize: false,
    logging: {
      debug: (...args: unknown[]) => s.logger.debug({ detail: args.map(String) }, 'yoga'),
      info: (...args: unknown[]) => s.logger.info({ detail: args.map(String) }, 'yoga'),
      warn: (...args: unknown[]) => s.logger.warn({ detail: args.map(String) }, 'yoga'),
      // Masked errors arrive here with their stack: for the log, never for the client.
      error: (...args: unknown[]) =>
        s.logger.error({ err: args.find((a) => a instanceof Error) ?? args.map(String) }, 'unexpected error'),
    },
  };
}

/** Headers GraphiQL sends with every request, so it passes the CSRF check. */
export const GRAPHIQL_HEADERS = { [CSRF_HEADER]: 'graphiql' };

/** The service's plugins, in the order they must run; they go before the API's own. */
export function servicePlugins(s: ServiceOptions, ingestToken: string | undefined): Plugin[] {
  const clientOf = clientAddress(s.http.trustProxy);
  return [
    codedResults(),
    requestLog({ logger: s.logger, metrics: s.metrics, clientOf }),
    probes(s.readiness, s.http.metrics ? s.metrics : undefined),
    codedErrorResponses((status) =>
      s.logger.error({ status }, 'a plugin failed; answered with a masked error'),
    ),
    tokenThrottle({
      token: ingestToken,
      perMinute: s.http.authFailuresPerMinute,
      clientOf,
      onThrottled: () => s.metrics.authThrottled.inc(),
    }),
    ...(s.http.csrfPrevention ? [csrfPrevention()] : []),
    requestReading(s.http, (request) => carriesToken(request.headers.get('authorization'), ingestToken)),
    listLimits(),
    ...(s.http.introspection ? [] : [disableIntrospection()]),
    ...(s.http.fieldSuggestions ? [] : [blockFieldSuggestions()]),
  ];
}
