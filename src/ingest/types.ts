import type { ColumnMapping, DatasetKind, Row, WarningMessage } from '../store/types';

/**
 * The magnitude of bare numbers in money columns, chosen on upload. The won units (천원, 백만원,
 * 억원: Korean filings' and exports' units) also say the amounts are in KRW when the file does not.
 */
export type Unit = 'units' | 'thousands' | 'millions' | 'billions' | 'krw-thousands' | 'krw-millions' | 'krw-hundred-millions';

export const UNIT_SCALE: Record<Unit, number> = {
  units: 1,
  thousands: 1e3,
  millions: 1e6,
  billions: 1e9,
  'krw-thousands': 1e3,
  'krw-millions': 1e6,
  'krw-hundred-millions': 1e8,
};

/** How a unit is named in warnings and the column mapping. */
export const UNIT_WORD: Record<Unit, string> = {
  units: 'units',
  thousands: 'thousands',
  millions: 'millions',
  billions: 'billions',
  'krw-thousands': '천원 (KRW thousands)',
  'krw-millions': '백만원 (KRW millions)',
  'krw-hundred-millions': '억원 (KRW hundred millions)',
};

/** The currency a unit implies (the won units), if any. */
export function unitCurrency(unit: Unit | undefined): string | undefined {
  return unit !== undefined && unit.startsWith('krw-') ? 'KRW' : undefined;
}

export interface IngestOptions {
  /** Dataset kind; detected from the header when not given. */
  kind?: DatasetKind;
  /** Scales bare numbers in money columns; a unit in the header or a suffix in the value wins. */
  unit?: Unit;
  /** Currency of money columns when the file does not say (default USD). */
  currency?: string;
  /**
   * The company of every row of a one-company file with no company column (typed on the upload
   * form). A file that names companies itself, or a models file, is refused with it.
   */
  company?: string;
  /** Size of the whole file in bytes, when known (an upload on disk): lets ingest size its tables once. */
  expectedBytes?: number;
  /**
   * Told after each chunk `ingestStream` reads: data rows read so far (before duplicates and
   * quarters are folded) and bytes read. Once per chunk, not per row, so it costs nothing per row.
   */
  onProgress?: (read: IngestProgress) => void;
}

/** How far `ingestStream` has read: data rows (the header not counted) and bytes of the file. */
export interface IngestProgress {
  rows: number;
  bytes: number;
}

/**
 * One reason an upload cannot be accepted. `line` counts lines as an editor does (the header is
 * line 1); `column` is the header as written in the file.
 */
export interface Problem {
  code: ProblemCode;
  line: number | null;
  column: string | null;
  value: string | null;
  message: string;
}

export type ProblemCode =
  | 'empty_file'
  | 'no_rows'
  | 'not_text'
  | 'bad_encoding'
  | 'nul_character'
  | 'unclosed_quote'
  | 'bad_quote'
  | 'bad_csv'
  | 'missing_column'
  | 'duplicate_column'
  | 'too_few_fields'
  | 'too_many_fields'
  | 'bad_number'
  | 'bad_year'
  /** A quarter column (next to a year column) holds something other than Q1-Q4. */
  | 'bad_quarter'
  /** A fiscal_year_end that is not a date, or is ambiguous (6/5/2024). */
  | 'bad_date'
  /** A fiscal_year_end whose year is not the row's fiscal year (a year is named by the calendar year it ends in). */
  | 'fiscal_year_mismatch'
  | 'missing_value'
  | 'duplicate_row'
  /** Upload bounds (src/ingest/bounds.ts): a small file cannot become a huge dataset. */
  | 'too_many_columns'
  | 'too_many_rows'
  | 'cell_too_long'
  | 'name_too_long'
  /** Upload form problems (src/web): a bad form field, no file part. */
  | 'bad_field'
  | 'no_file';

export const MAX_PROBLEMS = 100;

export type IngestResult =
  | {
      ok: true;
      kind: DatasetKind;
      /** Accepted rows in canonical column names: an array for ordinary files, a once-readable iterable for very large ones. */
      rows: Iterable<Row>;
      rowCount: number;
      columns: ColumnMapping[];
      warnings: string[];
      /** Each warning's message for other languages, in the same order (null: English only). */
      warningMessages: (WarningMessage | null)[];
    }
  | { ok: false; problems: Problem[]; problemCount: number };
