// What the API reads of each kind of node: a row type, and beside it the Cypher projection that
// produces exactly that row. `projection<Row>()` requires an expression for every field of the
// row and no other, so the two cannot drift apart; resolvers receive these rows as they are.
import type {
  ClaimKind,
  ClaimStatus,
  DatePrecision,
  EntityType,
  EventStatus,
  PartOfDay,
  SemanticRelationship,
} from '../../vocabulary.js';
import type { Plain } from '../mappers.js';

/** A Cypher expression over the node variable, written with `$v` for the variable. */
type Projection<Row> = { readonly [K in keyof Row]-?: string };

const projection =
  <Row>() =>
  <const P extends Projection<Row>>(fields: P & Record<Exclude<keyof P, keyof Row>, never>) =>
    fields;

/** The time of an event or claim, as precise as the text makes it (see src/dates.ts). */
export interface DateFields {
  startDate: string | null;
  endDate: string | null;
  precision: DatePrecision | null;
  approximate: boolean;
  partOfDay: PartOfDay | null;
  dateText: string | null;
  /** The day it sorts by: its own first day, its larger event's, or its article's date. */
  sortDate: string;
}

/**
 * What several articles reporting one event or claim add to it (derived from its reports,
 * src/ingest/statements.ts): how many support it, whether they disagree or one denies it, and the
 * values they give that differ (JSON: see src/ingest/values.ts).
 */
export interface CorroborationFields {
  reportCount: number;
  sourceCount: number;
  outletCount: number;
  contested: boolean;
  denied: boolean;
  valuesJson: string;
}

export interface ArticleRow {
  __type: 'Article';
  id: string;
  language: string;
  title: string | null;
  outlet: string | null;
  publishedOn: string;
  dateline: string | null;
  photoCaption: string | null;
  photoCaptionEvidence: string | null;
  photoCredit: string | null;
  relatedJson: string;
  contentHash: string;
  ingestedAt: string;
}

export interface ParagraphRow {
  __type: 'Paragraph';
  id: string;
  index: number;
  start: number;
  end: number;
  text: string;
  articleId: string;
}

export interface EvidenceRow {
  __type: 'Evidence';
  id: string;
  quote: string;
  prefix: string;
  suffix: string;
  start: number;
  end: number;
  paragraphId: string;
  articleId: string;
}

export interface EntityRow {
  __type: EntityType;
  id: string;
  type: EntityType;
  label: string;
  labelsJson: string;
  aliasesJson: string;
  descriptionJson: string | null;
  wikidata: string | null;
}

export interface EventRow extends DateFields, CorroborationFields {
  __type: 'Event';
  id: string;
  kind: string;
  label: string;
  labelJson: string;
  summaryJson: string | null;
  status: EventStatus;
  articleId: string;
}

export interface ClaimRow extends DateFields, CorroborationFields {
  __type: ClaimKind;
  id: string;
  kind: ClaimKind;
  summary: string;
  wording: string;
  status: ClaimStatus;
  hedge: string | null;
  articleId: string;
}

/** One article's account of an event or claim, as that article gives it. */
export interface ReportRow extends DateFields {
  __type: 'Report';
  id: string;
  of: 'Event' | 'Claim';
  kind: string;
  article: string;
  outlet: string | null;
  publishedOn: string;
  label: string | null;
  labelJson: string | null;
  summary: string | null;
  wording: string | null;
  status: string;
  hedge: string | null;
  locationId: string | null;
}

/** The row each node label is read as. */
export interface RowOf {
  Article: ArticleRow;
  Paragraph: ParagraphRow;
  Evidence: EvidenceRow;
  Entity: EntityRow;
  Event: EventRow;
  Claim: ClaimRow;
  Report: ReportRow;
}
export type NodeLabel = keyof RowOf;
export type AnyRow = RowOf[NodeLabel];
/** What graph questions (neighbourhoods, paths, timelines) draw: entities, events and claims. */
export type GraphRow = EntityRow | EventRow | ClaimRow;

