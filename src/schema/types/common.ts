// Enums, small value types and helpers shared by the type files.
import type { Context, EdgeRow, NodeRow } from '../../context.js';
import type { EdgeName, NodeLabel } from '../../db/queries/nodes.js';
import {
  type CLAIM_KINDS,
  type CLAIM_LINK_TYPES,
  type CLAIM_STATUSES,
  DATE_PRECISIONS,
  ENTITY_TYPES,
  type RELATION_TYPES,
  ROLES,
} from '../../ingest/document.js';
import { builder } from '../builder.js';
import { connectionFromArray, type PageArgs } from '../pagination.js';

export const EntityType = builder.enumType('EntityType', {
  description: 'The kinds of entity the graph holds.',
  values: Object.fromEntries(ENTITY_TYPES.map((v) => [v, { value: v }])) as Record<
    (typeof ENTITY_TYPES)[number],
    { value: (typeof ENTITY_TYPES)[number] }
  >,
});

export const ClaimKind = builder.enumType('ClaimKind', {
  description: 'The kinds of claim: each has its own object type implementing `Claim`.',
  values: {
    ArmsDeal: {
      value: 'ArmsDeal',
      description: 'A transfer of weapons, or of something in exchange for them.',
    },
    UNResolution: { value: 'UNResolution', description: 'What a United Nations resolution decides.' },
    Statement: { value: 'Statement', description: 'Something a speaker states as fact or position.' },
    Assessment: {
      value: 'Assessment',
      description: 'An evaluation or prediction by a speaker or the article.',
    },
  } satisfies Record<(typeof CLAIM_KINDS)[number], unknown>,
});

export const ClaimStatus = builder.enumType('ClaimStatus', {
  description: 'How sure the source is of a claim (after FactBank: certainty according to the source).',
  values: {
    ASSERTED: { value: 'ASSERTED', description: 'Stated as fact by its source.' },
    ALLEGED: { value: 'ALLEGED', description: 'Reported as suspected or possible ("bisa", "dugaan").' },
    EXPECTED: { value: 'EXPECTED', description: 'Predicted to happen ("diperkirakan", "akan").' },
    DENIED: { value: 'DENIED', description: 'Stated to be untrue by its source.' },
    CONFIRMED: { value: 'CONFIRMED', description: 'Confirmed by a party to it.' },
  } satisfies Record<(typeof CLAIM_STATUSES)[number], unknown>,
});

export const EventStatus = builder.enumType('EventStatus', {
  description: 'Whether an event has happened.',
  values: {
    OCCURRED: { value: 'OCCURRED', description: 'It happened.' },
    ONGOING: { value: 'ONGOING', description: 'It began and continues at the article date.' },
    EXPECTED: { value: 'EXPECTED', description: 'The article expects it to happen.' },
  },
});

export const Role = builder.enumType('Role', {
  description: 'The part an entity plays in an event or a claim.',
  values: Object.fromEntries(ROLES.map((v) => [v, { value: v }])) as Record<
    (typeof ROLES)[number],
    { value: (typeof ROLES)[number] }
  >,
});

export const RelationType = builder.enumType('RelationType', {
  description: 'Relations between entities.',
  values: {
    HOLDS_ROLE: { value: 'HOLDS_ROLE', description: 'A person holds a title in a country or organization.' },
    MEMBER_OF: { value: 'MEMBER_OF', description: 'A country is a member of an organization.' },
    LOCATED_IN: { value: 'LOCATED_IN', description: 'A place or organization lies within a place.' },
  } satisfies Record<(typeof RELATION_TYPES)[number], unknown>,
});

export const ClaimLinkType = builder.enumType('ClaimLinkType', {
  description: 'How one claim bears on another.',
  values: {
    CONTRADICTS: {
      value: 'CONTRADICTS',
      description:
        'The claim opposes the other: disputes it, or condemns what it describes as wrong or unlawful.',
    },
    CITES: { value: 'CITES', description: 'The claim invokes the other as grounds.' },
    SUPPORTS: { value: 'SUPPORTS', description: 'The claim backs the other up.' },
  } satisfies Record<(typeof CLAIM_LINK_TYPES)[number], unknown>,
});

