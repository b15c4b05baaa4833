// Root lists as Relay connections: one statement reads the page (and the count, when selected).
import type { GraphQLResolveInfo } from 'graphql';
import type { Context } from '../context.js';
import { settle } from '../context.js';
import { type Order, Params } from '../db/queries/order.js';
import {
  type Nested,
  type NestedReads,
  nodeWithPages,
  type RootSource,
  rootPage,
} from '../db/queries/pages.js';
import type { NodeLabel, RowOf } from '../db/queries/rows.js';
import { compileBelow } from './compile.js';
import { type Connection, keysetConnection, keysetWindow, type PageArgs } from './pagination.js';
import { selectedAt, selectedFieldNames } from './selection.js';

/**
 * The nested reads with the row fields that the fields selected above the nodes read added to each
 * label's fields; without narrowing when one of those fields is not in `above`.
 */
function readingAbove(
  nested: Nested,
  selected: ReadonlySet<string>,
  above: Readonly<Record<string, readonly string[]>>,
): Nested {
  const reads: string[] = [];
  for (const name of selected) {
    if (name === '__typename') continue;
    const needs = above[name];
    if (!needs) return (y) => wholeRows(nested(y));
    reads.push(...needs);
  }
  const widen = (fields: ReadonlySet<string> | undefined) => fields && new Set([...fields, ...reads]);
  return (y) => {
    const inner = nested(y);
    if (!inner) return null;
    const { fields, byLabel, ...rest } = inner;
    return {
      ...rest,
      ...(fields ? { fields: widen(fields) } : {}),
      ...(byLabel
        ? { byLabel: Object.fromEntries(Object.entries(byLabel).map(([label, f]) => [label, widen(f)])) }
        : {}),
    };
  };
}

/** The nested reads without narrowing: whole rows. */
const wholeRows = (inner: NestedReads | null): NestedReads | null =>
  inner && { calls: inner.calls, extra: inner.extra };

export async function rootConnection<Node extends { id: string }>(
  ctx: Context,
  info: GraphQLResolveInfo,
  source: RootSource,
  order: Order,
  args: PageArgs,
  /** Where the nodes' fields are selected below the root field (the item of a timeline entry…). */
  path: readonly string[] = ['edges', 'node'],
  /**
   * What the fields of the level above the nodes read of the node's row, by field, when that level
   * is the row too (a timeline entry reads its item's dates). A field not named here: whole rows.
   */
  above: Readonly<Record<string, readonly string[]>> = {},
): Promise<Connection<Node>> {
  const { keepLast, ...window } = keysetWindow(args, order);
  const total = selectedFieldNames(info).has('totalCount');
  const request = { order, window, total };
  const params = new Params();
  const compiled = ctx.compile
    ? compileBelow(info, params, ctx.signatures, path, undefined, source.label)
    : null;
  const nested =
    compiled && path.length > 2
      ? readingAbove(compiled, selectedAt(info, path.slice(0, -1)), above)
      : compiled;
  const [row] = await ctx.db.read(rootPage<Node>(source, request, nested ? { params, nested } : undefined));
  const page = settle(row?.items ?? [], { ...request, filter: {} });
  const count = async () =>
    (
      await ctx.db.read(
        rootPage<Node>(source, {
          order,
          window: { limit: 0, backward: false, after: null, before: null },
          total: true,
        }),
      )
    )[0]?.total ?? 0;
  return keysetConnection(
    order,
    { ...window, keepLast },
    args,
    { items: page.items.map((i) => ({ node: i.node, keys: i.keys })), more: page.more },
    row?.total ?? count,
  );
}

/**
 * One node by key, with every page selected below it read in the same statement; without such
 * pages, the node comes from the request's batched loader.
 */
export async function rootNode<L extends NodeLabel>(
  ctx: Context,
  info: GraphQLResolveInfo,
  label: L,
  key: string,
): Promise<RowOf[L] | null> {
  const params = new Params();
  const below = ctx.compile
    ? compileBelow(info, params, ctx.signatures, [], params.add(key), label)?.('y')
    : null;
  // Without pages below it, the node comes whole from the loader, which batches and caches it.
  if (!below?.calls) return ctx.loaders.node(label).load(key);
  const [row] = await ctx.db.read(nodeWithPages(label, key, params, below));
  return row?.node ?? null;
}
