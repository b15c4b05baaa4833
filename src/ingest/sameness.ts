// Whether a report of a new article is one more report of a statement already in the graph: the
// score of a report against a candidate, and the choice of which reports merge. Pure: the
// candidates come from one bounded query (db/queries/sameness.ts), read in grouping.ts.
import { firstDay, lastDay } from '../dates.js';
import type { StatementOf } from './reports.js';
import type { Containment } from './values.js';

/** What sameness compares of a report: who takes part, when, where. */
export interface Facts {
  entities: readonly string[];
  startDate?: string | null;
  endDate?: string | null;
  locationId?: string | null;
}

export interface NewReport extends Facts {
  id: string;
  of: StatementOf;
  kind: string;
}

export interface Candidate {
  /** The statement's key. */
  statement: string;
  of: StatementOf;
  kind: string;
  /** Its reports, each scored on its own: the best one speaks for the statement. */
  reports: (Facts & { article: string })[];
  /**
   * It holds a report that a split took out of another statement: a report may still join it, but
   * no proposal joins it to another statement (only a document's sameAs does).
   */
  apart?: boolean;
}

export interface Score {
  score: number;
  /** How many participants the two have in common. */
  shared: number;
  participants: number;
  /** Null when neither side gives a time (or a place): that factor does not count. */
  time: number | null;
  place: number | null;
}

export interface Proposal extends Score {
  report: string;
  statement: string;
  merged: boolean;
  /** Why a proposal did not merge. */
  reason: string | null;
}

/**
 * How much each factor weighs, and the score above which a report joins a statement.
 *
 * Participants weigh most: two reports of one event name largely the same people, places and
 * things, while their dates and places are what sources most often disagree on (Monday or Tuesday,
 * Artyom or Vladivostok). Times that cannot overlap rule a merge out altogether: the same people
 * meeting on two different days met twice. A factor only one side gives counts half; one neither
 * gives does not count. With time and place both compatible, 0.75 needs a participant overlap
 * (Jaccard) of 7/12, more than half of everyone either report names; with one of them unknown, it
 * needs 3/4; for claims, which rarely carry either, 3/4 of their participants. Below that, two
 * reports share some actors but not the event (the visit and the meeting within it both involve
 * Kim and Russia): they are reported as candidates, not merged, and a document can merge them by
 * `sameAs`. And a proposal needs two participants in common: one alone (Kim, the subject of most
 * claims about the visit) says nothing about whether two claims are one.
 */
export const WEIGHTS = { participants: 0.6, time: 0.25, place: 0.15 } as const;
export const MERGE_THRESHOLD = 0.75;
export const MIN_SHARED = 2;

const sharedCount = (a: readonly string[], b: readonly string[]) => {
  const y = new Set(b);
  return new Set(a.filter((e) => y.has(e))).size;
};

export function jaccard(a: readonly string[], b: readonly string[]): number {
  const x = new Set(a);
  const y = new Set(b);
  const shared = [...x].filter((e) => y.has(e)).length;
  const all = new Set([...x, ...y]).size;
  return all === 0 ? 0 : shared / all;
}

/** The days a partial date range covers, at its precision ("2023-09" is all of September). */
const days = (f: Facts): [string, string] | null =>
  f.startDate ? [firstDay(f.startDate), lastDay(f.endDate ?? f.startDate)] : null;

export function timeFactor(a: Facts, b: Facts): number | null {
  const x = days(a);
  const y = days(b);
  if (!x && !y) return null;
  if (!x || !y) return 0.5;
  return x[0] <= y[1] && y[0] <= x[1] ? 1 : 0;
}

/** Places agree when one is the other or lies within it (LOCATED_IN, any depth). */
export function placeFactor(a: Facts, b: Facts, places: Containment): number | null {
  const x = a.locationId ?? null;
  const y = b.locationId ?? null;
  if (!x && !y) return null;
  if (!x || !y) return 0.5;
  return x === y || places[x]?.includes(y) || places[y]?.includes(x) ? 1 : 0;
}

export function score(a: Facts, b: Facts, places: Containment = {}): Score {
  const participants = jaccard(a.entities, b.entities);
  const time = timeFactor(a, b);
  const place = placeFactor(a, b, places);
  const parts: [number, number | null][] = [
    [WEIGHTS.participants, participants],
    [WEIGHTS.time, time],
    [WEIGHTS.place, place],
  ];
  const weight = parts.reduce((sum, [w, f]) => (f === null ? sum : sum + w), 0);
  const total = parts.reduce((sum, [w, f]) => (f === null ? sum : sum + w * f), 0);
  const value = time === 0 ? 0 : total / weight;
  return {
    score: Math.round(value * 1000) / 1000,
    shared: sharedCount(a.entities, b.entities),
    participants: Math.round(participants * 1000) / 1000,
    time,
    place,
  };
}

