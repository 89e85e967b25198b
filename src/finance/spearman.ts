import { averageRanks, pearson } from './internal/ranks';

/**
 * Spearman's rank correlation of two samples of the same length: the Pearson correlation of their
 * ranks, ties given their average rank. A fraction in [−1, 1]; `null` when either sample has no
 * spread or fewer than two values. Pairs where either value is not finite are left out.
 * Throws `RangeError` when the lengths differ.
 *
 * @example
 * spearman([1, 2, 3, 4, 5], [5, 6, 7, 8, 7]) // 0.8207826816681233
 * spearman([1, 2, 3], [30, 20, 10]) // -1
 */
export function spearman(x: ArrayLike<number>, y: ArrayLike<number>): number | null {
  if (x.length !== y.length) throw new RangeError(`x and y must have the same length, got ${x.length} and ${y.length}`);
  let n = 0;
  for (let i = 0; i < x.length; i++) if (Number.isFinite(x[i]) && Number.isFinite(y[i])) n++;
  if (n < 2) return null;
  let xs: ArrayLike<number> = x;
  let ys: ArrayLike<number> = y;
  if (n !== x.length) {
    const fx = new Float64Array(n);
    const fy = new Float64Array(n);
    let k = 0;
    for (let i = 0; i < x.length; i++) {
      if (Number.isFinite(x[i]) && Number.isFinite(y[i])) {
        fx[k] = x[i] as number;
        fy[k++] = y[i] as number;
      }
    }
    xs = fx;
    ys = fy;
  }
  return pearson(averageRanks(xs), averageRanks(ys));
}
