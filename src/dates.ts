// Partial dates ("2022", "2022-02", "2023-09-17"): the form documents write and filters accept.

export const PARTIAL_DATE = /^\d{4}(?:-\d{2}(?:-\d{2})?)?$/;

const parts = (partial: string) => partial.split('-').map(Number) as [number, number?, number?];

const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** Whether a partial date names a month and day the calendar has ("2023-02-30" does not). */
export function isCalendarDate(partial: string): boolean {
  if (!PARTIAL_DATE.test(partial)) return false;
  const [year, month, day] = parts(partial);
  if (month !== undefined && (month < 1 || month > 12)) return false;
  return day === undefined || (day >= 1 && day <= daysIn(year, month ?? 1));
}

/** The first day of the period: "2022" is 2022-01-01, "2022-02" is 2022-02-01. */
export function firstDay(partial: string): string {
  const [, month, day] = parts(partial);
  return day !== undefined ? partial : month !== undefined ? `${partial}-01` : `${partial}-01-01`;
}

/** The last day of the period: "2024-02" is 2024-02-29, "2023" is 2023-12-31. */
export function lastDay(partial: string): string {
  const [year, month, day] = parts(partial);
  if (day !== undefined) return partial;
  if (month !== undefined) return `${partial}-${String(daysIn(year, month)).padStart(2, '0')}`;
  return `${partial}-12-31`;
}
