// Resolver helpers over the relationships of src/db/queries/edges.ts: a field follows an edge
// from its parent as a Relay connection or as a plain list, through the request's loaders, and
// gets the typed rows the edge declares.
import type { GraphQLResolveInfo } from 'graphql';
import type { Context } from '../context.js';
import type { EdgeName, PropsOf, TargetOf } from '../db/queries/edges.js';
import type { Order } from '../db/queries/order.js';
import { type EdgeFilter, edgeSpec, type PageRequest } from '../db/queries/pages.js';
import type { NodeLabel, RowOf } from '../db/queries/rows.js';
import { type Connection, keysetConnection, keysetWindow, type PageArgs } from './pagination.js';
import { selectedFieldNames } from './selection.js';

/** Plain lists (a claim's participants, an evidence's mentions) are small by nature; this bounds them. */
export const MAX_LIST = 1_000;

export type Target<E extends EdgeName> = RowOf[TargetOf<E>];

/** One page of `edge` from the parent, as a connection whose edges carry the edge's props. */
export async function edgeConnection<E extends EdgeName>(
  ctx: Context,
  info: GraphQLResolveInfo,
  edge: E,
  parentId: string,
  args: PageArgs,
  filter: EdgeFilter = {},
  order: Order = edgeSpec(edge).order,
): Promise<Connection<Target<E>, PropsOf<E>>> {
  const { keepLast, ...window } = keysetWindow(args, order);
  const total = selectedFieldNames(info).has('totalCount');
  const request: PageRequest = { filter, order, window, total };
  const page = await ctx.loaders.page(edge, request).load(parentId);
  const count = async () =>
    (
      await ctx.loaders
        .page(edge, {
          filter,
          order,
          window: { limit: 0, backward: false, after: null, before: null },
          total: true,
        })
        .load(parentId)
    ).total ?? 0;
  return keysetConnection(
    order,
    { ...window, keepLast },
    args,
    { items: page.items.map((i) => Object.assign({ node: i.node, keys: i.keys }, i.props)), more: page.more },
    page.total ?? count,
  );
}

/** Every item of `edge` from the parent (up to MAX_LIST), in the edge's order, with its props. */
export async function edgeList<E extends EdgeName>(
  ctx: Context,
  edge: E,
  parentId: string,
  filter: EdgeFilter = {},
): Promise<{ node: Target<E>; props: PropsOf<E> }[]> {
  const request: PageRequest = {
    filter,
    order: edgeSpec(edge).order,
    window: { limit: MAX_LIST, backward: false, after: null, before: null },
    total: false,
  };
  return (await ctx.loaders.page(edge, request).load(parentId)).items;
}

/** The target nodes of `edge` from the parent. */
export async function edgeNodes<E extends EdgeName>(
  ctx: Context,
  edge: E,
  parentId: string,
  filter: EdgeFilter = {},
): Promise<Target<E>[]> {
  return (await edgeList(ctx, edge, parentId, filter)).map((i) => i.node);
}

export const loadNode = <L extends NodeLabel>(
  ctx: Context,
  label: L,
  id: string | null | undefined,
): Promise<RowOf[L] | null> => (id ? ctx.loaders.node(label).load(id) : Promise.resolve(null));

/** Loads nodes for `node(id:)`, refusing a row of another type under this type's global id. */
export async function loadTyped<L extends NodeLabel>(
  ctx: Context,
  label: L,
  typeName: string,
  ids: string[],
): Promise<(RowOf[L] | null)[]> {
  const rows = await ctx.loaders.node(label).loadMany(ids);
  return rows.map((r) => (r instanceof Error || r === null || r.__type !== typeName ? null : r));
}

/** The nodes with these ids, in order, leaving out any that no longer exist. */
export async function loadMany<L extends NodeLabel>(
  ctx: Context,
  label: L,
  ids: readonly string[],
): Promise<RowOf[L][]> {
  const rows = await ctx.loaders.node(label).loadMany(ids);
  return rows.filter((r): r is RowOf[L] => r !== null && !(r instanceof Error));
}

/**
 * A node another one refers to (a claim's article, an evidence's paragraph). Ingestion writes both
 * in one transaction, so a missing one is a broken graph: an error, masked for the client.
 */
export async function loadExisting<L extends NodeLabel>(
  ctx: Context,
  label: L,
  id: string,
): Promise<RowOf[L]> {
  const row = await ctx.loaders.node(label).load(id);
  if (!row) throw new Error(`${label} ${id} is referred to but not in the graph`);
  return row;
}
