import { stringify } from 'csv-stringify/sync';
import type { Response } from 'express';

export type Cell = string | number | null | undefined;

export interface CsvTable {
  /** Stable column names carrying their unit, e.g. `capex_usd`, `irr_fraction`. */
  columns: string[];
  rows: Cell[][];
}

/** [key, value, source] where source is `data`, `default` or `user`. */
export type AssumptionLine = [string, string | number, string];

/** Characters that make a spreadsheet read a text cell as a formula (ASCII and full-width). */
const FORMULA_START = /^[=+\-@\t\r\n＝＋－＠]/;

/**
 * Makes a text cell inert in Excel/LibreOffice/Sheets: a leading `'` before any formula trigger.
 * Numbers are never passed here, so `-5` stays the number −5.
 * @example neutralise('=HYPERLINK("x")') // "'=HYPERLINK(\"x\")"
 */
export function neutralise(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

function cell(v: Cell): string | number {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? v : '';
  return neutralise(v);
}

/**
 * A CSV file made for Excel: UTF-8 byte-order mark (Korean text opens garbled without it), raw
 * numbers (never `1,234` or `$`), every text cell quoted and neutralised, and, when given, the
 * assumptions first as `# key,value,source` lines followed by one empty line.
 * @example toCsv({ columns: ['company', 'capex_usd'], rows: [['Meta', 39.23e9]] })
 */
export function toCsv(table: CsvTable, assumptions: AssumptionLine[] = []): string {
  const lines: (string | number)[][] = [];
  for (const [key, value, source] of assumptions) {
    lines.push([`# ${key}`, typeof value === 'number' ? value : neutralise(value), source]);
  }
  const options = { quoted_string: true, record_delimiter: '\r\n', cast: { number: numberText } };
  const head = assumptions.length ? stringify(lines, options) + '\r\n' : '';
  const body = stringify([table.columns.map(neutralise), ...table.rows.map((r) => r.map(cell))], options);
  return '\uFEFF' + head + body;
}

/** Full precision, never locale-formatted or exponent-free tricks: 52500000000, 0.09, 3.29e+24. */
function numberText(n: number): string {
  return String(n);
}

/**
 * The Content-Disposition of a download: an ASCII `filename` for old clients, and the name as
 * written (Korean included) in RFC 6266's `filename*` (UTF-8, percent-encoded).
 * @example attachmentHeader('한국 기업.csv') // `attachment; filename="capexlens.csv"; filename*=UTF-8''%ED%95%9C...`
 */
export function attachmentHeader(filename: string): string {
  const ascii = filename.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '');
  const fallback = /[A-Za-z0-9]/.test(ascii.replace(/\.[a-z]+$/, '')) ? ascii : `capexlens${filename.match(/\.[a-z]+$/)?.[0] ?? ''}`;
  const cleaned = filename.replace(/[\u0000-\u001f\u007f/\\"]+/g, '-');
  const encoded = encodeURIComponent(cleaned).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/** Sends CSV text as a download, its name kept in any language (see attachmentHeader). */
export function sendCsv(res: Response, filename: string, csvText: string): void {
  res.set('Content-Type', 'text/csv; charset=utf-8');
  res.set('Content-Disposition', attachmentHeader(filename));
  res.send(csvText);
}
