// Filter arguments shared by the root lists, and their validation (declared beside the argument
// with `validate:`, run by Pothos' validation plugin before the resolver; see ../validation.ts).
import { z } from 'zod';
import { firstDay, isCalendarDate, lastDay } from '../../dates.js';

export const ENTITY_KEY_HINT = 'Entity key, e.g. "country:russia".';
export const DATE_HINT = 'YYYY, YYYY-MM or YYYY-MM-DD';

/** A date as the lists take it, whole or partial; null (no bound) passes. */
export const calendarDate = z
  .string()
  .refine(isCalendarDate, {
    error: (issue) => `must be a date as ${DATE_HINT} (got ${JSON.stringify(issue.input)})`,
  })
  .nullish();

/**
 * `from` no later than `to`, both widened to whole days: for the arguments or the input object
 * that hold both (their other fields pass through untouched). Dates that are not dates are left to
 * calendarDate, which runs first.
 */
export const datesInOrder = z
  .looseObject({ from: z.string().nullish(), to: z.string().nullish() })
  .superRefine(({ from, to }, ctx) => {
    if (from && to && isCalendarDate(from) && isCalendarDate(to) && firstDay(from) > lastDay(to)) {
      ctx.addIssue({ code: 'custom', path: ['from'], message: `(${from}) is after "to" (${to})` });
    }
  });

/** Expands partial dates to whole days: from "2023" is 2023-01-01, to "2023-09" is 2023-09-30. */
export function dateRange(
  from: string | null | undefined,
  to: string | null | undefined,
): { from: string | null; to: string | null } {
  // Checked by calendarDate beside each argument.
  return { from: from == null ? null : firstDay(from), to: to == null ? null : lastDay(to) };
}
