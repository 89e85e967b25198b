/**
 * Upload bounds, so a small file cannot become a huge dataset or page: at most MAX_COLUMNS columns,
 * a configurable number of rows, text cells of at most MAX_CELL_CHARS characters and company or
 * model names of at most MAX_NAME_CHARS. Each breach is one problem naming the limit. Columns and
 * rows are checked on the ingest result before anything is stored; cells as the store reads the
 * rows (a breach throws UploadBoundsError inside the store's one transaction, which then stores
 * nothing), so a once-readable spool of a million rows is still read once.
 */
import type { ColumnMapping, Row } from '../store/types';
import type { Problem } from './types';

export const MAX_COLUMNS = 512;
export const MAX_CELL_CHARS = 2_000;
export const MAX_NAME_CHARS = 200;

/** Fields that name a thing and appear in headings and tables. */
const NAME_FIELDS = ['company', 'model', 'organization'];

export interface UploadBounds {
  maxRows: number;
}

/** A bound broken while the store reads the rows. */
export class UploadBoundsError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.message);
    this.name = 'UploadBoundsError';
  }
}

const excerpt = (s: string): string => (s.length > 60 ? `${s.slice(0, 57)}...` : s);
const count = (n: number): string => n.toLocaleString('en-US');

/**
 * Problems with the shape of an ingested file: too many columns or rows. Empty when within bounds.
 * @example shapeProblems(columns, 3, { maxRows: 1000 }) // []
 */
export function shapeProblems(columns: readonly ColumnMapping[], rowCount: number, bounds: UploadBounds): Problem[] {
  const out: Problem[] = [];
  if (columns.length > MAX_COLUMNS) {
    out.push({ code: 'too_many_columns', line: 1, column: null, value: String(columns.length), message: `The file has ${count(columns.length)} columns; at most ${count(MAX_COLUMNS)} are accepted.` });
  }
  if (rowCount > bounds.maxRows) {
    out.push({ code: 'too_many_rows', line: null, column: null, value: String(rowCount), message: `The file has ${count(rowCount)} rows; at most ${count(bounds.maxRows)} are accepted (MAX_UPLOAD_ROWS).` });
  }
  return out;
}

/** The first over-long cell of a row as a problem, or null. `index` is the row's 1-based position among the data rows. */
export function cellProblem(row: Row, index: number): Problem | null {
  for (const [key, value] of Object.entries(row)) {
    if (typeof value !== 'string') continue;
    const limit = NAME_FIELDS.includes(key) ? MAX_NAME_CHARS : MAX_CELL_CHARS;
    if (value.length > limit) {
      const what = NAME_FIELDS.includes(key) ? `A ${key} name` : 'A text cell';
      return { code: NAME_FIELDS.includes(key) ? 'name_too_long' : 'cell_too_long', line: null, column: key, value: excerpt(value), message: `${what} in data row ${count(index)} has ${count(value.length)} characters; at most ${count(limit)} are accepted.` };
    }
  }
  return null;
}

/**
 * The rows as the store reads them, each checked: the first over-long cell throws UploadBoundsError.
 * @example store.createDataset({ ...input, rows: boundedRows(result.rows) })
 */
export function* boundedRows(rows: Iterable<Row>): Generator<Row> {
  let i = 0;
  for (const row of rows) {
    const p = cellProblem(row, ++i);
    if (p) throw new UploadBoundsError(p);
    yield row;
  }
}
