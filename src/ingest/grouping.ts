// Decides, inside the write's transaction, which reports of a document start statements of their
// own and which join statements already in the graph: first those the document names (sameAs),
// then those ingestion proposes (sameness.ts) unless the document or an earlier split says distinct.
import * as q from '../db/queries/sameness.js';
import type { Tx } from '../db/run.js';
import type { ArticleDocument } from './document.js';
import { IngestError } from './errors.js';
import type { Grouping } from './plan.js';
import { type ReportLinks, reportRows, type StatementOf } from './reports.js';
import { type Absorbed, type Candidate, type NewReport, type Proposal, propose } from './sameness.js';
import type { Problem } from './validate.js';

export interface Merge {
  report: string;
  /** The statement's key when it was joined (it may change when the new report comes first). */
  statement: string;
  how: 'EXPLICIT' | 'PROPOSED';
  /** The proposal's score; null for a merge the document asked for. */
  score: number | null;
}

export interface Sameness {
  grouping: Grouping;
  merged: Merge[];
  /** Statements merged into another because a report is the same as both. */
  absorbed: Absorbed[];
  /** Candidates scored and not merged, best first per report, with why. */
  notMerged: Proposal[];
}

/** How far either side of a report's date candidates are looked for. */
const WINDOW_DAYS = 366;
/** How many rejected candidates are reported per report. */
const SHOWN_PER_REPORT = 3;

