// Search, neighbourhoods, paths and timelines. Variable-length patterns always have an upper
// bound, and the bound is a validated integer from a fixed range, never client text.
import { RELATION_TYPES, SEMANTIC_RELATIONSHIPS } from '../../vocabulary.js';
import { int } from '../mappers.js';
import type { CypherQuery } from '../run.js';
import type { Involvement } from './edges.js';
import type { Order, Params } from './order.js';
import type { RootSource } from './pages.js';
import {
  type DrawnList,
  type EntityRow,
  project,
  projectAny,
  projectDrawn,
  projectDrawnRelationship,
  type RelationshipList,
} from './rows.js';
import { involvementSeek } from './seek.js';

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
 * entities, claims and events), unless its id is in $known. Each id is looked up by its label's
 * index. It reads every relationship of the frontier, so it is for exports, which want everything.
 */
export const FRONTIER_STEP = `UNWIND $frontier AS f
    CALL (f) {
      MATCH (x:Entity {id: f}) RETURN x
      UNION MATCH (x:Claim {id: f}) RETURN x
      UNION MATCH (x:Event {id: f}) RETURN x
    }
    MATCH (x)-[:${SEMANTIC}]-(y) WHERE NOT y.id IN $known`;

/**
 * How many neighbours of each kind one node may bring to the next level of a neighbourhood: an
 * entity its newest statements and, apart, its related entities; a statement its neighbours.
 */
export const PER_NODE = 20;

/** The ways a statement involves an entity, each a relationship type and the statement's label. */
const INVOLVEMENT_STREAMS: readonly Involvement[] = [
  { rel: 'PARTICIPANT', label: 'Event' },
  { rel: 'REPORTED_BY', label: 'Event' },
  { rel: 'AT', label: 'Event' },
  { rel: 'PARTICIPANT', label: 'Claim' },
  { rel: 'ATTRIBUTED_TO', label: 'Claim' },
];

const RELATIONS = RELATION_TYPES.values.join('|');

/**
 * The most of each kind of candidate one node brings: PER_NODE, and one more that says the cap
 * left something out. Written into the statement, not passed as a parameter: with the number in
 * hand the planner plans each LIMIT as a top-n over few rows (at 10,000 articles a parameter made
 * the neighbourhood of Kim Jong-un cost Neo4j 45 ms where the number makes it 36).
 */
const CAP = PER_NODE + 1;

/** Numbers the rows of y in their order as rank, from 0; none when there are none. */
const RANKED = `WITH collect(y) AS ys
      UNWIND range(0, size(ys) - 1) AS rank RETURN ys[rank] AS y, rank`;

/**
 * The candidates one node x brings, each with its rank among those of its kind, at most
 * PER_NODE + 1 of each kind (the one more says that the cap left something out), none in known:
 * - an entity's newest statements, by date then key, newest first, read from the involvement
 *   indexes (schema/neo4j/005_involvements.cypher): each way of involvement an index seek that
 *   stops after PER_NODE + 1, so a hub costs what a small entity does;
 * - an entity's related entities (HOLDS_ROLE, MEMBER_OF, LOCATED_IN, DISTANCE_FROM), by key: one
 *   relationship per partner and kind of relation, however many articles state it, so they grow
 *   with distinct partners, not with articles, and are read without touching the statements;
 * - a statement's neighbours, entities first, then by key: what its reports name (participants,
 *   source, place) and the statements it is linked to.
 */
const candidates = `CALL (x, known) {
      WITH x, known WHERE x:Entity
      CALL (x, known) {
        ${INVOLVEMENT_STREAMS.map(
          ({ rel, label }) => `MATCH (y:${label})-[r:${rel}]->()
        WHERE r.entityKey = x.id AND r.statementLabel = '${label}'
          AND r.statementDate IS NOT NULL AND r.statementKey IS NOT NULL AND NOT y IN known
        WITH DISTINCT y, r.entityKey AS e0, r.statementLabel AS e1, r.statementDate AS d, r.statementKey AS k
        ORDER BY e0 DESC, e1 DESC, d DESC, k DESC LIMIT ${CAP}
        RETURN y, d, k`,
        ).join('\n        UNION ')}
      }
      WITH y ORDER BY d DESC, k DESC LIMIT ${CAP}
      ${RANKED}
      UNION ALL
      WITH x, known WHERE x:Entity
      MATCH (x)-[:${RELATIONS}]-(y) WHERE NOT y IN known
      WITH DISTINCT y ORDER BY y.id LIMIT ${CAP}
      ${RANKED}
      UNION ALL
      WITH x, known WHERE NOT x:Entity
      MATCH (x)-[:${SEMANTIC}]-(y) WHERE NOT y IN known
      WITH DISTINCT y ORDER BY CASE WHEN y:Entity THEN 0 ELSE 1 END, y.id LIMIT ${CAP}
      ${RANKED}
    }`;

/**
 * One level: the candidates of every node of the frontier, a node reached from several counted
 * once at its best place; then in turns, each node's first before any node's second (rank, then
 * the frontier's order, then key), as many as fit in $first. `truncated` becomes true when a cap
 * left something out: a node had more candidates of a kind than PER_NODE, or more than fit.
 */
