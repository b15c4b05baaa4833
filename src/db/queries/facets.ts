// Facets of a relationship's list (an entity's claims, an article's events…): how many of the
// items one parent lists have each kind, status, type or role, counted in the database over the
// whole filtered list of each parent, for many parents in one statement.
import type { CypherQuery } from '../run.js';
import type { EdgeName } from './edges.js';
import type { FacetKey } from './lists.js';
import { Params } from './order.js';
import { type EdgeFilter, edgeConditions, edgeSpec } from './pages.js';

export interface FacetCount {
  value: string;
  count: number;
}

/**
 * For each parent, how many of the items `edge` lists under `filter` have each value of `key`,
 * most frequent first. Roles are the parent's own where the list is of the statements an entity
 * takes part in, else those of every participant; an item with two roles counts once for each.
 */
export function edgeFacetCounts(
  name: EdgeName,
  ids: readonly string[],
  filter: EdgeFilter,
  key: FacetKey,
): CypherQuery<{ parent: string; counts: FacetCount[] }> {
  const edge = edgeSpec(name);
  const params = new Params();
  const { onRel, onTarget } = edgeConditions(filter, params, 'x');
  const conds = [...onRel, ...onTarget];
  const ownRoles = edge.from === 'Entity' && edge.involvement?.rel === 'PARTICIPANT';
  const count =
    key === 'role'
      ? `MATCH (y)-[q:PARTICIPANT]->(e:Entity) ${ownRoles ? 'WHERE e = x' : ''}
         WITH q.role AS value, count(DISTINCT y) AS count`
      : `WITH y.${key} AS value, count(*) AS count`;
  const pattern = edge.pattern.replaceAll('{x}', 'x');
  return {
    cypher: `UNWIND ${params.add(ids)} AS id
      MATCH (x:${edge.from} {id: id})
      CALL (x) {
        MATCH (x)${pattern}(y:${edge.to}) ${conds.length ? `WHERE ${conds.join(' AND ')}` : ''}
        WITH DISTINCT x, y
        ${count}
        WHERE value IS NOT NULL
        RETURN value, count ORDER BY count DESC, value
      }
      RETURN id AS parent, collect({value: value, count: count}) AS counts`,
    params: params.values,
  };
}
