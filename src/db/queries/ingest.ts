// The Cypher of an article write. Labels and relationship types come only from the fixed maps
// below, keyed by the document's enums; every value is a parameter.
import {
  CLAIM_KINDS,
  CLAIM_LINK_TYPES,
  type ClaimKind,
  type ClaimLinkType,
  ENTITY_TYPES,
  type EntityType,
  RELATION_TYPES,
  type RelationType,
} from '../../vocabulary.js';
import type { CypherQuery } from '../run.js';

// Labels and relationship types are the vocabulary's values themselves: the parameter types below
// admit nothing else, so no client text can reach a label.
export { CLAIM_KINDS, CLAIM_LINK_TYPES, ENTITY_TYPES, RELATION_TYPES };

export const articleHash = (id: string): CypherQuery => ({
  cypher: 'MATCH (a:Article {id: $id}) RETURN a.contentHash AS hash',
  params: { id },
});

export const entitiesById = (ids: string[]): CypherQuery => ({
  cypher: `UNWIND $ids AS id MATCH (e:Entity {id: id})
    RETURN e.id AS id, e.type AS type, e.labelsJson AS labelsJson, e.aliasesJson AS aliasesJson`,
  params: { ids },
});

/** Candidates that share a normalised name, found through the full-text index, then matched exactly. */
export const entitiesByNameKeys = (type: string, keys: string[]): CypherQuery => ({
  cypher: `CALL db.index.fulltext.queryNodes('entity_name_keys', $lucene) YIELD node
    WITH node WHERE node.type = $type AND any(k IN node.nameKeys WHERE k IN $keys)
    RETURN DISTINCT node.id AS id, node.labelsJson AS labelsJson, node.aliasesJson AS aliasesJson, node.nameKeys AS nameKeys`,
  params: { type, keys, lucene: keys.map((k) => `"${k}"`).join(' OR ') },
});

/**
 * Removes what an earlier version of the article wrote, in order. Statements that return `touched`
 * name the entities it referred to in any way (mentioned, given a role, related): an entity may
 * have no mention and still take part in a claim, and each must be checked for orphans afterwards.
 */
export const deleteArticleFacts = (id: string): CypherQuery[] => [
  {
    cypher: `MATCH (a:Article {id: $id})
      RETURN [(a)<-[:IN_ARTICLE]-(:Evidence)-[:MENTIONS]->(e:Entity) | e.id]
        + [(a)<-[:REPORTED_IN]-()-[:PARTICIPANT|ATTRIBUTED_TO|AT|REPORTED_BY]->(e:Entity) | e.id] AS touched`,
    params: { id },
  },
  ...RELATION_TYPES.values.map((type) => ({
    cypher: `MATCH (x)-[r:${type} {article: $id}]->(y) DELETE r RETURN collect(x.id) + collect(y.id) AS touched`,
    params: { id },
  })),
  { cypher: 'MATCH (a:Article {id: $id})<-[:REPORTED_IN]-(x) DETACH DELETE x', params: { id } },
  { cypher: 'MATCH (a:Article {id: $id})<-[:IN_ARTICLE]-(x) DETACH DELETE x', params: { id } },
];

/**
 * Deletes those of the entities that nothing refers to any more. Whatever still points at one
 * (a mention, a claim, an event or a relation) belongs to some article, so such an entity stays:
 * deleting it with DETACH would silently cut that article's facts.
 */
export const deleteOrphanEntities = (ids: string[]): CypherQuery => ({
  cypher: `UNWIND $ids AS id MATCH (e:Entity {id: id})
    WHERE NOT EXISTS { (e)--() } DELETE e RETURN count(*) AS deleted`,
  params: { ids },
});

export const upsertArticle = (props: Record<string, unknown>): CypherQuery => ({
  cypher: `MERGE (a:Article {id: $props.id})
    SET a += $props, a.publishedOn = date($props.publishedOn), a.ingestedAt = datetime()`,
  params: { props },
});

