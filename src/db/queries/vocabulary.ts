// What the graph's vocabularies hold, with counts, and the look-ups behind helpful errors: keys
// a client may write in another form, and the entities closest to a key that names nothing.
import { int } from '../mappers.js';
import type { CypherQuery } from '../run.js';
import { type EntityRow, project } from './rows.js';

export interface TermCount {
  value: string;
  count: number;
}

/** Counts per value of one vocabulary, read from an index or one pass over a label. */
export type VocabularyName =
  | 'entityTypes'
  | 'claimKinds'
  | 'claimStatuses'
  | 'eventKinds'
  | 'eventStatuses'
  | 'roles'
  | 'relationTypes';

const COUNTS: Record<VocabularyName, string> = {
  entityTypes: 'MATCH (n:Entity) WHERE n.type IS NOT NULL RETURN n.type AS value, count(*) AS count',
  claimKinds: 'MATCH (n:Claim) WHERE n.kind IS NOT NULL RETURN n.kind AS value, count(*) AS count',
  claimStatuses: 'MATCH (n:Claim) WHERE n.status IS NOT NULL RETURN n.status AS value, count(*) AS count',
  eventKinds: 'MATCH (n:Event) WHERE n.kind IS NOT NULL RETURN n.kind AS value, count(*) AS count',
  eventStatuses: 'MATCH (n:Event) WHERE n.status IS NOT NULL RETURN n.status AS value, count(*) AS count',
  // A role is counted once per statement and entity, as the API lists participants.
  roles: 'MATCH (:Event|Claim)-[r:PARTICIPANT]->(:Entity) RETURN r.role AS value, count(*) AS count',
  relationTypes:
    'MATCH (:Entity)-[r:HOLDS_ROLE|MEMBER_OF|LOCATED_IN|DISTANCE_FROM]->(:Entity) RETURN type(r) AS value, count(*) AS count',
};

export const vocabularyCounts = (name: VocabularyName): CypherQuery<TermCount> => ({
  cypher: `${COUNTS[name]} ORDER BY value`,
  params: {},
});

/**
 * The events or claims a key may mean when it is not a statement's own key: the key of one
 * article's report (which may have merged into a statement keyed by another article), or a key
 * without its article ("event:farewell-ceremony"), which may name statements of several articles.
 */
export const statementsForKey = (label: 'Event' | 'Claim', key: string): CypherQuery<{ id: string }> => ({
  cypher: `CALL () {
      MATCH (:Report {id: $key})-[:REPORTS]->(s:${label}) RETURN s
      UNION
      MATCH (:Report {localId: $key, of: $label})-[:REPORTS]->(s:${label}) RETURN s
    }
    RETURN DISTINCT s.id AS id ORDER BY id LIMIT 6`,
  params: { key, label },
});

/** Entities whose names come closest to some words: the best few, for "did you mean". */
export const closestEntities = (lucene: string, limit: number): CypherQuery<{ node: EntityRow }> => ({
  cypher: `CALL db.index.fulltext.queryNodes('entity_name_keys', $lucene) YIELD node, score
    RETURN ${project('Entity', 'node')} AS node ORDER BY score DESC, node.id LIMIT $limit`,
  params: { lucene, limit: int(limit) },
});
