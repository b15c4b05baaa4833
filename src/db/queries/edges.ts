// Every relationship the API follows, by name: where it starts and ends, the path between, what
// the edge itself carries, and how its items are ordered. Typed by label and by edge, so a loader
// of `entityClaims` yields ClaimRows with their roles and nothing else.
import {
  CLAIM_LINK_TYPES,
  type ClaimLinkType,
  type DatePrecision,
  RELATION_TYPES,
  type RelationType,
  type Role,
} from '../../vocabulary.js';
import type { Order } from './order.js';
import type { NodeLabel } from './rows.js';

const TIME: Order = {
  name: 'TIME',
  keys: [
    { expr: 'y.sortDate', type: 'date' },
    { expr: 'y.id', type: 'string' },
  ],
};
const BY_ID: Order = { name: 'ID', keys: [{ expr: 'y.id', type: 'string' }] };
const TEXT: Order = {
  name: 'TEXT',
  keys: [
    { expr: 'y.start', type: 'number' },
    { expr: 'y.end', type: 'number' },
    { expr: 'y.id', type: 'string' },
  ],
};
// Quotes of one article together, in text order.
const QUOTES: Order = {
  name: 'TEXT',
  keys: [
    { expr: "split(y.id, '@')[0]", type: 'string' },
    { expr: 'y.start', type: 'number' },
    { expr: 'y.id', type: 'string' },
  ],
};
const PARAGRAPHS: Order = { name: 'TEXT', keys: [{ expr: 'y.index', type: 'number' }] };
const NEWEST: Order = {
  name: 'NEWEST',
  keys: [
    { expr: 'y.publishedOn', type: 'date', descending: true },
    { expr: 'y.id', type: 'string' },
  ],
};
const ENTITY_NAME: Order = {
  name: 'TYPE_NAME',
  keys: [
    { expr: 'y.type', type: 'string' },
    { expr: 'y.label', type: 'string' },
    { expr: 'y.id', type: 'string' },
  ],
};
const ROLE_THEN_ID: Order = {
  name: 'ROLE',
  keys: [
    { expr: 'r.role', type: 'string' },
    { expr: 'y.id', type: 'string' },
  ],
};
// Relationships followed either way: the parent's outgoing ones first. `{x}` is the parent.
const OUTGOING_FIRST = { expr: 'CASE WHEN startNode(r) = {x} THEN 0 ELSE 1 END', type: 'number' } as const;
// Two articles can state the same relation: each is its own edge, told apart by its article.
const RELATION_ORDER: Order = {
  name: 'RELATION',
  keys: [
    OUTGOING_FIRST,
    { expr: 'type(r)', type: 'string' },
    { expr: 'y.id', type: 'string' },
    { expr: "coalesce(r.article, '')", type: 'string' },
    { expr: 'elementId(r)', type: 'string' },
  ],
};
const LINK_ORDER: Order = {
  name: 'LINK',
  keys: [OUTGOING_FIRST, { expr: 'type(r)', type: 'string' }, { expr: 'y.id', type: 'string' }],
};
const DIRECTION = "CASE WHEN startNode(r) = {x} THEN 'OUTGOING' ELSE 'INCOMING' END";

/** The properties of a relation between entities, as stored on the relationship. */
export interface RelationProps {
  type: RelationType;
  /** Which end the parent is: OUTGOING when it is the subject. */
  direction: 'OUTGOING' | 'INCOMING';
  titleJson: string | null;
  roleJson: string | null;
  since: string | null;
  /** Written from the document's DatePrecision by ingestion. */
  sincePrecision: DatePrecision | null;
  sinceText: string | null;
  evidenceIds: string[];
  article: string;
}

/** A way a statement involves an entity, as the involvement indexes know it. */
export interface Involvement {
  rel: 'PARTICIPANT' | 'ATTRIBUTED_TO' | 'REPORTED_BY' | 'AT';
  label: 'Claim' | 'Event';
}

export interface EdgeSpec<From extends NodeLabel, To extends NodeLabel, Props> {
  from: From;
  to: To;
  /** The path from (x) to (y); the relationship whose properties the edge reads is r. */
  pattern: string;
  /** The edge's own fields as Cypher over r (aggregates when grouped). */
  props: { readonly [K in keyof Props]-?: string };
  /**
   * One edge per target, its relationships aggregated: an entity that plays two roles in one claim
   * is one claim with two roles; an article reached through many quotes is one article.
   */
  grouped: boolean;
  order: Order;
  /**
   * For an entity's statements: the relationship and label whose involvement index
   * (schema/neo4j/005_involvements.cypher) serves pages in time order.
   */
  involvement?: Involvement;
  /** Phantom: the edge's props type, for the compiler. */
  readonly __props?: Props;
}

const edge =
  <From extends NodeLabel, To extends NodeLabel, Props = Record<never, never>>() =>
  (spec: Omit<EdgeSpec<From, To, Props>, '__props'>): EdgeSpec<From, To, Props> =>
    spec;