export const createParagraphs = (
  articleId: string,
  rows: { id: string; index: number; start: number; end: number; text: string }[],
): CypherQuery => ({
  cypher: `MATCH (a:Article {id: $articleId})
    UNWIND $rows AS row
    CREATE (p:Paragraph {id: row.id, index: row.index, start: row.start, end: row.end, text: row.text})
    CREATE (p)-[:IN_ARTICLE]->(a)
    WITH a, p ORDER BY p.index
    WITH collect(p) AS ps
    UNWIND range(0, size(ps) - 2) AS i
    WITH ps[i] AS x, ps[i + 1] AS y
    CREATE (x)-[:NEXT]->(y)`,
  params: { articleId, rows },
});

export const createEvidence = (articleId: string, rows: unknown[]): CypherQuery => ({
  cypher: `MATCH (a:Article {id: $articleId})
    UNWIND $rows AS row
    MATCH (p:Paragraph {id: row.paragraphId})
    CREATE (e:Evidence {id: row.id, quote: row.quote, prefix: row.prefix, suffix: row.suffix,
                        start: row.start, end: row.end})
    CREATE (e)-[:IN_ARTICLE]->(a)
    CREATE (e)-[:IN_PARAGRAPH]->(p)`,
  params: { articleId, rows },
});

export const createEntities = (label: EntityType, rows: unknown[]): CypherQuery => ({
  cypher: `UNWIND $rows AS row CREATE (e:Entity:${label}) SET e = row`,
  params: { rows },
});

export const updateEntities = (rows: unknown[]): CypherQuery => ({
  cypher: `UNWIND $rows AS row MATCH (e:Entity {id: row.id})
    SET e.aliasesJson = row.aliasesJson, e.nameKeys = row.nameKeys, e.searchText = row.searchText,
        e.descriptionJson = coalesce(e.descriptionJson, row.descriptionJson),
        e.wikidata = coalesce(e.wikidata, row.wikidata)`,
  params: { rows },
});

export const createMentions = (
  rows: { evidenceId: string; entityId: string; surface: string }[],
): CypherQuery => ({
  cypher: `UNWIND $rows AS row
    MATCH (ev:Evidence {id: row.evidenceId}) MATCH (e:Entity {id: row.entityId})
    CREATE (ev)-[:MENTIONS {surface: row.surface}]->(e)`,
  params: { rows },
});

export const createRelations = (type: RelationType, articleId: string, rows: unknown[]): CypherQuery => ({
  cypher: `UNWIND $rows AS row
    MATCH (a:Entity {id: row.from}) MATCH (b:Entity {id: row.to})
    CREATE (a)-[r:${type}]->(b)
    SET r = row.props, r.article = $articleId`,
  params: { articleId, rows },
});

export const createEvents = (articleId: string, rows: unknown[]): CypherQuery => ({
  cypher: `MATCH (a:Article {id: $articleId})
    UNWIND $rows AS row
    CREATE (e:Event) SET e = row.props, e.sortDate = date(row.props.sortDate)
    CREATE (e)-[:REPORTED_IN]->(a)`,
  params: { articleId, rows },
});

export const createClaims = (label: ClaimKind, articleId: string, rows: unknown[]): CypherQuery => ({
  cypher: `MATCH (a:Article {id: $articleId})
    UNWIND $rows AS row
    CREATE (c:Claim:${label}) SET c = row.props, c.sortDate = date(row.props.sortDate)
    CREATE (c)-[:REPORTED_IN]->(a)`,
  params: { articleId, rows },
});

export interface LinkRow {
  from: string;
  to: string;
  props: Record<string, unknown>;
}

/** Links from claims and events to entities, events and evidence; `rel` comes from a fixed set. */
export const linkNodes = (
  fromLabel: 'Claim' | 'Event',
  rel:
    | 'PARTICIPANT'
    | 'AT'
    | 'PART_OF'
    | 'REPORTED_BY'
    | 'EVIDENCED_BY'
    | 'ATTRIBUTED_TO'
    | 'ABOUT'
    | ClaimLinkType,
  toLabel: 'Entity' | 'Event' | 'Evidence' | 'Claim',
  rows: LinkRow[],
): CypherQuery => ({
  cypher: `UNWIND $rows AS row
    MATCH (x:${fromLabel} {id: row.from}) MATCH (y:${toLabel} {id: row.to})
    CREATE (x)-[r:${rel}]->(y) SET r = row.props`,
  params: { rows },
});
