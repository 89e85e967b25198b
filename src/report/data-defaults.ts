/**
 * Defaults that follow from the data: a dataset whose amounts are all in won is a Korean
 * company's, so its report opens in won, with Korea's corporate tax rate and Korean industrial
 * electricity. Each value and its source is in docs/methodology.md ("Korean companies").
 * A value from a saved scenario or typed by the user always wins over these.
 */
import type { Assumptions, AssumptionKey, ParsedAssumptions } from './assumptions';
import { rowsCurrency } from './columns';
import type { Row } from '../store/types';

/** The built-in Korean companies' file (in won); pages that speak of Korea link to its report. */
export const KOREA_DATASET_FILE = 'korea-capex.csv';

/**
 * Defaults for a dataset reported in won.
 * - taxRate 0.264: the top corporate rate of 24% (2023 onward) plus the 10% local income surtax on it.
 * - powerPriceUsdPerKwh 0.13: KEPCO's industrial (B) rate for large users, 182.7 won/kWh from
 *   24 October 2024, at the default 1,400 won per dollar.
 */
export const KRW_DATA_DEFAULTS: Readonly<Partial<Assumptions>> = Object.freeze({
  reportingCurrency: 'KRW',
  taxRate: 0.264,
  powerPriceUsdPerKwh: 0.13,
});

/**
 * The parse result with the data's defaults in place of the general ones, marked `data`; values
 * from a scenario or the user are kept.
 * @example applyDataDefaults(parseAssumptions({}), [{ company: 'KT', fiscal_year: 2023, capex: 1, currency: 'KRW' }]).values.reportingCurrency // 'KRW'
 */
export function applyDataDefaults<P extends Pick<ParsedAssumptions, 'values' | 'sources' | 'raw'>>(parsed: P, rows: Row[]): P {
  if (rows.length === 0 || rowsCurrency(rows) !== 'KRW') return parsed;
  const values = { ...parsed.values } as Record<string, unknown>;
  const sources = { ...parsed.sources };
  for (const [key, value] of Object.entries(KRW_DATA_DEFAULTS) as [AssumptionKey, unknown][]) {
    if (sources[key] !== 'default') continue;
    // A typed value counts even when it equals the general default (USD typed on a won dataset):
    // it is the user's, so short links that carry only the user's values keep it.
    if (parsed.raw[key] !== undefined) {
      sources[key] = 'user';
      continue;
    }
    values[key] = value;
    sources[key] = 'data';
  }
  return { ...parsed, values: values as unknown as Assumptions, sources };
}
