// Filter arguments shared by the root lists, and their validation.
import { userError } from '../errors.js';

export const ENTITY_KEY_HINT = 'Entity key, e.g. "country:russia".';
export const DATE_HINT = 'YYYY, YYYY-MM or YYYY-MM-DD';

const PARTIAL_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** Expands partial dates to whole days: from "2023" is 2023-01-01, to "2023-09" is 2023-09-30. */
export function dateRange(
  from: string | null | undefined,
  to: string | null | undefined,
): { from: string | null; to: string | null } {
  const expand = (value: string | null | undefined, arg: string, end: boolean): string | null => {
    if (value == null) return null;
    const m = PARTIAL_DATE.exec(value);
    const [y, mo, d] = [m?.[1], m?.[2], m?.[3]].map((x) => (x === undefined ? undefined : Number(x)));
    const valid =
      m &&
      (mo === undefined || (mo >= 1 && mo <= 12)) &&
      (d === undefined || (d >= 1 && d <= new Date(Date.UTC(y as number, mo as number, 0)).getUTCDate()));
    if (!valid)
      throw userError(
        `"${arg}" must be a date as YYYY, YYYY-MM or YYYY-MM-DD (got ${JSON.stringify(value)})`,
        arg,
      );
    if (d !== undefined) return value;
    if (mo !== undefined) {
      const last = new Date(Date.UTC(y as number, mo, 0)).getUTCDate();
      return `${value}-${end ? String(last).padStart(2, '0') : '01'}`;
    }
    return `${value}-${end ? '12-31' : '01-01'}`;
  };
  const range = { from: expand(from, 'from', false), to: expand(to, 'to', true) };
  if (range.from && range.to && range.from > range.to) {
    throw userError(`"from" (${from}) is after "to" (${to})`, 'from');
  }
  return range;
}
