// Pages of a relationship, read in the database: filters, ORDER BY and LIMIT sit inside the
// per-parent subquery, so a page of a hub's claims reads a page, not the hub. The count is a
// separate subquery, asked for only when the client selects totalCount.
import type { CypherQuery } from '../run.js';
import {
  EDGES,
  type EdgeName,
  type EdgeSpec,
  type Involvement,
  type PropsOf,
  type TargetOf,
} from './edges.js';
import { type Order, orderBy, Params, returnedKeys, type Window, windowClauses } from './order.js';
import { type FieldsByLabel, type NodeLabel, project, type RowOf } from './rows.js';
import { involvementSeek } from './seek.js';

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
  /** Statements (claims, events) that at least this many articles report, contested or not, denied or not. */
  minSources?: number;
  contested?: boolean;
  denied?: boolean;
}

/** Conditions on a statement `y` from how its reports add up (counts written by src/ingest/statements.ts). */
export function corroborationConditions(
  f: { minSources?: number | null; contested?: boolean | null; denied?: boolean | null },
  params: Params,
): string[] {
  return [
    ...(f.minSources != null ? [`coalesce(y.sourceCount, 1) >= ${params.add(f.minSources)}`] : []),
    ...(f.contested != null ? [`coalesce(y.contested, false) = ${params.add(f.contested)}`] : []),
    ...(f.denied != null ? [`coalesce(y.denied, false) = ${params.add(f.denied)}`] : []),
  ];
}

export interface PageRequest {
  filter: EdgeFilter;
  order: Order;
  window: Window;
  /** Also count every item that passes the filter. */
  total: boolean;
}

type AnyEdge = EdgeSpec<NodeLabel, NodeLabel, Record<string, unknown>>;

// The Cypher builders read any edge alike; its props' own type matters only to resolvers.
export const edgeSpec = (name: EdgeName): AnyEdge => EDGES[name] as unknown as AnyEdge;

/** The filter as Cypher conditions: those on the relationship and those on the target. */
export function edgeConditions(filter: EdgeFilter, params: Params, x: string) {
  const onRel: string[] = [];
  const onTarget: string[] = [];
  if (filter.roles?.length) onRel.push(`r.role IN ${params.add(filter.roles)}`);
  if (filter.relationTypes?.length) onRel.push(`type(r) IN ${params.add(filter.relationTypes)}`);
  if (filter.direction === 'OUTGOING') onRel.push(`startNode(r) = ${x}`);
  if (filter.direction === 'INCOMING') onRel.push(`endNode(r) = ${x}`);
  if (filter.kinds?.length) onTarget.push(`y.kind IN ${params.add(filter.kinds)}`);
  if (filter.statuses?.length) onTarget.push(`y.status IN ${params.add(filter.statuses)}`);
  if (filter.types?.length) onTarget.push(`y.type IN ${params.add(filter.types)}`);
  onTarget.push(...corroborationConditions(filter, params));
  return { onRel, onTarget };
}

const where = (conds: string[]) => (conds.length > 0 ? `WHERE ${conds.join(' AND ')}` : '');

/**
 * What a compiled request reads below each item of a page: subqueries over the item's variable,
 * and the entry they add to the item's projection (see src/schema/compile.ts).
 */
export type Nested = (y: string) => NestedReads | null;

export interface NestedReads {
  calls: string;
  extra: string;
  /** The row fields the selection reads, when the item's label is known. */
  fields?: ReadonlySet<string>;
  /** The row fields the selection reads by label, when the item is one of a union's types. */
  byLabel?: FieldsByLabel;
}

/**
 * The subquery that reads one page of `edge` for the parent in `x`, as one row holding
 * `items` (a list of {node, props, keys}) and, when asked, `total`.
 */
