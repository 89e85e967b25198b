import { correlationMatrixProblem } from './correlationMatrixProblem';
import { cholesky } from './internal/cholesky';
import { normalQuantile } from './internal/normalQuantile';
import { averageRanks, pearson, sortedOrder } from './internal/ranks';
import type { Rng } from './rng';

/** Result of `imanConover`. */
export interface ImanConoverResult {
  /** The input samples, each column reordered (same values, new trial order). */
  columns: Float64Array[];
  /** Spearman rank correlation achieved between each pair of the reordered columns (k × k). */
  achieved: number[][];
}

/**
 * Induces a target rank correlation between independently sampled inputs by reordering each
 * input's draws, the method of Iman and Conover (1982, "A distribution-free approach to inducing
 * rank correlation among input variables", Commun. Statist. B11(3)) that @RISK and Crystal Ball
 * use. Each marginal keeps exactly the values it was given (only their trial order changes), so a
 * PERT stays a PERT; the rank correlation of the result approaches `target` as n grows.
 *
 * Steps: van der Waerden scores Φ⁻¹(i / (n + 1)) are permuted at random per column (with `rng`);
 * their sample correlation T = Q·Qᵀ and the target C = P·Pᵀ (Cholesky) give scores
 * R* = R·(P·Q⁻¹)ᵀ whose correlation is C; each column of the samples is then put in the rank
 * order of its column of R*. The target is read as Spearman rank correlations (as @RISK reads
 * it): the scores aim at Pearson 2·sin(π·ρ/6), the normal-copula equivalent.
 *
 * `columns`: k ≥ 1 equal-length samples (n ≥ k + 1 draws each). `target`: k × k correlation
 * matrix (see `correlationMatrixProblem`). Neither is mutated. Throws `RangeError` with the
 * problem's message (naming the pair) when `target` is not a usable correlation matrix, or when
 * the lengths do not fit.
 *
 * @example
 * const rng = createRng(1);
 * const { columns, achieved } = imanConover([growthDraws, marginDraws], [[1, 0.6], [0.6, 1]], rng);
 * achieved[0][1]; // ≈ 0.6
 */
export function imanConover(columns: readonly Float64Array[], target: readonly (readonly number[])[], rng: Rng, names?: readonly string[]): ImanConoverResult {
  const k = columns.length;
  if (k === 0) throw new RangeError('columns must hold at least one sample');
  const n = (columns[0] as Float64Array).length;
  columns.forEach((c, j) => {
    if (c.length !== n) throw new RangeError(`columns[${j}] must have ${n} draws like columns[0], got ${c.length}`);
  });
  if (n < k + 1) throw new RangeError(`each column needs at least ${k + 1} draws to correlate ${k} inputs, got ${n}`);
  const labels = names ?? columns.map((_, j) => `input ${j + 1}`);
  const problem = correlationMatrixProblem(target, labels);
  if (problem) throw new RangeError(problem.message);

  const scores = new Float64Array(n);
  for (let i = 0; i < n; i++) scores[i] = normalQuantile((i + 1) / (n + 1));
  const r: Float64Array[] = columns.map((_, j) => {
    const col = Float64Array.from(scores);
    if (j > 0) shuffle(col, rng);
    return col;
  });
  const t = correlationOf(r);
  const q = cholesky(t);
  // Normal scores with Pearson correlation ρ have rank correlation (6/π)·asin(ρ/2) (0.786 for
  // 0.8), so aim the scores at 2·sin(π·ρs/6) to land on the target's rank correlation. Should that
  // adjusted matrix lose positive semi-definiteness (it can, at the edge), aim at the target itself.
  const adjusted = target.map((row, i) => row.map((v, j) => (i === j ? 1 : 2 * Math.sin((Math.PI * v) / 6))));
  const pAdjusted = cholesky(adjusted);
  const p = pAdjusted.kind === 'ok' ? pAdjusted : cholesky(target);
  if (q.kind !== 'ok' || p.kind !== 'ok') throw new RangeError('the score correlation could not be factored; draw more trials');
  // M = P·Q⁻¹ (lower triangular); each trial's scores r (a row) become M·r.
  const qInv = invertLower(q.lower);
  const m = multiplyLower(p.lower, qInv);
  const out: Float64Array[] = [];
  const rowIn = new Float64Array(k);
  const target2 = Array.from({ length: k }, () => new Float64Array(n));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < k; j++) rowIn[j] = (r[j] as Float64Array)[i] as number;
    for (let j = 0; j < k; j++) {
      const mj = m[j] as Float64Array;
      let s = 0;
      for (let l = 0; l <= j; l++) s += (mj[l] as number) * (rowIn[l] as number);
      (target2[j] as Float64Array)[i] = s;
    }
  }
  const ranks: Float64Array[] = [];
  for (let j = 0; j < k; j++) {
    const sortedValues = Float64Array.from(columns[j] as Float64Array).sort();
    const order = sortedOrder(target2[j] as Float64Array);
    const col = new Float64Array(n);
    // The value of rank r goes to the trial whose score has rank r; its rank is known without
    // sorting again (ties among the values share their average rank).
    const rank = new Float64Array(n);
    let r = 0;
    while (r < n) {
      let end = r;
      const v = sortedValues[r] as number;
      while (end + 1 < n && sortedValues[end + 1] === v) end++;
      const shared = (r + end) / 2 + 1;
      for (let t = r; t <= end; t++) {
        const trial = order[t] as number;
        col[trial] = v;
        rank[trial] = shared;
      }
      r = end + 1;
    }
    out.push(col);
    ranks.push(rank);
  }
  return { columns: out, achieved: correlationOf(ranks).map((row) => [...row]) };
}

