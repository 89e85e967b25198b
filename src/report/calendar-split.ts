/**
 * Fiscal years → calendar years, by months. A fiscal year is named by the calendar year in which
 * it ends (Microsoft's FY2025 runs July 2024 to June 2025), so a flow reported for it belongs
 * partly to the calendar year before: 6 of its 12 months to 2024 and 6 to 2025.
 */
import { parseFiscalYearEnd } from '../ingest/fiscal-year-end';

/** Months of one fiscal year that fall in one calendar year. */
export interface CalendarPart {
  calendarYear: number;
  months: number;
  /** Share of the fiscal year's flow that falls in this calendar year: months ÷ months covered. */
  fraction: number;
}

/**
 * The month (1-12) and day a fiscal year ends, from `fiscal_year_end` as stored (`MM-DD`) or as
 * older uploads kept it (`2024-06-30`, `June 30`); null when absent or unreadable.
 */
export function monthDayOf(value: unknown): { month: number; day: number } | null {
  if (typeof value !== 'string' || value.trim() === '') return null;
  const p = parseFiscalYearEnd(value);
  return p.ok ? { month: p.month, day: p.day } : null;
}

/**
 * How a fiscal year's flow splits over calendar years. The year covers the 12 months ending with
 * the month of `end` (a year ending on the 1st-14th of a month, as some 52-53-week years do,
 * counts as ending with the month before); with `quarters` < 4 (a partial year) only its first
 * 3 × quarters months are covered, since a year in progress has its first quarters.
 * @example calendarParts(2025, { month: 6, day: 30 }) // 2024: 6 months (0.5), 2025: 6 months (0.5)
 * @example calendarParts(2026, { month: 6, day: 30 }, 1) // 2025: 3 months (1): July-September 2025
 */
export function calendarParts(fiscalYear: number, end: { month: number; day: number } | null, quarters?: number | null): CalendarPart[] {
  const month = end ? (end.day < 15 ? end.month - 1 : end.month) : 12;
  // Months counted from January of year 0: the fiscal year's last month, then its first.
  const last = fiscalYear * 12 + (month - 1);
  const first = last - 11;
  const covered = quarters !== null && quarters !== undefined && quarters >= 1 && quarters < 4 ? 3 * quarters : 12;
  const parts: CalendarPart[] = [];
  for (let k = 0; k < covered; k++) {
    const year = Math.floor((first + k) / 12);
    const prior = parts[parts.length - 1];
    if (prior && prior.calendarYear === year) prior.months++;
    else parts.push({ calendarYear: year, months: 1, fraction: 0 });
  }
  for (const p of parts) p.fraction = p.months / covered;
  return parts;
}
