import { cholesky } from './internal/cholesky';

/** Why a correlation matrix cannot be used, naming the pair of inputs at fault. */
export interface CorrelationProblem {
  code: 'not-square' | 'not-finite' | 'not-unit-diagonal' | 'not-symmetric' | 'out-of-range' | 'not-psd';
  /** The two inputs (by name) whose correlation is at fault; the same name twice for a diagonal. */
  pair: [string, string];
  message: string;
}

/**
 * Checks that `matrix` (k × k, rows and columns in the order of `names`) can be a correlation
 * matrix: square, finite, 1 on the diagonal, symmetric, entries in [−1, 1], and positive
 * semi-definite (the pairs can hold together: a ≈ b and b ≈ c cannot come with a ≈ −c).
 * Returns `null` when it can, else the first problem with the pair it concerns. For a matrix that
 * is not positive semi-definite the pair named is the one the Cholesky factorisation stopped at:
 * the input whose correlations cannot be met given the inputs before it, with the partner whose
 * correlation with it is strongest.
 *
 * @example
 * correlationMatrixProblem([[1, 0.9, -0.9], [0.9, 1, 0.9], [-0.9, 0.9, 1]], ['growth', 'margin', 'wacc'])
 * // { code: 'not-psd', pair: ['growth', 'wacc'], message: 'The correlations cannot hold together … growth and wacc …' }
 */
export function correlationMatrixProblem(matrix: readonly (readonly number[])[], names: readonly string[]): CorrelationProblem | null {
  const k = names.length;
  const name = (i: number): string => names[i] ?? `input ${i + 1}`;
  if (!Array.isArray(matrix) || matrix.length !== k || matrix.some((row) => !Array.isArray(row) || row.length !== k)) {
    return { code: 'not-square', pair: [name(0), name(0)], message: `The correlation matrix must have ${k} rows of ${k} values, one per input.` };
  }
  const at = (i: number, j: number): number => (matrix[i] as readonly number[])[j] as number;
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      const v = at(i, j);
      const pair: [string, string] = [name(i), name(j)];
      if (typeof v !== 'number' || !Number.isFinite(v)) {
        return { code: 'not-finite', pair, message: `The correlation of ${pair[0]} and ${pair[1]} must be a number, got ${String(v)}.` };
      }
      if (i === j && v !== 1) {
        return { code: 'not-unit-diagonal', pair, message: `The correlation of ${pair[0]} with itself must be 1, got ${v}.` };
      }
      if (v < -1 || v > 1) {
        return { code: 'out-of-range', pair, message: `The correlation of ${pair[0]} and ${pair[1]} must lie between −1 and 1, got ${v}.` };
      }
      if (j > i && Math.abs(v - at(j, i)) > 1e-12) {
        return { code: 'not-symmetric', pair, message: `The correlation of ${pair[0]} and ${pair[1]} is ${v} one way and ${at(j, i)} the other; it must be the same both ways.` };
      }
    }
  }
  const result = cholesky(matrix);
  if (result.kind === 'ok') return null;
  let i: number;
  let j: number;
  if (result.row !== result.column) {
    i = result.column;
    j = result.row;
  } else {
    j = result.row;
    i = 0;
    for (let l = 1; l < j; l++) if (Math.abs(at(l, j)) > Math.abs(at(i, j))) i = l;
  }
  const pair: [string, string] = [name(i), name(j)];
  return {
    code: 'not-psd',
    pair,
    message:
      `The correlations cannot hold together (the matrix is not positive semi-definite): the correlation of ${pair[0]} and ${pair[1]} (${at(i, j)}) ` +
      `conflicts with the other pairs involving ${pair[1]}. Weaken it or one of those.`,
  };
}