// Dates leave the database as text: decoding a driver Date costs more than the rest of a row.
const DATE_FIELDS = {
  startDate: 'toString($v.startDate)',
  endDate: 'toString($v.endDate)',
  precision: '$v.precision',
  approximate: 'coalesce($v.approximate, false)',
  partOfDay: '$v.partOfDay',
  dateText: '$v.dateText',
  sortDate: 'toString($v.sortDate)',
} as const;

// A statement written before reports were counted has one report: its own article's.
const CORROBORATION_FIELDS = {
  reportCount: 'coalesce($v.reportCount, 1)',
  sourceCount: 'coalesce($v.sourceCount, 1)',
  outletCount: 'coalesce($v.outletCount, 1)',
  contested: 'coalesce($v.contested, false)',
  denied: 'coalesce($v.denied, false)',
  valuesJson: "coalesce($v.valuesJson, '[]')",
} as const;

// Ids carry the article they belong to (src/ingest/plan.ts): "<article>#p<i>" for a paragraph,
// "<article>@<start>-<end>" for evidence, "<article>/<id>" for an event or claim, and article ids
// have none of these characters. Reading the article from the id spares a traversal per row.
const PROJECTIONS: { [L in NodeLabel]: Projection<RowOf[L]> } = {
  Article: projection<ArticleRow>()({
    __type: "'Article'",
    id: '$v.id',
    language: '$v.language',
    title: '$v.title',
    outlet: '$v.outlet',
    publishedOn: 'toString($v.publishedOn)',
    dateline: '$v.dateline',
    photoCaption: '$v.photoCaption',
    photoCaptionEvidence: '$v.photoCaptionEvidence',
    photoCredit: '$v.photoCredit',
    relatedJson: "coalesce($v.relatedJson, '[]')",
    contentHash: '$v.contentHash',
    ingestedAt: '$v.ingestedAt',
  }),
  Paragraph: projection<ParagraphRow>()({
    __type: "'Paragraph'",
    id: '$v.id',
    index: '$v.index',
    start: '$v.start',
    end: '$v.end',
    text: '$v.text',
    articleId: "split($v.id, '#')[0]",
  }),
  Evidence: projection<EvidenceRow>()({
    __type: "'Evidence'",
    id: '$v.id',
    quote: '$v.quote',
    prefix: '$v.prefix',
    suffix: '$v.suffix',
    start: '$v.start',
    end: '$v.end',
    paragraphId: 'head([($v)-[:IN_PARAGRAPH]->(in_paragraph) | in_paragraph.id])',
    articleId: "split($v.id, '@')[0]",
  }),
  Entity: projection<EntityRow>()({
    __type: '$v.type',
    id: '$v.id',
    type: '$v.type',
    label: '$v.label',
    labelsJson: '$v.labelsJson',
    aliasesJson: "coalesce($v.aliasesJson, '{}')",
    descriptionJson: '$v.descriptionJson',
    wikidata: '$v.wikidata',
  }),
  Event: projection<EventRow>()({
    __type: "'Event'",
    id: '$v.id',
    kind: '$v.kind',
    label: '$v.label',
    labelJson: '$v.labelJson',
    summaryJson: '$v.summaryJson',
    status: '$v.status',
    articleId: "split($v.id, '/')[0]",
    ...DATE_FIELDS,
    ...CORROBORATION_FIELDS,
  }),
  Claim: projection<ClaimRow>()({
    __type: '$v.kind',
    id: '$v.id',
    kind: '$v.kind',
    summary: '$v.summary',
    wording: '$v.wording',
    status: '$v.status',
    hedge: '$v.hedge',
    articleId: "split($v.id, '/')[0]",
    ...DATE_FIELDS,
    ...CORROBORATION_FIELDS,
  }),
  Report: projection<ReportRow>()({
    __type: "'Report'",
    id: '$v.id',
    of: '$v.of',
    kind: '$v.kind',
    article: '$v.article',
    outlet: '$v.outlet',
    publishedOn: 'toString($v.publishedOn)',
    label: '$v.label',
    labelJson: '$v.labelJson',
    summary: '$v.summary',
    wording: '$v.wording',
    status: '$v.status',
    hedge: '$v.hedge',
    locationId: '$v.locationId',
    ...DATE_FIELDS,
  }),
};

