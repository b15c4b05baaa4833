// The article document: the one format ingestion accepts. schema/article.schema.json is
// generated from these definitions (npm run schema:print), so code and published schema agree.
import { z } from 'zod';
import { isCalendarDate, PARTIAL_DATE } from '../dates.js';
import {
  CLAIM_KINDS,
  CLAIM_LINK_TYPES,
  CLAIM_STATUSES,
  DATE_PRECISIONS,
  DISTANCE_BOUNDS,
  DISTANCE_UNITS,
  ENTITY_TYPES,
  EVENT_STATUSES,
  MANNERS,
  PARTS_OF_DAY,
  RELATION_TYPES,
  ROLES,
} from '../vocabulary.js';

const localId = z
  .string()
  .regex(/^[a-z][a-z0-9]*(?:[-:.][a-z0-9]+)*$/, 'lower-case letters, digits and - : . separators')
  .max(120);

export const evidenceSpan = z
  .object({
    quote: z.string().min(1).describe('The exact text of the span, as it stands in the article.'),
    start: z.number().int().min(0).describe('Offset of the first code point of the span in article.text.'),
    end: z.number().int().min(1).describe('Offset just past the last code point (end exclusive).'),
  })
  .strict()
  .refine((s) => s.end > s.start, { message: 'end must be greater than start', path: ['end'] })
  .describe('A span of the article text (W3C TextPositionSelector with its TextQuoteSelector quote).');

/** A key of an event or claim already in the graph: `<article>/<id>`, the article's id and the document's id. */
export const STATEMENT_KEY = /^[a-z][a-z0-9]*(?:[-:.][a-z0-9]+)*\/[a-z][a-z0-9]*(?:[-:.][a-z0-9]+)*$/;

const sameness = {
  sameAs: z
    .string()
    .regex(STATEMENT_KEY, '"<article>/<id>", the key of an event or claim of another article')
    .optional()
    .describe(
      'The key of an event or claim of another article already in the graph that this one is the same as: ' +
        'this article becomes one more report of it.',
    ),
  distinct: z
    .boolean()
    .optional()
    .describe(
      'True when this is not the same as any event or claim of another article: nothing is proposed.',
    ),
};

const evidence = z.array(evidenceSpan).min(1).describe('The spans of the article that support this.');

const text = z.string().trim().min(1);

const labels = z
  .object({ en: text, id: text })
  .catchall(text)
  .describe('The preferred name by language tag; English (en) and Indonesian (id) are required.');

const aliases = z
  .record(z.string().regex(/^[a-z]{2,3}$/), z.array(text))
  .describe('Other names by language tag: spellings, short forms, titles used as names.');

const i18nText = z
  .object({ en: text })
  .catchall(text)
  .describe('Text by language tag; English (en) is required.');

// Checked here, not left to the database: Neo4j's date() would fail in the middle of the write.
const partialDateText = z
  .string()
  .regex(PARTIAL_DATE, 'YYYY, YYYY-MM or YYYY-MM-DD')
  .refine((s) => !PARTIAL_DATE.test(s) || isCalendarDate(s), {
    error: (issue) => `not a date in the calendar: ${JSON.stringify(issue.input)}`,
  });

export const partialDate = z
  .object({
    start: partialDateText.describe('When it began or happened, to the stated precision.'),
    end: partialDateText.optional().describe('When it ended, for spans of time.'),
    precision: z.enum(DATE_PRECISIONS.values).describe('How precisely the text fixes the date.'),
    approximate: z.boolean().optional().describe('The text hedges the time ("sekitar", "around").'),
    partOfDay: z.enum(PARTS_OF_DAY.values).optional(),
    original: text.describe('The wording in the article ("Selasa lalu", "sekitar Senin sore").'),
  })
  .strict()
  .describe('A date with its precision; relative dates are resolved against the article date.');

const manner = (where: string, example: string) =>
  z
    .object({
      kind: z.enum(MANNERS.values),
      wording: text.describe(`The words that state the manner (${example}), standing in one of ${where}.`),
    })
    .strict();

