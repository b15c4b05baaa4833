// Loading nodes by id and following relationships, for many parents in one statement. Node
// shapes are projected here once, so every query returns the same fields for the same label.
import type { CypherQuery } from '../run.js';

export type NodeLabel = 'Article' | 'Paragraph' | 'Evidence' | 'Entity' | 'Event' | 'Claim';

const PROJECT: Record<NodeLabel, (v: string) => string> = {
  Article: (v) => `${v} {.*, __type: 'Article'}`,
  Paragraph: (v) => `${v} {.*, __type: 'Paragraph', articleId: head([(${v})-[:IN_ARTICLE]->(a) | a.id])}`,
  Evidence: (v) =>
    `${v} {.*, __type: 'Evidence', paragraphId: head([(${v})-[:IN_PARAGRAPH]->(p) | p.id]),
      articleId: head([(${v})-[:IN_ARTICLE]->(a) | a.id])}`,
  Entity: (v) => `${v} {.*, __type: ${v}.type, nameKeys: null, searchText: null}`,
  Event: (v) => `${v} {.*, __type: 'Event', articleId: head([(${v})-[:REPORTED_IN]->(a) | a.id])}`,
  Claim: (v) => `${v} {.*, __type: ${v}.kind, articleId: head([(${v})-[:REPORTED_IN]->(a) | a.id])}`,
};

export const project = (label: NodeLabel, variable: string) => PROJECT[label](variable);

export const nodesById = (label: NodeLabel, ids: readonly string[]): CypherQuery => ({
  cypher: `UNWIND $ids AS id MATCH (n:${label} {id: id}) RETURN ${project(label, 'n')} AS node`,
  params: { ids },
});

interface EdgeSpec {
  from: NodeLabel;
  /** The path from x to y; the relationship whose properties the edge carries is `r`. */
  pattern: string;
  to: NodeLabel;
  order: string;
  /** For paths through an intermediate node, where several paths reach the same y. */
  distinct?: boolean;
}

const CLAIM_LINKS = 'CONTRADICTS|CITES|SUPPORTS';
const ENTITY_RELATIONS = 'HOLDS_ROLE|MEMBER_OF|LOCATED_IN';

