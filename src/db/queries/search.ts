// Full-text search over everything a reader reads (the reading_text index of
// schema/neo4j/006_search.cypher): entities, claims, events, quotes and articles, best first.
import { int } from '../mappers.js';
import type { CypherQuery } from '../run.js';
import { type AnyRow, project } from './rows.js';

/** The labels a search can be narrowed to. */
export type SearchLabel = 'Entity' | 'Claim' | 'Event' | 'Evidence' | 'Article';

const LABELS = 'any(l IN labels(node) WHERE l IN $labels)';

const projectHit = (v: string) =>
  `CASE WHEN ${v}:Entity THEN ${project('Entity', v)} WHEN ${v}:Claim THEN ${project('Claim', v)}
    WHEN ${v}:Event THEN ${project('Event', v)} WHEN ${v}:Evidence THEN ${project('Evidence', v)}
    ELSE ${project('Article', v)} END`;

export const countText = (
  lucene: string,
  labels: readonly SearchLabel[],
): CypherQuery<{ total: number }> => ({
  cypher: `CALL db.index.fulltext.queryNodes('reading_text', $lucene) YIELD node
    WHERE ${LABELS} RETURN count(node) AS total`,
  params: { lucene, labels },
});

export interface TextHitRow {
  node: AnyRow;
  score: number;
  /** The language of the article the text comes from (a claim's wording, a quote, a title). */
  lang: string | null;
}

export const pageText = (
  lucene: string,
  labels: readonly SearchLabel[],
  skip: number,
  limit: number,
): CypherQuery<TextHitRow> => ({
  cypher: `CALL db.index.fulltext.queryNodes('reading_text', $lucene) YIELD node, score
    WHERE ${LABELS}
    WITH node, score ORDER BY score DESC, node.id SKIP $skip LIMIT $limit
    RETURN ${projectHit('node')} AS node, score,
      CASE WHEN node:Article THEN node.language
        ELSE head([(node)-[:IN_ARTICLE|REPORTED_IN]->(a:Article) | a.language]) END AS lang`,
  params: { lucene, labels, skip: int(skip), limit: int(limit) },
});
