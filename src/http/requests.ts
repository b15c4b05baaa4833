// How requests are read: bodies capped by size (larger only with the ingest token), JSON parsed
// and bounded in depth, GET parameters checked, content types other than JSON and GraphQL refused,
// and every error answer — including yoga's bare 404/415 and uncaught failures of other plugins —
// made a JSON error with a code, never a stack trace or a file path.
import { GraphQLError } from 'graphql';
import type { GraphQLParams, Plugin } from 'graphql-yoga';
import { badRequest, payloadTooLarge, unsupportedMediaType } from '../errors.js';
import { depthProblem, tooDeep } from '../json-bounds.js';

export interface BodyLimits {
  maxBodyBytes: number;
  maxIngestBodyBytes: number;
}

const contentType = (request: Request) =>
  (request.headers.get('content-type') ?? '').split(/[;,]/)[0]?.trim().toLowerCase() ?? '';

const JSON_TYPES = new Set(['application/json', 'application/graphql+json']);

/** Parameters as the spec allows them, with JSON in `variables` and `extensions` checked. */
function paramsFrom(value: unknown, where: string): GraphQLParams {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw badRequest(`${where} must be a JSON object such as {"query": "{ __typename }"}`);
  }
  const deep = tooDeep(value);
  if (deep) throw badRequest(`${where} is ${depthProblem(deep)}`);
  return value as GraphQLParams;
}

function parseJson(text: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    // Only where it failed: the parser's own message quotes the input back.
    const at = /position (\d+)/.exec((error as Error).message)?.[1];
    throw badRequest(`${what} is not valid JSON${at ? ` (at character ${at})` : ''}`);
  }
}

function parseGet(url: URL): GraphQLParams {
  const p = url.searchParams;
  const json = (name: string) => {
    const raw = p.get(name);
    if (!raw) return undefined;
    const value = parseJson(raw, `"${name}" in the URL`);
    const deep = tooDeep(value, undefined, name);
    if (deep) throw badRequest(`"${name}" in the URL is ${depthProblem(deep)}`);
    return value;
  };
  return {
    query: p.get('query') ?? undefined,
    operationName: p.get('operationName') ?? undefined,
    variables: json('variables') as GraphQLParams['variables'],
    extensions: json('extensions') as GraphQLParams['extensions'],
  };
}

export const BOOKMARK_HEADER = 'neo4j-bookmark';
const BOOKMARK = /^[A-Za-z0-9:+/=_.-]{1,512}$/;
const MAX_BOOKMARKS = 16;

/**
 * The bookmarks a request asks its reads to wait for: the Neo4j-Bookmark header, as
 * `ingestArticle` and `removeArticle` return it (several may be joined with commas).
 */
export function bookmarksFrom(header: string | null): string[] {
  if (header === null || header.trim() === '') return [];
  const bookmarks = header.split(',').map((b) => b.trim());
  if (bookmarks.length > MAX_BOOKMARKS) {
    throw badRequest(
      `the Neo4j-Bookmark header holds ${bookmarks.length} bookmarks; at most ${MAX_BOOKMARKS} are allowed`,
    );
  }
  if (!bookmarks.every((b) => BOOKMARK.test(b))) {
    throw badRequest(
      'the Neo4j-Bookmark header must be bookmarks as ingestArticle returns them, joined by commas',
    );
  }
  return bookmarks;
}

const tooLarge = (limit: number, hint: string) =>
  payloadTooLarge(`the request body is larger than ${limit} bytes${hint}`);

/** Refuses at once a body whose declared length is over the cap, before reading any of it. */
function checkDeclaredLength(request: Request, limit: number, hint: string): void {
  const declared = request.headers.get('content-length');
  if (declared === null) return;
  if (!/^\d+$/.test(declared)) throw badRequest('the Content-Length header is not a number');
  if (Number(declared) > limit) throw tooLarge(limit, hint);
}

