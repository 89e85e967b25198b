/**
 * The industry gap ("AI's $600B question", Sequoia 2023/2024): the end-user revenue the industry
 * must earn to pay for its accelerators, and how far assumed AI revenue falls short of it.
 */

export interface IndustryGapInput {
  /** Yearly accelerator (GPU) spend, run-rate, USD. */
  acceleratorSpendUsd: number;
  /** Accelerators' share of total data-center cost, fraction in (0, 1]. Sequoia: 0.5 (×2). */
  acceleratorShare: number;
  /** End-user gross margin, fraction in [0, 1). Sequoia: 0.5 (×2). */
  grossMargin: number;
  /** AI revenue the industry earns today, USD per year. */
  aiRevenueUsd: number;
  /** Years over which the data-center spend earns (GPU useful life). */
  usefulLifeYears: number;
  /** Yearly growth of AI revenue, fraction. */
  aiRevenueGrowth: number;
}

export interface IndustryGap {
  /** Total data-center cost implied by the accelerator spend, USD. */
  dataCenterCostUsd: number;
  /**
   * Revenue the industry must earn for one year of this spend, USD. Spending that continues every
   * year (a run-rate) needs this much EVERY year.
   */
  requiredRevenueUsd: number;
  /** Required minus assumed AI revenue, USD (negative = surplus): per year while the spending continues. */
  gapUsd: number;
  /**
   * Only for a single year's spend, never repeated: its required revenue spread evenly over its
   * useful life, USD per year for `usefulLifeYears` years. Not the requirement of continuing spend.
   */
  oneOffRequiredRevenuePerYearUsd: number;
  /** AI revenue short of that one-off per-year figure, USD per year. */
  oneOffGapPerYearUsd: number;
  /** Years of AI revenue growth until revenue reaches the continuing requirement; 0 when closed; null when never. */
  yearsToCloseGap: number | null;
  /** The same for the one-off per-year figure. */
  yearsToCloseOneOffGap: number | null;
}

/**
 * Years of compounding at `growth` for `from` to reach `target`: ln(target/from) / ln(1 + growth).
 * 0 when already there; null when it never gets there (no revenue, or growth ≤ 0).
 */
export function yearsToReach(from: number, target: number, growth: number): number | null {
  if (from >= target) return 0;
  if (from <= 0 || growth <= 0) return null;
  return Math.log(target / from) / Math.log(1 + growth);
}

/**
 * required = spend × (1 / acceleratorShare) × (1 / (1 − grossMargin)); gap = required − AI revenue.
 * A run-rate of spend that goes on needs the required revenue every year; only a single year's
 * spend can be earned over its life, at required ÷ life a year (`oneOff…`).
 * Throws RangeError for a share outside (0, 1] or a margin outside [0, 1) (validated upstream).
 *
 * @example
 * industryGap({ acceleratorSpendUsd: 150e9, acceleratorShare: 0.5, grossMargin: 0.5,
 *   aiRevenueUsd: 100e9, usefulLifeYears: 6, aiRevenueGrowth: 0.25 }).gapUsd // 500e9
 */
export function industryGap(input: IndustryGapInput): IndustryGap {
  const { acceleratorSpendUsd, acceleratorShare, grossMargin, aiRevenueUsd, usefulLifeYears, aiRevenueGrowth } = input;
  if (!(acceleratorShare > 0 && acceleratorShare <= 1)) throw new RangeError('acceleratorShare must be in (0, 1]');
  if (!(grossMargin >= 0 && grossMargin < 1)) throw new RangeError('grossMargin must be in [0, 1)');
  if (!(usefulLifeYears > 0)) throw new RangeError('usefulLifeYears must be greater than 0');
  const dataCenterCostUsd = acceleratorSpendUsd / acceleratorShare;
  const requiredRevenueUsd = dataCenterCostUsd / (1 - grossMargin);
  const oneOffRequiredRevenuePerYearUsd = requiredRevenueUsd / usefulLifeYears;
  return {
    dataCenterCostUsd,
    requiredRevenueUsd,
    gapUsd: requiredRevenueUsd - aiRevenueUsd,
    oneOffRequiredRevenuePerYearUsd,
    oneOffGapPerYearUsd: oneOffRequiredRevenuePerYearUsd - aiRevenueUsd,
    yearsToCloseGap: yearsToReach(aiRevenueUsd, requiredRevenueUsd, aiRevenueGrowth),
    yearsToCloseOneOffGap: yearsToReach(aiRevenueUsd, oneOffRequiredRevenuePerYearUsd, aiRevenueGrowth),
  };
}
