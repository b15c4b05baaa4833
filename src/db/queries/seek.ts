// An entity's statements read from the involvement index (schema/neo4j/005_involvements.cypher):
// an index seek that walks the statements in date order and stops after the page, however many
// statements the entity has. Used by the pages of an entity's claims and events and by root lists
// filtered to one entity.
import type { Involvement } from './edges.js';
import { type Order, orderBy, type Params, type Window, windowBounds, windowClauses } from './order.js';

/** The sort keys of statements, as the involvement relationship `r` carries them (statements.ts). */
const ON_INVOLVEMENT: Readonly<Record<string, string>> = {
  'y.sortDate': 'r.statementDate',
  'y.id': 'r.statementKey',
};

/** The order with each key rewritten by `to`, or null when a key has no rewriting. */
function orderOver(order: Order, to: Readonly<Record<string, string>>): Order | null {
  const keys = order.keys.map((k) => {
    const expr = to[k.expr];
    return expr === undefined ? null : { ...k, expr };
  });
  return keys.every((k) => k !== null) && keys[0]?.expr === 'r.statementDate' ? { ...order, keys } : null;
}

/** The statements an entity takes part in, one way, as an index seek in an order. */
export interface InvolvementSeek {
  involvement: Involvement;
  /** Cypher for the entity's key (a parameter, or a property of an outer variable). */
  entity: string;
  order: Order;
  window: Window;
  /** Extra conditions on the relationship `r` and on the statement `y`. */
  conditions?: string[];
  /** Bounds on the statement's date, as Cypher dates. */
  from?: string;
  to?: string;
  /** Expressions for order keys that are not statement properties (a constant per label). */
  constants?: Readonly<Record<string, string>>;
  /** Variables of the enclosing query kept past the seek. */
  carry?: string[];
}

/**
 * The first `window.limit + 1` statements (y) in the order, each once, from the involvement index:
 * equality on the entity and label, then the date, so the seek walks in order and stops after the
 * page however many statements the entity has. Null when the order is not a date order.
 */
export function involvementSeek(seek: InvolvementSeek, params: Params): string | null {
  const { involvement: inv } = seek;
  const onRel = orderOver(seek.order, { ...ON_INVOLVEMENT, ...seek.constants });
  if (!onRel) return null;
  const w = windowClauses(onRel, seek.window, params);
  // The index gives its order only to an ORDER BY over all its properties, the equal ones first;
  // the keys leave the seek by name (e0, e1, then k0, k1…) and the page is ordered by them.
  const names = onRel.keys.map((_, i) => `k${i}`);
  const conds = [
    `r.entityKey = ${seek.entity}`,
    `r.statementLabel = '${inv.label}'`,
    seek.from ? `r.statementDate >= ${seek.from}` : 'r.statementDate IS NOT NULL',
    ...(seek.to ? [`r.statementDate <= ${seek.to}`] : []),
    ...windowBounds(onRel, seek.window, params),
    'r.statementKey IS NOT NULL',
    ...(seek.conditions ?? []),
    ...w.conditions,
  ];
  const kept = [...(seek.carry ?? []), 'y', 'r.entityKey AS e0', 'r.statementLabel AS e1'];
  return `MATCH (y:${inv.label})-[r:${inv.rel}]->() WHERE ${conds.join(' AND ')}
    WITH DISTINCT ${kept.join(', ')}, ${onRel.keys.map((k, i) => `${k.expr} AS ${names[i]}`).join(', ')}
    ${orderBy(onRel, names, seek.window.backward, ['e0', 'e1'])} ${w.limit}`;
}
