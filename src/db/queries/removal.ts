// The Cypher of taking an article out of the graph: what it contributed is found from the article
// (its reports, its evidence, the entities it names), and only that goes.
import { RELATION_TYPES } from '../../vocabulary.js';
import type { CypherQuery } from '../run.js';
import { RELEASE_KEY } from './statements.js';

const RELATIONS = RELATION_TYPES.values.join('|');

/** Everything the article contributed to: its statements, its entities' sources, its relations. */
export const articleContributions = (id: string): CypherQuery => ({
  cypher: `MATCH (a:Article {id: $id})
    RETURN
      [(a)<-[:IN_ARTICLE]-(:Report)-[:REPORTS]->(s) | {id: s.id, of: CASE WHEN s:Event THEN 'Event' ELSE 'Claim' END}]
        AS statements,
      [(a)-[:NAMES]->(e:Entity) | {id: e.id, foldJson: e.foldJson}] AS entities,
      COLLECT {
        MATCH (x:Entity)-[r:${RELATIONS}]->(y:Entity)
        WHERE x.id IN coalesce(a.entityIds, []) AND $id IN coalesce(r.articles, [])
        RETURN {type: type(r), from: x.id, to: y.id, key: r.key, sourcesJson: r.sourcesJson}
      } AS relations`,
  params: { id },
});

/** What every other article says of the entities: their names are folded again from these. */
export const otherSources = (
  article: string,
  ids: string[],
): CypherQuery<{ id: string; sources: { article: string; sourceJson: string }[] }> => ({
  cypher: `UNWIND $ids AS id MATCH (e:Entity {id: id})
    RETURN id, [(e)<-[n:NAMES]-(o:Article) WHERE o.id <> $article | {article: o.id, sourceJson: n.sourceJson}] AS sources`,
  params: { article, ids },
});

/**
 * Deletes the article's reports (with their references), evidence and paragraphs, and the
 * statements no report supports any more. With `article`, the article node too.
 */
export const deleteArticleData = (id: string, article: boolean): CypherQuery => ({
  cypher: `MATCH (a:Article {id: $id})
    CALL (a) {
      MATCH (a)<-[:IN_ARTICLE]-(r:Report)
      OPTIONAL MATCH (r)-[:REFERS]->(ref:Reference)
      DETACH DELETE ref, r
    }
    CALL (a) {
      MATCH (a)<-[:IN_ARTICLE]-(x) WHERE x:Evidence OR x:Paragraph
      DETACH DELETE x
    }
    CALL (a) {
      MATCH (a)-[n:NAMES]->()
      DELETE n
    }
    CALL (a) {
      MATCH (a)<-[:REPORTED_IN]-(s) WHERE NOT EXISTS { (s)<-[:REPORTS]-(:Report) }
      ${RELEASE_KEY('s')}
      DETACH DELETE s
    }
    ${article ? 'DETACH DELETE a' : ''}`,
  params: { id },
});

export const deleteRelations = (
  rows: { type: string; from: string; to: string; key: string }[],
): CypherQuery => ({
  cypher: `UNWIND $rows AS row
    MATCH (a:Entity {id: row.from})-[r]->(b:Entity {id: row.to})
    WHERE type(r) = row.type AND r.key = row.key
    DELETE r`,
  params: { rows },
});

/** Relations written before relations were shared between articles carry only `article`. */
export const deleteLegacyRelations = (id: string): CypherQuery[] =>
  RELATION_TYPES.values.map((type) => ({
    cypher: `MATCH ()-[r:${type} {article: $id}]->() WHERE r.articles IS NULL DELETE r`,
    params: { id },
  }));

/**
 * Deletes those of the entities that no article names any more and nothing refers to. Whatever
 * still points at one belongs to some article, so such an entity stays: deleting it with DETACH
 * would silently cut that article's facts.
 */
export const deleteOrphanEntities = (ids: string[]): CypherQuery => ({
  cypher: `UNWIND $ids AS id MATCH (e:Entity {id: id})
    WHERE e.foldJson IS NULL AND NOT EXISTS { (e)--() }
    DELETE e RETURN id`,
  params: { ids },
});

/** Which of the statements still exist (those that lost their last report are gone). */
export const remainingStatements = (rows: { id: string; of: string }[]): CypherQuery => ({
  cypher: `UNWIND $rows AS row
    CALL (row) {
      MATCH (s:Event {id: row.id}) WHERE row.of = 'Event' RETURN s
      UNION MATCH (s:Claim {id: row.id}) WHERE row.of = 'Claim' RETURN s
    }
    RETURN DISTINCT s.id AS id, row.of AS of`,
  params: { rows },
});
