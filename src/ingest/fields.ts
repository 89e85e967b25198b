/**
 * The canonical columns of each dataset kind (see DESIGN.md) and the header spellings that mean
 * them, in English and Korean, including the Epoch AI "All ML Systems" export.
 */
import type { DatasetKind } from '../store/types';

/**
 * How a column's cells are read.
 * - money: currency amounts; the unit chosen on upload scales bare numbers.
 * - price: per-share or per-unit prices; only a header unit or a value suffix scales them.
 * - number / count: plain quantities; only a header unit or a value suffix scales them.
 * - rate: fractions; `12%` is 0.12.
 * - year / period: fiscal years, `period` may carry a quarter.
 * - text: kept as written (trimmed), missing spellings become null.
 */
export type FieldType = 'money' | 'price' | 'number' | 'count' | 'rate' | 'year' | 'period' | 'text';

/** How quarterly rows combine into a year: flows add up, stocks take the last quarter. */
export type RollUp = 'sum' | 'last' | 'weighted';

export interface FieldDef {
  field: string;
  type: FieldType;
  rollUp: RollUp;
  /** Magnitude of one canonical unit: params_b counts billions (1e9), tokens_t trillions. */
  baseUnit: number;
  /** Words for the mapping table. */
  unitLabel: string;
}

function def(field: string, type: FieldType, rollUp: RollUp, unitLabel: string, baseUnit = 1): FieldDef {
  return { field, type, rollUp, baseUnit, unitLabel };
}

export const COMPANY_FIELDS: readonly FieldDef[] = [
  def('company', 'text', 'last', 'text'),
  def('ticker', 'text', 'last', 'text'),
  def('currency', 'text', 'last', 'text'),
  def('basis', 'text', 'last', 'text'),
  def('fiscal_year', 'year', 'last', 'year'),
  def('period', 'period', 'last', 'year or quarter'),
  def('capex', 'money', 'sum', 'currency'),
  def('revenue', 'money', 'sum', 'currency'),
  def('ai_revenue', 'money', 'sum', 'currency'),
  def('operating_income', 'money', 'sum', 'currency'),
  def('net_income', 'money', 'sum', 'currency'),
  def('depreciation', 'money', 'sum', 'currency'),
  def('ai_capex_share', 'rate', 'weighted', 'fraction'),
  def('useful_life_years', 'number', 'last', 'years'),
  def('shares_outstanding', 'count', 'last', 'shares'),
  def('share_price', 'price', 'last', 'currency per share'),
  def('market_cap', 'money', 'last', 'currency'),
  def('net_debt', 'money', 'last', 'currency'),
  def('gpus', 'count', 'last', 'accelerators'),
  def('power_mw', 'number', 'last', 'MW'),
  def('fiscal_year_end', 'text', 'last', 'date as written'),
  def('share_price_date', 'text', 'last', 'date as written'),
  def('source', 'text', 'last', 'text'),
  def('notes', 'text', 'last', 'text'),
];

export const MODEL_FIELDS: readonly FieldDef[] = [
  def('model', 'text', 'last', 'text'),
  def('organization', 'text', 'last', 'text'),
  def('release_date', 'text', 'last', 'date as written'),
  def('params_b', 'number', 'last', 'billions of parameters', 1e9),
  def('active_params_b', 'number', 'last', 'billions of parameters', 1e9),
  def('tokens_t', 'number', 'last', 'trillions of tokens', 1e12),
  def('dataset_datapoints', 'number', 'last', 'datapoints'),
  def('domain', 'text', 'last', 'text'),
  def('training_flops', 'number', 'last', 'FLOP'),
  def('hardware', 'text', 'last', 'text'),
  def('gpu_count', 'count', 'last', 'accelerators'),
  def('chip_count', 'count', 'last', 'chips (the hardware column says which kind)'),
  def('training_hours', 'number', 'last', 'hours'),
  def('gpu_hours', 'number', 'last', 'GPU-hours'),
  def('chip_hours', 'number', 'last', 'chip-hours (the hardware column says which kind)'),
  def('gpu_hour_price_usd', 'price', 'last', 'USD per GPU-hour'),
  def('mfu', 'rate', 'last', 'fraction'),
  def('training_cost_usd', 'money', 'last', 'USD'),
  def('epoch_cost_2023_usd', 'money', 'last', '2023 USD (Epoch AI estimate)'),
  def('training_stage', 'text', 'last', 'text'),
  def('base_model', 'text', 'last', 'text'),
  def('input_price_per_mtok', 'price', 'last', 'USD per million tokens'),
  def('output_price_per_mtok', 'price', 'last', 'USD per million tokens'),
  def('cost_note', 'text', 'last', 'text'),
  def('source', 'text', 'last', 'text'),
  def('notes', 'text', 'last', 'text'),
];

/** A header spelling (normalised: lower case, letters and digits only) → field, with how its numbers are written. */
export interface Alias {
  field: string;
  /** Magnitude of one written unit when the header itself implies one (Epoch's raw parameter counts: 1). */
  sourceScale?: number;
  unit?: string;
}

function aliases(table: Record<string, string[]>): Map<string, Alias> {
  const out = new Map<string, Alias>();
  for (const [field, spellings] of Object.entries(table)) {
    out.set(normaliseKey(field), { field });
    for (const s of spellings) out.set(normaliseKey(s), { field });
  }
  return out;
}