export const DatePrecision = builder.enumType('DatePrecision', {
  description: 'How precisely the text fixes a date.',
  values: Object.fromEntries(DATE_PRECISIONS.map((v) => [v, { value: v }])) as Record<
    (typeof DATE_PRECISIONS)[number],
    { value: (typeof DATE_PRECISIONS)[number] }
  >,
});

export const Direction = builder.enumType('Direction', {
  description: 'Which way to follow a relation.',
  values: {
    OUTGOING: { value: 'OUTGOING', description: 'From this object to others.' },
    INCOMING: { value: 'INCOMING', description: 'From others to this object.' },
    BOTH: { value: 'BOTH', description: 'Either way.' },
  },
});

export interface LocalizedTextShape {
  lang: string;
  text: string;
}

export const LocalizedText = builder.objectRef<LocalizedTextShape>('LocalizedText').implement({
  description: 'A text in one language.',
  fields: (t) => ({
    lang: t.exposeString('lang', { description: 'BCP 47 language tag: "en", "id".' }),
    text: t.exposeString('text', { description: 'The text.' }),
  }),
});

export interface PartialDateShape {
  startDate: string;
  endDate: string | null;
  precision: string;
  approximate: boolean;
  partOfDay: string | null;
  dateText: string | null;
}

export const PartialDate = builder.objectRef<PartialDateShape>('PartialDate').implement({
  description:
    'A date as precise as the text makes it, with relative dates resolved against the article date ' +
    'and the original wording kept.',
  fields: (t) => ({
    start: t.exposeString('startDate', { description: 'YYYY, YYYY-MM or YYYY-MM-DD, to the precision.' }),
    end: t.exposeString('endDate', { nullable: true, description: 'The end, for spans of time.' }),
    precision: t.field({
      type: DatePrecision,
      description: 'Whether start and end name a year, a month or a day.',
      resolve: (d) => d.precision as never,
    }),
    approximate: t.exposeBoolean('approximate', { description: 'The text hedges the time ("sekitar").' }),
    partOfDay: t.exposeString('partOfDay', {
      nullable: true,
      description: 'MORNING, AFTERNOON, EVENING or NIGHT, where the text says.',
    }),
    original: t.exposeString('dateText', {
      nullable: true,
      description: 'The wording in the article ("Selasa lalu", "sekitar Senin sore").',
    }),
  }),
});

export const partialDate = (row: NodeRow | Record<string, unknown>): PartialDateShape | null =>
  typeof row.startDate === 'string' ? (row as unknown as PartialDateShape) : null;

export const LANG_ARG_DESCRIPTION = 'Language tag of the text wanted ("en", "id"); falls back to English.';

export function parseMap<T = string>(json: unknown): Record<string, T> {
  return typeof json === 'string' ? (JSON.parse(json) as Record<string, T>) : {};
}

/** The text in the language asked for, else English, else any. */
export function pick(json: unknown, lang: string): string | null {
  const map = parseMap(json);
  return map[lang] ?? map.en ?? Object.values(map)[0] ?? null;
}

export const localized = (json: unknown): LocalizedTextShape[] =>
  Object.entries(parseMap(json)).map(([lang, text]) => ({ lang, text }));

export const follow = (ctx: Context, edge: EdgeName, id: string): Promise<EdgeRow[]> =>
  ctx.loaders.edges(edge).load(id);

/** A connection over the nodes at the far end of one relationship, paged in memory. */
export async function followConnection<T>(ctx: Context, edge: EdgeName, id: string, args: PageArgs) {
  return connectionFromArray(
    (await follow(ctx, edge, id)).map((e) => ({ node: e.node as T })),
    args,
  );
}

export const loadNode = (ctx: Context, label: NodeLabel, id: string | null | undefined) =>
  id ? ctx.loaders.node(label).load(id) : Promise.resolve(null);

/** Loads nodes for `node(id:)`, refusing a row of another type under this type's global id. */
export async function loadTyped(ctx: Context, label: NodeLabel, typeName: string, ids: string[]) {
  const rows = await ctx.loaders.node(label).loadMany(ids);
  return rows.map((r) => (r instanceof Error ? null : r?.__type === typeName ? r : null));
}
