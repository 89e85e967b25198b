/**
 * Monte Carlo of one company's AI program (DESIGN.md "What it computes"): the finance core's
 * `monteCarlo` draws four assumptions per trial and the vintage model's year loop (`runPlan`, the
 * same code as the deterministic report, refilling one scratch run so a trial allocates no
 * arrays) turns each draw into free cash flows dated at the fiscal-year ends; NPV at the report's
 * valuation date (XNPV's convention), IRR (XIRR of the same dated flows) and payback are read from
 * every trial.
 *
 * Distributions, around the scenario's values, with spreads that are assumptions too:
 * - AI revenue growth ~ normal(growth, mcGrowthSd), kept above −99% a year;
 * - AI EBITDA margin ~ triangular(margin − s, margin, margin + s), s = mcMarginSpread, cut to [−1, 1];
 * - AI share of capex ~ uniform(share − s, share + s), s = mcCapexShareSpread, cut to [0, 1]
 *   (rows with their own ai_capex_share keep it);
 * - WACC ~ normal(wacc, mcWaccSd), kept above −99%.
 * A distribution chosen on the form (`mc.<input>=pert(…)`, see mc-inputs.ts) replaces an input's
 * default, and `aiRevenueToCapex` becomes uncertain when one is chosen for it. Inputs are independent
 * unless `mcCorrelations` pairs ask for rank correlations (Iman–Conover, each input keeps its
 * distribution; the achieved correlation is reported). Every trial's draws are kept for the
 * contribution-to-variance tornado; the convergence series follows NPV's running mean and P50. A trial with no answer (a value-driver terminal value with the
 * drawn WACC at or below the terminal growth) is left out and counted. Payback that never comes within the
 * timeline counts as "not within the horizon" in P(payback ≤ horizon) and in the percentiles (a
 * percentile past the timeline is shown as never); IRR statistics cover the trials whose flows change
 * sign once (one root, XIRR's convention); the others count as trials without one IRR.
 */
import { convergenceSeries, irrAtTimes, monteCarlo, normal, paybackYears, percentiles, probability, summarize, triangular, uniform, varianceContribution, type AchievedCorrelation, type ConvergencePoint, type Distribution, type Summary, type VarianceContribution } from '../finance';
import { describeDistribution, type McInputs } from './mc-inputs';
import type { Assumptions } from './assumptions';
import { emptyRun, runPlan, yearsFromValuation, type CompanyPlan } from './company-model';

export interface CompanyMonteCarlo {
  trials: number;
  seed: number;
  /** NPV summary (reporting currency) over the trials with an answer. */
  npv: Summary;
  /** Share of trials with NPV > 0. */
  probNpvPositive: number | null;
  /** IRR summary (fraction) over the trials that have one IRR. */
  irr: Summary;
  trialsWithoutIrr: number;
  /** Payback P10/P50/P90 in years; null = not within the timeline. */
  payback: { p10: number | null; p50: number | null; p90: number | null };
  /** Share of trials paying back within `horizonYears`. */
  probPaybackWithinHorizon: number | null;
  horizonYears: number;
  /** Trials left out of every statistic (no answer). */
  excludedTrials: number;
  /** NPV histogram: equal-width bins from the smallest to the largest NPV. */
  histogram: { binStartsUsd: number[]; binWidthUsd: number; counts: number[] };
  /** Each uncertain input with its distribution as written (`pert(0.1, 0.25, 0.4)`) and whether the user chose it. */
  inputs: { name: string; distribution: string; chosen: boolean }[];
  /** Rank correlations asked, with the one achieved over the trials. */
  correlations: AchievedCorrelation[];
  /** Contribution to variance of NPV per input (squared rank correlation, normalised), largest first. */
  varianceShares: VarianceContribution[];
  /** Running mean and P50 of NPV against trials. */
  convergence: ConvergencePoint[];
  /** Payback P5 and P95 in years (null = not within the timeline), beside p10/p50/p90. */
  paybackTails: { p5: number | null; p95: number | null };
}

/** Payback of a trial that never pays back: beyond any timeline, but finite for the percentiles. */
const NEVER = 1e300;
const HISTOGRAM_BINS = 20;

function clamp(x: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, x));
}

/**
 * Equal-width histogram of the finite values between `min` and `max` (the top edge counts in the
 * last bin). One bin when every value is equal.
 */
export function histogram(values: ArrayLike<number>, min: number, max: number, bins: number): { binStartsUsd: number[]; binWidthUsd: number; counts: number[] } {
  const n = max > min ? bins : 1;
  const width = max > min ? (max - min) / n : 0;
  const counts = new Array<number>(n).fill(0);
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (!Number.isFinite(v)) continue;
    const k = width > 0 ? Math.min(n - 1, Math.floor((v - min) / width)) : 0;
    counts[k] = (counts[k] as number) + 1;
  }
  return { binStartsUsd: counts.map((_, k) => min + k * width), binWidthUsd: width, counts };
}

/**
 * Most Monte Carlo trials one company report runs over all its companies: 20,000 trials for each of
 * the built-in four fit inside it, while a 1,000-company upload gets 100 trials a company instead
 * of 2,000,000 trials that would take a minute and hold every other request of its worker.
 */
export const MC_TRIALS_PER_REPORT = 100_000;

/** Fewest trials a company gets when the report's budget is shared among many companies. */
const MIN_TRIALS_PER_COMPANY = 100;

/**
 * Trials per company: the asked number, unless the companies together would run more than
 * `MC_TRIALS_PER_REPORT`; then an equal share of it (never under 100, nor above the asked number).
 * @example trialsPerCompany(2000, 4) // 2000
 * @example trialsPerCompany(2000, 1000) // 100
 */
