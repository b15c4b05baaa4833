// CSV (RFC 4180) for pandas and spreadsheets: one file of nodes, one of edges, each with a header.
import type { ExportEdge, ExportNode } from './read.js';
import { type Cell, EDGE_COLUMNS, edgeRow, NODE_COLUMNS, nodeRow } from './table.js';

/**
 * Text a spreadsheet would run as a formula when the file is opened: a cell starting with =, +, -,
 * @, a tab or a carriage return. Quotes and names come from articles anyone may ingest, so such a
 * text gets a leading apostrophe, which spreadsheets show as text and do not run (the OWASP advice
 * on CSV injection). Numbers are written as numbers, whatever their sign.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One field: quoted when it holds a comma, a quote, or a line break (which quotes, evidence and
 * article text do), with inner quotes doubled. An empty field is a missing value.
 */
export function csvField(value: Cell): string {
  if (value === null) return '';
  const s = typeof value === 'string' && FORMULA_START.test(value) ? `'${value}` : String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const line = (cells: Cell[]) => `${cells.map(csvField).join(',')}\r\n`;

export async function* nodesCsv(nodes: AsyncIterable<ExportNode>): AsyncGenerator<string> {
  yield line([...NODE_COLUMNS]);
  for await (const n of nodes) {
    const row = nodeRow(n);
    yield line(NODE_COLUMNS.map((c) => row[c]));
  }
}

export async function* edgesCsv(edges: AsyncIterable<ExportEdge>): AsyncGenerator<string> {
  yield line([...EDGE_COLUMNS]);
  for await (const e of edges) {
    const row = edgeRow(e);
    yield line(EDGE_COLUMNS.map((c) => row[c]));
  }
}
