/**
 * Valuation-multiple sensitivity for one company: the multiples today's price implies, implied
 * price over EPS growth × P/E, multiple compression as a drawdown, and the AI revenue needed to
 * justify today's market cap.
 *
 * Conventions:
 * - The valuation year is the latest with EPS (net income and shares) and a price (share_price,
 *   or market_cap ÷ shares); a price typed on the form (`price.<TICKER>`) is today's and goes with
 *   the latest year with EPS. Without any such year, the latest priced year (no EPS, no P/E).
 *   The price's date is the row's share_price_date (or "typed"). Market cap = market_cap, else
 *   price × shares.
 *   EV = market cap + net debt (net debt 0 when the data has none, noted).
 * - EBITDA = operating income + depreciation (the data's D&A line).
 * - Implied price = EPS × (1 + EPS growth) × P/E: next year's EPS at the multiple. The grid's
 *   columns are 10× to 50× in steps of 5× plus the target P/E, the base column.
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
  /** Date of the price (the row's share_price_date), 'typed' for a price typed on the form, null if unknown. */
  sharePriceDate: string | null;
  priceSource: 'data' | 'user';
  /** P/E columns of the grid: PE_COLUMNS plus the target P/E (the base column). */
  peColumns: number[];
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

/** The grid's P/E columns: the standard steps plus the target P/E, in order. */
export function peColumnsFor(targetPe: number): number[] {
  return [...new Set<number>([...PE_COLUMNS, targetPe])].sort((x, y) => x - y);
}

/**
 * Returns null when neither the data nor the form gives a price (or market cap).
 * `typedPriceUsd`: today's price typed on the form for this company, USD per share.
 */
export function valuation(rows: Row[], a: Assumptions, typedPriceUsd: number | null = null): Valuation | null {
  const byYear = companyYears(rows);
  const entries = [...byYear.entries()];
  const hasEps = (r: Row) => num(r.net_income) !== null && (num(r.shares_outstanding) ?? 0) > 0;
  const hasPrice = (r: Row) => num(r.market_cap) !== null || (num(r.share_price) !== null && num(r.shares_outstanding) !== null);
  const pick =
    typedPriceUsd !== null
      ? (entries.filter(([, r]) => hasEps(r)).pop() ?? entries.filter(([, r]) => num(r.shares_outstanding) !== null).pop())
      : (entries.filter(([, r]) => hasEps(r) && hasPrice(r)).pop() ?? entries.filter(([, r]) => hasPrice(r)).pop());
  if (!pick) return null;
  const [fiscalYear, r] = pick;
  const shares = num(r.shares_outstanding);
  const price = typedPriceUsd ?? num(r.share_price) ?? (shares && num(r.market_cap) !== null ? (num(r.market_cap) as number) / shares : null);
  const marketCap = typedPriceUsd !== null && shares ? typedPriceUsd * shares : (num(r.market_cap) ?? (price as number) * (shares as number));
  const priceDate = typedPriceUsd !== null ? 'typed' : typeof r.share_price_date === 'string' && r.share_price_date ? r.share_price_date : null;
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
  const peColumns = peColumnsFor(a.targetPe);
  const table =
    eps === null
      ? null
      : sensitivityGrid(
          (growth, pe) => eps * (1 + growth) * pe,
          GROWTH_STEPS.map((step) => baseGrowth + step),
          peColumns,
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
    sharePriceDate: priceDate,
    priceSource: typedPriceUsd !== null ? 'user' : 'data',
    peColumns,
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