const LEVEL = `WITH known, frontier, truncated, $first - size(known) AS room
    CALL (known, frontier, room) {
      UNWIND CASE WHEN room > 0 THEN range(0, size(frontier) - 1) ELSE [] END AS i
      WITH known, frontier[i] AS x, i, size(frontier) AS width
      ${candidates}
      WITH y, min(CASE WHEN rank < ${PER_NODE} THEN rank * width + i END) AS at, max(rank) >= ${PER_NODE} AS over
      ORDER BY at, y.id
      RETURN collect(CASE WHEN at IS NOT NULL THEN y END) AS found, sum(CASE WHEN over THEN 1 ELSE 0 END) > 0 AS over
    }
    WITH known + found[..room] AS known, found[..room] AS frontier,
         truncated OR over OR size(found) > room AS truncated`;

/**
 * The neighbourhood of entity $key to \`depth\` levels and $first nodes, in one statement: breadth
 * first, each level the bounded candidates of the last (see LEVEL), so what it reads depends on
 * $first and PER_NODE, not on how many statements a hub takes part in; then every meaningful
 * relationship among the nodes kept, each once, as stored, so a drawing shows every line between
 * what it shows. Nodes come centre first, then by level. Nodes and relationships are projected as a
 * drawing shows them, as lists (rows.ts, readDrawn and readRelationship): the whole object is loaded
 * when asked for. They come NEIGHBORHOOD_ROW of each to a row, in order: the driver decodes the
 * strings of a record that spans several of the chunks Neo4j sends in a slow way, and a whole
 * neighbourhood in one record (200 nodes and their relationships) spans many.
 */
export const neighborhood = (
  key: string,
  depth: number,
  first: number,
): CypherQuery<{ nodes: DrawnList[]; rels: RelationshipList[]; truncated: boolean }> => {
  if (!Number.isInteger(depth) || depth < 1 || depth > 3) throw new RangeError('depth must be 1 to 3');
  const n = NEIGHBORHOOD_ROW;
  return {
    cypher: `MATCH (c:Entity {id: $key})
    WITH [c] AS known, [c] AS frontier, false AS truncated
    ${Array.from({ length: depth }, () => LEVEL).join('\n    ')}
    CALL (known) {
      UNWIND known AS x
      MATCH (x)-[r:${SEMANTIC}]->(y) WHERE y IN known
      WITH r, x.id AS start, y.id AS end ORDER BY start, type(r), end, elementId(r)
      RETURN collect(${projectDrawnRelationship('r', 'start', 'end')}) AS rels
    }
    WITH [n IN known | ${projectDrawn('n')}] AS nodes, rels, truncated
    UNWIND range(0, CASE WHEN size(rels) > size(nodes) THEN size(rels) ELSE size(nodes) END - 1, ${n}) AS at
    RETURN nodes[at..at + ${n}] AS nodes, rels[at..at + ${n}] AS rels, truncated`,
    params: { key, first: int(first) },
  };
};

/** How many nodes, and how many relationships, a row of a neighbourhood holds at most. */
export const NEIGHBORHOOD_ROW = 25;

export const startNode = (id: string): CypherQuery<{ node: EntityRow }> => ({
  cypher: `MATCH (x:Entity {id: $id}) RETURN ${project('Entity', 'x')} AS node`,
  params: { id },
});

export const shortestPaths = (
  from: string,
  to: string,
  maxHops: number,
  limit: number,
): CypherQuery<{ nodes: DrawnList[]; rels: RelationshipList[] }> => {
  if (!Number.isInteger(maxHops) || maxHops < 1 || maxHops > 6)
    throw new RangeError('maxHops must be 1 to 6');
  return {
    cypher: `MATCH (a:Entity {id: $from}) MATCH (b:Entity {id: $to})
      MATCH p = allShortestPaths((a)-[:${SEMANTIC}*..${maxHops}]-(b))
      // The same question gives the same paths in the same order.
      WITH p ORDER BY [n IN nodes(p) | n.id], [r IN relationships(p) | type(r)] LIMIT $limit
      RETURN [n IN nodes(p) | ${projectDrawn('n')}] AS nodes,
             [r IN relationships(p) | ${projectDrawnRelationship('r', 'startNode(r).id', 'endNode(r).id')}] AS rels`,
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

export const timeline = (f: TimelineFilter): RootSource => ({
  match: (p: Params, page) => {
    const range = `y.sortDate >= date(${p.add(f.from)}) AND y.sortDate <= date(${p.add(f.to)})`;
    if (f.entity && page) {
      // Each way in time order from its index, the page's first items of each, merged by the page.
      const entity = p.add(f.entity);
      const [from, to] = [`date(${p.add(f.from)})`, `date(${p.add(f.to)})`];
      const streams = INVOLVEMENT_STREAMS.map((involvement) =>
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
  project: (extra, _fields, byLabel) => projectAny('y', extra, byLabel),
});
