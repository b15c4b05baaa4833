// One record per request, filled in as the request goes through the server: its id (taken from
// X-Request-Id when the caller sent a sane one, and sent back in that header), the GraphQL
// operation, the Cypher statements it ran, the error codes it answered with, its status and its
// duration. When the response is ready the record becomes one log line and the metrics.
import { randomUUID } from 'node:crypto';
import { GraphQLError, getOperationAST } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Logger } from './log.js';
import type { Metrics } from './metrics.js';
import { startOperationSpan } from './tracing.js';

export interface RequestRecord {
  id: string;
  start: bigint;
  method: string;
  path: string;
  client: string | undefined;
  operation?: string;
  type?: string;
  statements?: number;
  codes: string[];
}

const KEY = 'newsgraphRequest';
const SANE_ID = /^[\w.:@-]{1,128}$/;

/** Routes answered outside GraphQL, as metric labels; any other path counts as "other". */
const ROUTES = ['/health', '/ready', '/metrics', '/graphiql/assets', '/graphql', '/explore', '/export'];
/** Requests from probes and scrapers: logged at debug level, so they do not drown the rest. */
const QUIET = new Set(['/health', '/ready', '/metrics']);

export function recordOf(context: unknown): RequestRecord | undefined {
  return (context as Record<string, RequestRecord | undefined> | undefined)?.[KEY];
}

function codesOf(errors: readonly unknown[] | undefined): string[] {
  return (errors ?? []).map((e) => {
    const code =
      e instanceof GraphQLError || (e && typeof e === 'object')
        ? (e as GraphQLError).extensions?.code
        : undefined;
    return typeof code === 'string' ? code : 'INTERNAL_SERVER_ERROR';
  });
}

function routeOf(path: string): string {
  return ROUTES.find((r) => path === r || path.startsWith(`${r}/`)) ?? 'other';
}

export function requestLog(options: {
  logger: Logger;
  metrics: Metrics;
  clientOf: (request: Request, serverContext: unknown) => string | undefined;
}): Plugin {
  const { logger, metrics } = options;
  return {
    onRequest({ request, url, serverContext }) {
      const given = request.headers.get('x-request-id');
      const record: RequestRecord = {
        id: given && SANE_ID.test(given) ? given : randomUUID(),
        start: process.hrtime.bigint(),
        method: request.method,
        path: url.pathname,
        client: options.clientOf(request, serverContext),
        codes: [],
      };
      (serverContext as Record<string, unknown>)[KEY] = record;
      metrics.inFlight.inc();
    },
    onExecute({ args }) {
      const record = recordOf(args.contextValue);
      const operation = getOperationAST(args.document, args.operationName);
      const name = operation?.name?.value ?? args.operationName ?? undefined;
      const type = operation?.operation ?? 'query';
      if (record) {
        record.operation = name;
        record.type = type;
      }
      const endSpan = startOperationSpan(name ?? 'anonymous', type);
      return {
        onExecuteDone({ result }) {
          const stats = (args.contextValue as { stats?: { statements: number } }).stats;
          if (record && stats) record.statements = stats.statements;
          endSpan?.('errors' in result ? codesOf(result.errors) : []);
        },
      };
    },
    onSubscribe({ args }) {
      const record = recordOf(args.contextValue);
      if (record) {
        record.operation = getOperationAST(args.document, args.operationName)?.name?.value;
        record.type = 'subscription';
      }
    },
    onResultProcess({ result, serverContext }) {
      const record = recordOf(serverContext);
      if (!record) return;
      for (const r of Array.isArray(result) ? result : [result]) {
        if (r && typeof r === 'object' && 'errors' in r) record.codes.push(...codesOf(r.errors));
      }
    },
    onResponse({ response, serverContext }) {
      const record = recordOf(serverContext);
      if (!record) return;
      response.headers.set('x-request-id', record.id);
      metrics.inFlight.dec();
      const seconds = Number(process.hrtime.bigint() - record.start) / 1e9;
      const label =
        record.operation !== undefined || record.type
          ? metrics.operationLabel(record.operation)
          : `route:${routeOf(record.path)}`;
      metrics.requests.inc({ operation: label, status: String(response.status) });
      metrics.duration.observe({ operation: label }, seconds);
      for (const code of record.codes) metrics.errors.inc({ code });
      if (record.statements !== undefined) metrics.statements.observe(record.statements);
      const line = {
        reqId: record.id,
        method: record.method,
        path: record.path,
        status: response.status,
        ms: Math.round(seconds * 10_000) / 10,
        ...(record.operation || record.type
          ? { operation: record.operation ?? null, type: record.type }
          : {}),
        ...(record.statements !== undefined ? { statements: record.statements } : {}),
        ...(record.codes.length > 0 ? { errors: record.codes } : {}),
        ...(record.client ? { client: record.client } : {}),
      };
      const level =
        response.status >= 500 && response.status !== 503
          ? 'error'
          : response.status >= 500
            ? 'warn'
            : QUIET.has(record.path)
              ? 'debug'
              : 'info';
      logger[level](line, 'request');
    },
  };
}
