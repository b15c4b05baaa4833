// Errors meant for clients: one constructor per code in `extensions.code`, with the HTTP status
// that code answers with. Anything else thrown is masked by the server as "Unexpected error.".
import { GraphQLError } from 'graphql';

export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'BAD_REQUEST'
  | 'NOT_FOUND'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'QUERY_TOO_COMPLEX'
  | 'PAYLOAD_TOO_LARGE'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'CSRF_HEADER_REQUIRED'
  | 'INTERNAL_SERVER_ERROR'
  | 'TOO_MANY_REQUESTS'
  | 'DATABASE_UNAVAILABLE'
  | 'SHUTTING_DOWN'
  | 'SUBSCRIBER_TOO_SLOW'
  | 'EVENTS_INTERRUPTED'
  | 'EVENTS_RESUMED';

/**
 * `spec: true` marks a status that GraphQL over HTTP gives only to clients accepting
 * application/graphql-response+json; plain application/json clients get 200 with the error, as
 * the spec's legacy mode says. Statuses without it apply to every client. Yoga reads `http` to
 * answer and strips it from the response.
 */
interface Http {
  status: number;
  spec?: boolean;
  headers?: Record<string, string>;
}

function clientError(
  code: ErrorCode,
  message: string,
  http?: Http,
  more: Record<string, unknown> = {},
): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...more, ...(http ? { http } : {}) } });
}

/**
 * A bad argument value; `argument` names it so clients can point at the field, and `more` adds
 * what helps to fix it (the valid values, the closest keys).
 */
export const badUserInput = (message: string, argument?: string, more: Record<string, unknown> = {}) =>
  clientError('BAD_USER_INPUT', message, undefined, { ...(argument ? { argument } : {}), ...more });

/** A malformed request: not JSON, bad parameters, an unreadable URL. */
export const badRequest = (message: string) => clientError('BAD_REQUEST', message, { status: 400 });

export const notFound = (message: string) => clientError('NOT_FOUND', message);

/** The request needs credentials it did not carry (or carried wrong ones). */
export const unauthenticated = (message: string) => clientError('UNAUTHENTICATED', message);

/** The server does not allow this at all, whatever the credentials. */
export const forbidden = (message: string) => clientError('FORBIDDEN', message);

/** A query over a depth, alias, token or cost limit; rejected before anything runs. */
export const queryTooComplex = (message: string, more: Record<string, unknown> = {}) =>
  clientError('QUERY_TOO_COMPLEX', message, { status: 400, spec: true }, more);

export const payloadTooLarge = (message: string) =>
  clientError('PAYLOAD_TOO_LARGE', message, { status: 413 });

export const unsupportedMediaType = (message: string) =>
  clientError('UNSUPPORTED_MEDIA_TYPE', message, { status: 415 });

/** A request a browser could have sent from another site without asking (see http/security.ts). */
export const csrfHeaderRequired = () =>
  clientError(
    'CSRF_HEADER_REQUIRED',
    'this request needs the header X-GraphQL-Yoga-CSRF (any value): GET requests and form or ' +
      'text posts must carry it, JSON posts need not. It keeps other web sites from running ' +
      'queries through a visitor’s browser',
    { status: 403 },
  );

export const tooManyRequests = (message: string, retryAfterSeconds: number) =>
  clientError('TOO_MANY_REQUESTS', message, {
    status: 429,
    headers: { 'retry-after': String(retryAfterSeconds) },
  });

/**
 * Neo4j cannot be reached (down, restarting, stalled, or timing out). HTTP 503 for every client,
 * so load balancers and retrying clients see it; nothing from the driver's message is passed on.
 */
export const databaseUnavailable = () =>
  clientError('DATABASE_UNAVAILABLE', 'The database is unavailable; try again shortly.', {
    status: 503,
    headers: { 'retry-after': '2' },
  });

/** The server is stopping; the request was not started. */
export const shuttingDown = () =>
  clientError('SHUTTING_DOWN', 'The server is shutting down; try again on another instance.', {
    status: 503,
    headers: { connection: 'close' },
  });

/** A subscriber fell so far behind that its subscription was ended; it may subscribe again. */
export const subscriberTooSlow = (lost: number) =>
  clientError(
    'SUBSCRIBER_TOO_SLOW',
    `this subscription fell ${lost} messages behind and was ended; subscribe again (and query to catch up)`,
  );

/** A notice about the event bus, sent to subscribers as an error in the stream; the stream goes on. */
export const eventsNotice = (code: 'EVENTS_INTERRUPTED' | 'EVENTS_RESUMED', message: string) =>
  clientError(code, message);

export function errorCode(error: unknown): string | undefined {
  if (!(error instanceof GraphQLError)) return undefined;
  const code = error.extensions?.code;
  return typeof code === 'string' ? code : undefined;
}

export const isDatabaseUnavailable = (error: unknown) => errorCode(error) === 'DATABASE_UNAVAILABLE';

/**
 * An error as a whole HTTP answer, for routes that answer before GraphQL runs: the status and
 * headers its `http` extension names, and the body GraphQL clients expect.
 */
export function errorResponse(fetchAPI: { Response: typeof Response }, error: GraphQLError): Response {
  const { http, ...extensions } = (error.extensions ?? {}) as { http?: Http } & Record<string, unknown>;
  return new fetchAPI.Response(JSON.stringify({ errors: [{ message: error.message, extensions }] }), {
    status: http?.status ?? 400,
    headers: { 'content-type': 'application/json; charset=utf-8', ...(http?.headers ?? {}) },
  });
}
