import type { DatasetKind, Row } from '../store/types';

export type ColumnFormat = 'text' | 'money' | 'price' | 'percent' | 'number' | 'integer' | 'year';

export interface ColumnInfo {
  key: string;
  label: string;
  format: ColumnFormat;
  /** Column name in CSV downloads, with its unit: `capex_usd`, `ai_capex_share_fraction`. */
  csvName: string;
}

/** Canonical fields in display order with their format (DESIGN.md "Data it reads"). */
const KNOWN: Record<string, [string, ColumnFormat]> = {
  company: ['Company', 'text'],
  ticker: ['Ticker', 'text'],
  fiscal_year: ['Fiscal year', 'year'],
  fiscal_year_end: ['Fiscal year ends (MM-DD)', 'text'],
  quarters: ['Quarters summed', 'integer'],
  basis: ['Basis', 'text'],
  currency: ['Currency', 'text'],
  capex: ['Capex', 'money'],
  ai_capex_share: ['AI share of capex', 'percent'],
  revenue: ['Revenue', 'money'],
  ai_revenue: ['AI revenue', 'money'],
  operating_income: ['Operating income', 'money'],
  net_income: ['Net income', 'money'],
  depreciation: ['Depreciation', 'money'],
  useful_life_years: ['Useful life (years)', 'number'],
  shares_outstanding: ['Shares outstanding', 'integer'],
  share_price: ['Share price', 'price'],
  market_cap: ['Market cap', 'money'],
  net_debt: ['Net debt', 'money'],
  gpus: ['GPUs', 'integer'],
  power_mw: ['Power (MW)', 'number'],
  model: ['Model', 'text'],
  organization: ['Organization', 'text'],
  release_date: ['Released', 'text'],
  params_b: ['Parameters (B)', 'number'],
  active_params_b: ['Active parameters (B)', 'number'],
  tokens_t: ['Training tokens (T)', 'number'],
  dataset_datapoints: ['Dataset size (datapoints)', 'integer'],
  domain: ['Domain', 'text'],
  training_flops: ['Training FLOP', 'number'],
  hardware: ['Hardware', 'text'],
  gpu_count: ['GPUs', 'integer'],
  chip_count: ['Chips', 'integer'],
  gpu_hours: ['GPU-hours', 'integer'],
  chip_hours: ['Chip-hours', 'integer'],
  training_hours: ['Training time (hours)', 'number'],
  gpu_hour_price_usd: ['Price per GPU-hour', 'price'],
  mfu: ['MFU', 'percent'],
  training_cost_usd: ['Reported training cost', 'money'],
  epoch_cost_2023_usd: ['Epoch AI cost estimate (2023 USD)', 'money'],
  training_stage: ['Training stage', 'text'],
  base_model: ['Base model', 'text'],
  input_price_per_mtok: ['Input price per M tokens', 'money'],
  output_price_per_mtok: ['Output price per M tokens', 'money'],
  cost_note: ['Cost note', 'text'],
};

const CSV_SUFFIX: Record<ColumnFormat, string> = {
  text: '',
  money: '_usd',
  price: '_usd',
  percent: '_fraction',
  number: '',
  integer: '',
  year: '',
};

/** Keys whose names already carry their unit, so the CSV name is the key itself. */
const UNIT_IN_NAME = /(_usd|_b|_t|_mw|_years|_per_mtok|_flops|_hours)$/;

function guessFormat(key: string, rows: Row[]): ColumnFormat {
  if (key.startsWith('score_')) return 'number';
  return rows.some((r) => typeof r[key] === 'string') ? 'text' : 'number';
}

function humanise(key: string): string {
  const s = key.replace(/_/g, ' ');
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/**
 * The one currency of the rows' money (`KRW` for a Korean upload), or null when they mix
 * currencies (the CSV then names money columns `_amount` and keeps the currency column beside them).
 */
export function rowsCurrency(rows: Row[]): string | null {
  const seen = new Set<string>();
  for (const r of rows) seen.add(typeof r.currency === 'string' && r.currency.trim() !== '' ? r.currency.trim().toUpperCase() : 'USD');
  if (seen.size > 1) return null;
  return [...seen][0] ?? 'USD';
}

/**
 * The columns present in a dataset's rows, known fields first in canonical order, then any
 * others (score_*, source...) in the order they appear.
 * @example describeColumns('company', [{ company: 'Meta', capex: 1 }]).map((c) => c.csvName) // ['company', 'capex_usd']
 */
export function describeColumns(_kind: DatasetKind, rows: Row[]): ColumnInfo[] {
  const present = new Set<string>();
  for (const r of rows) for (const k of Object.keys(r)) present.add(k);
  const ordered = [...Object.keys(KNOWN).filter((k) => present.has(k)), ...[...present].filter((k) => !(k in KNOWN))];
  const currency = rowsCurrency(rows);
  const moneySuffix = currency === null ? '_amount' : `_${currency.toLowerCase()}`;
  return ordered.map((key) => {
    const known = KNOWN[key];
    const format = known ? known[1] : guessFormat(key, rows);
    const money = format === 'money' || format === 'price';
    const suffix = UNIT_IN_NAME.test(key) ? '' : money ? moneySuffix : CSV_SUFFIX[format];
    return { key, label: known ? known[0] : humanise(key), format, csvName: key + suffix };
  });
}