const shift = (day: string, days: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

interface Item {
  key: string;
  path: string;
  of: StatementOf;
  kind: string;
  sameAs?: string | undefined;
  distinct?: boolean | undefined;
  localId: string;
}

function items(doc: ArticleDocument): Item[] {
  const key = (id: string) => `${doc.article.id}/${id}`;
  return [
    ...doc.events.map((e, i) => ({ ...e, key: key(e.id), path: `$.events[${i}]`, of: 'Event' as const })),
    ...doc.claims.map((c, i) => ({ ...c, key: key(c.id), path: `$.claims[${i}]`, of: 'Claim' as const })),
  ].map((x) => ({
    key: x.key,
    path: x.path,
    of: x.of,
    kind: x.kind,
    sameAs: x.sameAs,
    distinct: x.distinct,
    localId: x.id,
  }));
}

async function explicitMerges(tx: Tx, doc: ArticleDocument, list: Item[]): Promise<Merge[]> {
  const named = list.filter((x) => x.sameAs !== undefined);
  if (named.length === 0) return [];
  const found = new Map(
    (await tx.run(q.statementsOfReports(named.map((x) => x.sameAs as string)))).map((r) => [r.key, r]),
  );
  const problems: Problem[] = [];
  const seen = new Map<string, string>();
  for (const x of named) {
    const key = x.sameAs as string;
    const path = `${x.path}.sameAs`;
    const target = found.get(key);
    const what = x.of === 'Event' ? 'event' : 'claim';
    if (!target) {
      problems.push({ path, message: `no event or claim with key "${key}" is in the graph` });
    } else if (target.of !== x.of) {
      problems.push({
        path,
        message: `"${key}" is a${target.of === 'Event' ? 'n event' : ' claim'}; this is a ${what}`,
      });
    } else if (x.of === 'Claim' && target.kind !== x.kind) {
      problems.push({ path, message: `"${key}" is a claim of kind ${target.kind}; this one is ${x.kind}` });
    } else if (seen.has(target.statement)) {
      problems.push({
        path,
        message: `${seen.get(target.statement)} names the same ${what}: an article reports it once`,
      });
    } else if (target.articles.some((a) => a === doc.article.id)) {
      problems.push({ path, message: `"${key}" already has a report of this article` });
    }
    if (target) seen.set(target.statement, path);
  }
  if (problems.length > 0) throw new IngestError(problems);
  return named.map((x) => ({
    report: x.key,
    statement: (found.get(x.sameAs as string) as q.TargetRow).statement,
    how: 'EXPLICIT',
    score: null,
  }));
}

/** The facts of each report that sameness compares, from the rows the plan writes. */
function newReports(links: ReportLinks, keys: ReadonlySet<string>): (NewReport & { sortDate: string })[] {
  return links.reports
    .filter((r) => keys.has(r.id))
    .map((r) => ({
      id: r.id,
      of: r.of,
      kind: r.kind,
      entities: [...new Set(links.involves.filter((i) => i.report === r.id).map((i) => i.entity))],
      startDate: r.startDate,
      endDate: r.endDate,
      locationId: r.locationId,
      sortDate: r.sortDate,
    }))
    .filter((r) => r.entities.length > 0);
}

/**
 * Decides where the document's reports go. `separated` lists the article's reports that a split
 * took out (read with the article); the stored sources of `relations` are read in the same round
 * trip as the candidates and returned with the decision.
 */
export async function decideSameness(
  tx: Tx,
  doc: ArticleDocument,
  graphId: ReadonlyMap<string, string>,
  known: { separated: readonly string[]; relations: q.RelationLookup[] },
): Promise<Sameness & { relations: q.RelationSourcesRow[] }> {
  const list = items(doc);
  const explicit = await explicitMerges(tx, doc, list);
  const separated = new Set(known.separated);
  const open = new Set(
    list
      .filter((x) => x.sameAs === undefined && x.distinct !== true && !separated.has(x.localId))
      .map((x) => x.key),
  );
  const reports = newReports(reportRows(doc, graphId), open);
  const rows = reports.map((r) => {
    const from = r.startDate ? r.startDate : r.sortDate;
    const to = r.endDate ?? r.startDate ?? r.sortDate;
    return {
      report: r.id,
      of: r.of,
      kind: r.kind,
      entities: [...r.entities],
      from: shift(from.length === 10 ? from : `${from.slice(0, 4)}-01-01`, -WINDOW_DAYS),
      to: shift(to.length === 10 ? to : `${to.slice(0, 4)}-12-31`, WINDOW_DAYS),
    };
  });
  const ownPlaces = [...new Set(reports.map((r) => r.locationId).filter((id): id is string => Boolean(id)))];
  const [read] =
    rows.length + known.relations.length > 0
      ? await tx.run(q.afterResolution(known.relations, rows, ownPlaces))
      : [];
  const found = read?.candidates ?? [];
  const places = read?.places ?? [];
  const byStatement = new Map<string, Candidate>();
  for (const c of found) byStatement.set(c.statement, c);
  const candidates = [...byStatement.values()];
  const containment = Object.fromEntries(places.map((p) => [p.id, p.within]));
  const taken = new Set(explicit.map((m) => m.statement));
  const { proposals, absorbed } = propose(doc.article.id, reports, candidates, containment, taken);
  const gone = new Set(absorbed.map((a) => a.statement));
  const proposed: Merge[] = proposals
    .filter((p) => p.merged && !gone.has(p.statement))
    .map((p) => ({ report: p.report, statement: p.statement, how: 'PROPOSED', score: p.score }));
  const merged = [...explicit, ...proposed];
  const joinedKeys = new Set(merged.map((m) => m.report));
  const shown = new Map<string, number>();
  const notMerged = proposals.filter((p) => {
    if (p.merged) return false;
    const n = shown.get(p.report) ?? 0;
    shown.set(p.report, n + 1);
    return n < SHOWN_PER_REPORT;
  });
  return {
    grouping: {
      created: list.map((x) => x.key).filter((k) => !joinedKeys.has(k)),
      joined: merged.map((m) => ({ report: m.report, statement: m.statement })),
      absorbed: absorbed.map(({ statement, into, of }) => ({ statement, into, of })),
    },
    merged,
    absorbed,
    notMerged,
    relations: read?.relations ?? [],
  };
}

/** The merges and the candidates not merged, as lines for the command line. */
export function describeSameness(r: { merged: Merge[]; notMerged: Proposal[] }): string[] {
  const score = (s: number | null) => (s === null ? '' : ` (score ${s.toFixed(3)})`);
  return [
    ...(r.merged.length > 0
      ? [`  merged: ${r.merged.length} report(s) joined statements of other articles`]
      : []),
    ...r.merged.map((m) => `    ${m.report} -> ${m.statement} (${m.how.toLowerCase()}${score(m.score)})`),
    ...(r.notMerged.length > 0 ? [`  not merged: ${r.notMerged.length} candidate(s)`] : []),
    ...r.notMerged.map(
      (p) =>
        `    ${p.report} ~ ${p.statement}: score ${p.score.toFixed(3)} (participants ${p.participants.toFixed(2)}, ` +
        `time ${p.time ?? '-'}, place ${p.place ?? '-'}); ${p.reason ?? 'not merged'}`,
    ),
  ];
}