/** The row fields a partial date is made of. */
export const DATE_KEYS = [
  'startDate',
  'endDate',
  'precision',
  'approximate',
  'partOfDay',
  'dateText',
] as const;

/** What the fields of the Reported interface (events and claims) read: CorroborationFields. */
const REPORTED: Readonly<Record<string, readonly (keyof CorroborationFields)[]>> = {
  reports: [],
  reportCount: ['reportCount'],
  sourceCount: ['sourceCount'],
  outletCount: ['outletCount'],
  contested: ['contested'],
  denied: ['denied'],
  values: ['valuesJson'],
};

/**
 * What each GraphQL field of an entity, event, claim or evidence reads of its row, beyond the
 * `__type` and `id` every row has: a compiled request projects only what its selection reads
 * (projectSelected). A field that follows an edge by the row's id reads nothing more (its page
 * comes under `__p` or from the loaders); a field that is not listed reads the whole row, so a
 * selection with one projects everything. Checked field by field against whole rows by
 * test/integration/selected-projection.int.test.ts.
 */
const READS: { [L in SelectedLabel]: Readonly<Record<string, readonly (keyof RowOf[L])[]>> } = {
  Entity: {
    key: [],
    id: [],
    type: ['type'],
    label: ['label', 'labelsJson'],
    labels: ['labelsJson'],
    aliases: ['aliasesJson'],
    description: ['descriptionJson'],
    wikidata: ['wikidata'],
    mentions: [],
    claims: [],
    assertedClaims: [],
    events: [],
    reportedEvents: [],
    articles: [],
    relations: [],
  },
  Event: {
    key: [],
    id: [],
    kind: ['kind'],
    label: ['label', 'labelJson'],
    summary: ['summaryJson'],
    status: ['status'],
    time: DATE_KEYS,
    location: [],
    partOf: [],
    parts: [],
    participants: [],
    reportedBy: [],
    evidence: [],
    claims: [],
    article: ['articleId'],
    ...REPORTED,
  },
  Claim: {
    key: [],
    id: [],
    kind: ['kind'],
    summary: ['summary'],
    wording: ['wording'],
    status: ['status'],
    hedge: ['hedge'],
    time: DATE_KEYS,
    participants: [],
    attributedTo: [],
    assertedByArticle: [],
    evidence: [],
    about: [],
    links: [],
    disputes: [],
    disputedBy: [],
    condemns: [],
    condemnedBy: [],
    contradicts: [],
    contradictedBy: [],
    cites: [],
    citedBy: [],
    supports: [],
    supportedBy: [],
    suppliers: [],
    recipients: [],
    items: [],
    inReturn: [],
    bodies: [],
    targets: [],
    supporters: [],
    article: ['articleId'],
    ...REPORTED,
  },
  Evidence: {
    id: [],
    quote: ['quote'],
    prefix: ['prefix'],
    suffix: ['suffix'],
    start: ['start'],
    end: ['end'],
    paragraph: ['paragraphId'],
    article: ['articleId'],
    claims: [],
    events: [],
  },
};

/** The labels whose rows a compiled request projects by what it selects. */
export type SelectedLabel = 'Entity' | 'Event' | 'Claim' | 'Evidence';

const isSelectedLabel = (label: string): label is SelectedLabel => label in READS;

/**
 * The row fields a selection of GraphQL fields (by name, on any type of the label) reads, or
 * undefined when one of them may read anything (so the whole row is projected).
 */