export const COMPANY_ALIASES = aliases({
  company: ['company name', 'issuer', 'firm', 'corporation', '회사', '회사명', '기업명', '기업', '종목명', '법인명'],
  ticker: ['symbol', 'ticker symbol', '종목코드', '티커'],
  currency: ['통화'],
  basis: ['기준'],
  fiscal_year: ['year', 'fy', 'fiscal year', 'financial year', '연도', '년도', '회계연도', '사업연도', '결산연도'],
  period: ['quarter', 'fiscal period', 'fiscal quarter', '기간', '분기'],
  capex: [
    'capital expenditure',
    'capital expenditures',
    'capital spending',
    'purchases of property and equipment',
    'purchases of property, plant and equipment',
    'additions to property and equipment',
    'payments for property and equipment',
    'purchase of property and equipment',
    '설비투자',
    '설비투자액',
    '자본적지출',
    '유형자산취득',
  ],
  revenue: ['revenues', 'sales', 'total revenue', 'total revenues', 'net sales', '매출', '매출액', '수익'],
  ai_revenue: ['ai revenue', 'ai sales', 'ai매출'],
  operating_income: ['operating profit', 'income from operations', 'ebit', '영업이익'],
  net_income: ['net profit', 'net earnings', '당기순이익', '순이익'],
  depreciation: ['depreciation and amortization', 'depreciation & amortization', 'd&a', '감가상각비', '감가상각'],
  ai_capex_share: ['ai share of capex', 'ai capex share'],
  useful_life_years: ['useful life', 'server useful life', '내용연수'],
  shares_outstanding: ['shares', 'diluted shares', 'shares diluted', 'weighted average diluted shares', '발행주식수', '주식수'],
  share_price: ['price', 'stock price', 'close', 'closing price', '주가', '종가'],
  market_cap: ['market capitalization', 'market capitalisation', 'mkt cap', '시가총액'],
  net_debt: ['순부채'],
  gpus: ['gpu count', 'installed gpus', 'accelerators'],
  power_mw: ['power', 'power capacity'],
  fiscal_year_end: ['fiscal year end', 'period end', '결산일'],
  share_price_date: ['price date'],
  source: ['sources', '출처'],
  notes: ['note', 'comment', 'comments', '비고'],
});

export const MODEL_ALIASES = aliases({
  model: ['model name', 'system', 'name', '모델', '모델명'],
  organization: ['organisation', 'org', 'developer', 'lab', '기관', '개발사'],
  release_date: ['publication date', 'release date', 'date', 'released', '출시일'],
  params_b: ['parameters (billions)', 'params (b)'],
  active_params_b: ['active parameters (billions)'],
  tokens_t: ['training tokens (trillions)'],
  training_flops: ['training compute (FLOP)', 'training compute', 'flops', 'training flop'],
  domain: [],
  hardware: ['training hardware', 'gpu', 'gpu type', 'accelerator'],
  gpu_count: ['gpus', 'number of gpus', 'num gpus'],
  // Epoch's chips may be GPUs, TPUs or CPUs: the report prices them only by the hardware named.
  chip_count: ['hardware quantity', 'chips'],
  training_hours: ['training time (hours)', 'training time', 'training hours'],
  gpu_hours: ['gpu-hours'],
  chip_hours: ['training chip-hours', 'chip-hours'],
  gpu_hour_price_usd: ['gpu hour price', 'price per gpu hour'],
  mfu: ['hardware utilization (MFU)', 'hardware utilization', 'model flops utilization'],
  training_cost_usd: ['training cost', 'training cost (usd)', 'cost usd'],
  epoch_cost_2023_usd: [],
  training_stage: ['stage'],
  base_model: ['base model'],
  dataset_datapoints: [],
  input_price_per_mtok: ['input price', 'input price per million tokens'],
  output_price_per_mtok: ['output price', 'output price per million tokens'],
  cost_note: [],
  source: ['sources', '출처'],
  notes: ['note', 'comment', 'comments', '비고'],
});
MODEL_ALIASES.set(normaliseKey('Parameters'), { field: 'params_b', sourceScale: 1, unit: 'parameters ÷ 10^9 = billions' });
// Datapoints are tokens only for Epoch's Language and Multimodal domains (GNoME's are crystals):
// the report decides from `domain`, so they are not read as tokens here.
MODEL_ALIASES.set(normaliseKey('Training dataset size (datapoints)'), { field: 'dataset_datapoints', sourceScale: 1, unit: 'datapoints (tokens only for Language and Multimodal models)' });
MODEL_ALIASES.set(normaliseKey('Training compute cost (2023 USD)'), { field: 'epoch_cost_2023_usd', sourceScale: 1, unit: '2023 USD (Epoch AI estimate, not a reported cost)' });

/** Case, spacing and punctuation do not count: `Fiscal Year`, `fiscal_year` and `FISCAL-YEAR` match. */
export function normaliseKey(header: string): string {
  return header.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

export function fieldsOf(kind: DatasetKind): readonly FieldDef[] {
  return kind === 'company' ? COMPANY_FIELDS : MODEL_FIELDS;
}

export function aliasesOf(kind: DatasetKind): Map<string, Alias> {
  return kind === 'company' ? COMPANY_ALIASES : MODEL_ALIASES;
}

export const REQUIRED: Record<DatasetKind, readonly string[]> = {
  company: ['company', 'fiscal_year', 'capex'],
  models: ['model'],
};