const participant = z
  .object({
    entity: localId.describe('The id of an entity in this document.'),
    role: z.enum(ROLES.values),
    manner: manner('the evidence quotes of its event or claim', '"melalui penerjemah"')
      .optional()
      .describe(
        'How the participant spoke, where the text says so: in writing, aloud, through an interpreter.',
      ),
  })
  .strict();

const attribution = z
  .object({
    entity: localId.describe('Who asserts it: a Person, Organization, Country or Group of this document.'),
    cue: text.describe('The reporting verb in the text ("kata", "mengatakan", "lapor").'),
    manner: manner('the evidence quotes', '"dalam tanggapan tertulisnya"')
      .optional()
      .describe('How the statement was made: in writing, aloud, through an interpreter, in a recording.'),
    evidence: evidence.optional(),
  })
  .strict();

export const entityDoc = z
  .object({
    id: localId.describe('Stable id, e.g. "person:kim-jong-un"; an existing entity with this id is reused.'),
    type: z.enum(ENTITY_TYPES.values),
    labels,
    aliases: aliases.optional(),
    description: i18nText.optional(),
    wikidata: z
      .string()
      .regex(/^Q\d+$/)
      .optional()
      .describe('Wikidata item, only where the identification is certain.'),
    mentions: z.array(evidenceSpan).describe('Every span of the article that names the entity.'),
  })
  .strict();

/** "About" is already `approximate`; saying it here too would give one hedge two spellings. */
const distanceBound = z.enum(DISTANCE_BOUNDS.values, {
  error: (issue) =>
    issue.input === 'ABOUT' || issue.input === 'APPROXIMATE'
      ? `${JSON.stringify(issue.input)} is not a bound: a hedged figure ("sekitar", "about") is said with "approximate": true`
      : `${JSON.stringify(issue.input)} is not a bound: expected one of ${DISTANCE_BOUNDS.values.join(', ')}`,
});

export const distance = z
  .object({
    value: z.number().positive().describe('How far, in `unit`.'),
    unit: z.enum(DISTANCE_UNITS.values),
    approximate: z.boolean().optional().describe('The text hedges the figure ("sekitar", "about").'),
    bound: distanceBound
      .optional()
      .describe(
        'The figure is a limit, not the distance: AT_LEAST, MORE_THAN («lebih dari 200 km»), AT_MOST, LESS_THAN. ' +
          'Not together with `approximate`.',
      ),
    measuredFrom: i18nText.describe(
      'What on `to` it is measured from, where not its centre ("the border" for «dari perbatasan dengan Korea Utara»).',
    ),
    wording: text.describe(
      'The words that state it ("sekitar 200 kilometer dari perbatasan dengan Korea Utara"), standing in one of the evidence quotes.',
    ),
  })
  .strict()
  .describe('DISTANCE_FROM: how far `from` lies from `to`.');

export const relationDoc = z
  .object({
    type: z.enum(RELATION_TYPES.values),
    from: localId,
    to: localId,
    title: i18nText.optional().describe('HOLDS_ROLE: the title held ("President of South Korea").'),
    role: i18nText.optional().describe('MEMBER_OF: the kind of membership ("permanent member").'),
    since: partialDate.optional(),
    distance: distance.optional(),
    curated: z
      .boolean()
      .optional()
      .describe(
        'True for a fact a curator adds from outside the text (Artyom lies in Primorye): it carries no evidence.',
      ),
    note: text.optional().describe('Why a curated fact holds, or where it comes from.'),
    evidence: z
      .array(evidenceSpan)
      .default([])
      .describe('The spans of the article that state it: at least one, unless the fact is curated.'),
  })
  .strict();

export const eventDoc = z
  .object({
    id: localId,
    kind: text.describe('What sort of event: Visit, Meeting, Ceremony, Departure, Arrival, War, Rule, Tour…'),
    label: i18nText,
    summary: i18nText.optional(),
    status: z.enum(EVENT_STATUSES.values).default('OCCURRED'),
    time: partialDate.optional(),
    location: localId.optional().describe('Where it happened: a Location or Country id.'),
    partOf: localId.optional().describe('The larger event it belongs to.'),
    participants: z.array(participant).default([]),
    reportedBy: z.array(attribution).default([]).describe('Who the article says reported it.'),
    ...sameness,
    evidence,
  })
  .strict();

