// Every read of an export: what a scope (the whole graph, one article, one entity's neighbourhood)
// holds, and the nodes and edges of it page by page. Pages are keyset pages over the unique id
// indexes (`id > $after ORDER BY id LIMIT n`), so an export of any size holds one page at a time.
// A scope is either everything (null lists) or explicit id lists, computed here before paging.
import { SEMANTIC_RELATIONSHIPS } from '../../vocabulary.js';
import { int } from '../mappers.js';
import type { CypherQuery } from '../run.js';
import { FRONTIER_STEP } from './graph.js';

const SEMANTIC = SEMANTIC_RELATIONSHIPS.values.join('|');

/** The labels of exported nodes, each with its unique id index. */
export const EXPORT_NODE_LABELS = ['Article', 'Entity', 'Event', 'Claim', 'Evidence'] as const;
export type ExportNodeLabel = (typeof EXPORT_NODE_LABELS)[number];

/** Ids in scope per kind; null means every node of that kind. */
export interface ScopeIds {
  articles: string[] | null;
  /** Entities, events and claims. */
  nodes: string[] | null;
  evidence: string[] | null;
  /** Entity relations stated by other articles are left out of an article's export. */
  article: string | null;
}

const inScope = (variable: string, list: string) => `($${list} IS NULL OR ${variable}.id IN $${list})`;

const LIST_OF: Record<ExportNodeLabel, keyof ScopeIds> = {
  Article: 'articles',
  Entity: 'nodes',
  Event: 'nodes',
  Claim: 'nodes',
  Evidence: 'evidence',
};

/** What each label exports: the stored properties, minus those kept for search only. */
const NODE_FIELDS: Record<ExportNodeLabel, string> = {
  Article: 'n {.id, .language, .title, .dateline, .text, publishedOn: toString(n.publishedOn)}',
  Entity: 'n {.id, .type, .label, .labelsJson, .aliasesJson, .descriptionJson, .wikidata}',
  Event: `n {.id, .kind, .label, .labelJson, .summaryJson, .status, .startDate, .endDate, .precision,
    .approximate, .partOfDay, .dateText, article: head([(n)-[:REPORTED_IN]->(a) | a.id])}`,
  Claim: `n {.id, .kind, .summary, .wording, .status, .hedge, .startDate, .endDate, .precision,
    .approximate, .partOfDay, .dateText, article: head([(n)-[:REPORTED_IN]->(a) | a.id])}`,
  Evidence: `n {.id, .quote, .prefix, .suffix, .start, .end,
    article: head([(n)-[:IN_ARTICLE]->(a) | a.id]), paragraph: head([(n)-[:IN_PARAGRAPH]->(p) | p.index])}`,
};

export const pageNodes = (
  label: ExportNodeLabel,
  scope: ScopeIds,
  after: string,
  limit: number,
): CypherQuery => ({
  cypher: `MATCH (n:${label}) WHERE n.id > $after AND ${inScope('n', 'ids')}
    RETURN ${NODE_FIELDS[label]} AS node ORDER BY n.id LIMIT $limit`,
  params: { after, ids: scope[LIST_OF[label]], limit: int(limit) },
});

/** The edges an export draws: meaning between nodes, and provenance down to the evidence. */
export const EXPORT_EDGES = {
  entityLinks: { from: 'Entity', pattern: `-[r:${SEMANTIC}]->`, to: 'Entity|Event|Claim', list: 'nodes' },
  eventLinks: { from: 'Event', pattern: `-[r:${SEMANTIC}]->`, to: 'Entity|Event|Claim', list: 'nodes' },
  claimLinks: { from: 'Claim', pattern: `-[r:${SEMANTIC}]->`, to: 'Entity|Event|Claim', list: 'nodes' },
  eventReportedIn: { from: 'Event', pattern: '-[r:REPORTED_IN]->', to: 'Article', list: 'articles' },
  claimReportedIn: { from: 'Claim', pattern: '-[r:REPORTED_IN]->', to: 'Article', list: 'articles' },
  eventEvidence: { from: 'Event', pattern: '-[r:EVIDENCED_BY]->', to: 'Evidence', list: 'evidence' },
  claimEvidence: { from: 'Claim', pattern: '-[r:EVIDENCED_BY]->', to: 'Evidence', list: 'evidence' },
  evidenceArticle: { from: 'Evidence', pattern: '-[r:IN_ARTICLE]->', to: 'Article', list: 'articles' },
  evidenceMentions: { from: 'Evidence', pattern: '-[r:MENTIONS]->', to: 'Entity', list: 'nodes' },
} as const satisfies Record<
  string,
  { from: ExportNodeLabel; pattern: string; to: string; list: keyof ScopeIds }
