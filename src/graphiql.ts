// GraphiQL served from this server: its scripts and styles come from the installed
// @graphql-yoga/graphiql package instead of a CDN, so the playground works on machines and
// networks that cannot reach the internet.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { type GraphiQLOptions, type Plugin, renderGraphiQL } from 'graphql-yoga';
import { badRequest, errorResponse } from './errors.js';

export const GRAPHIQL_ASSETS = '/graphiql/assets';

const require = createRequire(import.meta.url);
const DIST = path.join(path.dirname(require.resolve('@graphql-yoga/graphiql/package.json')), 'dist');

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

/** Yoga's GraphiQL page, pointed at this server's copy of its assets. */
export function renderLocalGraphiQL(options: GraphiQLOptions): string {
  return renderGraphiQL(options)
    .replace(/https:\/\/unpkg\.com\/@graphql-yoga\/graphiql@[^/]+\/dist/g, GRAPHIQL_ASSETS)
    .replace(/<link rel=icon href=https:[^>]+>/, '');
}

/** Serves the files of the GraphiQL bundle, and nothing outside it. */
export function graphiqlAssets(): Plugin {
  return {
    async onRequest({ url, endResponse, fetchAPI }) {
      if (!url.pathname.startsWith(`${GRAPHIQL_ASSETS}/`)) return;
      let relative: string;
      try {
        relative = decodeURIComponent(url.pathname.slice(GRAPHIQL_ASSETS.length + 1));
      } catch {
        endResponse(errorResponse(fetchAPI, badRequest('the asset path is not a valid URL path')));
        return;
      }
      const file = path.resolve(DIST, relative);
      const type = TYPES[path.extname(file)];
      if (!file.startsWith(`${DIST}${path.sep}`) || !type) {
        endResponse(new fetchAPI.Response('Not found', { status: 404 }));
        return;
      }
      try {
        const body = await readFile(file);
        endResponse(
          new fetchAPI.Response(body, {
            headers: { 'content-type': type, 'cache-control': 'public, max-age=86400' },
          }),
        );
      } catch {
        endResponse(new fetchAPI.Response('Not found', { status: 404 }));
      }
    },
  };
}
