// Pages of a relationship, read in the database: filters, ORDER BY and LIMIT sit inside the
// per-parent subquery, so a page of a hub's claims reads a page, not the hub. The count is a
// separate subquery, asked for only when the client selects totalCount.
import type { CypherQuery } from '../run.js';
import { EDGES, type EdgeName, type EdgeSpec, type PropsOf, type TargetOf } from './edges.js';
import { type Order, Params, type Window, windowClauses } from './order.js';
import { type NodeLabel, project, type RowOf } from './rows.js';

/** One item of a page as the database returns it: the node, the edge's props, its sort keys. */
export interface PageItem<Node, Props> {
  node: Node;
  props: Props;
  keys: unknown[];
}
export type EdgeItem<E extends EdgeName> = PageItem<RowOf[TargetOf<E>], PropsOf<E>>;

/** Conditions a client may put on the items of a relationship. Absent means no condition. */
export interface EdgeFilter {
  /** The relationship's role (PARTICIPANT). */
  roles?: readonly string[];
  /** The target's kind (claims, events). */
  kinds?: readonly string[];
  /** The target's status (claims). */
  statuses?: readonly string[];
  /** The target's entity type. */
  types?: readonly string[];
  /** The relationship's type (entity relations, claim links). */
  relationTypes?: readonly string[];
  /** Which end of the relationship the parent is. */
  direction?: 'OUTGOING' | 'INCOMING';
}

export interface PageRequest {
  filter: EdgeFilter;
  order: Order;
  window: Window;
  /** Also count every item that passes the filter. */
  total: boolean;
}

type AnyEdge = EdgeSpec<NodeLabel, NodeLabel, Record<string, unknown>>;

export const edgeSpec = (name: EdgeName): AnyEdge => EDGES[name] as unknown as AnyEdge;

/** The filter as Cypher conditions: those on the relationship and those on the target. */
function conditions(filter: EdgeFilter, params: Params, x: string) {
  const onRel: string[] = [];
  const onTarget: string[] = [];
  if (filter.roles?.length) onRel.push(`r.role IN ${params.add(filter.roles)}`);
  if (filter.relationTypes?.length) onRel.push(`type(r) IN ${params.add(filter.relationTypes)}`);
  if (filter.direction === 'OUTGOING') onRel.push(`startNode(r) = ${x}`);
  if (filter.direction === 'INCOMING') onRel.push(`endNode(r) = ${x}`);
  if (filter.kinds?.length) onTarget.push(`y.kind IN ${params.add(filter.kinds)}`);
  if (filter.statuses?.length) onTarget.push(`y.status IN ${params.add(filter.statuses)}`);
  if (filter.types?.length) onTarget.push(`y.type IN ${params.add(filter.types)}`);
  return { onRel, onTarget };
}

const where = (conds: string[]) => (conds.length > 0 ? `WHERE ${conds.join(' AND ')}` : '');

/**
 * The subquery that reads one page of `edge` for the parent in `x`, as one row holding
 * `items` (a list of {node, props, keys}) and, when asked, `total`. `nested` adds subqueries over
 * each item's `y` and returns the map entries to add to the item (the request compiler uses it).
 */
export function pageSubquery(
  edge: AnyEdge,
  request: PageRequest,
  params: Params,
  names: { x: string; items: string; total: string },
  nested?: (y: string) => { calls: string; entries: string },
): string {
  const { onRel, onTarget } = conditions(request.filter, params, names.x);
  const w = windowClauses(request.order, request.window, params);
  const propEntries = Object.entries(edge.props as Record<string, string>);
  const match = `MATCH (${names.x})${edge.pattern}(y:${edge.to}) ${where([...onRel, ...onTarget])}`;
  // Grouped edges aggregate their relationships per target first; the page is then over targets.
  const carried = edge.grouped
    ? propEntries.length > 0
      ? `WITH ${names.x}, y${propEntries.map(([k, expr]) => `, ${expr} AS e_${k}`).join('')}`
      : `WITH DISTINCT ${names.x}, y`
    : `WITH ${names.x}, y, r${propEntries.map(([k, expr]) => `, ${expr} AS e_${k}`).join('')}`;
  const carry = [names.x, 'y', ...(edge.grouped ? [] : ['r']), ...propEntries.map(([k]) => `e_${k}`)].join(
    ', ',
  );
  const inner = nested?.('y');
  const props = `{${propEntries.map(([k]) => `${k}: e_${k}`).join(', ')}}`;
  const text = (t: string) => t.replaceAll('{x}', names.x);
  const lines = [
    `CALL (${names.x}) {`,
    `  ${match}`,
    `  ${text(carried)}`,
    `  WITH ${carry}, ${text(w.keys)} AS k ${text(where(w.conditions))}`,
    `  ${text(w.orderBy)} ${w.limit}`,
    inner ? `  ${inner.calls}` : '',
    `  RETURN collect({node: ${project(edge.to, 'y')}, props: ${props}, keys: k${inner ? `, ${inner.entries}` : ''}}) AS ${names.items}`,
    '}',
  ];
  if (request.total) {
    lines.push(
      `CALL (${names.x}) { ${match} RETURN count(${edge.grouped ? 'DISTINCT y' : 'r'}) AS ${names.total} }`,
    );
  }
  return lines.filter(Boolean).join('\n');
}

/** One page of `edge` for each of many parents, in one statement. */
export function edgePages<E extends EdgeName>(
  name: E,
  ids: readonly string[],
  request: PageRequest,
): CypherQuery<{ parent: string; items: EdgeItem<E>[]; total?: number }> {
  const edge = edgeSpec(name);
  const params = new Params();
  const sub = pageSubquery(edge, request, params, { x: 'x', items: 'items', total: 'total' });
  return {
    cypher: `UNWIND ${params.add(ids)} AS id
      MATCH (x:${edge.from} {id: id})
      ${sub}
      RETURN id AS parent, items${request.total ? ', total' : ''}`,
    params: params.values,
  };
}

/** The items of a root list: a MATCH that binds `y`, and how to project it. */
export interface RootSource {
  /** MATCH … WHERE … binding y; parameters added to `params`. */
  match: (params: Params) => string;
  /** The Cypher map that projects y. */
  projection: string;
}

/** One page of a root list (claims, events, entities…), with its count when asked, in one statement. */
export function rootPage<Node>(
  source: RootSource,
  request: Omit<PageRequest, 'filter'>,
): CypherQuery<{ items: PageItem<Node, Record<string, never>>[]; total?: number }> {
  const params = new Params();
  const match = source.match(params);
  const w = windowClauses(request.order, request.window, params);
  const count = request.total ? `CALL () { ${match} RETURN count(y) AS total }` : '';
  return {
    cypher: `CALL () {
        ${match}
        WITH y, ${w.keys} AS k ${where(w.conditions)}
        ${w.orderBy} ${w.limit}
        RETURN collect({node: ${source.projection}, props: {}, keys: k}) AS items
      }
      ${count}
      RETURN items${request.total ? ', total' : ''}`,
    params: params.values,
  };
}
