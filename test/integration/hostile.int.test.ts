// Hostile and malformed requests from anonymous clients, over real HTTP: each gets the status and
// code written beside it, none gets a stack, a path or a word from the database, and the graph is
// the same afterwards.
import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import { MAX_LIST_ITEMS } from '../../src/http/list-limits.js';
import { MAX_JSON_DEPTH } from '../../src/json-bounds.js';
import { LIMITS } from '../../src/yoga.js';
import { INGEST_TOKEN, useGraph } from '../helpers.js';
import { LEAKS, useHttp } from '../http.js';

const graph = useGraph();
const http = useHttp(graph);

interface Case {
  name: string;
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  body?: string;
  status: number;
  code: string;
}

const JSON_HEADERS = { 'content-type': 'application/json' };
const CSRF = { 'x-graphql-yoga-csrf': '1' };
const post = (name: string, body: unknown, status: number, code: string, headers = {}): Case => ({
  name,
  method: 'POST',
  headers: { ...JSON_HEADERS, ...headers },
  body: typeof body === 'string' ? body : JSON.stringify(body),
  status,
  code,
});
const query = (name: string, q: string, status: number, code: string, variables?: unknown): Case =>
  post(name, { query: q, variables }, status, code);
const get = (
  name: string,
  params: string,
  status: number,
  code: string,
  headers: Record<string, string> = CSRF,
): Case => ({
  name,
  path: `/graphql?${params}`,
  headers,
  status,
  code,
});

const nested = (n: number) => {
  let s = 'key';
  for (let i = 0; i < n; i++) s = `relations(first: 1) { edges { node { other { ${s} } } } }`;
  return `{ entity(key: "country:russia") { ${s} } }`;
};

