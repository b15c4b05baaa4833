// The values each report gives a statement (its date, its place, its qualifiers), grouped so that
// a reader sees, per property, every value and the reports that give it, and whether any two of
// them cannot both be true. Used at write time (a statement is contested) and by the API. Pure.
import { firstDay, lastDay } from '../dates.js';

export interface ReportValues {
  id: string;
  article: string;
  startDate?: string | null;
  endDate?: string | null;
  precision?: string | null;
  dateText?: string | null;
  locationId?: string | null;
  status?: string | null;
}

export interface Value {
  property: string;
  /** Equal keys are the same value. */
  key: string;
  /** The value in words, for people. */
  text: string;
}

export interface PropertyValues {
  property: string;
  values: { value: Value; reports: string[] }[];
  /** Two of the values cannot both be true. */
  disagree: boolean;
}

/** Places: each id with the places it lies in (LOCATED_IN, any depth). */
export type Containment = Readonly<Record<string, readonly string[]>>;

function valuesOf(r: ReportValues): Value[] {
  const out: Value[] = [];
  if (r.startDate) {
    const end = r.endDate && r.endDate !== r.startDate ? `/${r.endDate}` : '';
    out.push({ property: 'date', key: `${r.startDate}${end}`, text: `${r.startDate}${end}` });
  }
  if (r.locationId) out.push({ property: 'place', key: r.locationId, text: r.locationId });
  if (r.status) out.push({ property: 'status', key: r.status, text: r.status });
  return out;
}

const range = (key: string): [string, string] => {
  const [start = key, end = start] = key.split('/');
  return [firstDay(start), lastDay(end)];
};

/** Whether two different values of a property can both hold: dates that overlap, places one within the other. */
function compatible(property: string, a: string, b: string, places: Containment): boolean {
  if (a === b) return true;
  if (property === 'date') {
    // Starts must agree at their precision ("2023-09" and "2023-09-12" do, the 11th and the 12th
    // do not), and ends too where both give one: a visit from Monday and one from Tuesday differ.
    const [aStart, aEnd] = a.split('/');
    const [bStart, bEnd] = b.split('/');
    const overlap = (x: string, y: string) => {
      const [x0, x1] = range(x);
      const [y0, y1] = range(y);
      return x0 <= y1 && y0 <= x1;
    };
    return overlap(aStart ?? a, bStart ?? b) && (!aEnd || !bEnd || overlap(aEnd, bEnd));
  }
  if (property === 'place') return Boolean(places[a]?.includes(b) || places[b]?.includes(a));
  // A denial disagrees with everything else; other statuses differ in certainty, not in fact.
  if (property === 'status') return a !== 'DENIED' && b !== 'DENIED';
  return false;
}

/** Per property, the values the reports give, in the order of the reports given. */
export function propertyValues(reports: readonly ReportValues[], places: Containment = {}): PropertyValues[] {
  const byProperty = new Map<string, Map<string, { value: Value; reports: string[] }>>();
  for (const r of reports) {
    for (const v of valuesOf(r)) {
      const values = byProperty.get(v.property) ?? new Map();
      byProperty.set(v.property, values);
      const entry = values.get(v.key) ?? { value: v, reports: [] };
      if (!entry.reports.includes(r.id)) entry.reports.push(r.id);
      values.set(v.key, entry);
    }
  }
  return [...byProperty].map(([property, values]) => {
    const list = [...values.values()];
    const disagree = list.some((x, i) =>
      list.slice(i + 1).some((y) => !compatible(property, x.value.key, y.value.key, places)),
    );
    return { property, values: list, disagree };
  });
}

/** What one article gives a relation between entities: its distance (DISTANCE_FROM) and since when. */
export interface RelationSourceValues {
  article: string;
  distance?: { value: number; unit: string; approximate?: boolean; bound?: string } | null;
  since?: { start: string } | null;
}

export interface RelationValue {
  /** Equal keys are the same value ("ABOUT 200 KM", "MORE_THAN 200 KM", "2022-02"). */
  key: string;
  /** The value in words ("about 200 km"). */
  text: string;
  /** The articles that give it, in the order of the sources given. */
  articles: string[];
}

export interface RelationPropertyValues {
  property: 'distance' | 'since';
  values: RelationValue[];
  /** Two of the values cannot both be true. */
  disagree: boolean;
}