export function pageSubquery(
  edge: AnyEdge,
  request: PageRequest,
  params: Params,
  names: { parent: string; target?: string; items: string; total: string },
  nested?: Nested,
  /** A condition on the parent `x`: the page is read only for parents that meet it (a type). */
  guard?: string,
  /**
   * The parent's key as a parameter, when the statement reads one parent: Neo4j then plans the
   * involvement seek as it would a root query's, in index order (with the key read from the parent,
   * it may sort the entity's every statement instead).
   */
  parentKey?: string,
): string {
  // Inside, the parent is x and the relationship r. The items are y in edges.ts; here they take the
  // name `target`, which must differ from the variable a nested page imports (Cypher keeps an
  // imported variable bound inside its subquery, even past a WITH that renames it).
  const t = names.target ?? 'y';
  const bind = (text: string) => text.replaceAll('{x}', 'x').replace(/\by\b/g, t);
  const { onRel, onTarget } = edgeConditions(request.filter, params, 'x');
  const start = `WITH ${names.parent} AS x${guard ? ` WHERE ${guard}` : ''}`;
  const inv =
    !request.filter.relationTypes?.length && !request.filter.direction ? edge.involvement : undefined;
  const seek = inv
    ? involvementSeek(
        {
          involvement: inv,
          entity: parentKey ?? 'x.id',
          carry: ['x'],
          order: request.order,
          window: request.window,
          conditions: [...onRel, ...onTarget],
        },
        params,
      )
    : null;
  if (inv && seek) {
    return indexedPage(edge, request, params, names, { start, inv, seek, onRel, bind, t }, nested);
  }
  const w = windowClauses(request.order, request.window, params);
  const propEntries = Object.entries(edge.props);
  const match = bind(`MATCH (x)${edge.pattern}(y:${edge.to}) ${where([...onRel, ...onTarget])}`);
  // Grouped edges aggregate their relationships per target first; the page is then over targets.
  const carried = edge.grouped
    ? propEntries.length > 0
      ? `WITH x, y${propEntries.map(([k, expr]) => `, ${expr} AS e_${k}`).join('')}`
      : 'WITH DISTINCT x, y'
    : `WITH x, y, r${propEntries.map(([k, expr]) => `, ${expr} AS e_${k}`).join('')}`;
  const carry = ['x', 'y', ...(edge.grouped ? [] : ['r']), ...propEntries.map(([k]) => `e_${k}`)].join(', ');
  const inner = nested?.(t);
  const props = `{${propEntries.map(([k]) => `${k}: e_${k}`).join(', ')}}`;
  const lines = [
    `CALL (${names.parent}) {`,
    `  ${start}`,
    `  ${match}`,
    `  ${bind(carried)}`,
    `  ${bind(`WITH ${carry}, ${w.keys} AS k ${where(w.conditions)}`)}`,
    `  ${bind(w.orderBy)} ${w.limit}`,
    inner?.calls ? `  ${inner.calls}` : '',
    `  RETURN collect({node: ${project(edge.to, t, inner?.extra, inner?.fields)}, props: ${props}, keys: ${returnedKeys(request.order)}}) AS ${names.items}`,
    '}',
  ];
  if (request.total) lines.push(countSubquery(edge, names, start, match, t));
  return lines.filter(Boolean).join('\n');
}

const countSubquery = (
  edge: AnyEdge,
  names: { parent: string; total: string },
  start: string,
  match: string,
  t: string,
) =>
  `CALL (${names.parent}) { ${start} ${match} RETURN count(${edge.grouped ? `DISTINCT ${t}` : 'r'}) AS ${names.total} }`;

/**
 * A page of an entity's statements read from the involvement index (involvementSeek): the page's
 * statements first, then their relationships to the entity again for the edge's own fields.
 */
