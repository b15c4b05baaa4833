// Exports over HTTP, streamed as they are read:
//   GET /export/graph.<ext>               the whole graph
//   GET /export/article/<key>.<ext>       one article
//   GET /export/entity/<key>.<ext>?depth=N one entity's neighbourhood (depth 1 to 3, default 1)
// where <ext> is jsonld, graphml, nodes.csv or edges.csv (one CSV file per request, so each URL
// reads straight into pandas or a spreadsheet). Bad requests get a 4xx with a JSON error code.
import type { Plugin } from 'graphql-yoga';
import type { Database } from '../db/run.js';
import { isDatabaseUnavailable } from '../errors.js';
import { batched, type ExportFormat, exportText } from './formats.js';
import { ExportInputError, parseDepth, resolveScope, type Scope } from './read.js';

export const EXPORT_PATH = '/export';

const EXTENSIONS: { ext: string; format: ExportFormat; part: 'nodes' | 'edges'; type: string }[] = [
  { ext: '.jsonld', format: 'jsonld', part: 'nodes', type: 'application/ld+json; charset=utf-8' },
  { ext: '.graphml', format: 'graphml', part: 'nodes', type: 'application/graphml+xml; charset=utf-8' },
  { ext: '.nodes.csv', format: 'csv', part: 'nodes', type: 'text/csv; charset=utf-8; header=present' },
  { ext: '.edges.csv', format: 'csv', part: 'edges', type: 'text/csv; charset=utf-8; header=present' },
];

const STATUS: Record<ExportInputError['code'], number> = {
  UNKNOWN_ARTICLE: 404,
  UNKNOWN_ENTITY: 404,
  BAD_FORMAT: 400,
  BAD_DEPTH: 400,
  BAD_ARGUMENT: 400,
  TOO_LARGE: 400,
};

export interface ExportRoute {
  scope: Scope;
  format: ExportFormat;
  part: 'nodes' | 'edges';
  type: string;
  filename: string;
}

/** What an export URL asks for; throws ExportInputError for a URL that asks wrongly. */
export function parseExportUrl(url: URL): ExportRoute {
  const rest = url.pathname.slice(EXPORT_PATH.length + 1);
  const match = EXTENSIONS.find((e) => rest.endsWith(e.ext));
  if (!match) {
    throw new ExportInputError(
      'BAD_FORMAT',
      `unknown export format in ${url.pathname}: end it with .jsonld, .graphml, .nodes.csv or .edges.csv`,
    );
  }
  const name = rest.slice(0, -match.ext.length);
  const depthParam = url.searchParams.get('depth');
  let key: string;
  const decode = (s: string) => {
    try {
      return decodeURIComponent(s);
    } catch {
      throw new ExportInputError('BAD_ARGUMENT', `the key in ${url.pathname} is not valid percent-encoding`);
    }
  };
  let scope: Scope;
  if (name === 'graph') {
    scope = { kind: 'graph' };
  } else if (/^(article|entity)\/[^/]+$/.test(name)) {
    const [kind, raw] = name.split('/') as ['article' | 'entity', string];
    key = decode(raw);
    scope = kind === 'article' ? { kind, key } : { kind, key, depth: parseDepth(depthParam) };
  } else {
    throw new ExportInputError(
      'BAD_ARGUMENT',
      `no export at ${url.pathname}: use /export/graph${match.ext}, /export/article/KEY${match.ext} or /export/entity/KEY${match.ext}`,
    );
  }
  if (depthParam !== null && scope.kind !== 'entity')
    throw new ExportInputError('BAD_DEPTH', 'depth applies to entity exports only');
  const slug = (scope.kind === 'graph' ? 'graph' : `${scope.kind}-${scope.key}`).replace(
    /[^A-Za-z0-9._-]+/g,
    '_',
  );
  const depth = scope.kind === 'entity' ? `-depth${scope.depth}` : '';
  return {
    scope,
    format: match.format,
    part: match.part,
    type: match.type,
    filename: `news-graph-${slug}${depth}${match.ext}`,
  };
}

export function exportRoute(db: Database): Plugin {
  return {
    async onRequest({ url, request, endResponse, fetchAPI }) {
      if (!url.pathname.startsWith(`${EXPORT_PATH}/`)) return;
      const fail = (status: number, code: string, message: string) =>
        endResponse(
          new fetchAPI.Response(JSON.stringify({ error: { code, message } }), {
            status,
            headers: { 'content-type': 'application/json; charset=utf-8' },
          }),
        );
      if (request.method !== 'GET') return fail(405, 'METHOD_NOT_ALLOWED', 'exports are read with GET');
      let route: ExportRoute;
      try {
        route = parseExportUrl(url);
        const resolved = await resolveScope(db, route.scope);
        const chunks = batched(exportText(db, resolved, route.format, route.part))[Symbol.asyncIterator]();
        const encoder = new TextEncoder();
        const body = new fetchAPI.ReadableStream<Uint8Array>({
          async pull(controller) {
            try {
              const { value, done } = await chunks.next();
              if (done) controller.close();
              else controller.enqueue(encoder.encode(value));
            } catch (error) {
              // The status line is gone already: the client sees a broken transfer, never a
              // complete-looking file with the rest missing.
              controller.error(error);
            }
          },
          async cancel() {
            await chunks.return(undefined);
          },
        });
        endResponse(
          new fetchAPI.Response(body, {
            headers: {
              'content-type': route.type,
              'content-disposition': `attachment; filename="${route.filename}"`,
              'cache-control': 'no-store',
            },
          }),
        );
      } catch (error) {
        if (error instanceof ExportInputError) return fail(STATUS[error.code], error.code, error.message);
        if (isDatabaseUnavailable(error)) {
          return fail(503, 'DATABASE_UNAVAILABLE', (error as Error).message);
        }
        throw error;
      }
    },
  };
}
