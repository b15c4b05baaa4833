// Small value types shared by the type files: texts in several languages and partial dates.
import type { DateFields } from '../../db/queries/rows.js';
import { builder } from '../builder.js';
import { DatePrecision } from '../enums.js';

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

/** A date as the API shows it; rows carry it in DateFields, relations in their own properties. */
export interface PartialDateShape {
  startDate: string;
  endDate: string | null;
  precision: NonNullable<DateFields['precision']>;
  approximate: boolean;
  partOfDay: DateFields['partOfDay'];
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
      resolve: (d) => d.precision,
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

/** The date of an event or claim, or null when the article gives none. */
export const partialDate = (row: DateFields): PartialDateShape | null =>
  row.startDate !== null && row.precision !== null
    ? {
        startDate: row.startDate,
        endDate: row.endDate,
        precision: row.precision,
        approximate: row.approximate,
        partOfDay: row.partOfDay,
        dateText: row.dateText,
      }
    : null;

export const LANG_ARG_DESCRIPTION = 'Language tag of the text wanted ("en", "id"); falls back to English.';

export function parseMap<T = string>(json: string | null | undefined): Record<string, T> {
  // Maps stored as JSON text are written by ingestion from the validated document.
  return typeof json === 'string' ? (JSON.parse(json) as Record<string, T>) : {};
}

/** The text in the language asked for, else English, else any. */
export function pick(json: string | null | undefined, lang: string): string | null {
  const map = parseMap(json);
  return map[lang] ?? map.en ?? Object.values(map)[0] ?? null;
}

export const localized = (json: string | null | undefined): LocalizedTextShape[] =>
  Object.entries(parseMap(json)).map(([lang, text]) => ({ lang, text }));
