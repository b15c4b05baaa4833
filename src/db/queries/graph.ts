// Search, neighbourhoods, paths and timelines. Variable-length patterns always have an upper
// bound, and the bound is a validated integer from a fixed range, never client text.
import { SEMANTIC_RELATIONSHIPS, type SemanticRelationship } from '../../vocabulary.js';
import { int, type Plain } from '../mappers.js';
import type { CypherQuery } from '../run.js';
import type { Involvement } from './edges.js';
import type { Order, Params } from './order.js';
import type { RootSource } from './pages.js';
import { type EntityRow, type GraphRow, project, projectAny } from './rows.js';
import { involvementSeek } from './seek.js';

/** A relationship between two graph nodes, as drawn: its type, its properties and its ends. */
export interface RelationshipRow {
  id: string;
  type: SemanticRelationship;
  props: Record<string, Plain>;
  start: string;
  end: string;
}

const SEMANTIC = SEMANTIC_RELATIONSHIPS.values.join('|');

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

export const countSearch = (lucene: string, types: string[]): CypherQuery<{ total: number }> => ({
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
): CypherQuery<{ node: EntityRow; score: number }> => ({
  cypher: `CALL db.index.fulltext.queryNodes('entity_name_keys', $lucene) YIELD node, score
    WHERE node.type IN $types
    WITH node, score, $key IN node.nameKeys AS exact,
         reduce(m = -1, k IN node.nameKeys |
           CASE WHEN k STARTS WITH $key AND (m < 0 OR size(k) < m) THEN size(k) ELSE m END) AS prefixLength
    RETURN ${project('Entity', 'node')} AS node, score
    ORDER BY exact DESC, prefixLength < 0, prefixLength, score DESC, node.id SKIP $skip LIMIT $limit`,
  params: { lucene, key, types, skip: int(skip), limit: int(limit) },
});

/**
 * One breadth-first step, as y: every node one relationship away from a node of $frontier (ids of
 * entities, claims and events), unless its id is in $known. Each id is looked up by its label's index.
 */
export const FRONTIER_STEP = `UNWIND $frontier AS f
    CALL (f) {
      MATCH (x:Entity {id: f}) RETURN x
      UNION MATCH (x:Claim {id: f}) RETURN x
      UNION MATCH (x:Event {id: f}) RETURN x
    }
    MATCH (x)-[:${SEMANTIC}]-(y) WHERE NOT y.id IN $known`;

/** One breadth-first level: the nodes one relationship away from the frontier, not yet known. */
export const neighbours = (
  frontier: string[],
  known: string[],
  limit: number,
): CypherQuery<{ node: GraphRow }> => ({
  cypher: `${FRONTIER_STEP}
    WITH DISTINCT y ORDER BY y.id LIMIT $limit
    RETURN ${projectAny('y')} AS node`,
  params: { frontier, known, limit: int(limit) },
});

/**
 * Every meaningful relationship between the given nodes, each once, as stored. A neighbourhood
 * found breadth first reaches each node by one relationship; this adds the others between the
 * nodes it shows (a claim's link to a country that was reached through a person, say).
 */
export const relationshipsAmong = (ids: string[]): CypherQuery<RelationshipRow> => ({
  cypher: `UNWIND $ids AS id
    CALL (id) {
      MATCH (x:Entity {id: id}) RETURN x
      UNION MATCH (x:Claim {id: id}) RETURN x
      UNION MATCH (x:Event {id: id}) RETURN x
    }
    MATCH (x)-[r:${SEMANTIC}]->(y) WHERE y.id IN $ids
    RETURN elementId(r) AS id, type(r) AS type, properties(r) AS props, x.id AS start, y.id AS end
    ORDER BY start, type, end, id`,
  params: { ids },
});

export const startNode = (id: string): CypherQuery<{ node: EntityRow }> => ({
  cypher: `MATCH (x:Entity {id: $id}) RETURN ${project('Entity', 'x')} AS node`,
  params: { id },
});

export const shortestPaths = (
  from: string,
  to: string,
  maxHops: number,
  limit: number,
): CypherQuery<{ nodes: GraphRow[]; rels: RelationshipRow[] }> => {
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

const EVENTS_FIRST = 'CASE WHEN y:Event THEN 0 ELSE 1 END';

/** Events before claims on the same day, then by key. */
export const TIMELINE_ORDER: Order = {
  name: 'TIMELINE',
  keys: [
    { expr: 'y.sortDate', type: 'date' },
    { expr: EVENTS_FIRST, type: 'number' },
    { expr: 'y.id', type: 'string' },
  ],
};

/** The ways a statement involves an entity, as the timeline of the entity follows them. */
const TIMELINE_STREAMS: readonly Involvement[] = [
  { rel: 'PARTICIPANT', label: 'Event' },
  { rel: 'REPORTED_BY', label: 'Event' },
  { rel: 'AT', label: 'Event' },
  { rel: 'PARTICIPANT', label: 'Claim' },
  { rel: 'ATTRIBUTED_TO', label: 'Claim' },
];

export const timeline = (f: TimelineFilter): RootSource => ({
  match: (p: Params, page) => {
    const range = `y.sortDate >= date(${p.add(f.from)}) AND y.sortDate <= date(${p.add(f.to)})`;
    if (f.entity && page) {
      // Each way in time order from its index, the page's first items of each, merged by the page.
      const entity = p.add(f.entity);
      const [from, to] = [`date(${p.add(f.from)})`, `date(${p.add(f.to)})`];
      const streams = TIMELINE_STREAMS.map((involvement) =>
        involvementSeek(
          {
            involvement,
            entity,
            from,
            to,
            ...page,
            constants: { [EVENTS_FIRST]: involvement.label === 'Event' ? '0' : '1' },
          },
          p,
        ),
      );
      if (streams.every((s) => s !== null))
        return `CALL () { ${streams.map((s) => `${s} RETURN y`).join(' UNION ')} }`;
    }
    if (!f.entity) {
      return `CALL () {
        MATCH (y:Event) WHERE ${range} RETURN y
        UNION MATCH (y:Claim) WHERE ${range} RETURN y
      }`;
    }
    const entity = p.add(f.entity);
    return `CALL () {
        MATCH (:Entity {id: ${entity}})<-[:PARTICIPANT|ATTRIBUTED_TO|REPORTED_BY|AT]-(y:Event) WHERE ${range} RETURN y
        UNION MATCH (:Entity {id: ${entity}})<-[:PARTICIPANT|ATTRIBUTED_TO]-(y:Claim) WHERE ${range} RETURN y
      }`;
  },
  project: (extra) => projectAny('y', extra),
});
