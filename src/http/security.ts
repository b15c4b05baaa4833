// Secure defaults, each switchable from the environment (config.ts): browsers on other sites may
// call the API only from the CORS allow-list (empty by default); requests a browser sends
// cross-site without a preflight must carry a custom header (yoga's CSRF prevention);
// introspection, field suggestions and GraphiQL can be turned off (they are, with
// NODE_ENV=production); and a client that keeps presenting a wrong ingest token is refused for a
// while.
import { createHash, timingSafeEqual } from 'node:crypto';
import { blockFieldSuggestionsPlugin } from '@escape.tech/graphql-armor-block-field-suggestions';
import { useCSRFPrevention } from '@graphql-yoga/plugin-csrf-prevention';
import { useDisableIntrospection } from '@graphql-yoga/plugin-disable-introspection';
import type { Plugin, YogaServerOptions } from 'graphql-yoga';
import { csrfHeaderRequired, errorResponse, tooManyRequests } from '../errors.js';

export const CSRF_HEADER = 'x-graphql-yoga-csrf';

/** `false` (no CORS headers at all) unless origins are allowed. */
export function corsOptions(origins: string[]): YogaServerOptions<object, object>['cors'] {
  if (origins.length === 0) return false;
  const any = origins.includes('*');
  return (request: Request) => {
    const origin = request.headers.get('origin');
    if (!origin || (!any && !origins.includes(origin))) return false as const;
    return {
      origin: any ? '*' : origin,
      // Reads are public and ingestion takes a bearer token: no cookies are ever needed.
      credentials: false,
      methods: ['GET', 'POST'],
      allowedHeaders: [
        'content-type',
        'accept',
        'authorization',
        CSRF_HEADER,
        'x-request-id',
        'traceparent',
        'neo4j-bookmark',
      ],
      exposedHeaders: ['x-request-id'],
      maxAge: 600,
    };
  };
}

/** yoga's CSRF prevention, answering with a code and a sentence that says what to send. */
export function csrfPrevention(): Plugin {
  const inner = useCSRFPrevention({ requestHeaders: [CSRF_HEADER] }) as Plugin;
  return {
    onRequestParse(payload) {
      const method = payload.request.method;
      if (method !== 'GET' && method !== 'POST') return; // yoga answers other methods with 405
      try {
        return inner.onRequestParse?.(payload);
      } catch {
        throw csrfHeaderRequired();
      }
    },
  };
}

export const disableIntrospection = (): Plugin => useDisableIntrospection() as Plugin;

/** "Did you mean …?" hints name fields that exist: off where the schema is not advertised. */
export const blockFieldSuggestions = (): Plugin =>
  blockFieldSuggestionsPlugin({ mask: '[Suggestion hidden]' }) as Plugin;

/** Compares in constant time, so response timing does not reveal how much of a token was right. */
export function sameSecret(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

export const carriesToken = (authorization: string | null, token: string | undefined): boolean =>
  Boolean(token) && authorization !== null && sameSecret(authorization, `Bearer ${token}`);

const WINDOW_MS = 60_000;
const MAX_CLIENTS = 10_000;

/**
 * Counts failed token attempts per client address over a sliding minute. Past the limit, every
 * request from that address that carries an Authorization header gets 429 until the minute has
 * passed; requests without one (public reads) are not affected.
 */
export class TokenThrottle {
  private readonly failures = new Map<string, number[]>();

  constructor(private readonly perMinute: number) {}

  private recent(client: string, now: number): number[] {
    const times = (this.failures.get(client) ?? []).filter((t) => now - t < WINDOW_MS);
    if (times.length === 0) this.failures.delete(client);
    else this.failures.set(client, times);
    return times;
  }

  /** Seconds until `client` may try again, or 0. */
  blockedFor(client: string, now = Date.now()): number {
    const times = this.recent(client, now);
    if (times.length < this.perMinute) return 0;
    return Math.ceil((WINDOW_MS - (now - (times[0] ?? now))) / 1000);
  }

  fail(client: string, now = Date.now()): void {
    const times = this.recent(client, now);
    times.push(now);
    this.failures.set(client, times);
    if (this.failures.size > MAX_CLIENTS) {
      const oldest = this.failures.keys().next().value;
      if (oldest !== undefined) this.failures.delete(oldest);
    }
  }
}

export function tokenThrottle(options: {
  token: string | undefined;
  perMinute: number;
  clientOf: (request: Request, serverContext: unknown) => string;
  onThrottled?: () => void;
}): Plugin {
  const throttle = new TokenThrottle(options.perMinute);
  return {
    onRequest({ request, serverContext, endResponse, fetchAPI }) {
      const authorization = request.headers.get('authorization');
      if (!options.token || authorization === null) return;
      const client = options.clientOf(request, serverContext);
      const wait = throttle.blockedFor(client);
      if (wait > 0) {
        options.onThrottled?.();
        const error = tooManyRequests(
          `too many requests with a wrong ingest token from this address; try again in ${wait} s`,
          wait,
        );
        endResponse(errorResponse(fetchAPI, error));
        return;
      }
      if (!carriesToken(authorization, options.token)) throttle.fail(client);
    },
  };
}
