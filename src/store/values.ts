import type { Row } from './types';

/**
 * A value that one of the stores cannot keep unchanged. PostgreSQL refuses NUL in text outright;
 * a lone UTF-16 surrogate would be written as U+FFFD by both drivers (silently changed), and JSON
 * writes NaN and ±Infinity as null. Both stores refuse these before committing anything, so the
 * two accept exactly the same data.
 */
export class UnstorableValueError extends RangeError {
  constructor(
    /** What holds the value: `row 12`, `dataset name`, `scenario name`. */
    readonly where: string,
    /** The column of a row value, when there is one. */
    readonly column: string | null,
    /** What is wrong, e.g. `contains a NUL character`. */
    readonly reason: string,
  ) {
    super(`${where}${column === null ? '' : `, column ${column},`} ${reason}`);
    this.name = 'UnstorableValueError';
  }
}

/** A lone high or low surrogate: in `u` mode a well-formed pair is one code point and never matches. */
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

/** Why this text cannot be stored unchanged, or null. */
export function unstorableText(text: string): string | null {
  if (text.includes('\u0000')) return 'contains a NUL character';
  if (LONE_SURROGATE.test(text)) return 'contains a lone UTF-16 surrogate (not valid Unicode text)';
  return null;
}

/** Throws {@link UnstorableValueError} when a text cannot be stored unchanged. */
export function assertStorableText(text: string, where: string): void {
  const reason = unstorableText(text);
  if (reason) throw new UnstorableValueError(where, null, reason);
}

/** Why this cell cannot be stored unchanged, or null. */
export function unstorableValue(value: unknown): string | null {
  if (value === null || typeof value === 'string') return value === null ? null : unstorableText(value);
  if (typeof value === 'number') return Number.isFinite(value) ? null : `is ${String(value)}, not a finite number`;
  return `is a ${typeof value}, not text, a number or empty`;
}

/**
 * The first problem of one row (1-based number `rowNumber`), as an error naming the row and
 * column, or null. Column names are checked too: they become JSON keys in both stores.
 */
export function rowProblem(row: Row, rowNumber: number): UnstorableValueError | null {
  for (const key of Object.keys(row)) {
    const keyReason = unstorableText(key);
    if (keyReason) return new UnstorableValueError(`row ${rowNumber}`, JSON.stringify(key), `has a column name that ${keyReason}`);
    const reason = unstorableValue(row[key]);
    if (reason) return new UnstorableValueError(`row ${rowNumber}`, key, reason);
  }
  return null;
}

/**
 * JSON.stringify writes NUL as `\u0000` and a lone surrogate as `\udXXX`; after an even run of
 * backslashes (an escaped backslash is `\\`) such a sequence is the character itself, not text
 * that spells it. A chunk whose JSON matches nothing here needs no per-row look for text problems.
 */
const ESCAPED_BAD_TEXT = /(?<!\\)(?:\\\\)*\\u(?:0000|d[89a-f][0-9a-f]{2})/;

/**
 * Serialises a chunk of rows (numbered from `firstRowNumber`) to the JSON text both stores keep,
 * or throws {@link UnstorableValueError} naming the first bad row. Numbers are checked per value
 * (JSON would write NaN as null); text is checked by one scan of the JSON, rows only on a hit.
 */
export function chunkJson(rows: readonly Row[], firstRowNumber: number): string {
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i] as Row;
    for (const key in row) {
      const v = row[key];
      if (typeof v === 'string' || v === null) continue;
      if (typeof v === 'number' && Number.isFinite(v)) continue;
      throw rowProblem(row, firstRowNumber + i) ?? new UnstorableValueError(`row ${firstRowNumber + i}`, key, 'cannot be stored');
    }
  }
  const json = JSON.stringify(rows);
  if (ESCAPED_BAD_TEXT.test(json)) {
    for (let i = 0; i < rows.length; i++) {
      const problem = rowProblem(rows[i] as Row, firstRowNumber + i);
      if (problem) throw problem;
    }
  }
  return json;
}
