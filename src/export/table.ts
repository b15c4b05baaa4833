// Nodes and edges as flat rows with fixed columns: the shape CSV and GraphML share. Ids are the
// graph's stable keys; an edge's id is made of its ends, type and qualifiers, so it is stable too.
import type { Plain } from '../db/mappers.js';
import type { ExportEdge, ExportNode } from './read.js';

export const NODE_COLUMNS = [
  'id',
  'category',
  'type',
  'label',
  'label_id',
  'wording',
  'description',
  'wikidata',
  'status',
  'hedge',
  'date',
  'date_end',
  'date_precision',
  'article',
  'quote',
  'start',
  'end',
] as const;

export const EDGE_COLUMNS = [
  'id',
  'source',
  'target',
  'type',
  'role',
  'label',
  'article',
  'evidence',
] as const;

export type NodeColumn = (typeof NODE_COLUMNS)[number];
export type EdgeColumn = (typeof EDGE_COLUMNS)[number];
export type Cell = string | number | null;

/** Integer columns (GraphML declares them as int). */
export const INT_COLUMNS: ReadonlySet<string> = new Set(['start', 'end']);

export function jsonMap(value: Plain | undefined): Record<string, string> {
  if (typeof value !== 'string') return {};
  const parsed = JSON.parse(value) as unknown;
  return parsed && typeof parsed === 'object' ? (parsed as Record<string, string>) : {};
}

const str = (v: Plain | undefined): string | null => (v === null || v === undefined ? null : String(v));

export function nodeRow({ label, props: p }: ExportNode): Record<NodeColumn, Cell> {
  const row: Record<NodeColumn, Cell> = Object.fromEntries(NODE_COLUMNS.map((c) => [c, null])) as never;
  row.id = String(p.id);
  row.category = label;
  const dated = () => {
    row.date = str(p.startDate);
    row.date_end = str(p.endDate);
    row.date_precision = str(p.precision);
    row.article = str(p.article);
  };
  if (label === 'Article') {
    row.type = 'NewsArticle';
    row.label = str(p.title) ?? `Article ${p.id}`;
    row.date = str(p.publishedOn);
    row.article = String(p.id);
  } else if (label === 'Entity') {
    const names = jsonMap(p.labelsJson);
    row.type = str(p.type);
    row.label = names.en ?? str(p.label);
    row.label_id = names.id ?? null;
    row.description = jsonMap(p.descriptionJson).en ?? null;
    row.wikidata = str(p.wikidata);
  } else if (label === 'Event') {
    const names = jsonMap(p.labelJson);
    row.type = str(p.kind);
    row.label = names.en ?? str(p.label);
    row.label_id = names.id ?? null;
    row.description = jsonMap(p.summaryJson).en ?? null;
    row.status = str(p.status);
    dated();
  } else if (label === 'Claim') {
    row.type = str(p.kind);
    row.label = str(p.summary);
    row.wording = str(p.wording);
    row.status = str(p.status);
    row.hedge = str(p.hedge);
    dated();
  } else {
    row.type = 'TextSpan';
    row.label = str(p.quote);
    row.quote = str(p.quote);
    row.start = typeof p.start === 'number' ? p.start : null;
    row.end = typeof p.end === 'number' ? p.end : null;
    row.article = str(p.article);
  }
  return row;
}

/** The qualifier worth showing on an edge: a role, a title, a reporting verb, the words that name. */
export function edgeLabel(e: ExportEdge): string | null {
  const p = e.props;
  return (
    str(p.role) ?? jsonMap(p.titleJson).en ?? jsonMap(p.roleJson).en ?? str(p.cue) ?? str(p.surface) ?? null
  );
}

export function edgeId(e: ExportEdge): string {
  const role = typeof e.props.role === 'string' ? `#${e.props.role}` : '';
  const article = typeof e.props.article === 'string' ? `@${e.props.article}` : '';
  return `${e.source}>${e.type}>${e.target}${role}${article}`;
}

export function edgeRow(e: ExportEdge): Record<EdgeColumn, Cell> {
  const evidence = Array.isArray(e.props.evidenceIds) ? e.props.evidenceIds.map(String) : [];
  return {
    id: edgeId(e),
    source: e.source,
    target: e.target,
    type: e.type,
    role: str(e.props.role),
    label: edgeLabel(e),
    article: str(e.props.article),
    evidence: evidence.length ? evidence.join(' ') : null,
  };
}