export function trialsPerCompany(asked: number, companies: number): number {
  if (companies <= 0 || asked * companies <= MC_TRIALS_PER_REPORT) return asked;
  return Math.min(asked, Math.max(MIN_TRIALS_PER_COMPANY, Math.floor(MC_TRIALS_PER_REPORT / companies)));
}

/**
 * Runs `a.mcTrials` trials with seed `a.mcSeed` for a prepared company, NPVs at `valuationDate`.
 * @example companyMonteCarlo(planCompany('Acme', rows, a)!, a, '2022-12-31').probNpvPositive
 */
export function companyMonteCarlo(plan: CompanyPlan, a: Assumptions, valuationDate: string, chosen: Pick<McInputs, 'distributions' | 'correlations'> = { distributions: {}, correlations: [] }): CompanyMonteCarlo {
  const trials = a.mcTrials;
  const irrs = new Float64Array(trials);
  const paybacks = new Float64Array(trials);
  // The defaults below, unless the form chose a distribution for the input (mc.<input>=); the
  // revenue yield is uncertain only when a distribution is chosen for it.
  const defaults = {
    aiRevenueGrowth: normal(a.aiRevenueGrowth, a.mcGrowthSd),
    aiEbitdaMargin: triangular(Math.max(-1, a.aiEbitdaMargin - a.mcMarginSpread), a.aiEbitdaMargin, Math.min(1, a.aiEbitdaMargin + a.mcMarginSpread)),
    aiCapexShare: uniform(Math.max(0, a.aiCapexShare - a.mcCapexShareSpread), Math.min(1, a.aiCapexShare + a.mcCapexShareSpread)),
    wacc: normal(a.wacc, a.mcWaccSd),
  };
  const distributions = { ...defaults } as Record<'aiRevenueGrowth' | 'aiEbitdaMargin' | 'aiCapexShare' | 'wacc' | 'aiRevenueToCapex', Distribution>;
  for (const [k, d] of Object.entries(chosen.distributions)) if (d) distributions[k as keyof typeof distributions] = d;
  const drawsYield = distributions['aiRevenueToCapex'] !== undefined;
  const trial: Assumptions = { ...a };
  const scratch = emptyRun(plan.length);
  const years = yearsFromValuation(plan, valuationDate);
  const n = plan.length;
  let i = 0;
  const run = monteCarlo(
    (x) => {
      const k = i++;
      trial.aiRevenueGrowth = Math.max(-0.99, x.aiRevenueGrowth);
      trial.aiEbitdaMargin = clamp(x.aiEbitdaMargin, -1, 1);
      trial.aiCapexShare = clamp(x.aiCapexShare, 0, 1);
      trial.wacc = Math.max(-0.99, x.wacc);
      if (drawsYield) trial.aiRevenueToCapex = Math.max(0, x.aiRevenueToCapex as number);
      const result = runPlan(plan, trial, scratch);
      if (!result.ok) {
        irrs[k] = Number.NaN;
        paybacks[k] = Number.NaN;
        return Number.NaN;
      }
      const flows = result.fcf;
      // XNPV at the valuation date, with the times precomputed once for all trials.
      const lg = Math.log1p(trial.wacc);
      let value = 0;
      for (let t = 0; t < n; t++) value += (flows[t] as number) * Math.exp(-(years[t] as number) * lg);
      // One sign change (the usual program: spend, then earn) has one root, found without
      // allocating; flows that change sign more often count as trials without one IRR.
      irrs[k] = irrAtTimes(flows, years) ?? Number.NaN;
      paybacks[k] = paybackYears(flows) ?? NEVER;
      return value;
    },
    distributions,
    { trials, seed: a.mcSeed, conditions: { 'NPV > 0': (v) => v > 0 }, correlations: chosen.correlations, keepInputs: true },
  );
  const irrSummary = summarize(irrs);
  const [p5, p10, p50, p90, p95] = percentiles(paybacks, [0.05, 0.1, 0.5, 0.9, 0.95]);
  const shown = (y: number | null | undefined): number | null => (y === null || y === undefined || y > plan.length ? null : y);
  return {
    trials,
    seed: a.mcSeed,
    npv: {
      count: run.count, mean: run.mean, sd: run.sd, min: run.min, max: run.max,
      p5: run.p5, p10: run.p10, p50: run.p50, p90: run.p90, p95: run.p95,
    },
    probNpvPositive: run.probabilities['NPV > 0'] ?? null,
    irr: irrSummary,
    trialsWithoutIrr: run.count - irrSummary.count,
    payback: { p10: shown(p10), p50: shown(p50), p90: shown(p90) },
    probPaybackWithinHorizon: probability(paybacks, (y) => y <= a.horizonYears),
    horizonYears: a.horizonYears,
    excludedTrials: run.excludedTrials,
    histogram: run.min === null || run.max === null ? { binStartsUsd: [], binWidthUsd: 0, counts: [] } : histogram(run.values, run.min, run.max, HISTOGRAM_BINS),
    inputs: Object.entries(distributions).map(([name, d]) => ({ name, distribution: describeDistribution(d), chosen: chosen.distributions[name as keyof McInputs['distributions']] !== undefined })),
    correlations: run.correlations,
    varianceShares: varianceContribution(Object.entries(run.inputs ?? {}).map(([name, values]) => ({ name, values })), run.values),
    convergence: convergenceSeries(run.values, 50),
    paybackTails: { p5: shown(p5), p95: shown(p95) },
  };
}
