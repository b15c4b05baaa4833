// Enums, small value types and helpers shared by the type files.
import type { Context, EdgeRow, NodeRow } from '../../context.js';
import type { EdgeName, NodeLabel } from '../../db/queries/nodes.js';
import { builder } from '../builder.js';
import { DatePrecision } from '../enums.js';
import { connectionFromArray, type PageArgs } from '../pagination.js';

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
