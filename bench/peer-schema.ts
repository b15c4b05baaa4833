// Type definitions for @neo4j/graphql over this project's graph, as a user of that library would
// write them: one type per label (entity types and claim kinds behind interfaces), relationships
// as the ingestion stores them (src/db/queries/ingest.ts), relationship properties where they
// carry meaning. Questions the library cannot compile (a capped walk, shortest paths, a timeline
// across two labels) are @cypher fields running the same statements as the hand-written floor.
import { CLAIM_KINDS, ENTITY_TYPES } from '../src/vocabulary.js';
import { CLAIMS_IN_TIME, CYPHER_FIELDS } from './queries.js';

const ENTITY_FIELDS = `
  id: ID!
  type: String!
  label: String!
  labelsJson: String!
  aliasesJson: String
  descriptionJson: String
  wikidata: String`;

const ENTITY_RELATIONSHIPS = `
  claims: [Claim!]! @relationship(type: "PARTICIPANT", direction: IN, properties: "Participation")
  assertedClaims: [Claim!]! @relationship(type: "ATTRIBUTED_TO", direction: IN, properties: "Attribution")
  events: [Event!]! @relationship(type: "PARTICIPANT", direction: IN, properties: "Participation")
  mentions: [Evidence!]! @relationship(type: "MENTIONS", direction: IN, properties: "Mention")
  claimsInTime(first: Int!): [Claim!]! @cypher(statement: """${CLAIMS_IN_TIME}""", columnName: "c")`;

const CLAIM_FIELDS = `
  id: ID!
  kind: String!
  summary: String!
  wording: String!
  status: String!
  hedge: String
  startDate: String
  precision: String
  sortDate: Date!`;

const CLAIM_RELATIONSHIPS = `
  participants: [Entity!]! @relationship(type: "PARTICIPANT", direction: OUT, properties: "Participation")
  attributedTo: [Entity!]! @relationship(type: "ATTRIBUTED_TO", direction: OUT, properties: "Attribution")
  evidence: [Evidence!]! @relationship(type: "EVIDENCED_BY", direction: OUT)
  about: [Event!]! @relationship(type: "ABOUT", direction: OUT)
  article: [Article!]! @relationship(type: "REPORTED_IN", direction: OUT)`;

/**
 * Every label has its type: Entity and Claim for the labels all entities and claims share, and
 * one type per entity type and claim kind. Relationships lead to the shared types. Written first
 * with interfaces (Entity and Claim as GraphQL interfaces, relationships between them), the library
 * compiled an entity's claims with their participants into a UNION of every pair of implementing
 * types, about 1,100 lines of Cypher, whose planning outlasted Neo4j's 30 s transaction timeout.
 */
export function peerTypeDefs(): string {
  const entities = ENTITY_TYPES.values
    .map((t) => `type ${t} @node(labels: ["${t}", "Entity"]) {${ENTITY_FIELDS}${ENTITY_RELATIONSHIPS}\n}`)
    .join('\n\n');
  const claims = CLAIM_KINDS.values
    .map((k) => `type ${k} @node(labels: ["${k}", "Claim"]) {${CLAIM_FIELDS}${CLAIM_RELATIONSHIPS}\n}`)
    .join('\n\n');
  const cypherFields = Object.values(CYPHER_FIELDS)
    .map((f) => `  ${f.field}: ${f.returns} @cypher(statement: """${f.cypher}""", columnName: "${f.column}")`)
    .join('\n');
  return `
type Entity @node(labels: ["Entity"])
  @fulltext(indexes: [{ indexName: "entity_name_keys", queryName: "searchEntities", fields: ["searchText"] }]) {${ENTITY_FIELDS}
  searchText: String${ENTITY_RELATIONSHIPS}
}

${entities}

type Claim @node(labels: ["Claim"]) {${CLAIM_FIELDS}${CLAIM_RELATIONSHIPS}
}

${claims}

type Event @node {
  id: ID!
  kind: String!
  label: String!
  status: String!
  startDate: String
  precision: String
  sortDate: Date!
  participants: [Entity!]! @relationship(type: "PARTICIPANT", direction: OUT, properties: "Participation")
  evidence: [Evidence!]! @relationship(type: "EVIDENCED_BY", direction: OUT)
  location: [Entity!]! @relationship(type: "AT", direction: OUT)
  partOf: [Event!]! @relationship(type: "PART_OF", direction: OUT)
}

type Evidence @node {
  id: ID!
  quote: String!
  prefix: String!
  suffix: String!
  start: Int!
  end: Int!
  article: [Article!]! @relationship(type: "IN_ARTICLE", direction: OUT)
  mentions: [Entity!]! @relationship(type: "MENTIONS", direction: OUT, properties: "Mention")
}

type Article @node {
  id: ID!
  language: String!
  title: String
  publishedOn: Date!
  dateline: String
}

type Participation @relationshipProperties {
  role: String!
}

type Attribution @relationshipProperties {
  cue: String!
}

type Mention @relationshipProperties {
  surface: String!
}

union TimelineItem = Event | Claim

type GraphNode {
  key: String!
  type: String!
}

type GraphEdge {
  source: String!
  type: String!
  target: String!
  role: String
}

type Neighborhood {
  nodes: [GraphNode!]!
  edges: [GraphEdge!]!
  truncated: Boolean!
}

type PathStep {
  relation: String!
  forward: Boolean!
}

type Path {
  nodes: [String!]!
  steps: [PathStep!]!
}

type Query {
${cypherFields}
}
`;
}