/** Spearman rank correlation of every pair of equal-length columns (1 on the diagonal). */
export function rankCorrelationMatrix(columns: readonly Float64Array[]): number[][] {
  return correlationOf(columns.map((c) => averageRanks(c))).map((row) => [...row]);
}

function correlationOf(cols: readonly Float64Array[]): number[][] {
  const k = cols.length;
  const c = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (let i = 0; i < k; i++) {
    (c[i] as number[])[i] = 1;
    for (let j = i + 1; j < k; j++) {
      const v = pearson(cols[i] as Float64Array, cols[j] as Float64Array) ?? 0;
      (c[i] as number[])[j] = v;
      (c[j] as number[])[i] = v;
    }
  }
  return c;
}

function shuffle(a: Float64Array, rng: Rng): void {
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    const tmp = a[i] as number;
    a[i] = a[j] as number;
    a[j] = tmp;
  }
}

/** Inverse of a lower-triangular matrix with a non-zero diagonal (forward substitution). */
function invertLower(l: readonly Float64Array[]): Float64Array[] {
  const k = l.length;
  const inv = Array.from({ length: k }, () => new Float64Array(k));
  for (let j = 0; j < k; j++) {
    (inv[j] as Float64Array)[j] = 1 / ((l[j] as Float64Array)[j] as number);
    for (let i = j + 1; i < k; i++) {
      let s = 0;
      for (let t = j; t < i; t++) s += ((l[i] as Float64Array)[t] as number) * ((inv[t] as Float64Array)[j] as number);
      (inv[i] as Float64Array)[j] = -s / ((l[i] as Float64Array)[i] as number);
    }
  }
  return inv;
}

function multiplyLower(a: readonly Float64Array[], b: readonly Float64Array[]): Float64Array[] {
  const k = a.length;
  const c = Array.from({ length: k }, () => new Float64Array(k));
  for (let i = 0; i < k; i++) {
    for (let j = 0; j <= i; j++) {
      let s = 0;
      for (let t = j; t <= i; t++) s += ((a[i] as Float64Array)[t] as number) * ((b[t] as Float64Array)[j] as number);
      (c[i] as Float64Array)[j] = s;
    }
  }
  return c;
}
