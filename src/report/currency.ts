/**
 * The reporting currency for the parts of the report read straight from the data (capex history,
 * the depreciation lens, valuation), which are computed in the data's USD and converted at the
 * rate of their own fiscal year; the company model converts its own years (company-model.ts).
 * Column keys carry the currency: `capex_usd` becomes `capex_krw` in a KRW report.
 */
import type { ReportingCurrency } from './assumptions';
import type { DepreciationLens } from './depreciation-lens';
import type { ReportTable } from './table';
import type { Valuation } from './valuation';

/** A column key in the reporting currency: `npv_usd` → `npv_krw`, `eps_usd_per_share` → `eps_krw_per_share`. */
export function currencyKey(key: string, currency: ReportingCurrency): string {
  if (currency === 'USD') return key;
  const unit = `_${currency.toLowerCase()}`;
  return key.replace(/_usd(?=$|_per_)/, unit);
}

/** The table with its money column keys in the reporting currency (values untouched). */
export function currencyTable(table: ReportTable, currency: ReportingCurrency): ReportTable {
  if (currency === 'USD') return table;
  return { ...table, columns: table.columns.map((c) => ({ ...c, key: currencyKey(c.key, currency) })) };
}

const times = (x: number | null, rate: number): number | null => (x === null ? null : x * rate);

/** A valuation with every amount × `rate` (ratios unchanged). */
export function convertValuation(v: Valuation, rate: number): Valuation {
  if (rate === 1) return v;
  return {
    ...v,
    sharePriceUsd: times(v.sharePriceUsd, rate),
    marketCapUsd: v.marketCapUsd * rate,
    netDebtUsd: v.netDebtUsd * rate,
    enterpriseValueUsd: v.enterpriseValueUsd * rate,
    epsUsd: times(v.epsUsd, rate),
    revenueUsd: times(v.revenueUsd, rate),
    ebitdaUsd: times(v.ebitdaUsd, rate),
    grid: v.grid ? v.grid.map((g) => ({ ...g, pricesUsd: g.pricesUsd.map((p) => p * rate) })) : null,
    compression: v.compression ? { ...v.compression, priceAfterUsd: times(v.compression.priceAfterUsd, rate) } : null,
    aiRevenueToJustifyUsd: times(v.aiRevenueToJustifyUsd, rate),
  };
}

/** A depreciation lens with every amount × `rate` (EPS change and ROIC unchanged). */
export function convertLens(l: DepreciationLens, rate: number): DepreciationLens {
  if (rate === 1) return l;
  return {
    ...l,
    baseDepreciationUsd: l.baseDepreciationUsd * rate,
    reportedOperatingIncomeUsd: times(l.reportedOperatingIncomeUsd, rate),
    reportedNetIncomeUsd: times(l.reportedNetIncomeUsd, rate),
    rows: l.rows.map((r) => ({
      ...r,
      depreciationUsd: r.depreciationUsd * rate,
      depreciationChangeUsd: r.depreciationChangeUsd * rate,
      operatingIncomeUsd: times(r.operatingIncomeUsd, rate),
      netIncomeUsd: times(r.netIncomeUsd, rate),
      epsUsd: times(r.epsUsd, rate),
    })),
  };
}
