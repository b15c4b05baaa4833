// Relay cursor pagination. Lists read from the database page by keyset: a cursor holds the sort
// keys of its item, so the next page starts right after it however the list changed meanwhile.
// Lists built in memory page by offset. A page larger than MAX_PAGE_SIZE is refused, not cut.
import { z } from 'zod';
import type { Order, Window } from '../db/queries/order.js';
import { badUserInput } from '../errors.js';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

/**
 * `first` and `last` of every connection: declared once for all of them (builder.ts, relay's
 * firstArgOptions and lastArgOptions) and checked by Pothos' validation plugin before the resolver.
 */
export const pageSize = z
  .number()
  .refine((n) => n >= 0, { error: (issue) => `must not be negative (got ${issue.input})`, abort: true })
  .refine((n) => n <= MAX_PAGE_SIZE, {
    error: (issue) => `must be at most ${MAX_PAGE_SIZE} (got ${issue.input})`,
  })
  .nullish();

export interface PageArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

export interface PageInfo {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
}

/** A connection as resolvers return it; the count is computed only when a client asks for it. */
export interface Connection<T, E = object> {
  edges: ({ cursor: string; node: T } & E)[];
  pageInfo: PageInfo;
  totalCount: number | (() => Promise<number>);
}

const notACursor = (arg: string, cursor: string) =>
  badUserInput(`"${arg}" is not a cursor returned by this API: ${JSON.stringify(cursor)}`, arg);

// ---- Keyset cursors ------------------------------------------------------------------------

const KEYSET = 'k1:';
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export const keysetCursor = (order: Order, keys: readonly unknown[]) =>
  Buffer.from(`${KEYSET}${JSON.stringify([order.name, ...keys])}`).toString('base64url');

/** The sort keys a cursor holds, checked against the order it must come from. */
function fromKeysetCursor(cursor: string, order: Order, arg: string): unknown[] {
  const text = Buffer.from(cursor, 'base64url').toString();
  let parsed: unknown;
  try {
    parsed = text.startsWith(KEYSET) ? JSON.parse(text.slice(KEYSET.length)) : undefined;
  } catch {
    parsed = undefined;
  }
  if (!Array.isArray(parsed) || parsed.length !== order.keys.length + 1 || parsed[0] !== order.name) {
    throw notACursor(arg, cursor);
  }
  const keys = parsed.slice(1);
  order.keys.forEach((key, i) => {
    const value = keys[i];
    const ok =
      key.type === 'number'
        ? typeof value === 'number' && Number.isFinite(value)
        : typeof value === 'string' && (key.type !== 'date' || DATE.test(value));
    if (!ok) throw notACursor(arg, cursor);
  });
  return keys;
}

/**
 * The window the arguments select, read forward (first/after) or, with only `last`, backward
 * from the end. With both first and last, the first `first` items are read and the last `last`
 * of them kept (Relay's rule).
 */
export function keysetWindow(args: PageArgs, order: Order): Window & { keepLast: number | null } {
  const after = args.after != null ? fromKeysetCursor(args.after, order, 'after') : null;
  const before = args.before != null ? fromKeysetCursor(args.before, order, 'before') : null;
  const { first, last } = args;
  const backward = first == null && last != null;
  const limit = backward ? last : (first ?? DEFAULT_PAGE_SIZE);
  return backward
    ? { limit, backward, after: before, before: after, keepLast: null }
    : { limit, backward, after, before, keepLast: args.first != null ? (args.last ?? null) : null };
}

