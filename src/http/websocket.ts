// GraphQL over WebSocket (the graphql-ws protocol) on the same /graphql path as HTTP, through the
// same yoga instance: the same schema, limits (tokens, depth, aliases, cost, list sizes), masked
// errors and token rules. The ingest token comes in the connection's `authorization` parameter
// or the upgrade request's Authorization header. Messages are capped at MAX_BODY_BYTES: article
// documents go over HTTP.
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { type ExecutionArgs, GraphQLError } from 'graphql';
import type { ExecutionResult } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import type { YogaServerInstance } from 'graphql-yoga';
import { WebSocketServer } from 'ws';
import type { HttpConfig } from '../config.js';
import { badRequest } from '../errors.js';
import { depthProblem, tooDeep } from '../json-bounds.js';
import type { Logger } from '../observability/log.js';
import type { Transport } from './transport.js';

/**
 * The yoga server (built by yoga.ts) as far as a socket uses it: the envelope of one operation,
 * with the context that the server's own context function builds from `transport` and `req`.
 */
type Yoga = Pick<YogaServerInstance<object, object>, 'getEnveloped'>;

interface Enveloped {
  execute: (args: ExecutionArgs) => unknown;
  subscribe: (args: ExecutionArgs) => unknown;
}

/** Every error carries a code, as over HTTP (http/requests.ts), and nothing else from the server. */
function coded(error: GraphQLError): GraphQLError {
  const {
    http: _http,
    originalError: _o,
    ...extensions
  } = (error.extensions ?? {}) as Record<string, unknown>;
  const code =
    typeof extensions.code === 'string'
      ? extensions.code
      : error.message === 'Unexpected error.'
        ? 'INTERNAL_SERVER_ERROR'
        : /^Variable "\$/.test(error.message)
          ? 'BAD_USER_INPUT'
          : 'GRAPHQL_VALIDATION_FAILED';
  return new GraphQLError(error.message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    path: error.path,
    extensions: { ...extensions, code },
  });
}

const asError = (error: unknown): GraphQLError =>
  error instanceof GraphQLError
    ? error
    : new GraphQLError('Unexpected error.', { extensions: { code: 'INTERNAL_SERVER_ERROR' } });

/** Whether a browser page from `origin` may open a socket: same site, or allowed by CORS_ORIGINS. */
function originAllowed(req: IncomingMessage, corsOrigins: string[]): boolean {
  const origin = req.headers.origin;
  if (!origin) return true; // not a browser
  if (corsOrigins.includes('*') || corsOrigins.includes(origin)) return true;
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}

function refuse(socket: Duplex, status: number, reason: string, code: string): void {
  const body = JSON.stringify({ errors: [{ message: reason, extensions: { code } }] });
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}

export interface WebSockets {
  /** Closes every socket with "going away" (1001) and stops accepting new ones. */
  close(): void;
}

export function attachWebSockets(server: Server, yoga: Yoga, http: HttpConfig, logger: Logger): WebSockets {
  const wss = new WebSocketServer({ noServer: true, maxPayload: http.maxBodyBytes });
  let closing = false;
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (closing) return refuse(socket, 503, 'Service Unavailable', 'SHUTTING_DOWN');
    if (path !== '/graphql') return refuse(socket, 404, 'Not Found', 'NOT_FOUND');
    if (!originAllowed(req, http.corsOrigins)) return refuse(socket, 403, 'Forbidden', 'FORBIDDEN');
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
  });

  useServer(
    {
      execute: (args) => (args.rootValue as Enveloped).execute(args) as never,
      subscribe: (args) => (args.rootValue as Enveloped).subscribe(args) as never,
      onSubscribe: async (ctx, _id, params) => {
        const header = ctx.extra.request.headers.authorization;
        const given = ctx.connectionParams?.authorization;
        const authorization = typeof given === 'string' ? given : (header ?? null);
        // As a POST: yoga refuses mutations in GET requests.
        const request = new Request('http://localhost/graphql', {
          method: 'POST',
          headers: authorization ? { authorization } : {},
        });
        const socket = ctx.extra.socket;
        const transport: Transport = { name: 'ws', kill: () => socket.terminate() };
        const deep = tooDeep(params.variables ?? {}, undefined, 'variables');
        if (deep) return [coded(badRequest(`"variables" is ${depthProblem(deep)}`))];
        const { schema, execute, subscribe, contextFactory, parse, validate } = yoga.getEnveloped({
          request,
          params,
          transport,
          req: ctx.extra.request,
        });
        let document: ReturnType<typeof parse>;
        try {
          document = parse(params.query);
        } catch (error) {
          const e = asError(error);
          return [
            coded(
              e.extensions?.code
                ? e
                : new GraphQLError(e.message, { extensions: { code: 'GRAPHQL_PARSE_FAILED' } }),
            ),
          ];
        }
        const errors = validate(schema, document);
        if (errors.length > 0) return errors.map(coded);
        return {
          schema,
          document,
          operationName: params.operationName,
          variableValues: params.variables,
          contextValue: await contextFactory(),
          rootValue: { execute, subscribe } satisfies Enveloped,
        };
      },
      onNext: (_ctx, _id, _payload, _args, result: ExecutionResult) =>
        result.errors
          ? { ...result, errors: result.errors.map((e) => coded(asError(e)).toJSON()) }
          : undefined,
      onError: (_ctx, _id, _payload, errors) => errors.map((e) => coded(e).toJSON()),
      // A socket must say hello within this time (graphql-ws's 3 s is short on a busy machine
      // taking many connections at once); idle sockets that never do are closed with 4408.
      connectionInitWaitTimeout: 15_000,
    },
    wss,
  );
  wss.on('error', (error) => logger.warn({ err: error }, 'WebSocket server error'));

  return {
    close() {
      closing = true;
      for (const client of wss.clients) client.close(1001, 'server shutting down');
      wss.close();
    },
  };
}