>;
export type ExportEdgeSet = keyof typeof EXPORT_EDGES;

/**
 * The edges of one page of source nodes, grouped by source. Every source of the page comes back,
 * with or without edges, so the next page starts after the last one.
 */
export const pageEdges = (set: ExportEdgeSet, scope: ScopeIds, after: string, limit: number): CypherQuery => {
  const e = EXPORT_EDGES[set];
  const toLabels = e.to
    .split('|')
    .map((l) => `y:${l}`)
    .join(' OR ');
  return {
    cypher: `MATCH (x:${e.from}) WHERE x.id > $after AND ${inScope('x', 'from')}
      WITH x ORDER BY x.id LIMIT $limit
      OPTIONAL MATCH (x)${e.pattern}(y)
        WHERE (${toLabels}) AND ${inScope('y', 'to')}
          AND ($article IS NULL OR r.article IS NULL OR r.article = $article)
      WITH x, y, r ORDER BY x.id, type(r), y.id, r.role
      RETURN x.id AS source,
        [edge IN collect(CASE WHEN r IS NULL THEN null ELSE {target: y.id, type: type(r), props: properties(r)} END)
          WHERE edge IS NOT NULL] AS edges
      ORDER BY source`,
    params: {
      after,
      from: scope[LIST_OF[e.from]],
      to: scope[e.list],
      article: scope.article,
      limit: int(limit),
    },
  };
};

export const articleExists = (key: string): CypherQuery => ({
  cypher: 'MATCH (a:Article {id: $key}) RETURN a.id AS id',
  params: { key },
});

export const entityExists = (key: string): CypherQuery => ({
  cypher: 'MATCH (e:Entity {id: $key}) RETURN e.id AS id',
  params: { key },
});

/**
 * One article's scope: what it reports, the entities those involve, the entities it mentions,
 * the entity relations it states, and all of its evidence.
 */
export const articleScope = (key: string): CypherQuery => ({
  cypher: `MATCH (a:Article {id: $key})
    CALL (a) {
      MATCH (a)<-[:REPORTED_IN]-(x) RETURN x.id AS id
      UNION MATCH (a)<-[:REPORTED_IN]-()-[:PARTICIPANT|ATTRIBUTED_TO|REPORTED_BY|AT]->(e:Entity) RETURN e.id AS id
      UNION MATCH (a)<-[:IN_ARTICLE]-(:Evidence)-[:MENTIONS]->(e:Entity) RETURN e.id AS id
      UNION MATCH (x:Entity)-[:HOLDS_ROLE|MEMBER_OF|LOCATED_IN|DISTANCE_FROM {article: $key}]->(y:Entity)
        UNWIND [x.id, y.id] AS id RETURN id
    }
    WITH a, collect(DISTINCT id) AS nodes
    RETURN nodes, [(a)<-[:IN_ARTICLE]-(ev:Evidence) | ev.id] AS evidence`,
  params: { key },
});

/** One breadth-first level of an entity's neighbourhood, as the API walks it, without a page cap. */
export const neighbourIds = (frontier: string[], known: string[], limit: number): CypherQuery => ({
  cypher: `${FRONTIER_STEP}
    WITH DISTINCT y.id AS id ORDER BY id LIMIT $limit
    RETURN collect(id) AS ids`,
  params: { frontier, known, limit: int(limit) },
});

/**
 * The provenance of a neighbourhood: the evidence of its events and claims and of the links among
 * its nodes, and the articles that report them.
 */
export const neighbourhoodProvenance = (ids: string[]): CypherQuery => ({
  cypher: `UNWIND $ids AS id
    CALL (id) {
      MATCH (x:Entity {id: id}) RETURN x
      UNION MATCH (x:Claim {id: id}) RETURN x
      UNION MATCH (x:Event {id: id}) RETURN x
    }
    CALL (x) {
      MATCH (x)-[:EVIDENCED_BY]->(ev:Evidence) RETURN ev.id AS evidence
      UNION MATCH (x)-[r:${SEMANTIC}]->(y) WHERE y.id IN $ids AND r.evidenceIds IS NOT NULL
        UNWIND r.evidenceIds AS evidence RETURN evidence
    }
    WITH collect(DISTINCT evidence) AS evidence
    CALL (evidence) {
      UNWIND $ids AS id MATCH (:Claim|Event {id: id})-[:REPORTED_IN]->(a:Article) RETURN a.id AS article
      UNION UNWIND evidence AS e MATCH (:Evidence {id: e})-[:IN_ARTICLE]->(a:Article) RETURN a.id AS article
    }
    RETURN evidence, collect(DISTINCT article) AS articles`,
  params: { ids },
});
