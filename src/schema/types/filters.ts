// Filter arguments shared by the root lists, and their validation.
import { firstDay, isCalendarDate, lastDay } from '../../dates.js';
import { badUserInput } from '../../errors.js';

export const ENTITY_KEY_HINT = 'Entity key, e.g. "country:russia".';
export const DATE_HINT = 'YYYY, YYYY-MM or YYYY-MM-DD';

/** Expands partial dates to whole days: from "2023" is 2023-01-01, to "2023-09" is 2023-09-30. */
export function dateRange(
  from: string | null | undefined,
  to: string | null | undefined,
): { from: string | null; to: string | null } {
  const expand = (value: string | null | undefined, arg: string, end: boolean): string | null => {
    if (value == null) return null;
    if (!isCalendarDate(value)) {
      throw badUserInput(`"${arg}" must be a date as ${DATE_HINT} (got ${JSON.stringify(value)})`, arg);
    }
    return end ? lastDay(value) : firstDay(value);
  };
  const range = { from: expand(from, 'from', false), to: expand(to, 'to', true) };
  if (range.from && range.to && range.from > range.to) {
    throw badUserInput(`"from" (${from}) is after "to" (${to})`, 'from');
  }
  return range;
}
