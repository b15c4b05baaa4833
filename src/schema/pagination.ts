// Relay cursor pagination over a known total: forward (first/after) and backward (last/before).
// Cursors are opaque offsets; a page larger than MAX_PAGE_SIZE is refused, not silently cut.
import { badUserInput } from '../errors.js';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

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

export interface Connection<T, E = object> {
  edges: ({ cursor: string; node: T } & E)[];
  pageInfo: PageInfo;
  totalCount: number;
}

const PREFIX = 'cursor:';
export const toCursor = (offset: number) => Buffer.from(`${PREFIX}${offset}`).toString('base64url');

// Only what toCursor writes: Number() alone would take "cursor:" or "cursor: 1e1" as offsets.
const CURSOR = /^cursor:(0|[1-9]\d{0,14})$/;

function fromCursor(cursor: string, arg: string): number {
  const match = CURSOR.exec(Buffer.from(cursor, 'base64url').toString());
  if (!match) {
    throw badUserInput(`"${arg}" is not a cursor returned by this API: ${JSON.stringify(cursor)}`, arg);
  }
  return Number(match[1]);
}

function checkSize(value: number | null | undefined, arg: string) {
  if (value == null) return;
  if (value < 0) throw badUserInput(`"${arg}" must not be negative (got ${value})`, arg);
  if (value > MAX_PAGE_SIZE)
    throw badUserInput(`"${arg}" must be at most ${MAX_PAGE_SIZE} (got ${value})`, arg);
}

/** The [start, end) window of the whole list that the arguments select. */
export function pageWindow(args: PageArgs, total: number): { start: number; end: number } {
  checkSize(args.first, 'first');
  checkSize(args.last, 'last');
  // An empty string is not a cursor either: refused, not taken as "from the start".
  let start = args.after != null ? Math.min(fromCursor(args.after, 'after') + 1, total) : 0;
  let end = args.before != null ? Math.max(Math.min(fromCursor(args.before, 'before'), total), start) : total;
  const first = args.first ?? (args.last == null ? DEFAULT_PAGE_SIZE : null);
  if (first != null) end = Math.min(end, start + first);
  if (args.last != null) start = Math.max(start, end - args.last);
  return { start, end };
}

export function connection<T, E extends object = object>(
  window: { start: number; end: number },
  total: number,
  page: ({ node: T } & E)[],
): Connection<T, E> {
  const edges = page.map((item, i) => ({ ...item, cursor: toCursor(window.start + i) }));
  return {
    edges,
    totalCount: total,
    pageInfo: {
      hasPreviousPage: window.start > 0,
      hasNextPage: window.start + page.length < total,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}

/** Paginates a list already in memory. */
export function connectionFromArray<T, E extends object = object>(
  items: ({ node: T } & E)[],
  args: PageArgs,
): Connection<T, E> {
  const window = pageWindow(args, items.length);
  return connection(window, items.length, items.slice(window.start, window.end));
}

/** Paginates a list that the database counts and slices. */
export async function connectionFromQuery<T, E extends object = object>(
  args: PageArgs,
  count: () => Promise<number>,
  fetch: (skip: number, limit: number) => Promise<({ node: T } & E)[]>,
): Promise<Connection<T, E>> {
  const total = await count();
  const window = pageWindow(args, total);
  const page = window.end > window.start ? await fetch(window.start, window.end - window.start) : [];
  return connection(window, total, page);
}