/**
 * CONTRADICTS meant "disputes or condemns" and was split in two; a document that still says it is
 * rejected rather than guessed at, since which of the two it meant changes whether a claim counts as denied.
 */
const claimLinkType = z.enum(CLAIM_LINK_TYPES.values, {
  error: (issue) =>
    issue.input === 'CONTRADICTS'
      ? 'CONTRADICTS is no longer a link type: use DISPUTES when the claim denies that the other is true, CONDEMNS when it holds what the other describes to be wrong or unlawful'
      : undefined,
});

export const claimDoc = z
  .object({
    id: localId,
    kind: z.enum(CLAIM_KINDS.values),
    summary: text.describe('One line in English.'),
    wording: text.describe('The original-language wording of the claim.'),
    status: z.enum(CLAIM_STATUSES.values),
    hedge: text.optional().describe('The word that sets the status ("bisa", "diperkirakan", "dugaan").'),
    time: partialDate.optional(),
    participants: z.array(participant).default([]),
    about: z.array(localId).default([]).describe('Events of this document the claim is about.'),
    attributedTo: z
      .array(attribution)
      .default([])
      .describe('Who asserts it; empty when the article itself asserts it.'),
    links: z
      .array(
        z
          .object({
            type: claimLinkType,
            claim: z
              .union([localId, z.string().regex(STATEMENT_KEY)])
              .describe('A claim of this document, or "<article>/<id>": a claim of another article.'),
          })
          .strict(),
      )
      .default([]),
    ...sameness,
    evidence,
  })
  .strict();

export const articleDoc = z
  .object({
    id: localId.describe('Stable id of the article.'),
    language: z
      .string()
      .regex(/^[a-z]{2,3}$/)
      .describe('BCP 47 language of the text, e.g. "id".'),
    title: text.optional().describe('The headline, where the source gives one.'),
    outlet: text
      .optional()
      .describe(
        'The publisher, where the source names it ("Harian Contoh"). Reports from one outlet count as one outlet.',
      ),
    publishedOn: z.iso.date().describe('Publication date (YYYY-MM-DD); relative dates resolve against it.'),
    dateline: text.optional().describe('The place line the body opens with ("Moskow").'),
    photo: z.object({ caption: evidenceSpan.optional(), credit: text.optional() }).strict().optional(),
    related: z
      .array(z.object({ title: text, url: z.url().optional() }).strict())
      .default([])
      .describe('Related-article links the article shows ("Baca juga").'),
    text: z.string().min(1).describe('The full text, verbatim; paragraphs are separated by newlines.'),
  })
  .strict();

export const articleDocument = z
  .object({
    $schema: z.string().optional(),
    formatVersion: z.literal(1),
    article: articleDoc,
    entities: z.array(entityDoc),
    relations: z.array(relationDoc).default([]),
    events: z.array(eventDoc).default([]),
    claims: z.array(claimDoc).default([]),
  })
  .strict()
  .describe('One news article and what it says, each fact tied to the exact quote it comes from.');

export type ArticleDocument = z.infer<typeof articleDocument>;
export type EvidenceSpan = z.infer<typeof evidenceSpan>;
export type EntityDoc = z.infer<typeof entityDoc>;
export type EventDoc = z.infer<typeof eventDoc>;
export type ClaimDoc = z.infer<typeof claimDoc>;
export type RelationDoc = z.infer<typeof relationDoc>;
export type PartialDate = z.infer<typeof partialDate>;
export type Distance = z.infer<typeof distance>;

export function articleJsonSchema(): string {
  const schema = z.toJSONSchema(articleDocument, { io: 'input', target: 'draft-2020-12' });
  return `${JSON.stringify({ ...schema, title: 'Article document' }, null, 2)}\n`;
}
