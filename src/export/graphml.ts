// GraphML for Gephi and yEd: the same columns as the CSV files as typed GraphML keys, the nodes,
// then the edges, written as they are read.
import type { ExportEdge, ExportNode } from './read.js';
import { type Cell, EDGE_COLUMNS, edgeRow, INT_COLUMNS, NODE_COLUMNS, nodeRow } from './table.js';

const XML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

/**
 * Text and attribute values as XML: the five special characters escaped, and the control
 * characters XML 1.0 forbids dropped (they cannot be written at all, not even escaped).
 */
export function xmlText(value: string): string {
  return (
    value
      // biome-ignore lint/suspicious/noControlCharactersInRegex: exactly the characters XML 1.0 cannot hold.
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
      .replace(/[&<>"']/g, (c) => XML_ESCAPES[c] as string)
  );
}

const key = (forWhat: 'node' | 'edge', name: string) =>
  `  <key id="${forWhat === 'node' ? 'n' : 'e'}_${name}" for="${forWhat}" attr.name="${name}" attr.type="${INT_COLUMNS.has(name) ? 'int' : 'string'}"/>\n`;

function data(prefix: 'n' | 'e', row: Record<string, Cell>, skip: string[]): string {
  let out = '';
  for (const [name, value] of Object.entries(row)) {
    if (value === null || skip.includes(name)) continue;
    out += `      <data key="${prefix}_${name}">${xmlText(String(value))}</data>\n`;
  }
  return out;
}

export async function* graphml(
  nodes: AsyncIterable<ExportNode>,
  edges: AsyncIterable<ExportEdge>,
  description: string,
): AsyncGenerator<string> {
  yield '<?xml version="1.0" encoding="UTF-8"?>\n';
  yield '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n';
  yield `  <desc>${xmlText(description)}</desc>\n`;
  yield NODE_COLUMNS.filter((c) => c !== 'id')
    .map((c) => key('node', c))
    .join('');
  yield EDGE_COLUMNS.filter((c) => !['id', 'source', 'target'].includes(c))
    .map((c) => key('edge', c))
    .join('');
  yield '  <graph id="G" edgedefault="directed">\n';
  for await (const n of nodes) {
    const row = nodeRow(n);
    yield `    <node id="${xmlText(String(row.id))}">\n${data('n', row, ['id'])}    </node>\n`;
  }
  for await (const e of edges) {
    const row = edgeRow(e);
    yield `    <edge id="${xmlText(String(row.id))}" source="${xmlText(e.source)}" target="${xmlText(e.target)}">\n${data('e', row, ['id', 'source', 'target'])}    </edge>\n`;
  }
  yield '  </graph>\n</graphml>\n';
}
