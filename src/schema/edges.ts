// Fields that follow a relationship of src/db/queries/edges.ts from their parent, as a Relay
// connection or as a plain list. Each is declared once as an EdgeField: its resolver reads the
// page through the request's loaders, unless the request compiler (compile.ts) already read it
// in the parent's statement; the compiler finds the same declaration to know what to read.
import type { GraphQLResolveInfo } from 'graphql';
import { type Context, settle } from '../context.js';
import { EDGES, type EdgeName, type PropsOf, type TargetOf } from '../db/queries/edges.js';
import type { Order, Window } from '../db/queries/order.js';
import type { EdgeFilter, EdgeItem, PageRequest } from '../db/queries/pages.js';
import type { NodeLabel, Prefetched, RowOf } from '../db/queries/rows.js';
import { withFacets } from './facets.js';
import { type Connection, keysetConnection, keysetWindow, type PageArgs } from './pagination.js';
import { selectedFieldNames } from './selection.js';

/** Plain lists (a claim's participants, an evidence's mentions) are small by nature; this bounds them. */
export const MAX_LIST = 1_000;

export type Target<E extends EdgeName> = RowOf[TargetOf<E>];

/** Always built here, so that the compiler and a resolver make the same request for the same field. */
export const pageRequest = (
  filter: EdgeFilter,
  order: Order,
  window: Window,
  total: boolean,
): PageRequest => ({
  filter,
  order,
  window: { limit: window.limit, backward: window.backward, after: window.after, before: window.before },
  total,
});

/** What identifies a page read: the edge and the whole request. */
export const pageSignature = (edge: EdgeName, request: PageRequest) => `${edge} ${JSON.stringify(request)}`;

/** The node a field is on: a row, which carries the pages a compiled statement read below it. */
type Parent = { id: string } & Prefetched;

const LIST_WINDOW: Window = { limit: MAX_LIST, backward: false, after: null, before: null };

/** A field that follows an edge, declared once for its resolver and for the request compiler. */
export interface EdgeField<E extends EdgeName = EdgeName, A = never> {
  readonly edge: E;
  readonly connection: boolean;
  /** The conditions the field's arguments put on the edge. */
  readonly filter: (args: A) => EdgeFilter;
  /** The order the field's arguments ask of a connection (`orderBy`), else the edge's own. */
  readonly order: (args: A) => Order;
  /** Where, inside the field's selection, the fields of the target node are selected. */
  readonly nodePaths: readonly (readonly string[])[];
}

const REGISTRY = new Map<string, EdgeField<EdgeName, unknown>>();

/** The edge field declared on `type` (an object or interface type name) as `field`, if any. */
export const edgeFieldOf = (type: string, field: string) => REGISTRY.get(`${type}.${field}`);

/** A page the compiler read for this field of this parent, if it read exactly this request. */
function prefetched<E extends EdgeName>(
  ctx: Context,
  parent: Prefetched,
  info: GraphQLResolveInfo,
  edge: E,
  request: PageRequest,
): { items: EdgeItem<E>[]; total: number | null } | undefined {
  // Rows read by a compiled statement carry, under __p, the pages asked below them (rows.ts), each
  // with the number of its signature in the request's table; the items are this edge's, since the
  // signature names the edge and the whole request.
  const entry = parent.__p?.[info.path.key];
  if (!entry || ctx.signatures[entry.sig] !== pageSignature(edge, request)) return undefined;
  return { items: entry.items as EdgeItem<E>[], total: entry.total ?? null };
}

export class EdgeFieldHandle<E extends EdgeName, A> implements EdgeField<E, A> {
  constructor(
    readonly edge: E,
    readonly connection: boolean,
    readonly filter: (args: A) => EdgeFilter,
    readonly nodePaths: readonly (readonly string[])[],
    readonly order: (args: A) => Order = () => EDGES[edge].order,
  ) {}

