// The explorer route serves the page's own files and nothing else, and says so when the page
// has not been built.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createYoga } from 'graphql-yoga';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { explorerRoute } from '../../src/explorer/route.js';
import { schema } from '../../src/schema/index.js';

let dist: string;
const serve = (dir: string) => createYoga({ schema, plugins: [explorerRoute(dir)] });

beforeAll(async () => {
  dist = await mkdtemp(path.join(tmpdir(), 'explorer-dist-'));
  await writeFile(path.join(dist, 'index.html'), '<!doctype html><title>x</title>');
  await writeFile(path.join(dist, 'explorer.js'), 'console.log(1)');
  await writeFile(path.join(dist, 'explorer.css'), 'body{}');
  // A file that is in the folder but not part of the page must not be served.
  await writeFile(path.join(dist, 'notes.txt'), 'private');
});
afterAll(() => rm(dist, { recursive: true, force: true }));

describe('/explore', () => {
  it('serves the page with a policy that allows only this server', async () => {
    for (const url of ['/explore', '/explore/']) {
      const res = await serve(dist).fetch(`http://localhost${url}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(res.headers.get('content-security-policy')).toMatch(/default-src 'none'.*connect-src 'self'/);
      expect(await res.text()).toContain('<title>x</title>');
    }
    const js = await serve(dist).fetch('http://localhost/explore/explorer.js');
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it('serves nothing but the page files', async () => {
    for (const url of [
      '/explore/notes.txt',
      '/explore/%2e%2e/package.json',
      '/explore/..%2f..%2fpackage.json',
      '/explore/x/explorer.js',
    ]) {
      const res = await serve(dist).fetch(`http://localhost${url}`);
      expect(res.status, url).toBe(404);
      expect(await res.text(), url).not.toContain('private');
    }
    const post = await serve(dist).fetch('http://localhost/explore', { method: 'POST' });
    expect(post.status).toBe(405);
  });

  it('says how to build the page when it is missing', async () => {
    const res = await serve(path.join(dist, 'missing')).fetch('http://localhost/explore');
    expect(res.status).toBe(503);
    expect(await res.text()).toBe(
      'the explorer is not built: run `npm run build:explorer` (npm start does it for you)\n',
    );
  });

  it('leaves other paths to the rest of the server', async () => {
    const res = await serve(dist).fetch('http://localhost/explorer');
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain('not found: /explorer');
  });
});