/** Reads at most `limit` bytes of the body; more is PAYLOAD_TOO_LARGE, however the body is sent. */
async function readText(request: Request, limit: number, hint: string): Promise<string> {
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(limit, hint);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Reads GraphQL requests: GET with parameters in the URL, POST with a JSON body or an
 * application/graphql one. `hasIngestToken` decides which body cap applies.
 */
export function requestReading(limits: BodyLimits, hasIngestToken: (request: Request) => boolean): Plugin {
  return {
    onRequestParse({ request, url, setRequestParser }) {
      const limit = hasIngestToken(request) ? limits.maxIngestBodyBytes : limits.maxBodyBytes;
      const hint =
        limit < limits.maxIngestBodyBytes
          ? `; only requests with the ingest token may send up to ${limits.maxIngestBodyBytes}`
          : '';
      if (request.method === 'GET') {
        setRequestParser(() => parseGet(url));
        return;
      }
      if (request.method !== 'POST') return; // yoga answers 405, with a code
      checkDeclaredLength(request, limit, hint);
      const type = contentType(request);
      if (JSON_TYPES.has(type)) {
        setRequestParser(async (req) => {
          const text = await readText(req, limit, hint);
          if (text.trim() === '') throw badRequest('the request body is empty; send {"query": "…"}');
          const body = parseJson(text, 'the request body');
          if (Array.isArray(body)) throw badRequest('batched requests (a JSON array) are not supported');
          return paramsFrom(body, 'the request body');
        });
      } else if (type === 'application/graphql') {
        setRequestParser(async (req) => ({ query: await readText(req, limit, hint) }));
      } else {
        throw unsupportedMediaType(
          `POST bodies must be application/json (or application/graphql); got ${type ? `"${type}"` : 'no Content-Type'}`,
        );
      }
    },
  };
}

const CODE_BY_STATUS: Record<number, string> = {
  400: 'BAD_REQUEST',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  406: 'NOT_ACCEPTABLE',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
};

const MESSAGE_BY_STATUS: Record<number, string> = {
  404: 'Not found: no such path on this server.',
  405: 'This method is not allowed here.',
};

/**
 * Gives every error answer without a JSON body one: yoga's bare 404 and 415, and the plain-text
 * stack trace the HTTP adapter writes when a plugin throws (that error is logged, never sent).
 */
export function codedErrorResponses(onUncaught: (status: number) => void = () => undefined): Plugin {
  return {
    onResponse({ response, setResponse, fetchAPI }) {
      if (response.status < 400) return;
      const type = response.headers.get('content-type') ?? '';
      if (type.includes('json') || type.includes('html') || type.includes('event-stream')) return;
      if (type.startsWith('text/plain') && response.status >= 500) onUncaught(response.status);
      const status = response.status;
      const code = CODE_BY_STATUS[status] ?? (status >= 500 ? 'INTERNAL_SERVER_ERROR' : 'BAD_REQUEST');
      const message =
        status >= 500 ? 'Unexpected error.' : (MESSAGE_BY_STATUS[status] ?? response.statusText);
      const headers = new fetchAPI.Headers(response.headers);
      headers.set('content-type', 'application/json; charset=utf-8');
      headers.delete('content-length');
      setResponse(
        new fetchAPI.Response(JSON.stringify({ errors: [{ message, extensions: { code } }] }), {
          status,
          headers,
        }),
      );
    },
  };
}

/** The code an error without one gets: what graphql-js and yoga raise themselves carries none. */
function codeFor(error: GraphQLError): string {
  if (error.message === 'Unexpected error.') return 'INTERNAL_SERVER_ERROR';
  // Variable values that do not fit their declared types.
  if (/^Variable "\$/.test(error.message)) return 'BAD_USER_INPUT';
  return 'BAD_REQUEST';
}

/**
 * Every error in a response carries `extensions.code`, and none carries `originalError` (yoga
 * adds it to some of its own, with the parser's message).
 */
export function codedResults(): Plugin {
  return {
    onResultProcess({ result, setResult }) {
      if (Array.isArray(result) || !result || typeof result !== 'object' || !('errors' in result)) return;
      const errors = result.errors;
      if (
        !errors?.some(
          (e) => typeof e.extensions?.code !== 'string' || 'originalError' in (e.extensions ?? {}),
        )
      )
        return;
      setResult({
        ...result,
        errors: errors.map((e) => {
          const { originalError: _dropped, ...extensions } = (e.extensions ?? {}) as Record<string, unknown>;
          return new GraphQLError(e.message, {
            nodes: e.nodes,
            source: e.source,
            positions: e.positions,
            path: e.path,
            extensions: {
              ...extensions,
              code: typeof extensions.code === 'string' ? extensions.code : codeFor(e),
            },
          });
        }),
      });
    },
  };
}
