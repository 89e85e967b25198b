/** Pivots and residuals within this of zero count as zero (a correlation of exactly ±1). */
const EPS = 1e-10;

/** Result of `cholesky`: the lower factor, or where the matrix stopped being positive semi-definite. */
export type CholeskyResult =
  | { kind: 'ok'; lower: Float64Array[] }
  | { kind: 'not-psd'; row: number; column: number };

/**
 * Lower-triangular L with L·Lᵀ = `m` for a symmetric positive semi-definite matrix (a zero pivot
 * gives a zero column, so a correlation of exactly ±1 factors). When `m` is not positive
 * semi-definite it says at which element the factorisation failed: `row === column` for a
 * negative pivot, else the element below a zero pivot that has no consistent value. Internal.
 */
export function cholesky(m: readonly (readonly number[])[]): CholeskyResult {
  const k = m.length;
  const lower = Array.from({ length: k }, () => new Float64Array(k));
  for (let j = 0; j < k; j++) {
    const lj = lower[j] as Float64Array;
    let pivot = (m[j] as readonly number[])[j] as number;
    for (let l = 0; l < j; l++) pivot -= (lj[l] as number) ** 2;
    if (pivot < -EPS) return { kind: 'not-psd', row: j, column: j };
    const diag = pivot > EPS ? Math.sqrt(pivot) : 0;
    lj[j] = diag;
    for (let i = j + 1; i < k; i++) {
      const li = lower[i] as Float64Array;
      let s = (m[i] as readonly number[])[j] as number;
      for (let l = 0; l < j; l++) s -= (li[l] as number) * (lj[l] as number);
      if (diag === 0) {
        if (Math.abs(s) > 1e-8) return { kind: 'not-psd', row: i, column: j };
        li[j] = 0;
      } else {
        li[j] = s / diag;
      }
    }
  }
  return { kind: 'ok', lower };
}
