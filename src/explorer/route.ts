// Serves the explorer page at /explore from dist/www/explorer, where `npm run build:explorer` puts
// it. Only the page's own files are served; a missing build is a one-line 503, not a blank page.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Plugin } from 'graphql-yoga';
import { EXPLORER_DIST, EXPLORER_FILES } from './build.js';

export const EXPLORER_PATH = '/explore';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

// The page talks to this server only: scripts, styles and GraphQL from the same origin.
const CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "connect-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** The file a request path names, or null when it names none of the page's files. */
export function explorerFile(pathname: string): string | null {
  if (pathname === EXPLORER_PATH || pathname === `${EXPLORER_PATH}/`) return 'index.html';
  if (!pathname.startsWith(`${EXPLORER_PATH}/`)) return null;
  const name = pathname.slice(EXPLORER_PATH.length + 1);
  return (EXPLORER_FILES as readonly string[]).includes(name) ? name : null;
}

export function explorerRoute(dist = EXPLORER_DIST): Plugin {
  return {
    async onRequest({ url, request, endResponse, fetchAPI }) {
      const { pathname } = url;
      if (pathname !== EXPLORER_PATH && !pathname.startsWith(`${EXPLORER_PATH}/`)) return;
      const name = explorerFile(pathname);
      const text = (status: number, body: string) =>
        endResponse(
          new fetchAPI.Response(`${body}\n`, {
            status,
            headers: { 'content-type': 'text/plain; charset=utf-8' },
          }),
        );
      if (request.method !== 'GET' && request.method !== 'HEAD') return text(405, 'method not allowed');
      if (!name) return text(404, `not found: ${pathname}`);
      let body: Buffer;
      try {
        body = await readFile(path.join(dist, name));
      } catch {
        return text(
          503,
          'the explorer is not built: run `npm run build:explorer` (npm start does it for you)',
        );
      }
      endResponse(
        new fetchAPI.Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
          headers: {
            'content-type': TYPES[path.extname(name)] ?? 'application/octet-stream',
            'cache-control': 'no-cache',
            'content-security-policy': CSP,
            'x-content-type-options': 'nosniff',
          },
        }),
      );
    },
  };
}