  /**
   * The field's page as a Relay connection whose edges carry the edge's props, and what its facets
   * count (the parent's whole filtered list), should the connection have them.
   */
  async page(
    ctx: Context,
    info: GraphQLResolveInfo,
    parent: Parent,
    args: A & PageArgs,
  ): Promise<Connection<Target<E>, PropsOf<E>>> {
    const order = this.order(args);
    const filter = this.filter(args);
    const { keepLast, ...window } = keysetWindow(args, order);
    const request = pageRequest(filter, order, window, selectedFieldNames(info).has('totalCount'));
    const early = prefetched(ctx, parent, info, this.edge, request);
    const page = early
      ? { ...settle(early.items, request), total: early.total }
      : await ctx.loaders.page(this.edge, request).load(parent.id);
    const count = async () =>
      (
        await ctx.loaders
          .page(
            this.edge,
            pageRequest(filter, order, { ...window, limit: 0, after: null, before: null }, true),
          )
          .load(parent.id)
      ).total ?? 0;
    const connection = keysetConnection(
      order,
      { ...window, keepLast },
      args,
      {
        items: page.items.map((i) => Object.assign({ node: i.node, keys: i.keys }, i.props)),
        more: page.more,
      },
      page.total ?? count,
    );
    return withFacets(connection, { edge: this.edge, parent: parent.id, filter });
  }

  /** Every item of the field (up to MAX_LIST), in the edge's order, with its props. */
  async list(
    ctx: Context,
    info: GraphQLResolveInfo,
    parent: Parent,
    args: A,
  ): Promise<{ node: Target<E>; props: PropsOf<E> }[]> {
    const request = pageRequest(this.filter(args), EDGES[this.edge].order, LIST_WINDOW, false);
    const early = prefetched(ctx, parent, info, this.edge, request);
    if (early) return settle(early.items, request).items;
    return (await ctx.loaders.page(this.edge, request).load(parent.id)).items;
  }

  /** The target nodes of the field. */
  async nodes(ctx: Context, info: GraphQLResolveInfo, parent: Parent, args: A): Promise<Target<E>[]> {
    return (await this.list(ctx, info, parent, args)).map((i) => i.node);
  }

  /**
   * The one node a reference leads to (an evidence's paragraph): read with the page when the
   * request was compiled, else by id from the loader, which earlier levels have often filled.
   */
  async one(ctx: Context, info: GraphQLResolveInfo, parent: Parent, id: string): Promise<Target<E>> {
    // A reference has no arguments: the filter of an empty argument object is the edge's own.
    const request = pageRequest(this.filter({} as A), EDGES[this.edge].order, LIST_WINDOW, false);
    const early = prefetched(ctx, parent, info, this.edge, request)?.items[0]?.node;
    const to: TargetOf<E> = EDGES[this.edge].to;
    return early ?? loadExisting(ctx, to, id);
  }

  /** The first target node, or null (an event's location, the larger event it is part of). */
  async first(ctx: Context, info: GraphQLResolveInfo, parent: Parent, args: A): Promise<Target<E> | null> {
    return (await this.nodes(ctx, info, parent, args))[0] ?? null;
  }
}

const NO_FILTER = () => ({});

/**
 * Declares that `type.field` follows `edge`. `nodePaths` say where the target's fields are
 * selected: ['edges', 'node'] for a connection, [] for a list of the nodes themselves, ['entity']
 * for a list of wrappers such as Participant.
 */
export function edgeField<E extends EdgeName, A = Record<string, unknown>>(
  type: string,
  field: string,
  edge: E,
  options: {
    connection?: boolean;
    filter?: (args: A) => EdgeFilter;
    /** For a connection with `orderBy`: the order its arguments ask. */
    order?: (args: A) => Order;
    nodePaths?: readonly (readonly string[])[];
  } = {},
): EdgeFieldHandle<E, A> {
  const connection = options.connection ?? false;
  const handle = new EdgeFieldHandle<E, A>(
    edge,
    connection,
    options.filter ?? NO_FILTER,
    options.nodePaths ?? (connection ? [['edges', 'node']] : [[]]),
    options.order,
  );
  // The compiler reads every handle alike (edge, filter, paths); the argument type is the resolver's.
  REGISTRY.set(`${type}.${field}`, handle as unknown as EdgeField<EdgeName, unknown>);
  return handle;
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
