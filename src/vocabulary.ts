// The closed lists of the graph, each written once with one description per value. The document
// format (zod), the GraphQL enums (Pothos) and the Cypher builders (labels, relationship types)
// all read them from here, so a value added here exists everywhere and nowhere else.

export interface Vocabulary<V extends string> {
  /** The values in their canonical order, as a non-empty tuple (zod's enum needs one). */
  readonly values: readonly [V, ...V[]];
  /** One description per value, shown in the GraphQL schema and the document's JSON Schema. */
  readonly descriptions: Readonly<Record<V, string>>;
  /** Whether a string is one of the values: narrows it for the compiler. */
  has(value: unknown): value is V;
}

function vocabulary<const D extends Record<string, string>>(descriptions: D): Vocabulary<keyof D & string> {
  // Object.keys loses the key type; the keys are exactly D's, in the order written.
  const values = Object.keys(descriptions) as unknown as [keyof D & string, ...(keyof D & string)[]];
  const set = new Set<string>(values);
  return { values, descriptions, has: (value): value is keyof D & string => set.has(value as string) };
}

export type ValueOf<T> = T extends Vocabulary<infer V> ? V : never;

export const ENTITY_TYPES = vocabulary({
  Person: 'A named person.',
  Organization: 'A named organization: a body, an agency, a government, a university.',
  Country: 'A country.',
  Location: 'A place that is not a country: a city, region, island, station, campus.',
  Group: 'An unnamed collective that speaks or acts ("foreign officials and experts", "observers").',
  Item: 'A thing traded, sought or used: weapons, technology, aid.',
});
export type EntityType = ValueOf<typeof ENTITY_TYPES>;

/** Entity types that are places: they contain one another and events happen at them. */
export const PLACE_TYPES: readonly EntityType[] = ['Country', 'Location'];
/** Entity types that can assert a claim or report an event. */
export const SPEAKER_TYPES: readonly EntityType[] = ['Person', 'Organization', 'Country', 'Group'];

export const CLAIM_KINDS = vocabulary({
  ArmsDeal: 'A transfer of weapons, or of something in exchange for them.',
  UNResolution: 'What United Nations resolutions decide, and for whom.',
  Statement: 'Something a speaker states as fact or position.',
  Assessment: 'An evaluation or prediction, by a speaker or by the article.',
});
export type ClaimKind = ValueOf<typeof CLAIM_KINDS>;

export const CLAIM_STATUSES = vocabulary({
  ASSERTED: 'Stated as fact by its source.',
  ALLEGED: 'Reported as suspected or possible ("bisa", "dugaan").',
  EXPECTED: 'Predicted to happen ("diperkirakan", "akan").',
  DENIED: 'Stated to be untrue by its source.',
  CONFIRMED: 'Confirmed by a party to it.',
});
export type ClaimStatus = ValueOf<typeof CLAIM_STATUSES>;

export const EVENT_STATUSES = vocabulary({
  OCCURRED: 'It happened.',
  ONGOING: 'It began and continues at the article date.',
  EXPECTED: 'The article expects it to happen.',
});
export type EventStatus = ValueOf<typeof EVENT_STATUSES>;

export const DATE_PRECISIONS = vocabulary({
  YEAR: 'The date names a year.',
  MONTH: 'The date names a month.',
  DAY: 'The date names a day.',
});
export type DatePrecision = ValueOf<typeof DATE_PRECISIONS>;

export const PARTS_OF_DAY = vocabulary({
  MORNING: 'In the morning ("pagi").',
  AFTERNOON: 'In the afternoon ("sore", "siang").',
  EVENING: 'In the evening ("malam").',
  NIGHT: 'At night.',
});
export type PartOfDay = ValueOf<typeof PARTS_OF_DAY>;

export const MANNERS = vocabulary({
  WRITTEN: 'In writing ("dalam tanggapan tertulisnya", "dalam pernyataan tertulis").',
  SPOKEN: 'Aloud, in person or by telephone.',
  THROUGH_INTERPRETER: 'Through an interpreter ("melalui penerjemah").',
  RECORDED: 'In a recording: a video, a broadcast ("merilis video").',
});
export type Manner = ValueOf<typeof MANNERS>;

