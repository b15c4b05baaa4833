// The GraphiQL asset route serves the files of the GraphiQL bundle and no other file, however the
// path is encoded. Each probe names a JavaScript file that exists outside the bundle, so only the
// guard stands between it and the client.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { createSchema, createYoga } from 'graphql-yoga';
import { describe, expect, it } from 'vitest';
import { GRAPHIQL_ASSETS, graphiqlAssets } from '../../src/graphiql.js';

const require = createRequire(import.meta.url);
const DIST = path.join(path.dirname(require.resolve('@graphql-yoga/graphiql/package.json')), 'dist');
const OUTSIDE = path.join(DIST, '..', '..', '..', 'graphql', 'index.js');

const yoga = createYoga({
  schema: createSchema({ typeDefs: 'type Query { ok: Boolean }' }),
  plugins: [graphiqlAssets()],
  logging: false,
});
const get = (pathname: string) => yoga.fetch(`http://localhost${GRAPHIQL_ASSETS}/${pathname}`);

describe('the GraphiQL asset route', () => {
  it('serves a file of the bundle', async () => {
    const res = await get('yoga-graphiql.umd.js');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/javascript/);
  });

  it('serves no file outside the bundle', async () => {
    expect(existsSync(OUTSIDE), `${OUTSIDE} exists, so a probe for it can fail`).toBe(true);
    const outside = readFileSync(OUTSIDE, 'utf8');
    const relative = path.relative(DIST, OUTSIDE);
    for (const probe of [
      relative.split(path.sep).join('%2f'),
      relative.split(path.sep).join('%2F').replaceAll('.', '%2e'),
      encodeURIComponent(relative),
      encodeURIComponent(OUTSIDE),
    ]) {
      const res = await get(probe);
      expect(res.status, probe).toBe(404);
      expect(await res.text(), probe).not.toBe(outside);
    }
  });
});