/** Whether a score is better than another: higher, then more participants in common, then by part. */
const better = (a: Score, b: Score) => {
  const order: [number, number][] = [
    [a.score, b.score],
    [a.shared, b.shared],
    [a.participants, b.participants],
    [a.time ?? -1, b.time ?? -1],
    [a.place ?? -1, b.place ?? -1],
  ];
  const differ = order.find(([x, y]) => x !== y);
  return differ !== undefined && differ[0] > differ[1];
};

/**
 * The best score of a report against any of a candidate's reports. Equal scores are told apart by
 * their parts, so the one that speaks for the statement does not depend on the order its reports
 * were read in (which differs between a committed graph and a transaction's own writes).
 */
export function scoreCandidate(report: NewReport, candidate: Candidate, places: Containment): Score {
  const scores = candidate.reports.map((r) => score(report, r, places));
  return scores.reduce<Score>((best, s) => (better(s, best) ? s : best), {
    score: 0,
    shared: 0,
    participants: 0,
    time: null,
    place: null,
  });
}

/** A statement merged into another because a new report is the same as both. */
export interface Absorbed {
  statement: string;
  into: string;
  of: StatementOf;
  /** The report that is the same as both. */
  report: string;
}

/**
 * Which reports join which statements. Every pair of a report and a candidate of its label and
 * kind is scored; the best pairs merge first, each report into one statement and each statement
 * taking at most one report of the article (an article reports a thing once). Ties go to the
 * smaller keys, so the choice does not depend on the order the candidates were read in.
 *
 * A report above the threshold for two statements is the same as both: the second is merged into
 * the first (absorbed), unless that would put two reports of one article in one statement. So
 * the statements are the groups that chains of good matches connect, whichever article came
 * first: ingesting the same articles in another order gives the same statements. A split is the
 * exception: a statement holding a split-out report is never joined to another this way, so a
 * later report that matches both sides does not undo the split.
 */
export function propose(
  article: string,
  reports: readonly NewReport[],
  candidates: readonly Candidate[],
  places: Containment,
  taken: ReadonlySet<string> = new Set(),
): { proposals: Proposal[]; absorbed: Absorbed[] } {
  const pairs: Proposal[] = [];
  const ofReport = new Map(reports.map((r) => [r.id, r.of]));
  const articlesOf = new Map(candidates.map((c) => [c.statement, new Set(c.reports.map((r) => r.article))]));
  const apart = new Set(candidates.filter((c) => c.apart).map((c) => c.statement));
  for (const report of reports) {
    for (const c of candidates) {
      if (c.of !== report.of || c.kind !== report.kind) continue;
      const s = scoreCandidate(report, c, places);
      if (s.score === 0) continue;
      const already = articlesOf.get(c.statement)?.has(article);
      pairs.push({
        ...s,
        report: report.id,
        statement: c.statement,
        merged: false,
        reason: already ? 'the statement already has a report of this article' : null,
      });
    }
  }
  pairs.sort(
    (a, b) => b.score - a.score || a.report.localeCompare(b.report) || a.statement.localeCompare(b.statement),
  );
  const joinedTo = new Map<string, string>();
  const used = new Set(taken);
  const absorbed: Absorbed[] = [];
  for (const p of pairs) {
    if (p.reason) continue;
    const into = joinedTo.get(p.report);
    if (p.score < MERGE_THRESHOLD) p.reason = `score below ${MERGE_THRESHOLD}`;
    else if (p.shared < MIN_SHARED) p.reason = `fewer than ${MIN_SHARED} participants in common`;
    else if (used.has(p.statement)) p.reason = 'another report of this article joined the statement';
    else if (into !== undefined && (apart.has(into) || apart.has(p.statement))) {
      p.reason = 'a split keeps this statement apart from the one the report joined';
    } else if (into !== undefined) {
      const mine = articlesOf.get(into) ?? new Set<string>();
      const theirs = articlesOf.get(p.statement) ?? new Set<string>();
      if ([...theirs].some((a) => mine.has(a))) {
        p.reason = 'the report joined a better match, which an article of this one also reports';
        continue;
      }
      p.merged = true;
      used.add(p.statement);
      for (const a of theirs) mine.add(a);
      absorbed.push({
        statement: p.statement,
        into,
        of: ofReport.get(p.report) ?? 'Event',
        report: p.report,
      });
    } else {
      p.merged = true;
      joinedTo.set(p.report, p.statement);
      used.add(p.statement);
      articlesOf.get(p.statement)?.add(article);
    }
  }
  return { proposals: pairs, absorbed };
}
