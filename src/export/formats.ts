// The export formats and what each writes for a scope: the one place that joins the graph reader
// to the writers.
import type { Database } from '../db/run.js';
import { edgesCsv, nodesCsv } from './csv.js';
import { graphml } from './graphml.js';
import { jsonld } from './jsonld.js';
import { ExportInputError, type ResolvedScope, readEdges, readNodes, type Scope } from './read.js';

export const FORMATS = ['jsonld', 'csv', 'graphml'] as const;
export type ExportFormat = (typeof FORMATS)[number];

export function parseFormat(raw: string | undefined): ExportFormat {
  if (raw && (FORMATS as readonly string[]).includes(raw)) return raw as ExportFormat;
  throw new ExportInputError(
    'BAD_FORMAT',
    raw
      ? `unknown format "${raw}": use jsonld, csv or graphml`
      : 'no format given: use --format jsonld, csv or graphml',
  );
}

export function describeScope(scope: Scope): string {
  if (scope.kind === 'graph') return 'The whole news knowledge graph';
  if (scope.kind === 'article') return `Article ${scope.key}: what it reports and the entities it names`;
  return `The neighbourhood of ${scope.key} to depth ${scope.depth}`;
}

/** The text of one output: a JSON-LD or GraphML document, or one of the two CSV files. */
export function exportText(
  db: Database,
  resolved: ResolvedScope,
  format: ExportFormat,
  part: 'nodes' | 'edges' = 'nodes',
): AsyncGenerator<string> {
  const description = describeScope(resolved.scope);
  if (format === 'jsonld') return jsonld(readNodes(db, resolved), readEdges(db, resolved), description);
  if (format === 'graphml') return graphml(readNodes(db, resolved), readEdges(db, resolved), description);
  return part === 'nodes' ? nodesCsv(readNodes(db, resolved)) : edgesCsv(readEdges(db, resolved));
}

/** Joins small pieces into writes of about `size` characters. */
export async function* batched(chunks: AsyncIterable<string>, size = 64 * 1024): AsyncGenerator<string> {
  let buffer = '';
  for await (const c of chunks) {
    buffer += c;
    if (buffer.length >= size) {
      yield buffer;
      buffer = '';
    }
  }
  if (buffer) yield buffer;
}