const cases: Case[] = [
  // Bodies that are not JSON, or not a GraphQL request.
  ...[
    '{bad',
    '{"query":',
    '[',
    '}',
    'null x',
    "{'query': 1}",
    '{"query":"{a}",}',
    '\u0000',
    'undefined',
    'NaN',
  ].map((body, i) => post(`invalid JSON #${i}`, body, 400, 'BAD_REQUEST')),
  ...[
    '{"query":"{__typename}"',
    '{"query":"\\x"}',
    '{"a":1}{"b":2}',
    '\ufeff{"query":"{__typename}"',
    '{"query":"{__typename}", "variables": {',
    '   ',
    '{"query":"{__typename}"} trailing',
  ].map((body, i) => post(`more invalid JSON #${i}`, body, 400, 'BAD_REQUEST')),
  ...['null', '1', '"text"', 'true', '[]', '[{"query":"{__typename}"}]', ''].map((body, i) =>
    post(`JSON that is not a request #${i}`, body, 400, 'BAD_REQUEST'),
  ),
  post('query is a number', { query: 1 }, 400, 'BAD_REQUEST'),
  post('variables is a string', { query: '{__typename}', variables: 'x' }, 400, 'BAD_REQUEST'),
  post('no query', { variables: {} }, 200, 'BAD_REQUEST'),
  // Content types this API does not take; cross-site ones are refused before anything is read.
  ...['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x'].map((type) => ({
    name: `cross-site ${type}`,
    method: 'POST',
    headers: { 'content-type': type },
    body: 'query={__typename}',
    status: 403,
    code: 'CSRF_HEADER_REQUIRED',
  })),
  ...[
    'text/plain',
    'application/x-www-form-urlencoded',
    'multipart/form-data; boundary=x',
    'application/xml',
    'image/png',
    'text/html',
  ].map((type) => ({
    name: `${type} with the CSRF header`,
    method: 'POST',
    headers: { 'content-type': type, ...CSRF },
    body: 'query={__typename}',
    status: 415,
    code: 'UNSUPPORTED_MEDIA_TYPE',
  })),
  // GET: the CSRF header, malformed parameters, mutations.
  get('GET without the CSRF header', 'query={__typename}', 403, 'CSRF_HEADER_REQUIRED', {}),
  ...['{bad', '[', '%7B', 'x', '{"a":}', '{"a":1,}'].map((v, i) =>
    get(
      `GET with malformed variables #${i}`,
      `query={__typename}&variables=${encodeURIComponent(v)}`,
      400,
      'BAD_REQUEST',
    ),
  ),
  ...['{bad', 'x'].map((v, i) =>
    get(
      `GET with malformed extensions #${i}`,
      `query={__typename}&extensions=${encodeURIComponent(v)}`,
      400,
      'BAD_REQUEST',
    ),
  ),
  get('GET without a query', 'variables={}', 200, 'BAD_REQUEST'),
  get(
    'a mutation over GET',
    `query=${encodeURIComponent('mutation { ingestArticle(document: {}) { status } }')}`,
    405,
    'BAD_REQUEST',
  ),
  get(
    'GET with variables nested too deep',
    `query={__typename}&variables=${encodeURIComponent(`{"a":${'['.repeat(MAX_JSON_DEPTH + 1)}${']'.repeat(MAX_JSON_DEPTH + 1)}}`)}`,
    400,
    'BAD_REQUEST',
  ),
  // Other methods.
  ...['PUT', 'DELETE', 'PATCH', 'OPTIONS'].map((method) => ({
    name: `${method} /graphql`,
    method,
    headers: JSON_HEADERS,
    body: method === 'OPTIONS' || method === 'DELETE' ? undefined : '{"query":"{__typename}"}',
    status: 405,
    code: 'BAD_REQUEST',
  })),
  // Paths outside the API, and paths meant to escape the GraphiQL bundle.
  ...[
    '/',
    '/nope',
    '/graphql/extra',
    '/admin',
    '/.env',
    '/package.json',
    '/src/main.ts',
    '/%2e%2e/package.json',
    '/metrics/x',
    '/ready/x',
  ].map((path) => ({ name: `GET ${path}`, path, status: 404, code: 'NOT_FOUND' })),
  ...['%', '%zz', '%E0%A4%A', 'a%', '%%'].map((p) => ({
    name: `asset path ${p}`,
    path: `/graphiql/assets/${p}`,
    status: 400,
    code: 'BAD_REQUEST',
  })),
  ...[
    '%2e%2e/package.json',
    '..%2f..%2fpackage.json',
    'x.json',
    '..%2F..%2F..%2Fsrc%2Fmain.ts',
    'nope.js',
    '%2e%2e%2f%2e%2e%2fgraphql-yoga%2fpackage.json',
  ].map((p) => ({ name: `asset ${p}`, path: `/graphiql/assets/${p}`, status: 404, code: 'NOT_FOUND' })),
  // Sizes: bodies, lists, nesting, and the query limits.
  post(
    'a body over the cap',
    { query: '{__typename}', variables: { x: 'a'.repeat(70_000) } },
    413,
    'PAYLOAD_TOO_LARGE',
  ),
  post(
    'a huge body',
    { query: '{__typename}', variables: { x: 'a'.repeat(2_000_000) } },
    413,
    'PAYLOAD_TOO_LARGE',
  ),
  post(
    'a body over the cap with a wrong token',
    { query: '{__typename}', variables: { x: 'a'.repeat(70_000) } },
    413,
    'PAYLOAD_TOO_LARGE',
    { authorization: 'Bearer not-the-token-0123456789' },
  ),
  post(
    'a body over the ingest cap even with the token',
    { query: '{__typename}', variables: { x: 'a'.repeat(9 * 2 ** 20) } },
    413,
    'PAYLOAD_TOO_LARGE',
    { authorization: `Bearer ${INGEST_TOKEN}` },
  ),
  ...[MAX_LIST_ITEMS + 1, 1_000, 5_000].map((n) =>
    query(
      `nodes(ids:) with ${n} ids in a variable`,
      'query($ids: [ID!]!) { nodes(ids: $ids) { id } }',
      200,
      'BAD_USER_INPUT',
      {
        ids: Array.from({ length: n }, (_, i) => `x${i}`),
      },
    ),
  ),
  query(
    `nodes(ids:) with ${MAX_LIST_ITEMS + 1} literal ids`,
    `{ nodes(ids: [${Array.from({ length: MAX_LIST_ITEMS + 1 }, (_, i) => `"x${i}"`).join(',')}]) { id } }`,
    200,
    'BAD_USER_INPUT',
  ),
  query(
    'search(types:) with too many types',
    `query($t: [EntityType!]) { search(query: "korea", types: $t) { totalCount } }`,
    200,
    'BAD_USER_INPUT',
    { t: Array.from({ length: MAX_LIST_ITEMS + 1 }, () => 'Country') },
  ),
  query(
    'a filter with too many kinds',
    'query($f: ClaimFilter) { claims(filter: $f) { totalCount } }',
    200,
    'BAD_USER_INPUT',
    { f: { kinds: Array.from({ length: MAX_LIST_ITEMS + 1 }, () => 'ArmsDeal') } },
  ),
  ...[MAX_JSON_DEPTH + 1, 1_000, 20_000].map((d) =>
    post(
      `variables nested ${d} deep`,
      `{"query":"query($d: JSON!) { __typename }","variables":{"d":${'['.repeat(d)}${']'.repeat(d)}}}`,
      400,
      'BAD_REQUEST',
    ),
  ),
  ...[4, 7, 20].map((n) => query(`depth of ${4 * n + 2}`, nested(n), 200, 'QUERY_TOO_COMPLEX')),
  ...[LIMITS.aliases + 1, 100].map((n) =>
    query(
      `${n} aliases`,
      `{ ${Array.from({ length: n }, (_, i) => `a${i}: entity(key: "country:russia") { key }`).join(' ')} }`,
      200,
      'QUERY_TOO_COMPLEX',
    ),
  ),
  query('too many tokens', `{ ${'__typename '.repeat(LIMITS.tokens + 1)} }`, 200, 'QUERY_TOO_COMPLEX'),
  ...[100, 50].map((n) =>
    query(
      `cost with first: ${n}`,
      `{ entities(first: ${n}) { edges { node { claims(first: ${n}) { edges { node { participants { entity {
        mentions(first: ${n}) { edges { node { quote } } } } } } } } } } } }`,
      200,
      'QUERY_TOO_COMPLEX',
    ),
  ),
  // Documents that do not parse, or do not validate.
  ...[
    '{',
    '}',
    'query {',
    '{ a b c',
    'query ($x) { a }',
    '{ entity(key: ) { key } }',
    'fragment',
    '{ ... }',
    '"string"',
    '{ a(b: [) }',
    'subscription',
    '{ a @ }',
    '{ a: }',
    '#',
    '{ entity(key: "x" { key } }',
  ].map((q, i) => query(`syntax error #${i}`, q, 200, 'GRAPHQL_PARSE_FAILED')),
  ...[
    '{ nope }',
    '{ entity { key } }',
    '{ entity(key: 1) { key } }',
    '{ entity(key: "x") }',
    '{ entity(key: "x") { nope } }',
    'query($x: Int) { __typename }',
    '{ claims(filter: { statuses: [MAYBE] }) { totalCount } }',
    '{ ...F }',
    'fragment F on Nope { a } { __typename }',
    '{ entity(key: "x", nope: 1) { key } }',
    '{ search(query: "x", first: "ten") { totalCount } }',
    '{ neighborhood(key: "x", depth: 1.5) { truncated } }',
    'mutation { nope }',
    '{ __type(name: 1) { name } }',
    '{ entity(key: null) { key } }',
    '{ entity(key: "x") { key key: label } }',
    '{ entity(key: "x") { ... on Nope { key } } }',
    '{ entity(key: "x") { key(lang: "id") } }',
    '{ entities(types: [Planet]) { totalCount } }',
    'query($x: Nope) { __typename }',
  ].map((q, i) => query(`invalid document #${i}`, q, 200, 'GRAPHQL_VALIDATION_FAILED')),
  ...['query A { __typename } query A { __typename }', '{ __typename } { __typename }'].map((q, i) =>
    query(`ambiguous operations #${i}`, q, 400, 'OPERATION_RESOLUTION_FAILURE'),
  ),
  ...[
    ['query($k: String!) { entity(key: $k) { key } }', undefined],
    ['query($k: String!) { entity(key: $k) { key } }', { k: 1 }],
    ['query($n: Int) { claims(first: $n) { totalCount } }', { n: 'ten' }],
    ['query($n: Int) { claims(first: $n) { totalCount } }', { n: 1.5 }],
    ['query($f: ClaimFilter) { claims(filter: $f) { totalCount } }', { f: { kinds: ['Nope'] } }],
    ['query($f: ClaimFilter) { claims(filter: $f) { totalCount } }', { f: { nope: 1 } }],
    ['query($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids: [null] }],
    ['query($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids: { a: 1 } }],
  ].map(([q, v], i) => query(`variables of the wrong type #${i}`, q as string, 400, 'BAD_USER_INPUT', v)),
  // Arguments the schema accepts by type but not by value.
  ...[
    '{ claims(first: 101) { totalCount } }',
    '{ claims(first: -1) { totalCount } }',
    '{ entities(after: "nonsense") { totalCount } }',
    '{ node(id: "not-a-global-id") { id } }',
    '{ neighborhood(key: "country:russia", depth: 4) { truncated } }',
    '{ neighborhood(key: "country:russia", depth: 0) { truncated } }',
    '{ neighborhood(key: "person:nobody") { truncated } }',
    '{ paths(from: "country:russia", to: "country:russia") { __typename } }',
    '{ paths(from: "country:russia", to: "country:north-korea", maxHops: 9) { __typename } }',
    '{ paths(from: "country:russia", to: "country:north-korea", first: 21) { __typename } }',
    '{ paths(from: "person:nobody", to: "country:north-korea") { __typename } }',
    '{ claims(last: 101) { totalCount } }',
    '{ claims(before: "nonsense") { totalCount } }',
    '{ nodes(ids: ["nonsense"]) { id } }',
    '{ timeline(from: "yesterday") { totalCount } }',
    '{ events(filter: { to: "2023-02-30" }) { totalCount } }',
    '{ claims(filter: { from: "2023-09-18", to: "2023-09-17" }) { totalCount } }',
    '{ search(query: "!!!") { totalCount } }',
    `{ search(query: "${'a'.repeat(300)}") { totalCount } }`,
    '{ timeline(entity: "person:nobody") { totalCount } }',
  ].map((q, i) => query(`bad argument #${i}`, q, 200, 'BAD_USER_INPUT')),
  // Writes without the right token.
  ...[
    {},
    { authorization: 'Bearer wrong-token-0123456789' },
    { authorization: 'Basic abc' },
    { authorization: '' },
  ].map((headers, i) =>
    post(
      `ingestArticle without the token #${i}`,
      {
        query: 'mutation($d: JSON!) { ingestArticle(document: $d) { status } }',
        variables: { d: { id: 'x' } },
      },
      200,
      'UNAUTHENTICATED',
      headers,
    ),
  ),
  // Probing for files and admin pages.
  ...[
    '/graphiql',
    '/.git/config',
    '/etc/passwd',
    '/..%2f..%2fetc%2fpasswd',
    '/%00',
    '/%',
    '/%zz',
    '/health/x',
    '/wp-login.php',
    '/node_modules/graphql/package.json',
    '/seed/000_c27a19544a1cdf98.json',
    '/schema/schema.graphql',
    '/favicon.ico',
    '/server-status',
    '/admin/config',
  ].map((path) => ({ name: `probe ${path}`, path, status: 404, code: 'NOT_FOUND' })),
];

// Lucene syntax, injection attempts and odd strings are searched for as text: answered, not errors.
const harmless = [
  '*',
  'a OR b',
  'name:x',
  '"unclosed',
  '\\',
  '(((',
  "' OR 1=1 --",
  '} RETURN n //',
  '$param',
  '🙂',
  'ñ',
  'a'.repeat(200),
];

async function send(c: Case) {
  const res = await fetch(`${http.url}${c.path ?? '/graphql'}`, {
    method: c.method ?? 'GET',
    headers: c.headers,
    body: c.body,
  });
  const text = await res.text();
  return { status: res.status, text, id: res.headers.get('x-request-id') };
}

describe('a corpus of hostile requests', () => {
  it(`has at least 200 requests`, () => {
    expect(cases.length + harmless.length * 2).toBeGreaterThanOrEqual(200);
  });

  it('each gets its status and code, with nothing internal in the answer, and the graph unchanged', async () => {
    const before = await graph.counts();
    const wrong: string[] = [];
    for (const c of cases) {
      const { status, text, id } = await send(c);
      let code: unknown;
      try {
        code = JSON.parse(text).errors?.[0]?.extensions?.code;
      } catch {
        code = `not JSON: ${text.slice(0, 80)}`;
      }
      if (status !== c.status || code !== c.code) wrong.push(`${c.name}: ${status} ${String(code)}`);
      if (LEAKS.test(text)) wrong.push(`${c.name} leaks: ${text.slice(0, 200)}`);
      if (!id) wrong.push(`${c.name}: no X-Request-Id`);
    }
    expect(wrong).toEqual([]);
    expect(await graph.counts()).toEqual(before);
  });

  it('odd search strings are searched for as text, over POST and GET', async () => {
    for (const text of harmless) {
      const q = 'query($q: String!) { search(query: $q) { totalCount } }';
      for (const c of [
        post(text, { query: q, variables: { q: text } }, 200, ''),
        get(
          text,
          `query=${encodeURIComponent(q)}&variables=${encodeURIComponent(JSON.stringify({ q: text }))}`,
          200,
          '',
        ),
      ]) {
        const { status, text: body } = await send(c);
        expect(status, text).toBe(200);
        const parsed = JSON.parse(body);
        if (parsed.errors) expect(parsed.errors[0].extensions.code, text).toBe('BAD_USER_INPUT');
        else expect(typeof parsed.data.search.totalCount).toBe('number');
        expect(body).not.toMatch(LEAKS);
      }
    }
  });

  it('a body sent in chunks, with no length declared, is cut at the cap: 413 with a code', async () => {
    // No Content-Length to refuse it by: the body reader alone must stop at the cap.
    const body = JSON.stringify({ query: '{__typename}', variables: { x: 'a'.repeat(70_000) } });
    const chunks = body.match(/[\s\S]{1,8000}/g) ?? [];
    const raw = [
      'POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n',
      'Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n',
      ...chunks.map((c) => `${Buffer.byteLength(c).toString(16)}\r\n${c}\r\n`),
      '0\r\n\r\n',
    ].join('');
    const answer = await new Promise<string>((resolve) => {
      let data = '';
      const socket = connect(http.listener.port, '127.0.0.1', () => socket.write(raw));
      socket.on('data', (d) => {
        data += d.toString();
      });
      socket.on('close', () => resolve(data));
      socket.on('error', () => resolve(data));
    });
    expect(answer).toMatch(/^HTTP\/1\.1 413 /);
    expect(answer).toMatch(/"code":"PAYLOAD_TOO_LARGE"/);
  });

  it('a request HTTP cannot read is answered 400 with a code, and the connection closed', async () => {
    const port = http.listener.port;
    for (const raw of [
      'GARBAGE\r\n\r\n',
      'POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n',
      'POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nhello',
      `GET /graphql HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`,
    ]) {
      const answer = await new Promise<string>((resolve) => {
        let data = '';
        const socket = connect(port, '127.0.0.1', () => socket.write(raw));
        socket.on('data', (d) => {
          data += d.toString();
        });
        socket.on('close', () => resolve(data));
        socket.on('error', () => resolve(data));
      });
      expect(answer, raw.slice(0, 40)).toMatch(/^HTTP\/1\.1 4\d\d /);
      expect(answer).toMatch(/"code":"BAD_REQUEST"/);
      expect(answer).not.toMatch(LEAKS);
    }
  });
});
