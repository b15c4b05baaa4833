// Loading nodes by id, many in one statement, each projected as its label's row (rows.ts).
import type { EntityType } from '../../vocabulary.js';
import type { CypherQuery } from '../run.js';
import { type NodeLabel, project, type RowOf } from './rows.js';

export const nodesById = <L extends NodeLabel>(
  label: L,
  ids: readonly string[],
): CypherQuery<{ node: RowOf[L] }> => ({
  cypher: `UNWIND $ids AS id MATCH (n:${label} {id: id}) RETURN ${project(label, 'n')} AS node`,
  params: { ids },
});

/** Article texts are read only where a field needs them: they are the largest values in the graph. */
export const articleTexts = (ids: readonly string[]): CypherQuery<{ id: string; text: string }> => ({
  cypher: 'UNWIND $ids AS id MATCH (a:Article {id: id}) RETURN a.id AS id, a.text AS text',
  params: { ids },
});

/**
 * The entities an article's mentions name within a span of its text, in the order they are first
 * named there, of the given types (all when empty): who a photo credit or a link's title names.
 */
export const entitiesNamedWithin = (
  articleId: string,
  span: { start: number; end: number },
  types: readonly EntityType[] = [],
): CypherQuery<{ node: RowOf['Entity'] }> => ({
  cypher: `MATCH (ev:Evidence)-[:IN_ARTICLE]->(:Article {id: $articleId})
    WHERE ev.start >= $start AND ev.end <= $end
    MATCH (ev)-[:MENTIONS]->(e:Entity) WHERE size($types) = 0 OR e.type IN $types
    WITH e, min(ev.start) AS at ORDER BY at, e.id
    RETURN ${project('Entity', 'e')} AS node`,
  params: { articleId, start: span.start, end: span.end, types },
});
