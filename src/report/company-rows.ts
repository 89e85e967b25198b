/**
 * Reading one company's rows: numbers, one merged row per fiscal year (reported figures and guided
 * capex may sit on separate rows of the same year), fiscal-year ends and their dates.
 */
import type { Row } from '../store/types';

/** A ratio that overflowed (a vanishing denominator) is no answer rather than ±Infinity. */
export function finite(x: number | null): number | null {
  return x !== null && Number.isFinite(x) ? x : null;
}

export function num(v: Row[string] | undefined): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

/** Groups rows by company name, in order of first appearance. */
export function groupByCompany(rows: Row[]): Map<string, Row[]> {
  const out = new Map<string, Row[]>();
  for (const r of rows) {
    const name = typeof r.company === 'string' ? r.company : String(r.company ?? '');
    if (!name) continue;
    const list = out.get(name);
    if (list) list.push(r);
    else out.set(name, [r]);
  }
  return out;
}

/** A row's basis: `reported` (the default), `guidance` or `estimate`. */
export function basisOf(r: Row): string {
  const b = typeof r.basis === 'string' ? r.basis.trim().toLowerCase() : '';
  return b || 'reported';
}

export interface CompanyYearOptions {
  /** false: capex of rows with basis `guidance` is left out (a year with nothing else goes). Default true. */
  includeGuidance?: boolean;
}

/**
 * Rows of one company merged to one per fiscal year, in year order. Within a year, a
 * non-guidance row's values win (a later one over an earlier one); a guidance row fills only what
 * they leave empty, and its capex counts only while guidance is included. The merged row's
 * `basis` is that of the row its capex came from (so a year whose capex is guided reads
 * `guidance` even when its income statement is reported).
 */
export function companyYears(rows: Row[], opts: CompanyYearOptions = {}): Map<number, Row> {
  const includeGuidance = opts.includeGuidance ?? true;
  const byYear = new Map<number, Row[]>();
  for (const r of rows) {
    const y = num(r.fiscal_year);
    if (y === null) continue;
    const list = byYear.get(y);
    if (list) list.push(r);
    else byYear.set(y, [r]);
  }
  const out = new Map<number, Row>();
  for (const [y, list] of [...byYear.entries()].sort((a, b) => a[0] - b[0])) {
    const firm = list.filter((r) => basisOf(r) !== 'guidance');
    const guided = list.filter((r) => basisOf(r) === 'guidance');
    const merged: Row = {};
    for (const r of firm) for (const [k, v] of Object.entries(r)) if (v !== null && v !== undefined && v !== '') merged[k] = v;
    const firmCapex = num(merged.capex) !== null;
    for (const r of guided) {
      for (const [k, v] of Object.entries(r)) {
        if (v === null || v === undefined || v === '' || k === 'basis') continue;
        if (k === 'capex' && (firmCapex || !includeGuidance)) continue;
        if (merged[k] === undefined || merged[k] === null || merged[k] === '') merged[k] = v;
      }
    }
    const capexFromGuidance = !firmCapex && num(merged.capex) !== null;
    merged.basis = capexFromGuidance ? 'guidance' : firm[0] ? basisOf(firm[firm.length - 1] as Row) : 'guidance';
    if (!includeGuidance && firm.length === 0) continue;
    out.set(y, merged);
  }
  return out;
}

/**
 * A row's fiscal-year end as `MM-DD`: the ingest stores `MM-DD`; older data holds a full
 * `YYYY-MM-DD` date. null when absent or not a real month-day.
 */
export function monthDayOf(v: Row[string] | undefined): string | null {
  if (typeof v !== 'string') return null;
  const m = /^(?:\d{4}-)?(\d{2})-(\d{2})$/.exec(v.trim());
  if (!m) return null;
  const month = Number(m[1]);
  const day = Number(m[2]);
  const days = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  return days !== undefined && day >= 1 && day <= days ? `${m[1]}-${m[2]}` : null;
}

/** The date a fiscal year ends, `YYYY-MM-DD` (29 February becomes the 28th outside leap years). */
export function fiscalYearEndDate(fiscalYear: number, monthDay: string): string {
  const leap = (fiscalYear % 4 === 0 && fiscalYear % 100 !== 0) || fiscalYear % 400 === 0;
  const md = monthDay === '02-29' && !leap ? '02-28' : monthDay;
  return `${String(fiscalYear).padStart(4, '0')}-${md}`;
}

/** Quarters a year was rolled up from when fewer than four (a partial year), else null. */
export function partialQuarters(r: Row | undefined): number | null {
  const q = r ? num(r.quarters) : null;
  return q !== null && q >= 1 && q < 4 ? q : null;
}
