/** A calendar date: a `Date` (read by its UTC day) or an ISO `YYYY-MM-DD` string. */
export type DateInput = Date | string;

const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Whole days since 1970-01-01 of a date, as Excel truncates date serials to whole days.
 * A `Date` counts by its UTC calendar day (what `new Date('2008-01-01')` holds). Internal.
 * Throws `RangeError` naming `name` for an invalid date or a string not in YYYY-MM-DD form.
 */
export function dayNumber(name: string, value: DateInput): number {
  if (value instanceof Date) {
    const ms = value.getTime();
    if (!Number.isFinite(ms)) throw new RangeError(`${name} is an invalid Date`);
    return Math.floor(ms / MS_PER_DAY);
  }
  if (typeof value === 'string') {
    const m = ISO_DATE.exec(value);
    if (m) {
      const y = Number(m[1]);
      const mo = Number(m[2]);
      const d = Number(m[3]);
      const ms = Date.UTC(y, mo - 1, d);
      const check = new Date(ms);
      if (check.getUTCFullYear() === y && check.getUTCMonth() === mo - 1 && check.getUTCDate() === d) {
        return ms / MS_PER_DAY;
      }
    }
    throw new RangeError(`${name} must be a real date in YYYY-MM-DD form, got '${value}'`);
  }
  throw new RangeError(`${name} must be a Date or a YYYY-MM-DD string, got ${String(value)}`);
}

/**
 * Validates flows and dates of xnpv/xirr and returns the flows with their times in years
 * (actual days / 365, Excel's convention) from the earliest date. Internal.
 */
export function datedFlows(
  flows: readonly number[],
  dates: readonly DateInput[],
): { amounts: Float64Array; years: Float64Array } {
  if (!Array.isArray(dates)) throw new RangeError('dates must be an array of dates');
  if (dates.length !== flows.length) {
    throw new RangeError(`dates must have one date per flow: ${dates.length} dates for ${flows.length} flows`);
  }
  const days = dates.map((d, i) => dayNumber(`dates[${i}]`, d));
  let first = Infinity;
  for (const d of days) first = Math.min(first, d);
  const amounts = Float64Array.from(flows);
  const years = new Float64Array(days.length);
  for (let i = 0; i < days.length; i++) years[i] = ((days[i] as number) - first) / 365;
  return { amounts, years };
}
