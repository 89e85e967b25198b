/**
 * `fiscal_year_end` as people write it → the month and day a fiscal year ends, stored as text
 * `MM-DD`. A fiscal year is named by the calendar year in which it ends (Microsoft's FY2025 ends
 * 2025-06-30), so a full date also tells the year, which the row's fiscal year must match.
 */

/** A month and day (with the year, when the text had one), or why the text is not one. */
export type MonthDayResult =
  | { ok: true; month: number; day: number; year: number | null }
  | { ok: false; reason: string };

const MONTHS: Record<string, number> = {
  jan: 1, january: 1,
  feb: 2, february: 2,
  mar: 3, march: 3,
  apr: 4, april: 4,
  may: 5,
  jun: 6, june: 6,
  jul: 7, july: 7,
  aug: 8, august: 8,
  sep: 9, sept: 9, september: 9,
  oct: 10, october: 10,
  nov: 11, november: 11,
  dec: 12, december: 12,
};

/** Days in a month; February has 29 unless a year says otherwise. */
export function daysInMonth(month: number, year: number | null): number {
  if (month === 2) return year === null || (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** A month without a day means its last day; February's is the 28th unless a leap year is named. */
function monthEnd(month: number, year: number | null): number {
  return month === 2 && year === null ? 28 : daysInMonth(month, year);
}

const ISO = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})\.?$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
const YEAR_MONTH = /^(\d{4})[-/.](\d{1,2})$/;
const NUMERIC = /^(\d{1,2})[-/.](\d{1,2})(?:[-/.](\d{4}|\d{2}))?\.?$/;
const KOREAN = /^(?:(\d{4})\s*년\s*)?(\d{1,2})\s*월\s*(?:(\d{1,2})\s*일|말일?)?\s*(?:결산(?:일)?)?$/;
const FILLER = new Set(['end', 'of', 'the', 'ending', 'ended', 'on']);

function year2(text: string): number {
  return text.length === 2 ? 2000 + Number(text) : Number(text);
}

function check(month: number, day: number | null, year: number | null): MonthDayResult {
  if (month < 1 || month > 12) return { ok: false, reason: `there is no month ${month}` };
  const d = day ?? monthEnd(month, year);
  if (d < 1 || d > daysInMonth(month, year)) return { ok: false, reason: `${monthName(month)} has no day ${d}${month === 2 && year !== null ? ` in ${year}` : ''}` };
  return { ok: true, month, day: d, year };
}

function monthName(month: number): string {
  return ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'][month - 1] ?? String(month);
}

/** Two numbers without a month name: month/day or day/month, decided only when one of them is above 12. */
function numeric(a: number, b: number, year: number | null): MonthDayResult {
  if (a > 12 && b <= 12) return check(b, a, year);
  if (b > 12 && a <= 12) return check(a, b, year);
  if (a === b) return check(a, b, year);
  if (a > 12 && b > 12) return { ok: false, reason: 'neither number can be a month' };
  return { ok: false, reason: `it could be ${monthName(a)} ${b} or ${monthName(b)} ${a}` };
}

/** `June 30`, `Jun 30, 2024`, `30 June`, `30-Jun-2024`, `30th June`, `end of June`, `June`. */
function withMonthName(text: string): MonthDayResult | null {
  const tokens = text.toLowerCase().replace(/,/g, ' ').split(/[\s\-/.]+/).filter((t) => t !== '' && !FILLER.has(t));
  let month: number | null = null;
  const numbers: string[] = [];
  for (const t of tokens) {
    const m = MONTHS[t];
    if (m !== undefined) {
      if (month !== null) return null;
      month = m;
      continue;
    }
    const n = /^(\d{1,4})(?:st|nd|rd|th)?$/.exec(t);
    if (!n || n[1] === undefined) return null;
    numbers.push(n[1]);
  }
  if (month === null || numbers.length > 2) return null;
  let day: number | null = null;
  let year: number | null = null;
  for (const n of numbers) {
    if (n.length === 4 && year === null) year = Number(n);
    else if (n.length <= 2 && day === null) day = Number(n);
    else if (n.length === 2 && year === null) year = year2(n);
    else return null;
  }
  return check(month, day, year);
}

/**
 * Reads a fiscal year end as people write it: `2024-06-30`, `2024/6/30`, `20240630`,
 * `6/30/2024`, `30/06/2024`, `06-30`, `June 30`, `Jun 30, 2024`, `30 June`, `30-Jun-24`,
 * `June` (its last day), `6월 30일`, `2024년 6월 30일`, `12월 결산`, `12월말`. Two numbers that could
 * each be the month (`6/5/2024`) are refused as ambiguous rather than guessed; fiscal years end
 * on a day after the 12th almost always, so a real year end is never ambiguous.
 * Input is trimmed and not missing.
 * @example parseFiscalYearEnd('6/30/2024') // { ok: true, month: 6, day: 30, year: 2024 }
 * @example parseFiscalYearEnd('12월 결산') // { ok: true, month: 12, day: 31, year: null }
 */
export function parseFiscalYearEnd(text: string): MonthDayResult {
  const s = text.normalize('NFKC').trim();
  let m = ISO.exec(s) ?? COMPACT.exec(s);
  if (m) return check(Number(m[2]), Number(m[3]), Number(m[1]));
  if ((m = YEAR_MONTH.exec(s))) return check(Number(m[2]), null, Number(m[1]));
  if ((m = NUMERIC.exec(s))) return numeric(Number(m[1]), Number(m[2]), m[3] === undefined ? null : year2(m[3]));
  if ((m = KOREAN.exec(s))) return check(Number(m[2]), m[3] === undefined ? null : Number(m[3]), m[1] === undefined ? null : Number(m[1]));
  return withMonthName(s) ?? { ok: false, reason: 'it is not a date' };
}

/** `MM-DD`, the stored form. */
export function monthDayText(month: number, day: number): string {
  return `${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * The end of the fiscal year that a quarter ending on (month, day) belongs to: (4 − quarter)
 * quarters later, on the same day or, for a month end, on that later month's end. `yearShift`
 * is how many calendar years later that is.
 * @example fiscalYearEndOfQuarter(9, 30, 1) // { month: 6, day: 30, yearShift: 1 } (Microsoft's Q1)
 */
export function fiscalYearEndOfQuarter(month: number, day: number, quarter: number): { month: number; day: number; yearShift: number } {
  const months = month - 1 + 3 * (4 - quarter);
  const endMonth = (months % 12) + 1;
  const wasMonthEnd = day >= monthEnd(month, null);
  return { month: endMonth, day: wasMonthEnd ? monthEnd(endMonth, null) : Math.min(day, monthEnd(endMonth, null)), yearShift: Math.floor(months / 12) };
}

/** Quarter spellings in a quarter column next to a year column: `Q3`, `3`, `3Q`, `3분기`, `Quarter 3`. */
const QUARTER_RE = /^(?:q(?:uarter|tr)?\s*([1-4])|([1-4])\s*q|([1-4])(?:\.0+)?|제?\s*([1-4])\s*분기)$/i;

/**
 * A quarter number from a quarter column, or null.
 * @example parseQuarter('3분기') // 3
 */
export function parseQuarter(text: string): number | null {
  const m = QUARTER_RE.exec(text.normalize('NFKC').trim());
  if (!m) return null;
  return Number(m[1] ?? m[2] ?? m[3] ?? m[4]);
}