export function rowFieldsFor(label: NodeLabel, selected: Iterable<string>): ReadonlySet<string> | undefined {
  if (!isSelectedLabel(label)) return undefined;
  const reads: Readonly<Record<string, readonly string[]>> = READS[label];
  const fields = new Set<string>(['__type', 'id']);
  for (const name of selected) {
    if (name === '__typename') continue;
    const needs = reads[name];
    if (!needs) return undefined;
    for (const f of needs) fields.add(f);
  }
  return fields;
}

const compiled = new Map<string, string>();

/**
 * The Cypher map that projects the node in `variable` as its label's row. `extra` adds entries
 * (`__p: {…}`, the pages a compiled request read below the node; see src/schema/compile.ts).
 * With `fields`, only those entries of the row are projected: the rows of a compiled statement,
 * whose resolvers read no more than rowFieldsFor says; such rows never reach the loaders' caches.
 */
export function project(
  label: NodeLabel,
  variable: string,
  extra?: string,
  fields?: ReadonlySet<string>,
): string {
  const entriesOf = () =>
    Object.entries(PROJECTIONS[label])
      .filter(([key]) => !fields || fields.has(key))
      .map(([key, expr]) => `${key}: ${expr.replaceAll('$v', variable)}`)
      .join(', ');
  // Whole rows are cached by label and variable; selections are as many as clients make, so not.
  let entries = fields ? entriesOf() : compiled.get(`${label} ${variable}`);
  if (entries === undefined) {
    entries = entriesOf();
    compiled.set(`${label} ${variable}`, entries);
  }
  return `{${entries}${extra ? `, ${extra}` : ''}}`;
}

/** For a node that may be of several labels (a union's item): the row fields each label projects. */
export type FieldsByLabel = Partial<Record<NodeLabel, ReadonlySet<string>>>;

/**
 * Projects an Entity, Event or Claim node, whichever it is; with `byLabel`, only the fields of its
 * label's row given there (a label missing there projects its whole row).
 */
export const projectAny = (v: string, extra?: string, byLabel?: FieldsByLabel) =>
  `CASE WHEN ${v}:Entity THEN ${project('Entity', v, extra, byLabel?.Entity)} WHEN ${v}:Claim THEN ${project('Claim', v, extra, byLabel?.Claim)} ELSE ${project('Event', v, extra, byLabel?.Event)} END`;

/**
 * What a drawing shows of an entity, event or claim (GraphNode): its type, key and label, and the
 * label it has in the database, which says how to load the whole object when a client asks for it.
 */
export interface DrawnRow {
  __type: EntityType | 'Event' | ClaimKind;
  of: 'Entity' | 'Event' | 'Claim';
  id: string;
  /** An entity's or event's name in English, a claim's summary. */
  label: string;
  /** The name by language (JSON), for entities and events. */
  labelsJson: string | null;
  /** A claim's status; null for events and entities. */
  claimStatus: ClaimStatus | null;
  /** An event's status; null for claims and entities. */
  eventStatus: EventStatus | null;
}

const DRAWN: { [L in DrawnRow['of']]: Projection<DrawnRow> } = {
  Entity: projection<DrawnRow>()({
    __type: '$v.type',
    of: "'Entity'",
    id: '$v.id',
    label: '$v.label',
    labelsJson: '$v.labelsJson',
    claimStatus: 'null',
    eventStatus: 'null',
  }),
  Event: projection<DrawnRow>()({
    __type: "'Event'",
    of: "'Event'",
    id: '$v.id',
    label: '$v.label',
    labelsJson: '$v.labelJson',
    claimStatus: 'null',
    eventStatus: '$v.status',
  }),
  Claim: projection<DrawnRow>()({
    __type: '$v.kind',
    of: "'Claim'",
    id: '$v.id',
    label: '$v.summary',
    labelsJson: 'null',
    claimStatus: '$v.status',
    eventStatus: 'null',
  }),
};

// Drawn rows travel as lists of values in a fixed order, not as maps. A neighbourhood is one large
// record, which the driver receives in many chunks and reads slowly: each string it decodes there
// (every key of every map among them) walks all the chunks. As lists, the 200 nodes and 434
// relationships of a depth-2 neighbourhood of a hub (1,000 generated articles) took the server
// about 4 ms of CPU to decode instead of about 20.

