/**
 * Valuation-multiple sensitivity for one company: the multiples today's price implies, implied
 * price over EPS growth × P/E, multiple compression as a drawdown, and the AI revenue needed to
 * justify today's market cap.
 *
 * Conventions:
 * - The valuation year is the latest with a share price (or market cap) and shares outstanding;
 *   EPS = net income ÷ shares of that year. Market cap = market_cap, else price × shares.
 *   EV = market cap + net debt (net debt 0 when the data has none, noted).
 * - EBITDA = operating income + depreciation (the data's D&A line).
 * - Implied price = EPS × (1 + EPS growth) × P/E: next year's EPS at the multiple.
 * - Base EPS growth is the EPS CAGR over the data's years with EPS, else the AI revenue growth.
 * - AI revenue to justify the market cap: the market cap not covered by today's earnings at the
 *   target P/E, (market cap − net income × target P/E), capitalised at the target P/E and turned
 *   into revenue at the AI margin after tax: ÷ (target P/E × margin × (1 − tax)). 0 when covered.
 */
import { cagr, sensitivityGrid } from '../finance';
import type { Row } from '../store/types';
import type { Assumptions } from './assumptions';
import { companyYears, num } from './company-model';

export const PE_COLUMNS = [10, 15, 20, 25, 30, 35, 40, 45, 50] as const;
export const GROWTH_STEPS = [-0.1, -0.05, 0, 0.05, 0.1] as const;

export interface Valuation {
  fiscalYear: number;
  sharePriceUsd: number | null;
  sharesOutstanding: number | null;
  marketCapUsd: number;
  netDebtUsd: number;
  netDebtFromData: boolean;
  enterpriseValueUsd: number;
  epsUsd: number | null;
  revenueUsd: number | null;
  ebitdaUsd: number | null;
  pe: number | null;
  evSales: number | null;
  evEbitda: number | null;
  baseEpsGrowth: number;
  epsGrowthSource: 'data' | 'scenario';
  /** Implied price per share: rows = EPS growth, columns = P/E; null without EPS. */
  grid: { growth: number; pricesUsd: number[]; vsToday: (number | null)[] }[] | null;
  compression: { fromPe: number; toPe: number; drawdown: number; priceAfterUsd: number | null } | null;
  aiRevenueToJustifyUsd: number | null;
}

/** A ratio that overflowed (a tiny denominator) is no answer rather than ±Infinity. */
function fin(x: number | null): number | null {
  return x !== null && Number.isFinite(x) ? x : null;
}

/** Latest EPS growth from the data's EPS history (CAGR), or null when it has no usable span. */
function epsCagr(byYear: Map<number, Row>): number | null {
  const eps = [...byYear.entries()]
    .map(([y, r]) => {
      const ni = num(r.net_income);
      const sh = num(r.shares_outstanding);
      return ni !== null && sh ? { y, eps: ni / sh } : null;
    })
    .filter((v): v is { y: number; eps: number } => v !== null);
  const first = eps[0];
  const last = eps[eps.length - 1];
  if (!first || !last || last.y <= first.y || first.eps <= 0 || last.eps <= 0) return null;
  return cagr(first.eps, last.eps, last.y - first.y);
}

/** Returns null when the data gives no price or market cap. */
export function valuation(rows: Row[], a: Assumptions): Valuation | null {
  const byYear = companyYears(rows);
  const priced = [...byYear.entries()].filter(([, r]) => num(r.market_cap) !== null || (num(r.share_price) !== null && num(r.shares_outstanding) !== null));
  const pick = priced[priced.length - 1];
  if (!pick) return null;
  const [fiscalYear, r] = pick;
  const shares = num(r.shares_outstanding);
  const price = num(r.share_price) ?? (shares && num(r.market_cap) !== null ? (num(r.market_cap) as number) / shares : null);
  const marketCap = num(r.market_cap) ?? (price as number) * (shares as number);
  const netDebtData = num(r.net_debt);
  const netDebt = netDebtData ?? 0;
  const ev = marketCap + netDebt;
  const ni = num(r.net_income);
  const revenue = num(r.revenue);
  const oi = num(r.operating_income);
  const dep = num(r.depreciation);
  const ebitda = oi !== null && dep !== null ? oi + dep : null;
  const eps = ni !== null && shares ? ni / shares : null;
  const hist = epsCagr(byYear);
  const baseGrowth = hist ?? a.aiRevenueGrowth;
  const table =
    eps === null
      ? null
      : sensitivityGrid(
          (growth, pe) => eps * (1 + growth) * pe,
          GROWTH_STEPS.map((step) => baseGrowth + step),
          [...PE_COLUMNS],
        );
  const grid = table
    ? table.rowValues.map((growth, i) => {
        const pricesUsd = table.values[i] ?? [];
        return { growth, pricesUsd, vsToday: pricesUsd.map((p) => (price ? fin(p / price - 1) : null)) };
      })
    : null;
  const pe = price !== null && price > 0 && eps !== null && eps > 0 ? fin(price / eps) : null;
  const drawdown = pe === null ? null : fin(a.targetPe / pe - 1);
  const compression = pe === null || drawdown === null ? null : { fromPe: pe, toPe: a.targetPe, drawdown, priceAfterUsd: eps === null ? null : eps * a.targetPe };
  const perRevenue = a.targetPe * a.aiEbitdaMargin * (1 - a.taxRate);
  const uncovered = marketCap - (ni ?? 0) * a.targetPe;
  return {
    fiscalYear,
    sharePriceUsd: price,
    sharesOutstanding: shares,
    marketCapUsd: marketCap,
    netDebtUsd: netDebt,
    netDebtFromData: netDebtData !== null,
    enterpriseValueUsd: ev,
    epsUsd: eps,
    revenueUsd: revenue,
    ebitdaUsd: ebitda,
    pe,
    evSales: revenue !== null && revenue > 0 ? fin(ev / revenue) : null,
    evEbitda: ebitda !== null && ebitda > 0 ? fin(ev / ebitda) : null,
    baseEpsGrowth: baseGrowth,
    epsGrowthSource: hist === null ? 'scenario' : 'data',
    grid,
    compression,
    aiRevenueToJustifyUsd: perRevenue > 0 ? fin(Math.max(0, uncovered) / perRevenue) : null,
  };
}
