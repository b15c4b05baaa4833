// A statement (an Event or Claim node) as derived from its reports: the first report (earliest
// article, then lowest id) gives it its key, wording, status and date; every report counts toward
// its sources and outlets; sources that disagree make it contested; a denial makes it denied. The
// same reports always give the same statement, whatever order they came in. Pure.
import type { StatementOf } from './reports.js';
import { type Containment, propertyValues, type ReportValues } from './values.js';

export interface StoredReport extends ReportValues {
  rank: string;
  of: StatementOf;
  kind: string;
  outlet?: string | null;
  label?: string | null;
  labelJson?: string | null;
  summaryJson?: string | null;
  summary?: string | null;
  wording?: string | null;
  status: string;
  hedge?: string | null;
  approximate?: boolean | null;
  partOfDay?: string | null;
  sortDate: string;
}

export interface StatementInput {
  /** The statement's key now; it changes when another report comes first. */
  id: string;
  reports: StoredReport[];
  /** How many claims of other statements dispute it. */
  disputedBy: number;
  places: Containment;
}

const nullable = <T>(v: T | undefined | null): T | null => v ?? null;

/** The words of a JSON map of texts by language, without its keys: "en" and "id" are not words of it. */
const textsOf = (json: string | null | undefined): string[] =>
  // Written by reportRows from a map of language to text.
  json ? Object.values(JSON.parse(json) as Record<string, string>) : [];

/** What full-text search reads of an event: its label and summary in every language. */
export const eventSearchText = (labelJson?: string | null, summaryJson?: string | null) =>
  [...textsOf(labelJson), ...textsOf(summaryJson)].join(' | ');

export function deriveStatement(s: StatementInput) {
  const reports = [...s.reports].sort((a, b) => (a.rank < b.rank ? -1 : a.rank > b.rank ? 1 : 0));
  const first = reports[0];
  if (!first) throw new Error(`statement ${s.id} has no reports`);
  const articles = [...new Set(reports.map((r) => r.article))].sort();
  // An article that names no outlet counts as an outlet of its own: two such articles cannot be
  // said to come from one publisher.
  const outlets = new Set(reports.map((r) => (r.outlet ? `outlet:${r.outlet}` : `article:${r.article}`)));
  const denied = s.disputedBy > 0 || reports.some((r) => r.status === 'DENIED');
  const values = propertyValues(reports, s.places);
  const contested = denied || values.some((p) => p.disagree);
  // What the API shows as the values sources give: only the properties on which they differ.
  const valuesJson = JSON.stringify(values.filter((p) => p.values.length > 1));
  const date = {
    startDate: nullable(first.startDate),
    endDate: nullable(first.endDate),
    precision: nullable(first.precision),
    approximate: first.approximate ?? false,
    partOfDay: nullable(first.partOfDay),
    dateText: nullable(first.dateText),
    sortDate: first.sortDate,
  };
  const shared = {
    id: first.id,
    kind: first.kind,
    status: first.status,
    ...date,
    article: first.article,
    articles,
    reportCount: reports.length,
    sourceCount: articles.length,
    outletCount: outlets.size,
    contested,
    denied,
    valuesJson,
  };
  const props =
    first.of === 'Event'
      ? {
          ...shared,
          label: nullable(first.label),
          labelJson: nullable(first.labelJson),
          summaryJson: nullable(first.summaryJson),
          searchText: eventSearchText(first.labelJson, first.summaryJson),
        }
      : {
          ...shared,
          summary: nullable(first.summary),
          wording: nullable(first.wording),
          hedge: nullable(first.hedge),
        };
  return { from: s.id, of: first.of, props };
}
