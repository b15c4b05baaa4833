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

/** A span of one article's text in which to look for the entities its mentions name. */
export interface NamedSpan {
  articleId: string;
  start: number;
  end: number;
  types: readonly EntityType[];
}

/**
 * The entities each article's mentions name within a span of its text, in the order they are first
 * named there, of the given types (all when empty): who a photo credit or a link's title names.
 * One row per span, by its position in `spans`, so a list of articles asks once.
 */
export const entitiesNamedWithin = (
  spans: readonly NamedSpan[],
): CypherQuery<{ at: number; nodes: RowOf['Entity'][] }> => ({
  cypher: `UNWIND range(0, size($spans) - 1) AS at
    WITH at, $spans[at] AS span
    CALL (span) {
      MATCH (ev:Evidence)-[:IN_ARTICLE]->(:Article {id: span.articleId})
      WHERE ev.start >= span.start AND ev.end <= span.end
      MATCH (ev)-[:MENTIONS]->(e:Entity) WHERE size(span.types) = 0 OR e.type IN span.types
      WITH e, min(ev.start) AS first ORDER BY first, e.id
      RETURN collect(${project('Entity', 'e')}) AS nodes
    }
    RETURN at, nodes`,
  params: { spans: spans.map((s) => ({ ...s, types: [...s.types] })) },
});