const KM_PER_UNIT: Readonly<Record<string, number>> = { KM: 1, M: 0.001, MI: 1.609344 };

/** A distance as the kilometres it allows: from lo to hi, each end in or out. */
interface Span {
  lo: number;
  loIn: boolean;
  hi: number;
  hiIn: boolean;
}

/**
 * The kilometres a stated distance allows. A figure is exact; "about" allows a tenth either way
 * (about 200 km is 180 to 220 km); a bound allows everything past its figure on its side.
 */
export function distanceSpan(d: NonNullable<RelationSourceValues['distance']>): Span {
  const v = d.value * (KM_PER_UNIT[d.unit] ?? 1);
  switch (d.bound) {
    case 'AT_LEAST':
      return { lo: v, loIn: true, hi: Number.POSITIVE_INFINITY, hiIn: false };
    case 'MORE_THAN':
      return { lo: v, loIn: false, hi: Number.POSITIVE_INFINITY, hiIn: false };
    case 'AT_MOST':
      return { lo: 0, loIn: true, hi: v, hiIn: true };
    case 'LESS_THAN':
      return { lo: 0, loIn: true, hi: v, hiIn: false };
    default:
      // Tenths by division, so that round figures give round ends (200 km: 180 and 220 exactly).
      return d.approximate
        ? { lo: (v * 9) / 10, loIn: true, hi: (v * 11) / 10, hiIn: true }
        : { lo: v, loIn: true, hi: v, hiIn: true };
  }
}

/** Whether some distance lies in both spans. */
export function spansMeet(a: Span, b: Span): boolean {
  const [lo, loIn] = a.lo > b.lo ? [a.lo, a.loIn] : b.lo > a.lo ? [b.lo, b.loIn] : [a.lo, a.loIn && b.loIn];
  const [hi, hiIn] = a.hi < b.hi ? [a.hi, a.hiIn] : b.hi < a.hi ? [b.hi, b.hiIn] : [a.hi, a.hiIn && b.hiIn];
  return lo < hi || (lo === hi && loIn && hiIn);
}

const BOUND_WORDS: Readonly<Record<string, string>> = {
  AT_LEAST: 'at least',
  MORE_THAN: 'more than',
  AT_MOST: 'at most',
  LESS_THAN: 'less than',
};

const distanceValue = (d: NonNullable<RelationSourceValues['distance']>) => {
  const qualifier = d.bound ?? (d.approximate ? 'ABOUT' : 'EXACTLY');
  const words = d.bound ? BOUND_WORDS[d.bound] : d.approximate ? 'about' : '';
  return {
    key: `${qualifier} ${d.value} ${d.unit}`,
    text: `${words ? `${words} ` : ''}${d.value} ${d.unit.toLowerCase()}`,
  };
};

/**
 * Per property of a relation (its distance, since when), the values its sources give, in the order
 * of the sources given, and whether two of them cannot both hold: distances whose spans (see
 * distanceSpan) share no distance, dates that do not overlap.
 */
export function relationValues(sources: readonly RelationSourceValues[]): RelationPropertyValues[] {
  const distances = new Map<string, RelationValue & { span: Span }>();
  const since = new Map<string, RelationValue>();
  for (const s of sources) {
    if (s.distance) {
      const { key, text } = distanceValue(s.distance);
      const entry = distances.get(key) ?? { key, text, articles: [], span: distanceSpan(s.distance) };
      if (!entry.articles.includes(s.article)) entry.articles.push(s.article);
      distances.set(key, entry);
    }
    if (s.since) {
      const key = s.since.start;
      const entry = since.get(key) ?? { key, text: key, articles: [] };
      if (!entry.articles.includes(s.article)) entry.articles.push(s.article);
      since.set(key, entry);
    }
  }
  const out: RelationPropertyValues[] = [];
  if (distances.size > 0) {
    const list = [...distances.values()];
    out.push({
      property: 'distance',
      values: list.map(({ span: _span, ...v }) => v),
      disagree: list.some((x, i) => list.slice(i + 1).some((y) => !spansMeet(x.span, y.span))),
    });
  }
  if (since.size > 0) {
    const list = [...since.values()];
    out.push({
      property: 'since',
      values: list,
      disagree: list.some((x, i) => list.slice(i + 1).some((y) => !compatible('date', x.key, y.key, {}))),
    });
  }
  return out;
}
