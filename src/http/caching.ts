// HTTP caching and compression for what the service answers. GET answers carry an ETag, the hash
// of their body, so a client that sends it back in If-None-Match gets 304 while the answer is the
// same, and a fresh answer as soon as the data (and so the body) changed. Bodies are compressed
// with Brotli or gzip when the client accepts it; large static ones (the GraphiQL bundle) once.
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Plugin } from 'graphql-yoga';

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** Smaller bodies go as they are: compressing them saves less than the header costs. */
export const MIN_COMPRESSED_BYTES = 1_024;

const COMPRESSIBLE =
  /^(application\/(json|graphql-response\+json|javascript|ld\+json)|text\/|image\/svg\+xml)/;

type Encoding = 'br' | 'gzip';

/** The encoding to answer in: Brotli, else gzip, as the Accept-Encoding header allows (q-values). */
export function chooseEncoding(header: string | null): Encoding | null {
  if (!header) return null;
  const q = new Map<string, number>();
  for (const part of header.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    q.set(name, qParam ? Number(qParam.slice(2)) || 0 : 1);
  }
  const weight = (e: string) => q.get(e) ?? (q.has('*') ? (q.get('*') as number) : 0);
  if (weight('br') > 0 && weight('br') >= weight('gzip')) return 'br';
  if (weight('gzip') > 0) return 'gzip';
  return null;
}

const compress = (body: Buffer, encoding: Encoding) =>
  encoding === 'br'
    ? brotli(body, {
        params: {
          // Quality 5: most of Brotli's gain at a fraction of its top setting's time.
          [constants.BROTLI_PARAM_QUALITY]: 5,
          [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
        },
      })
    : gzipAsync(body, { level: 6 });

/** Compressed large bodies, by hash and encoding: the GraphiQL bundle is compressed once. */
const LARGE = 256 * 1_024;
const cache = new Map<string, Buffer>();
const CACHE_ENTRIES = 16;

async function compressed(body: Buffer, hash: string, encoding: Encoding): Promise<Buffer> {
  if (body.length < LARGE) return compress(body, encoding);
  const key = `${encoding}:${hash}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const out = await compress(body, encoding);
  cache.set(key, out);
  if (cache.size > CACHE_ENTRIES) cache.delete(cache.keys().next().value as string);
  return out;
}

// A copy into a plain ArrayBuffer: what the fetch API's types take as a body.
const bytes = (b: Buffer) => new Uint8Array(b);

const matches = (ifNoneMatch: string | null, etag: string) =>
  (ifNoneMatch ?? '').split(',').some((t) => {
    const tag = t.trim();
    return tag === '*' || tag.replace(/^W\//, '') === etag.replace(/^W\//, '');
  });

export function httpCaching(): Plugin {
  return {
    async onResponse({ request, response, setResponse, fetchAPI }) {
      const type = response.headers.get('content-type') ?? '';
      // Streams (exports, subscriptions) and answers without a body go as they are.
      if (
        !response.body ||
        !COMPRESSIBLE.test(type) ||
        response.headers.has('content-encoding') ||
        response.headers.has('content-disposition') ||
        type.startsWith('text/event-stream')
      ) {
        return;
      }
      const get = request.method === 'GET' || request.method === 'HEAD';
      const encoding = chooseEncoding(request.headers.get('accept-encoding'));
      const cacheable = get && response.status === 200;
      if (!cacheable && !encoding) return;
      const body = Buffer.from(await response.arrayBuffer());
      const headers = new fetchAPI.Headers(response.headers);
      headers.delete('content-length');
      const hash = createHash('sha256').update(body).digest('base64url').slice(0, 27);
      if (cacheable) {
        const etag = `"${hash}"`;
        headers.set('etag', etag);
        // Stored, but checked with the server before each use: the answer changes with the data.
        if (!headers.has('cache-control')) headers.set('cache-control', 'no-cache');
        if (matches(request.headers.get('if-none-match'), etag)) {
          headers.delete('content-type');
          setResponse(new fetchAPI.Response(null, { status: 304, headers }));
          return;
        }
      }
      headers.append('vary', 'Accept-Encoding');
      if (!encoding || body.length < MIN_COMPRESSED_BYTES) {
        setResponse(new fetchAPI.Response(bytes(body), { status: response.status, headers }));
        return;
      }
      headers.set('content-encoding', encoding);
      setResponse(
        new fetchAPI.Response(bytes(await compressed(body, hash, encoding)), {
          status: response.status,
          headers,
        }),
      );
    },
  };
}