/** The keys of a projection, in the order its list carries their values. */
const keysOf = <Row>(fields: Projection<Row>) => Object.keys(fields) as (keyof Row & string)[];

/** The values of `fields` over the variable `v`, in the order of `keys`, for a Cypher list. */
const values = <Row>(fields: Projection<Row>, keys: readonly (keyof Row & string)[], v: string) =>
  keys.map((k) => fields[k].replaceAll('$v', v)).join(', ');

const list = <Row>(fields: Projection<Row>, keys: readonly (keyof Row & string)[], v: string) =>
  `[${values(fields, keys, v)}]`;

/** Makes the row back from its list, reading `keys.length` values from `at`. */
function fromList<Row>(keys: readonly (keyof Row)[], from: readonly Plain[], at = 0): Row {
  const row: Partial<Record<keyof Row, Plain | undefined>> = {};
  for (let i = 0; i < keys.length; i++) row[keys[i] as keyof Row] = from[at + i];
  // The list was projected from the same keys in the same order (list above), so it holds the row.
  return row as Row;
}

/** A drawn node as its statement returns it: the values of DrawnRow in the order of DRAWN_KEYS. */
export type DrawnList = readonly Plain[];

const DRAWN_KEYS = keysOf(DRAWN.Entity);

/** Projects an Entity, Event or Claim node as a drawing shows it (read it with `readDrawn`). */
export const projectDrawn = (v: string) =>
  `CASE WHEN ${v}:Entity THEN ${list(DRAWN.Entity, DRAWN_KEYS, v)} WHEN ${v}:Claim THEN ${list(DRAWN.Claim, DRAWN_KEYS, v)} ELSE ${list(DRAWN.Event, DRAWN_KEYS, v)} END`;

export const readDrawn = (row: DrawnList): DrawnRow => fromList<DrawnRow>(DRAWN_KEYS, row);

/**
 * The properties of a relationship a drawing reads (GraphEdge): what tells it from others of its
 * type between the same nodes (a PARTICIPANT's role, a relation's key) and the qualifiers it
 * shows. The rest, such as the articles stating it, grows with every article and is left out.
 */
export interface DrawnProps {
  role: string | null;
  key: string | null;
  titleJson: string | null;
  roleJson: string | null;
  cue: string | null;
}

const DRAWN_PROPS = projection<DrawnProps>()({
  role: '$v.role',
  key: '$v.key',
  titleJson: '$v.titleJson',
  roleJson: '$v.roleJson',
  cue: '$v.cue',
});

const DRAWN_PROPS_KEYS = keysOf(DRAWN_PROPS);

/** A relationship between two graph nodes, as drawn: its type, its ends' keys and the properties drawn. */
export interface RelationshipRow {
  type: SemanticRelationship;
  start: string;
  end: string;
  props: DrawnProps;
}

/** A drawn relationship as its statement returns it: type, start, end, then the values of DrawnProps. */
export type RelationshipList = readonly Plain[];

/** Projects the relationship in `v`, between nodes whose keys are `start` and `end` (read it with `readRelationship`). */
export const projectDrawnRelationship = (v: string, start: string, end: string) =>
  `[type(${v}), ${start}, ${end}, ${values(DRAWN_PROPS, DRAWN_PROPS_KEYS, v)}]`;

export const readRelationship = (r: RelationshipList): RelationshipRow => ({
  // Projected as type(r), the key of its start and of its end, over the semantic relationships.
  type: r[0] as SemanticRelationship,
  start: r[1] as string,
  end: r[2] as string,
  props: fromList<DrawnProps>(DRAWN_PROPS_KEYS, r, 3),
});

/** What a compiled request read below a row: for each response key, a page of an edge. */
export interface Prefetched {
  __p?: Record<string, { sig: number; items: unknown[]; total?: number }>;
}
