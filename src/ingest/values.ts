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