const NONE = {} as const;
const CLAIM_LINKS = CLAIM_LINK_TYPES.values.join('|');
const ENTITY_RELATIONS = RELATION_TYPES.values.join('|');
const RELATION_PROPS = {
  type: 'type(r)',
  direction: DIRECTION,
  titleJson: 'r.titleJson',
  roleJson: 'r.roleJson',
  since: 'r.since',
  sincePrecision: 'r.sincePrecision',
  sinceText: 'r.sinceText',
  evidenceIds: 'coalesce(r.evidenceIds, [])',
  article: 'r.article',
} as const;
const LINK_PROPS = { type: 'type(r)', direction: DIRECTION } as const;
const ATTRIBUTION_PROPS = { cue: "coalesce(r.cue, '')", evidenceIds: 'coalesce(r.evidenceIds, [])' } as const;

type Roles = { roles: Role[] };
type Attribution = { cue: string; evidenceIds: string[] };
type Link = { type: ClaimLinkType; direction: 'OUTGOING' | 'INCOMING' };

export const EDGES = {
  entityMentions: edge<'Entity', 'Evidence', { surface: string }>()({
    from: 'Entity',
    to: 'Evidence',
    pattern: '<-[r:MENTIONS]-',
    props: { surface: "coalesce(r.surface, '')" },
    grouped: false,
    order: QUOTES,
  }),
  entityClaims: edge<'Entity', 'Claim', Roles>()({
    from: 'Entity',
    to: 'Claim',
    pattern: '<-[r:PARTICIPANT]-',
    props: { roles: 'collect(DISTINCT r.role)' },
    grouped: true,
    order: TIME,
    involvement: { rel: 'PARTICIPANT', label: 'Claim' },
  }),
  entityAssertedClaims: edge<'Entity', 'Claim', { cue: string }>()({
    from: 'Entity',
    to: 'Claim',
    pattern: '<-[r:ATTRIBUTED_TO]-',
    props: { cue: "coalesce(r.cue, '')" },
    grouped: false,
    order: TIME,
    involvement: { rel: 'ATTRIBUTED_TO', label: 'Claim' },
  }),
  entityEvents: edge<'Entity', 'Event', Roles>()({
    from: 'Entity',
    to: 'Event',
    pattern: '<-[r:PARTICIPANT]-',
    props: { roles: 'collect(DISTINCT r.role)' },
    grouped: true,
    order: TIME,
    involvement: { rel: 'PARTICIPANT', label: 'Event' },
  }),
  entityEventsHere: edge<'Entity', 'Event'>()({
    from: 'Entity',
    to: 'Event',
    pattern: '<-[r:AT]-',
    props: NONE,
    grouped: true,
    order: TIME,
    involvement: { rel: 'AT', label: 'Event' },
  }),
  entityReportedEvents: edge<'Entity', 'Event'>()({
    from: 'Entity',
    to: 'Event',
    pattern: '<-[r:REPORTED_BY]-',
    props: NONE,
    grouped: true,
    order: TIME,
    involvement: { rel: 'REPORTED_BY', label: 'Event' },
  }),
  entityRelations: edge<'Entity', 'Entity', RelationProps>()({
    from: 'Entity',
    to: 'Entity',
    pattern: `-[r:${ENTITY_RELATIONS}]-`,
    props: RELATION_PROPS,
    grouped: false,
    order: RELATION_ORDER,
  }),
  /** What lies directly in a place: each place or organization once, however many articles say so. */
  entityContents: edge<'Entity', 'Entity'>()({
    from: 'Entity',
    to: 'Entity',
    pattern: '<-[r:LOCATED_IN]-',
    props: NONE,
    grouped: true,
    order: BY_ID,
  }),
  entityArticles: edge<'Entity', 'Article'>()({
    from: 'Entity',
    to: 'Article',
    pattern: '<-[:MENTIONS]-(:Evidence)-[r:IN_ARTICLE]->',
    props: NONE,
    grouped: true,
    order: NEWEST,
  }),
  claimParticipants: edge<'Claim', 'Entity', { role: Role }>()({
    from: 'Claim',
    to: 'Entity',
    pattern: '-[r:PARTICIPANT]->',
    props: { role: 'r.role' },
    grouped: false,
    order: ROLE_THEN_ID,
  }),
  claimAttributions: edge<'Claim', 'Entity', Attribution>()({
    from: 'Claim',
    to: 'Entity',
    pattern: '-[r:ATTRIBUTED_TO]->',
    props: ATTRIBUTION_PROPS,
    grouped: false,
    order: BY_ID,
  }),
  claimEvidence: edge<'Claim', 'Evidence'>()({
    from: 'Claim',
    to: 'Evidence',
    pattern: '-[r:EVIDENCED_BY]->',
    props: NONE,
    grouped: true,
    order: TEXT,
  }),
  claimAbout: edge<'Claim', 'Event'>()({
    from: 'Claim',
    to: 'Event',
    pattern: '-[r:ABOUT]->',
    props: NONE,
    grouped: true,
    order: TIME,
  }),
  claimLinks: edge<'Claim', 'Claim', Link>()({
    from: 'Claim',
    to: 'Claim',
    pattern: `-[r:${CLAIM_LINKS}]-`,
    props: LINK_PROPS,
    grouped: false,
    order: LINK_ORDER,
  }),
  eventParticipants: edge<'Event', 'Entity', { role: Role }>()({
    from: 'Event',
    to: 'Entity',
    pattern: '-[r:PARTICIPANT]->',
    props: { role: 'r.role' },
    grouped: false,
    order: ROLE_THEN_ID,
  }),
  eventReportedBy: edge<'Event', 'Entity', Attribution>()({
    from: 'Event',
    to: 'Entity',
    pattern: '-[r:REPORTED_BY]->',
    props: ATTRIBUTION_PROPS,
    grouped: false,
    order: BY_ID,
  }),
  eventEvidence: edge<'Event', 'Evidence'>()({
    from: 'Event',
    to: 'Evidence',
    pattern: '-[r:EVIDENCED_BY]->',
    props: NONE,
    grouped: true,
    order: TEXT,
  }),
  eventLocation: edge<'Event', 'Entity'>()({
    from: 'Event',
    to: 'Entity',
    pattern: '-[r:AT]->',
    props: NONE,
    grouped: true,
    order: BY_ID,
  }),
  eventPartOf: edge<'Event', 'Event'>()({
    from: 'Event',
    to: 'Event',
    pattern: '-[r:PART_OF]->',
    props: NONE,
    grouped: true,
    order: BY_ID,
  }),
  eventParts: edge<'Event', 'Event'>()({
    from: 'Event',
    to: 'Event',
    pattern: '<-[r:PART_OF]-',
    props: NONE,
    grouped: true,
    order: TIME,
  }),
  eventClaims: edge<'Event', 'Claim'>()({
    from: 'Event',
    to: 'Claim',
    pattern: '<-[r:ABOUT]-',
    props: NONE,
    grouped: true,
    order: TIME,
  }),
  evidenceMentions: edge<'Evidence', 'Entity', { surface: string }>()({
    from: 'Evidence',
    to: 'Entity',
    pattern: '-[r:MENTIONS]->',
    props: { surface: "coalesce(r.surface, '')" },
    grouped: false,
    order: BY_ID,
  }),
  evidenceClaims: edge<'Evidence', 'Claim'>()({
    from: 'Evidence',
    to: 'Claim',
    pattern: '<-[r:EVIDENCED_BY]-',
    props: NONE,
    grouped: true,
    order: BY_ID,
  }),
  evidenceEvents: edge<'Evidence', 'Event'>()({
    from: 'Evidence',
    to: 'Event',
    pattern: '<-[r:EVIDENCED_BY]-',
    props: NONE,
    grouped: true,
    order: BY_ID,
  }),
  evidenceParagraph: edge<'Evidence', 'Paragraph'>()({
    from: 'Evidence',
    to: 'Paragraph',
    pattern: '-[r:IN_PARAGRAPH]->',
    props: NONE,
    grouped: true,
    order: BY_ID,
  }),
  evidenceArticle: edge<'Evidence', 'Article'>()({
    from: 'Evidence',
    to: 'Article',
    pattern: '-[r:IN_ARTICLE]->',
    props: NONE,
    grouped: true,
    order: BY_ID,
  }),
  paragraphArticle: edge<'Paragraph', 'Article'>()({
    from: 'Paragraph',
    to: 'Article',
    pattern: '-[r:IN_ARTICLE]->',
    props: NONE,
    grouped: true,
    order: BY_ID,
  }),
  paragraphEvidence: edge<'Paragraph', 'Evidence'>()({
    from: 'Paragraph',
    to: 'Evidence',
    pattern: '<-[r:IN_PARAGRAPH]-',
    props: NONE,
    grouped: true,
    order: TEXT,
  }),
  articleParagraphs: edge<'Article', 'Paragraph'>()({
    from: 'Article',
    to: 'Paragraph',
    pattern: '<-[r:IN_ARTICLE]-',
    props: NONE,
    grouped: true,
    order: PARAGRAPHS,
  }),
  articleEvents: edge<'Article', 'Event'>()({
    from: 'Article',
    to: 'Event',
    pattern: '<-[r:REPORTED_IN]-',
    props: NONE,
    grouped: true,
    order: TIME,
  }),
  articleClaims: edge<'Article', 'Claim'>()({
    from: 'Article',
    to: 'Claim',
    pattern: '<-[r:REPORTED_IN]-',
    props: NONE,
    grouped: true,
    order: TIME,
  }),
  articleEntities: edge<'Article', 'Entity'>()({
    from: 'Article',
    to: 'Entity',
    pattern: '<-[:IN_ARTICLE]-(:Evidence)-[r:MENTIONS]->',
    props: NONE,
    grouped: true,
    order: ENTITY_NAME,
  }),
};

export type Edges = typeof EDGES;
export type EdgeName = keyof Edges;
/** The props each edge carries, as its loader returns them. */
export type PropsOf<E extends EdgeName> =
  Edges[E] extends EdgeSpec<NodeLabel, NodeLabel, infer P> ? P : never;
export type TargetOf<E extends EdgeName> = Edges[E]['to'];
export type SourceOf<E extends EdgeName> = Edges[E]['from'];