export const ROLES = vocabulary({
  AGENT: 'Who does it.',
  PARTICIPANT: 'Who takes part, without a more specific role.',
  VISITOR: 'Who visits.',
  HOST: 'Who receives the visitor.',
  ATTENDEE: 'Who attends.',
  HONOREE: 'In whose honour it is held.',
  PERFORMER: 'Who performs (a band, a guard of honour).',
  DESTINATION: 'Where someone goes.',
  ORIGIN: 'Where someone comes from.',
  PARTY: 'A side of a war, an agreement or talks.',
  SUPPLIER: 'Who supplies the items.',
  RECIPIENT: 'Who receives them.',
  ITEM: 'What is supplied or traded.',
  COUNTERPART: 'What is given in return.',
  SUBJECT: 'Whom or what the claim is about.',
  SPEAKER: 'Who says it, as a participant of the claim.',
  BODY: 'The body that decides (a council, a parliament).',
  TARGET: 'Whom a decision binds or sanctions.',
  SUPPORTER: 'Who backs it.',
  ADVERSARY: 'Whom it is directed against.',
});
export type Role = ValueOf<typeof ROLES>;

export const RELATION_TYPES = vocabulary({
  HOLDS_ROLE: 'A person holds a title in a country or organization.',
  MEMBER_OF: 'A country is a member of an organization.',
  LOCATED_IN: 'A place or organization lies within a place.',
  DISTANCE_FROM: 'A place lies at a distance from another place (its `distance` says how far, from what).',
});

export const DISTANCE_UNITS = vocabulary({
  KM: 'Kilometres.',
  M: 'Metres.',
  MI: 'Miles.',
});
export type DistanceUnit = ValueOf<typeof DISTANCE_UNITS>;

/** A distance the text gives as a limit rather than a figure ("lebih dari 200 km"). */
export const DISTANCE_BOUNDS = vocabulary({
  AT_LEAST: 'At least the figure ("paling sedikit", "at least").',
  MORE_THAN: 'More than the figure ("lebih dari", "more than", "over").',
  AT_MOST: 'At most the figure ("paling jauh", "at most", "up to").',
  LESS_THAN: 'Less than the figure ("kurang dari", "less than", "under").',
});
export type DistanceBound = ValueOf<typeof DISTANCE_BOUNDS>;
export type RelationType = ValueOf<typeof RELATION_TYPES>;

export const CLAIM_LINK_TYPES = vocabulary({
  DISPUTES: 'The claim denies that the other is true ("no agreement was signed").',
  CONDEMNS: 'The claim holds what the other describes to be wrong or unlawful, without denying it happened.',
  CITES: 'The claim invokes the other as grounds.',
  SUPPORTS: 'The claim backs the other up.',
});
export type ClaimLinkType = ValueOf<typeof CLAIM_LINK_TYPES>;

/**
 * The claim link of databases written before DISPUTES and CONDEMNS: "disputes or condemns". No
 * document may say it any more; links already stored are still derived from their references and
 * read by the deprecated contradicts fields, until their articles are ingested again.
 */
export const RETIRED_CLAIM_LINK = 'CONTRADICTS';

/** The relationships that carry meaning between entities, events and claims (not provenance). */
export const SEMANTIC_RELATIONSHIPS = vocabulary({
  PARTICIPANT: 'An event or claim involves an entity in a role.',
  ATTRIBUTED_TO: 'A claim is asserted by an entity.',
  REPORTED_BY: 'An event is reported by an entity (a news agency).',
  HOLDS_ROLE: RELATION_TYPES.descriptions.HOLDS_ROLE,
  MEMBER_OF: RELATION_TYPES.descriptions.MEMBER_OF,
  LOCATED_IN: RELATION_TYPES.descriptions.LOCATED_IN,
  DISTANCE_FROM: RELATION_TYPES.descriptions.DISTANCE_FROM,
  AT: 'An event takes place at a place.',
  PART_OF: 'An event is part of a larger one.',
  ABOUT: 'A claim is about an event.',
  DISPUTES: CLAIM_LINK_TYPES.descriptions.DISPUTES,
  CONDEMNS: CLAIM_LINK_TYPES.descriptions.CONDEMNS,
  CITES: CLAIM_LINK_TYPES.descriptions.CITES,
  SUPPORTS: CLAIM_LINK_TYPES.descriptions.SUPPORTS,
});
export type SemanticRelationship = ValueOf<typeof SEMANTIC_RELATIONSHIPS>;

export const DIRECTIONS = vocabulary({
  OUTGOING: 'From this object to others.',
  INCOMING: 'From others to this object.',
  BOTH: 'Either way.',
});
export type Direction = ValueOf<typeof DIRECTIONS>;