/** The connection over a page read with a keyset window. */
export function keysetConnection<T, E extends object>(
  order: Order,
  window: ReturnType<typeof keysetWindow>,
  args: PageArgs,
  page: { items: ({ node: T; keys: unknown[] } & E)[]; more: boolean },
  totalCount: Connection<T, E>['totalCount'],
): Connection<T, E> {
  let items = page.items;
  let dropped = false;
  if (window.keepLast != null && items.length > window.keepLast) {
    items = items.slice(items.length - window.keepLast);
    dropped = true;
  }
  const edges = items.map(({ keys, ...rest }) => ({
    // What is left of ({ node, keys } & E) without keys; TypeScript cannot spell a rest of a generic.
    ...(rest as unknown as { node: T } & E),
    cursor: keysetCursor(order, keys),
  }));
  const forward = !window.backward;
  return {
    edges,
    totalCount,
    pageInfo: {
      hasPreviousPage: forward ? args.after != null || dropped : page.more || args.after != null,
      hasNextPage: forward ? page.more || args.before != null : args.before != null,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}

// ---- Offset cursors, for lists built in memory ------------------------------------------------

const PREFIX = 'cursor:';
export const toCursor = (offset: number) => Buffer.from(`${PREFIX}${offset}`).toString('base64url');

// Only what toCursor writes: Number() alone would take "cursor:" or "cursor: 1e1" as offsets.
const CURSOR = /^cursor:(0|[1-9]\d{0,14})$/;

function fromCursor(cursor: string, arg: string): number {
  const match = CURSOR.exec(Buffer.from(cursor, 'base64url').toString());
  if (!match) throw notACursor(arg, cursor);
  return Number(match[1]);
}

/** The [start, end) window of the whole list that the arguments select. */
export function pageWindow(args: PageArgs, total: number): { start: number; end: number } {
  // An empty string is not a cursor either: refused, not taken as "from the start".
  let start = args.after != null ? Math.min(fromCursor(args.after, 'after') + 1, total) : 0;
  let end = args.before != null ? Math.max(Math.min(fromCursor(args.before, 'before'), total), start) : total;
  const first = args.first ?? (args.last == null ? DEFAULT_PAGE_SIZE : null);
  if (first != null) end = Math.min(end, start + first);
  if (args.last != null) start = Math.max(start, end - args.last);
  return { start, end };
}

/** The page of items from offset `start`, with whether more follow and the count (or how to get it). */
function offsetPage<T, E extends object>(
  start: number,
  page: ({ node: T } & E)[],
  hasNextPage: boolean,
  totalCount: Connection<T, E>['totalCount'],
): Connection<T, E> {
  const edges = page.map((item, i) => ({ ...item, cursor: toCursor(start + i) }));
  return {
    edges,
    totalCount,
    pageInfo: {
      hasPreviousPage: start > 0,
      hasNextPage,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}

export function connection<T, E extends object = object>(
  window: { start: number; end: number },
  total: number,
  page: ({ node: T } & E)[],
): Connection<T, E> {
  return offsetPage(window.start, page, window.start + page.length < total, total);
}

/** Paginates a list already in memory. */
export function connectionFromArray<T, E extends object = object>(
  items: ({ node: T } & E)[],
  args: PageArgs,
): Connection<T, E> {
  const window = pageWindow(args, items.length);
  return connection(window, items.length, items.slice(window.start, window.end));
}

/**
 * Paginates a list that the database slices by offset (search results, by score). Read forwards
 * (no `last`, no `before`), the page is read with one item more, which says whether more follow,
 * and the list is counted only when the client selects totalCount; otherwise the window is worked
 * out from the count first.
 */
export async function connectionFromQuery<T, E extends object = object>(
  args: PageArgs,
  count: () => Promise<number>,
  fetch: (skip: number, limit: number) => Promise<({ node: T } & E)[]>,
): Promise<Connection<T, E>> {
  if (args.last == null && args.before == null) {
    const start = args.after != null ? fromCursor(args.after, 'after') + 1 : 0;
    const first = args.first ?? DEFAULT_PAGE_SIZE;
    const read = await fetch(start, first + 1);
    return offsetPage(start, read.slice(0, first), read.length > first, count);
  }
  const total = await count();
  const window = pageWindow(args, total);
  const page = window.end > window.start ? await fetch(window.start, window.end - window.start) : [];
  return connection(window, total, page);
}
