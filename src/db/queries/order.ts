// Orders and keyset windows. A page is read in the database with ORDER BY and LIMIT, and a cursor
// holds the sort keys of the last item seen, so the next page starts after it even when items are
// added or removed in between (an offset would shift).
import { int } from '../mappers.js';

/** One sort key: a Cypher expression over the target node `y` (and `r` where the edge has one). */
export interface SortKey {
  expr: string;
  /** How a cursor value is turned back into the expression's type. */
  type: 'string' | 'number' | 'date';
  descending?: boolean;
}

/** A named order: its keys, the last of which must tell any two items apart. */
export interface Order {
  name: string;
  keys: readonly SortKey[];
}

/** Parameters of one statement, named as they are added, so nested parts never collide. */
export class Params {
  readonly values: Record<string, unknown> = {};
  private next = 0;

  add(value: unknown): string {
    const name = `p${this.next++}`;
    this.values[name] = value;
    return `$${name}`;
  }

  /** An integer (LIMIT, SKIP): sent as a Neo4j integer, or Cypher sees a float. */
  addInt(n: number): string {
    return this.add(int(n));
  }
}

/** Where a page starts and how many items it holds. `backward` reads from the end (last/before). */
export interface Window {
  limit: number;
  backward: boolean;
  /** Sort keys of the item the page starts after (in reading direction). */
  after: readonly unknown[] | null;
  /** Sort keys of the item the page ends before (in reading direction). */
  before: readonly unknown[] | null;
}

const param = (params: Params, key: SortKey, value: unknown) =>
  key.type === 'date' ? `date(${params.add(value)})` : params.add(value);

/**
 * The condition "this item comes after `values` in `order`" (or before, with `before`):
 * (k1 > v1) OR (k1 = v1 AND k2 > v2) OR …, each comparison flipped for descending keys.
 */
function beyond(order: Order, values: readonly unknown[], params: Params, before: boolean): string {
  const parts: string[] = [];
  order.keys.forEach((key, i) => {
    const equal = order.keys.slice(0, i).map((k, j) => `${k.expr} = ${param(params, k, values[j])}`);
    const greater = Boolean(key.descending) === before ? '>' : '<';
    parts.push([...equal, `${key.expr} ${greater} ${param(params, key, values[i])}`].join(' AND '));
  });
  return `(${parts.map((p) => `(${p})`).join(' OR ')})`;
}

/**
 * The first key's side of `beyond`, inclusive: implied by it, and a range an index can seek on
 * (beyond's disjunction is not).
 */
function leadBound(order: Order, values: readonly unknown[], params: Params, before: boolean): string {
  // An order has at least one key (Order: the last one tells any two items apart).
  const key = order.keys[0] as SortKey;
  const greater = Boolean(key.descending) === before ? '>=' : '<=';
  return `${key.expr} ${greater} ${param(params, key, values[0])}`;
}

/** Range conditions on the first key that a window implies, for an index seek to start from. */
export function windowBounds(order: Order, window: Window, params: Params): string[] {
  const bounds: string[] = [];
  if (window.after) bounds.push(leadBound(order, window.after, params, window.backward));
  if (window.before) bounds.push(leadBound(order, window.before, params, !window.backward));
  return bounds;
}

/**
 * ORDER BY over the order's keys as carried under `names`, each in its direction for a window read
 * forwards or backwards; `leading` names go first, in the first key's direction.
 */
export function orderBy(
  order: Order,
  names: readonly string[],
  backward: boolean,
  leading: readonly string[] = [],
): string {
  const direction = (key: SortKey | undefined) => (Boolean(key?.descending) !== backward ? ' DESC' : '');
  const lead = leading.map((n) => `${n}${direction(order.keys[0])}`);
  return `ORDER BY ${[...lead, ...order.keys.map((k, i) => `${names[i]}${direction(k)}`)].join(', ')}`;
}

/**
 * The sort keys as a page returns them, from the values carried under `names` (by default the
 * list `k`): dates as text, as rows return them (rows.ts), which the driver decodes far faster.
 */
export function returnedKeys(order: Order, names?: readonly string[]): string {
  const value = (i: number) => names?.[i] ?? `k[${i}]`;
  return `[${order.keys.map((key, i) => (key.type === 'date' ? `toString(${value(i)})` : value(i))).join(', ')}]`;
}

/** WHERE conditions, ORDER BY and LIMIT for a window over an order. */
export function windowClauses(order: Order, window: Window, params: Params) {
  const conditions: string[] = [];
  if (window.after) conditions.push(beyond(order, window.after, params, window.backward));
  if (window.before) conditions.push(beyond(order, window.before, params, !window.backward));
  return {
    conditions,
    orderBy: orderBy(
      order,
      order.keys.map((k) => k.expr),
      window.backward,
    ),
    // One more than the page, to know whether more follow.
    limit: `LIMIT ${params.addInt(window.limit + 1)}`,
    keys: `[${order.keys.map((k) => k.expr).join(', ')}]`,
  };
}

/** Compares two key tuples in an order, for putting a page back in order after the database. */
export function compareKeys(order: Order, a: readonly unknown[], b: readonly unknown[]): number {
  for (const [i, key] of order.keys.entries()) {
    const x = a[i];
    const y = b[i];
    if (x === y) continue;
    // Keys at one position are of one type, a string or a number (a date travels as its string).
    const less = (x as string | number) < (y as string | number);
    return (less ? -1 : 1) * (key.descending ? -1 : 1);
  }
  return 0;
}
