// The HTTP conventions clients rely on, over a real socket: Apollo's automatic persisted queries
// with their fallback, ETag and 304 for GET queries (a new tag once the data changes), Brotli and
// gzip when asked for, and the schema and possibleTypes at stable URLs.
import { createHash } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { printSortedSchema } from '../../src/schema/index.js';
import { useGraph } from '../helpers.js';
import { useHttp } from '../http.js';

const graph = useGraph();
const http = useHttp(graph);

interface Raw {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** One request with node:http, which leaves bodies as sent: fetch would decompress them. */
function raw(
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
) {
  return new Promise<Raw>((resolve, reject) => {
    const req = httpRequest(
      `${http.url}${path}`,
      { method: options.method ?? 'GET', headers: options.headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
        );
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

const CSRF = { 'x-graphql-yoga-csrf': '1' };
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const json = (r: Raw) => JSON.parse(r.body.toString('utf8'));

describe('automatic persisted queries (Apollo protocol)', () => {
  const query = 'query Russia { entity(key: "country:russia") { label } }';
  const extensions = { persistedQuery: { version: 1, sha256Hash: sha256(query) } };
  const post = (body: object) =>
    raw('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
      body: JSON.stringify(body),
    });

  it('hash only, unknown: 200 with PersistedQueryNotFound; with the query: runs and stores it; then the hash alone works, by GET too', async () => {
    const miss = await post({ extensions, operationName: 'Russia' });
    expect(miss.status).toBe(200);
    expect(json(miss)).toEqual({
      errors: [{ message: 'PersistedQueryNotFound', extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } }],
    });
    const full = await post({ query, extensions, operationName: 'Russia' });
    expect(json(full)).toEqual({ data: { entity: { label: 'Russia' } } });
    const hit = await post({ extensions, operationName: 'Russia' });
    expect(json(hit)).toEqual({ data: { entity: { label: 'Russia' } } });
    const params = new URLSearchParams({ operationName: 'Russia', extensions: JSON.stringify(extensions) });
    const get = await raw(`/graphql?${params}`, { headers: CSRF });
    expect(get.status).toBe(200);
    expect(json(get)).toEqual({ data: { entity: { label: 'Russia' } } });
  });

  it('a hash that is not the query’s is refused', async () => {
    const res = await post({ query: '{ __typename }', extensions });
    expect(res.status).toBe(400);
    expect(json(res).errors[0].extensions.code).toBe('BAD_REQUEST');
  });
});

describe('ETag and 304 for GET queries', () => {
  const url = `/graphql?${new URLSearchParams({ query: '{ entity(key: "country:russia") { wikidata } }' })}`;

  it('the same answer gets 304; changed data gets a new answer and a new tag', async () => {
    const first = await raw(url, { headers: CSRF });
    expect(first.status).toBe(200);
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(first.headers['cache-control']).toBe('no-cache');
    const again = await raw(url, { headers: { ...CSRF, 'if-none-match': etag } });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    expect(again.headers.etag).toBe(etag);
    const [before] = await graph.cypher(`MATCH (e:Entity {id: 'country:russia'}) RETURN e.wikidata AS q`);
    await graph.cypher(`MATCH (e:Entity {id: 'country:russia'}) SET e.wikidata = 'Q0'`);
    try {
      const changed = await raw(url, { headers: { ...CSRF, 'if-none-match': etag } });
      expect(changed.status).toBe(200);
      expect(json(changed)).toEqual({ data: { entity: { wikidata: 'Q0' } } });
      expect(changed.headers.etag).not.toBe(etag);
    } finally {
      await graph.cypher(`MATCH (e:Entity {id: 'country:russia'}) SET e.wikidata = $q`, { q: before?.q });
    }
  });

  it('POST answers carry no ETag', async () => {
    const res = await raw('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(res.headers.etag).toBeUndefined();
  });
});

describe('compression', () => {
  it('the GraphiQL page and its bundle in Brotli or gzip, as the client asks; as they are when it does not', async () => {
    const page = await raw('/graphql', {
      headers: { accept: 'text/html', 'accept-encoding': 'gzip, deflate, br' },
    });
    expect(page.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(page.body).toString()).toContain('<title>News knowledge graph</title>');
    const plain = await raw('/graphiql/assets/yoga-graphiql.umd.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    const zipped = await raw('/graphiql/assets/yoga-graphiql.umd.js', {
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.headers.vary).toContain('Accept-Encoding');
    expect(gunzipSync(zipped.body).equals(plain.body)).toBe(true);
    expect(zipped.body.length).toBeLessThan(plain.body.length / 3);
    const br = await raw('/graphiql/assets/yoga-graphiql.umd.js', {
      headers: { 'accept-encoding': 'br;q=1, gzip;q=0.5' },
    });
    expect(brotliDecompressSync(br.body).equals(plain.body)).toBe(true);
  });

  it('GraphQL answers too, when large enough to gain', async () => {
    const body = JSON.stringify({ query: '{ entities(first: 40) { edges { node { key label } } } }' });
    const res = await raw('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'accept-encoding': 'gzip' },
      body,
    });
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(res.body).toString()).data.entities.edges).toHaveLength(40);
  });
});

describe('the schema at stable URLs', () => {
  it('/schema.graphql is the SDL; /possible-types.json lists the types of each interface and union', async () => {
    const sdl = await raw('/schema.graphql');
    expect(sdl.status).toBe(200);
    expect(sdl.body.toString()).toBe(printSortedSchema());
    const types = json(await raw('/possible-types.json'));
    expect(types.Entity).toEqual(['Country', 'Group', 'Item', 'Location', 'Organization', 'Person']);
    expect(types.Place).toEqual(['Country', 'Location']);
    expect(types.Claim).toEqual(['ArmsDeal', 'Assessment', 'Statement', 'UNResolution']);
    expect(types.TimelineItem).toEqual(['ArmsDeal', 'Assessment', 'Event', 'Statement', 'UNResolution']);
    expect(types.Node).toContain('Article');
  });
});
