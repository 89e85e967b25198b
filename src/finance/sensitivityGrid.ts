/** Options of `sensitivityGrid`. */
export interface SensitivityGridOptions {
  /** Row value of the base case; default: the middle of `rowValues`. */
  baseRow?: number;
  /** Column value of the base case; default: the middle of `colValues`. */
  baseCol?: number;
}

/** A two-way what-if table: `values[i][j] = fn(rowValues[i], colValues[j])`. */
export interface SensitivityGrid {
  rowValues: number[];
  colValues: number[];
  values: number[][];
  /** Index in `rowValues` of the base case. */
  baseRowIndex: number;
  /** Index in `colValues` of the base case. */
  baseColIndex: number;
  /** The model's value at the base case, `values[baseRowIndex][baseColIndex]`. */
  baseValue: number;
}

/**
 * Two-way sensitivity (what-if) table of any model: evaluates `fn(row, col)` at every pair, for
 * example NPV over WACC × exit multiple, or implied price over EPS growth × P/E. The base case
 * is marked by its indices: by default the middle row and column (put the base case in the
 * middle of each list); `opts.baseRow` / `opts.baseCol` name it by value instead (the nearest
 * value is used). Units are the model's.
 *
 * Throws `RangeError` naming the argument when a value list is empty or holds a non-finite
 * number, or a base value is not finite.
 *
 * @example
 * sensitivityGrid((wacc, growth) => 100 / (wacc - growth), [0.08, 0.09, 0.1], [0.02, 0.03])
 * // values [[1666.6…, 2000], [1428.5…, 1666.6…], [1250, 1428.5…]], baseRowIndex 1, baseColIndex 0
 */
export function sensitivityGrid(
  fn: (rowValue: number, colValue: number) => number,
  rowValues: readonly number[],
  colValues: readonly number[],
  opts: SensitivityGridOptions = {},
): SensitivityGrid {
  if (typeof fn !== 'function') throw new RangeError('fn must be a function');
  checkList('rowValues', rowValues);
  checkList('colValues', colValues);
  const baseRowIndex = baseIndex('opts.baseRow', rowValues, opts.baseRow);
  const baseColIndex = baseIndex('opts.baseCol', colValues, opts.baseCol);
  const values = rowValues.map((r) => colValues.map((c) => fn(r, c)));
  return {
    rowValues: [...rowValues],
    colValues: [...colValues],
    values,
    baseRowIndex,
    baseColIndex,
    baseValue: (values[baseRowIndex] as number[])[baseColIndex] as number,
  };
}

function checkList(name: string, list: readonly number[]): void {
  if (!Array.isArray(list) || list.length === 0) throw new RangeError(`${name} must be a non-empty array of numbers`);
  list.forEach((v, i) => {
    if (typeof v !== 'number' || !Number.isFinite(v)) throw new RangeError(`${name}[${i}] must be a finite number, got ${String(v)}`);
  });
}

function baseIndex(name: string, list: readonly number[], base: number | undefined): number {
  if (base === undefined) return (list.length - 1) >> 1;
  if (typeof base !== 'number' || !Number.isFinite(base)) throw new RangeError(`${name} must be a finite number, got ${String(base)}`);
  let best = 0;
  for (let i = 1; i < list.length; i++) {
    if (Math.abs((list[i] as number) - base) < Math.abs((list[best] as number) - base)) best = i;
  }
  return best;
}
