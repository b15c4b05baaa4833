// Query plans that Neo4j plans once. Neo4j caches a plan by the statement's text and the types of
// its parameters, and an empty list types differently from a list of rows: a statement whose
// parameters all travel inside one map has one type signature, so one cached plan. And a plan of
// write statements runs as one statement, each a unit subquery: one round trip instead of many.
import type { CypherQuery } from '../run.js';

const PARAM = /\$([A-Za-z_][A-Za-z0-9_]*)/g;

const isOneMap = (query: CypherQuery<unknown>) =>
  Object.keys(query.params ?? {}).join() === 'p' &&
  [...query.cypher.matchAll(PARAM)].every((m) => m[1] === 'p');

/** The same statement with its parameters inside one map parameter, `$p`. */
export function oneMap<R>(query: CypherQuery<R>): CypherQuery<R> {
  if (isOneMap(query)) return query;
  return {
    ...query,
    cypher: query.cypher.replace(PARAM, (_, name: string) => `$p.${name}`),
    params: { p: query.params ?? {} },
  };
}

/** Write statements (each a unit subquery: no RETURN) run as one, their parameters renamed apart. */
export function combine(steps: readonly CypherQuery[]): CypherQuery {
  const params: Record<string, unknown> = {};
  const parts = steps.map((step, i) => {
    for (const [name, value] of Object.entries(step.params ?? {})) params[`s${i}_${name}`] = value;
    return `CALL () {\n${step.cypher.replace(PARAM, (_, name: string) => `$s${i}_${name}`)}\n}`;
  });
  return oneMap({ cypher: parts.join('\n'), params });
}
