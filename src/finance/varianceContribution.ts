import { spearman } from './spearman';

/** One input's share of the output's variance, as `varianceContribution` gives it. */
export interface VarianceContribution {
  name: string;
  /** Spearman rank correlation of the input with the output (sign gives the direction). */
  rankCorrelation: number;
  /** Share of the output's variance attributed to this input: ρ² / Σρ², a fraction; shares sum to 1. */
  share: number;
}

/**
 * Contribution to variance, the tornado @RISK draws beside its regression one: each input's
 * squared rank correlation with the output, normalised so the shares sum to 1, largest first.
 * A measure of association, not a decomposition: correlated inputs share credit. Trials where the
 * output is not finite are left out; an input with no spread gets correlation 0.
 * Returns `[]` when no input correlates at all.
 *
 * @example
 * varianceContribution([{ name: 'growth', values: g }, { name: 'margin', values: m }], npvs)
 * // [{ name: 'margin', rankCorrelation: 0.8, share: 0.64 / 0.73 }, { name: 'growth', rankCorrelation: 0.3, share: 0.09 / 0.73 }]
 */
export function varianceContribution(inputs: readonly { name: string; values: ArrayLike<number> }[], output: ArrayLike<number>): VarianceContribution[] {
  const rhos = inputs.map((input) => ({ name: input.name, rankCorrelation: spearman(input.values, output) ?? 0 }));
  const total = rhos.reduce((s, r) => s + r.rankCorrelation * r.rankCorrelation, 0);
  if (total === 0) return [];
  return rhos
    .map((r) => ({ ...r, share: (r.rankCorrelation * r.rankCorrelation) / total }))
    .sort((a, b) => b.share - a.share || a.name.localeCompare(b.name));
}