function indexedPage(
  edge: AnyEdge,
  request: PageRequest,
  params: Params,
  names: { parent: string; items: string; total: string },
  parts: {
    start: string;
    inv: Involvement;
    seek: string;
    onRel: string[];
    bind: (text: string) => string;
    t: string;
  },
  nested?: Nested,
): string {
  const { start, inv, seek, onRel, bind, t } = parts;
  const propEntries = Object.entries(edge.props);
  const keys = request.order.keys.map((_, i) => `k${i}`);
  const carried = edge.grouped
    ? `WITH x, y, ${keys.join(', ')}${propEntries.map(([k, expr]) => `, ${expr} AS e_${k}`).join('')}`
    : `WITH x, y, r, ${keys.join(', ')}${propEntries.map(([k, expr]) => `, ${expr} AS e_${k}`).join('')}`;
  const inner = nested?.(t);
  const props = `{${propEntries.map(([k]) => `${k}: e_${k}`).join(', ')}}`;
  const lines = [
    `CALL (${names.parent}) {`,
    `  ${start}`,
    `  ${bind(seek)}`,
    `  ${bind(`MATCH (y)-[r:${inv.rel}]->(x) ${where(onRel)}`)}`,
    `  ${bind(carried)}`,
    `  ${orderBy(request.order, keys, request.window.backward)}`,
    inner?.calls ? `  ${inner.calls}` : '',
    `  RETURN collect({node: ${project(edge.to, t, inner?.extra, inner?.fields)}, props: ${props}, keys: ${returnedKeys(request.order, keys)}}) AS ${names.items}`,
    '}',
  ];
  if (request.total) {
    const { onTarget } = edgeConditions(request.filter, params, 'x');
    const match = bind(`MATCH (x)${edge.pattern}(y:${edge.to}) ${where([...onRel, ...onTarget])}`);
    lines.push(countSubquery(edge, names, start, match, t));
  }
  return lines.filter(Boolean).join('\n');
}

const oneKey = (ids: readonly string[], params: Params) =>
  ids.length === 1 ? params.add(ids[0]) : undefined;

/** One page of `edge` for each of many parents, in one statement. */
export function edgePages<E extends EdgeName>(
  name: E,
  ids: readonly string[],
  request: PageRequest,
): CypherQuery<{ parent: string; items: EdgeItem<E>[]; total?: number }> {
  const edge = edgeSpec(name);
  const params = new Params();
  const names = { parent: 'source', items: 'items', total: 'total' };
  const sub = pageSubquery(edge, request, params, names, undefined, undefined, oneKey(ids, params));
  return {
    cypher: `UNWIND ${params.add(ids)} AS id
      MATCH (source:${edge.from} {id: id})
      ${sub}
      RETURN id AS parent, items${request.total ? ', total' : ''}`,
    params: params.values,
  };
}

/** The items of a root list: a MATCH that binds `y`, and how to project it. */
export interface RootSource {
  /**
   * MATCH … WHERE … binding y; parameters added to `params`. Given the page, a source may bind only
   * the first items of the page in its order (at least `window.limit + 1` of them, or all there are).
   */
  match: (params: Params, page?: { order: Order; window: Window }) => string;
  /** The label of y, when the list has one (its rows then project only what is selected). */
  label?: NodeLabel;
  /**
   * The Cypher map that projects y, with `extra` entries, and only `fields` of its row when given
   * (or, for a list of several labels, the fields of each label's row in `byLabel`).
   */
  project: (extra?: string, fields?: ReadonlySet<string>, byLabel?: FieldsByLabel) => string;
}

/** One page of a root list (claims, events, entities…), with its count when asked, in one statement. */
export function rootPage<Node>(
  source: RootSource,
  request: Omit<PageRequest, 'filter'>,
  compiled?: { params: Params; nested: Nested },
): CypherQuery<{ items: PageItem<Node, Record<string, never>>[]; total?: number }> {
  const params = compiled?.params ?? new Params();
  const match = source.match(params, request);
  const w = windowClauses(request.order, request.window, params);
  const inner = compiled?.nested('y');
  const count = request.total ? `CALL () { ${source.match(params)} RETURN count(y) AS total }` : '';
  return {
    cypher: `CALL () {
        ${match}
        WITH y, ${w.keys} AS k ${where(w.conditions)}
        ${w.orderBy} ${w.limit}
        ${inner?.calls ?? ''}
        RETURN collect({node: ${source.project(inner?.extra, inner?.fields, inner?.byLabel)}, props: {}, keys: ${returnedKeys(request.order)}}) AS items
      }
      ${count}
      RETURN items${request.total ? ', total' : ''}`,
    params: params.values,
  };
}

/** One node by id, with the subqueries a compiled request asks below it. */
export function nodeWithPages<L extends NodeLabel>(
  label: L,
  id: string,
  params: Params,
  below: { calls: string; extra: string; fields?: ReadonlySet<string> },
): CypherQuery<{ node: RowOf[L] }> {
  return {
    cypher: `MATCH (y:${label} {id: ${params.add(id)}})
      ${below.calls}
      RETURN ${project(label, 'y', below.extra, below.fields)} AS node`,
    params: params.values,
  };
}