/** Every relationship the API follows, by name. */
export const EDGES = {
  entityMentions: { from: 'Entity', pattern: '<-[r:MENTIONS]-', to: 'Evidence', order: 'y.id' },
  entityClaims: { from: 'Entity', pattern: '<-[r:PARTICIPANT]-', to: 'Claim', order: 'y.sortDate, y.id' },
  entityAssertions: {
    from: 'Entity',
    pattern: '<-[r:ATTRIBUTED_TO]-',
    to: 'Claim',
    order: 'y.sortDate, y.id',
  },
  entityEvents: { from: 'Entity', pattern: '<-[r:PARTICIPANT]-', to: 'Event', order: 'y.sortDate, y.id' },
  entityEventsHere: { from: 'Entity', pattern: '<-[r:AT]-', to: 'Event', order: 'y.sortDate, y.id' },
  entityReports: { from: 'Entity', pattern: '<-[r:REPORTED_BY]-', to: 'Event', order: 'y.sortDate, y.id' },
  entityRelationsOut: {
    from: 'Entity',
    pattern: `-[r:${ENTITY_RELATIONS}]->`,
    to: 'Entity',
    order: 'type(r), y.id',
  },
  entityRelationsIn: {
    from: 'Entity',
    pattern: `<-[r:${ENTITY_RELATIONS}]-`,
    to: 'Entity',
    order: 'type(r), y.id',
  },
  entityArticles: {
    from: 'Entity',
    pattern: '<-[:MENTIONS]-(:Evidence)-[r:IN_ARTICLE]->',
    to: 'Article',
    order: 'y.publishedOn DESC, y.id',
    distinct: true,
  },
  claimParticipants: { from: 'Claim', pattern: '-[r:PARTICIPANT]->', to: 'Entity', order: 'r.role, y.id' },
  claimAttributions: { from: 'Claim', pattern: '-[r:ATTRIBUTED_TO]->', to: 'Entity', order: 'y.id' },
  claimEvidence: { from: 'Claim', pattern: '-[r:EVIDENCED_BY]->', to: 'Evidence', order: 'y.start' },
  claimAbout: { from: 'Claim', pattern: '-[r:ABOUT]->', to: 'Event', order: 'y.sortDate, y.id' },
  claimLinksOut: { from: 'Claim', pattern: `-[r:${CLAIM_LINKS}]->`, to: 'Claim', order: 'type(r), y.id' },
  claimLinksIn: { from: 'Claim', pattern: `<-[r:${CLAIM_LINKS}]-`, to: 'Claim', order: 'type(r), y.id' },
  eventParticipants: { from: 'Event', pattern: '-[r:PARTICIPANT]->', to: 'Entity', order: 'r.role, y.id' },
  eventReportedBy: { from: 'Event', pattern: '-[r:REPORTED_BY]->', to: 'Entity', order: 'y.id' },
  eventEvidence: { from: 'Event', pattern: '-[r:EVIDENCED_BY]->', to: 'Evidence', order: 'y.start' },
  eventLocation: { from: 'Event', pattern: '-[r:AT]->', to: 'Entity', order: 'y.id' },
  eventPartOf: { from: 'Event', pattern: '-[r:PART_OF]->', to: 'Event', order: 'y.id' },
  eventParts: { from: 'Event', pattern: '<-[r:PART_OF]-', to: 'Event', order: 'y.sortDate, y.id' },
  eventClaims: { from: 'Event', pattern: '<-[r:ABOUT]-', to: 'Claim', order: 'y.sortDate, y.id' },
  evidenceMentions: { from: 'Evidence', pattern: '-[r:MENTIONS]->', to: 'Entity', order: 'y.id' },
  evidenceClaims: { from: 'Evidence', pattern: '<-[r:EVIDENCED_BY]-', to: 'Claim', order: 'y.id' },
  evidenceEvents: { from: 'Evidence', pattern: '<-[r:EVIDENCED_BY]-', to: 'Event', order: 'y.id' },
  paragraphEvidence: {
    from: 'Paragraph',
    pattern: '<-[r:IN_PARAGRAPH]-',
    to: 'Evidence',
    order: 'y.start, y.end',
  },
  articleParagraphs: { from: 'Article', pattern: '<-[r:IN_ARTICLE]-', to: 'Paragraph', order: 'y.index' },
  articleEvents: { from: 'Article', pattern: '<-[r:REPORTED_IN]-', to: 'Event', order: 'y.sortDate, y.id' },
  articleClaims: { from: 'Article', pattern: '<-[r:REPORTED_IN]-', to: 'Claim', order: 'y.sortDate, y.id' },
  articleEntities: {
    from: 'Article',
    pattern: '<-[:IN_ARTICLE]-(:Evidence)-[r:MENTIONS]->',
    to: 'Entity',
    order: 'y.type, y.label, y.id',
    distinct: true,
  },
} satisfies Record<string, EdgeSpec>;

export type EdgeName = keyof typeof EDGES;

export const edgesOf = (name: EdgeName, ids: readonly string[]): CypherQuery => {
  const e: EdgeSpec = EDGES[name];
  const rel = e.distinct ? '{}' : 'properties(r)';
  const type = e.distinct ? 'null' : 'type(r)';
  return {
    cypher: `UNWIND $ids AS id
      MATCH (x:${e.from} {id: id})${e.pattern}(y:${e.to})
      WITH DISTINCT id, y${e.distinct ? '' : ', r'}
      RETURN id AS parent, ${project(e.to, 'y')} AS node, ${rel} AS rel, ${type} AS type
      ORDER BY parent, ${e.order}`,
    params: { ids },
  };
};
