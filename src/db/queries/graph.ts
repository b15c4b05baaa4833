// Search, neighbourhoods, paths and timelines. Variable-length patterns always have an upper
// bound, and the bound is a validated integer from a fixed range, never client text.
import { SEMANTIC_RELATIONSHIPS } from '../../vocabulary.js';
import { int } from '../mappers.js';
import type { CypherQuery } from '../run.js';
import { project } from './nodes.js';

const SEMANTIC = SEMANTIC_RELATIONSHIPS.values.join('|');

/** Projects an Entity, Event or Claim node the same way the loaders do. */
const projectAny = (v: string) =>
  `CASE WHEN ${v}:Entity THEN ${project('Entity', v)} WHEN ${v}:Claim THEN ${project('Claim', v)} ELSE ${project('Event', v)} END`;

const LUCENE_SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;

/** Escapes Lucene query syntax so that input is searched for, never executed. */
export const escapeLucene = (s: string) =>
  s.replace(LUCENE_SPECIAL, '\\$&').replace(/\b(AND|OR|NOT|TO)\b/g, (w) => w.toLowerCase());

/**
 * A query over normalised tokens: the exact phrase ranks first, then all words, then all words
 * as prefixes (for partial input such as "kore utar"). Every word must match.
 */
export function luceneQuery(tokens: string[]): string {
  const t = tokens.map(escapeLucene);
  const phrase = `"${t.join(' ')}"^4`;
  const all = `(${t.join(' AND ')})^2`;
  const prefixes = `(${t.map((x) => `${x}*`).join(' AND ')})`;
  return `${phrase} OR ${all} OR ${prefixes}`;
}

export const countSearch = (lucene: string, types: string[]): CypherQuery => ({
  cypher: `CALL db.index.fulltext.queryNodes('entity_name_keys', $lucene) YIELD node
    WHERE node.type IN $types RETURN count(node) AS total`,
  params: { lucene, types },
});

/**
 * Best match first: a name equal to the whole query, then names that start with it (the
 * shortest first: "kim jong" finds Kim Jong-un before Kim Jong-un's train), then relevance.
 */
export const pageSearch = (
  lucene: string,
  key: string,
  types: string[],
  skip: number,
  limit: number,
): CypherQuery => ({
  cypher: `CALL db.index.fulltext.queryNodes('entity_name_keys', $lucene) YIELD node, score
    WHERE node.type IN $types
    WITH node, score, $key IN node.nameKeys AS exact,
         reduce(m = -1, k IN node.nameKeys |
           CASE WHEN k STARTS WITH $key AND (m < 0 OR size(k) < m) THEN size(k) ELSE m END) AS prefixLength
    RETURN ${project('Entity', 'node')} AS node, score
    ORDER BY exact DESC, prefixLength < 0, prefixLength, score DESC, node.id SKIP $skip LIMIT $limit`,
  params: { lucene, key, types, skip: int(skip), limit: int(limit) },
});

/** One breadth-first level: the nodes one relationship away from the frontier, not yet known. */
export const neighbours = (frontier: string[], known: string[], limit: number): CypherQuery => ({
  cypher: `UNWIND $frontier AS f
    CALL (f) {
      MATCH (x:Entity {id: f}) RETURN x
      UNION MATCH (x:Claim {id: f}) RETURN x
      UNION MATCH (x:Event {id: f}) RETURN x
    }
    MATCH (x)-[:${SEMANTIC}]-(y) WHERE NOT y.id IN $known
    WITH DISTINCT y ORDER BY y.id LIMIT $limit
    RETURN ${projectAny('y')} AS node`,
  params: { frontier, known, limit: int(limit) },
});

/**
 * Every meaningful relationship between the given nodes, each once, as stored. A neighbourhood
 * found breadth first reaches each node by one relationship; this adds the others between the
 * nodes it shows (a claim's link to a country that was reached through a person, say).
 */
export const relationshipsAmong = (ids: string[]): CypherQuery => ({
  cypher: `UNWIND $ids AS id
    CALL (id) {
      MATCH (x:Entity {id: id}) RETURN x
      UNION MATCH (x:Claim {id: id}) RETURN x
      UNION MATCH (x:Event {id: id}) RETURN x
    }
    MATCH (x)-[r:${SEMANTIC}]->(y) WHERE y.id IN $ids
    RETURN elementId(r) AS rid, type(r) AS type, properties(r) AS props, x.id AS source, y.id AS target
    ORDER BY source, type, target, rid`,
  params: { ids },
});

export const startNode = (id: string): CypherQuery => ({
  cypher: `MATCH (x:Entity {id: $id}) RETURN ${project('Entity', 'x')} AS node`,
  params: { id },
});

export const shortestPaths = (from: string, to: string, maxHops: number, limit: number): CypherQuery => {
  if (!Number.isInteger(maxHops) || maxHops < 1 || maxHops > 6)
    throw new RangeError('maxHops must be 1 to 6');
  return {
    cypher: `MATCH (a:Entity {id: $from}) MATCH (b:Entity {id: $to})
      MATCH p = allShortestPaths((a)-[:${SEMANTIC}*..${maxHops}]-(b))
      // The same question gives the same paths in the same order.
      WITH p ORDER BY [n IN nodes(p) | n.id], [r IN relationships(p) | type(r)] LIMIT $limit
      RETURN [n IN nodes(p) | ${projectAny('n')}] AS nodes,
             [r IN relationships(p) | {id: elementId(r), type: type(r), props: properties(r),
               start: startNode(r).id, end: endNode(r).id}] AS rels`,
    params: { from, to, limit: int(limit) },
  };
};

export interface TimelineFilter {
  entity: string | null;
  from: string;
  to: string;
}

function timelineMatch(f: TimelineFilter): string {
  const range = 'x.sortDate >= date($from) AND x.sortDate <= date($to)';
  return f.entity
    ? `CALL () {
        MATCH (:Entity {id: $entity})<-[:PARTICIPANT|ATTRIBUTED_TO|REPORTED_BY|AT]-(x:Event) WHERE ${range} RETURN x
        UNION MATCH (:Entity {id: $entity})<-[:PARTICIPANT|ATTRIBUTED_TO]-(x:Claim) WHERE ${range} RETURN x
      }`
    : `CALL () {
        MATCH (x:Event) WHERE ${range} RETURN x
        UNION MATCH (x:Claim) WHERE ${range} RETURN x
      }`;
}

export const countTimeline = (f: TimelineFilter): CypherQuery => ({
  cypher: `${timelineMatch(f)} RETURN count(x) AS total`,
  params: { ...f },
});

export const pageTimeline = (f: TimelineFilter, skip: number, limit: number): CypherQuery => ({
  cypher: `${timelineMatch(f)}
    RETURN ${projectAny('x')} AS node
    ORDER BY x.sortDate, CASE WHEN x:Event THEN 0 ELSE 1 END, x.id SKIP $skip LIMIT $limit`,
  params: { ...f, skip: int(skip), limit: int(limit) },
});
