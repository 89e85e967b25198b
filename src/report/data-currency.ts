import type { Row } from '../store/types';
import { plain, type Lang } from '../i18n';
import type { Assumptions } from './assumptions';
import { groupByCompany } from './company-model';

/** Company columns holding amounts of money (shares and years are not converted). */
const MONEY_FIELDS = ['capex', 'revenue', 'ai_revenue', 'operating_income', 'net_income', 'depreciation', 'share_price', 'market_cap', 'net_debt'] as const;

export interface RowsInUsd {
  rows: Row[];
  /** Companies left out, with the reason (a currency the report cannot convert). */
  skipped: string[];
  /** Companies whose amounts were converted from KRW. */
  converted: string[];
}

/**
 * The company model works in US dollars; rows in KRW (a Korean upload with `currency` KRW) are
 * converted at the scenario's KRW-per-USD rate, drifting from each company's first fiscal year as
 * the reporting conversion does, so reporting in KRW gives the data's own amounts back. Rows in
 * other currencies cannot be converted and their company is skipped with a reason.
 * @example rowsInUsd([{ company: 'A', fiscal_year: 2024, capex: 1.4e12, currency: 'KRW' }], { fxKrwPerUsd: 1400, fxDriftPerYear: 0 }).rows[0].capex // 1e9
 */
export function rowsInUsd(rows: Row[], a: Pick<Assumptions, 'fxKrwPerUsd' | 'fxDriftPerYear'>, lang: Lang = 'en'): RowsInUsd {
  const out: Row[] = [];
  const skipped: string[] = [];
  const converted: string[] = [];
  for (const [company, companyRows] of groupByCompany(rows)) {
    const currencies = new Set(companyRows.map((r) => (typeof r.currency === 'string' && r.currency.trim() !== '' ? r.currency.trim().toUpperCase() : 'USD')));
    const other = [...currencies].filter((c) => c !== 'USD' && c !== 'KRW');
    if (other.length > 0) {
      skipped.push(plain(lang, 'plan.otherCurrency', { company, currencies: other.join(', ') }));
      continue;
    }
    if (!currencies.has('KRW')) {
      out.push(...companyRows);
      continue;
    }
    converted.push(company);
    const years = companyRows.map((r) => r.fiscal_year).filter((y): y is number => typeof y === 'number');
    const firstYear = years.length > 0 ? Math.min(...years) : 0;
    for (const r of companyRows) {
      const currency = typeof r.currency === 'string' ? r.currency.trim().toUpperCase() : 'USD';
      if (currency !== 'KRW') {
        out.push(r);
        continue;
      }
      const t = typeof r.fiscal_year === 'number' ? r.fiscal_year - firstYear : 0;
      const rate = a.fxKrwPerUsd * Math.pow(1 + a.fxDriftPerYear, t);
      const copy: Row = { ...r, currency: 'USD' };
      for (const f of MONEY_FIELDS) {
        const v = r[f];
        if (typeof v === 'number') copy[f] = v / rate;
      }
      out.push(copy);
    }
  }
  return { rows: out, skipped, converted };
}
