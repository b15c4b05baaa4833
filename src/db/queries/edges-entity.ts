// The relationships followed from an entity: its mentions, the statements it takes part in, the
// relations between entities, what lies in a place, the articles that name it.
import {
  type DatePrecision,
  type DistanceBound,
  type DistanceUnit,
  RELATION_TYPES,
  type RelationType,
} from '../../vocabulary.js';
import { BY_ID, DIRECTION, NEWEST, QUOTES, RELATION_ORDER, TIME } from './edge-orders.js';
import { edge, NONE, type Roles } from './edge-spec.js';

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
  /** DISTANCE_FROM: how far, in which unit, hedged or not, measured from what (JSON by language), in which words. */
  distanceValue: number | null;
  distanceUnit: DistanceUnit | null;
  distanceApproximate: boolean | null;
  distanceBound: DistanceBound | null;
  distanceFromJson: string | null;
  distanceText: string | null;
  /** Added by a curator from outside the text: no evidence. */
  curated: boolean;
  note: string | null;
  evidenceIds: string[];
  /** The first source's article. */
  article: string;
  /** What each article says of it, by article id: written by relationFromSources (src/ingest/sources.ts). */
  sourcesJson: string | null;
}

const ENTITY_RELATIONS = RELATION_TYPES.values.join('|');
const RELATION_PROPS = {
  type: 'type(r)',
  direction: DIRECTION,
  titleJson: 'r.titleJson',
  roleJson: 'r.roleJson',
  since: 'r.since',
  sincePrecision: 'r.sincePrecision',
  sinceText: 'r.sinceText',
  distanceValue: 'r.distanceValue',
  distanceUnit: 'r.distanceUnit',
  distanceApproximate: 'r.distanceApproximate',
  distanceBound: 'r.distanceBound',
  distanceFromJson: 'r.distanceFromJson',
  distanceText: 'r.distanceText',
  curated: 'coalesce(r.curated, false)',
  note: 'r.note',
  evidenceIds: 'coalesce(r.evidenceIds, [])',
  article: 'r.article',
  sourcesJson: 'r.sourcesJson',
} as const;

export const ENTITY_EDGES = {
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
};
