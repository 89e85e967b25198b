/**
 * Scenario assumptions: their definitions, defaults an analyst would defend, and parsing from a
 * query string (or a saved scenario) into values with a source for each. Invalid input is returned
 * as problems, never thrown, so a form can show it back.
 */
import { metricsFromQuery, type MetricDefinition } from './metrics';
import { describeDistribution, parseMcInputs, type McInputs } from './mc-inputs';

/** Where an assumption's value came from: the default, a saved scenario, the user, or the data. */
export type AssumptionSource = 'default' | 'scenario' | 'user' | 'data';

export type TerminalMethod = 'none' | 'value-driver' | 'exit-multiple';

/** What happens after the last year of the data: see DESIGN.md "vintages of capacity". */
export type CapacityAfterData = 'run-off' | 'sustain';

export interface Assumptions {
  /** Discount rate (WACC), fraction per year. */
  wacc: number;
  /** Years of cash flows counted from the first capex year when capacity is sustained (run-off runs until the last compute retires). */
  horizonYears: number;
  /** Tax rate on AI operating profit, fraction. */
  taxRate: number;
  /** Share of capex that is AI, fraction; a row's own ai_capex_share wins. */
  aiCapexShare: number;
  /** Straight-line life of AI servers and GPUs, years; a row's useful_life_years wins unless set by the user. */
  gpuUsefulLifeYears: number;
  /** AI revenue per dollar of a vintage's AI capex in its first year of service (y), at 70% utilization. */
  aiRevenueToCapex: number;
  /** Change of a vintage's AI revenue per year of age at constant token prices (g), fraction. */
  aiRevenueGrowth: number;
  /** Share of AI capex that buys compute (servers, GPUs, network), depreciated over the server life; the rest is facilities. */
  computeShare: number;
  /** Straight-line life of the facilities part of AI capex (buildings, power), years. */
  facilityLifeYears: number;
  /** After the data: run-off (no new capex, until the last compute retires) or sustain (replace and grow through the horizon, then a terminal value). */
  capacityAfterData: CapacityAfterData;
  /** Return on new invested capital for the value-driver terminal value, fraction; null = the WACC (growth adds no value). */
  ronic: number | null;
  /** Date every flow is discounted to (YYYY-MM-DD); null = the earliest fiscal-year end of a first capex year in the report. */
  valuationDate: string | null;
  /** Whether rows with basis `guidance` count: 'true' (default) or 'false'. */
  includeGuidance: 'true' | 'false';
  /** AI operating margin before depreciation of the AI capex and before power (which is costed separately), fraction. */
  aiEbitdaMargin: number;
  /** Yearly fall of token prices, fraction (0.7 = prices fall 70% a year). */
  tokenPriceDeflation: number;
  /** Volume elasticity to token prices: volume × (1 − deflation)^(−elasticity). */
  volumeElasticity: number;
  terminalMethod: TerminalMethod;
  /** Exit EV/EBITDA multiple on the last horizon year's AI EBITDA. */
  exitEvEbitda: number;
  /** Growth after the horizon (value-driver terminal value) and of sustained capacity, fraction per year. */
  terminalGrowth: number;
  /** The P/E a multiple compresses to (and that capitalises AI earnings), ×. */
  targetPe: number;
  /** Share of installed GPU capacity in use, fraction: scales modelled AI revenue and power drawn. */
  gpuUtilization: number;
  /** Price of electricity, USD per kWh. */
  powerPriceUsdPerKwh: number;
  /** Power usage effectiveness: facility power ÷ IT power, ≥ 1. */
  pue: number;
  /** IT power of AI capex in service where the data has no power_mw, MW per USD 1B of AI capex (an assumption). */
  powerMwPerBillionUsd: number;
  /** Currency amounts are shown in. */
  reportingCurrency: ReportingCurrency;
  /** KRW per USD in the first year of the timeline: converts KRW data to USD, and USD to KRW when reporting in KRW. */
  fxKrwPerUsd: number;
  /** Yearly change of the FX rate, fraction (0.02 = the won weakens 2% a year against the dollar). */
  fxDriftPerYear: number;
  /** Monte Carlo: standard deviation of AI revenue growth (normal), fraction. */
  mcGrowthSd: number;
  /** Monte Carlo: half-width of the AI margin's triangular distribution around the scenario's margin, fraction. */
  mcMarginSpread: number;
  /** Monte Carlo: half-width of the AI share of capex's uniform distribution, fraction. */
  mcCapexShareSpread: number;
  /** Monte Carlo: standard deviation of the WACC (normal), fraction. */
  mcWaccSd: number;
  /** Monte Carlo: trials per company. */
  mcTrials: number;
  /** Monte Carlo: seed of the generator; the same seed and inputs give the same numbers. */
  mcSeed: number;
}

export type ReportingCurrency = 'USD' | 'KRW';

/**
 * Utilization at which `aiRevenueToCapex` is read (the default utilization): modelled AI revenue
 * scales with utilization ÷ this.
 */
export const REFERENCE_UTILIZATION = 0.7;

/** Largest Monte Carlo trial count a request may ask for (keeps a cold report fast). */
export const MAX_MC_TRIALS = 20_000;

export type AssumptionKey = keyof Assumptions;

export type AssumptionFormat = 'percent' | 'years' | 'multiple' | 'number' | 'choice' | 'date';

export interface AssumptionDef<K extends string = AssumptionKey> {
  key: K;
  label: string;
  /** Column-style name with unit, used in CSV assumption lines. */
  csvKey: string;
  format: AssumptionFormat;
  help: string;
  /** Closed interval unless the matching `exclusive` flag says otherwise. */
  min?: number;
  max?: number;
  minExclusive?: boolean;
  maxExclusive?: boolean;
  integer?: boolean;
  choices?: readonly string[];
  /** One standard change, for the tornado chart (absolute, in the assumption's own unit). */
  swing?: number;
  /**
   * The value overrides data columns when the user gives one, so a typed value counts as the
   * user's even when it equals the default (the form leaves it blank to keep the data's).
   */
  overridesData?: boolean;
  /** Blank is a value (null): the default is derived (RONIC = WACC, valuation date from the data). */
  optional?: boolean;
}

export const DEFAULT_ASSUMPTIONS: Readonly<Assumptions> = Object.freeze({
  wacc: 0.09,
  horizonYears: 10,
  taxRate: 0.21,
  aiCapexShare: 0.6,
  gpuUsefulLifeYears: 6,
  aiRevenueToCapex: 0.35,
  aiRevenueGrowth: 0,
  computeShare: 0.5,
  facilityLifeYears: 15,
  capacityAfterData: 'run-off',
  ronic: null,
  valuationDate: null,
  includeGuidance: 'true',
  aiEbitdaMargin: 0.5,
  tokenPriceDeflation: 0,
  volumeElasticity: 1,
  terminalMethod: 'none',
  exitEvEbitda: 12,
  terminalGrowth: 0.02,
  targetPe: 25,
  gpuUtilization: 0.7,
  powerPriceUsdPerKwh: 0.08,
  pue: 1.2,
  powerMwPerBillionUsd: 20,
  reportingCurrency: 'USD',
  fxKrwPerUsd: 1400,
  fxDriftPerYear: 0,
  mcGrowthSd: 0.1,
  mcMarginSpread: 0.1,
  mcCapexShareSpread: 0.1,
  mcWaccSd: 0.01,
  mcTrials: 2000,
  mcSeed: 42,
});

export const ASSUMPTION_DEFS: readonly AssumptionDef[] = [
  { key: 'wacc', label: 'Discount rate (WACC)', csvKey: 'wacc_fraction', format: 'percent', min: -1, minExclusive: true, max: 1, swing: 0.01,
    help: 'Fraction per year, 0.09 = 9%. Large-cap tech WACC estimates sit near 8-10%.' },
  { key: 'horizonYears', label: 'Horizon', csvKey: 'horizon_years', format: 'years', min: 1, max: 40, integer: true,
    help: 'With capacity sustained: years of cash flows from the first capex year in the data (at least through the data), then a terminal value. Run-off ignores it: the timeline runs until the last compute retires.' },
  { key: 'taxRate', label: 'Tax rate', csvKey: 'tax_rate_fraction', format: 'percent', min: 0, max: 1, maxExclusive: true, swing: 0.05,
    help: 'US federal statutory rate 21%.' },
  { key: 'aiCapexShare', label: 'AI share of capex', csvKey: 'ai_capex_share_fraction', format: 'percent', min: 0, max: 1, swing: 0.1,
    help: 'Used where a row gives no ai_capex_share.' },
  { key: 'gpuUsefulLifeYears', label: 'GPU / server useful life', csvKey: 'gpu_useful_life_years', format: 'years', min: 1, max: 20, swing: 1, overridesData: true,
    help: 'Where a row gives useful_life_years, the data’s life is used unless you set one here. Hyperscalers moved servers from 4 to 6 years in 2022-23; Amazon moved a subset back to 5 in 2025.' },
  { key: 'aiRevenueToCapex', label: 'AI revenue per $ of AI capex, first year (y)', csvKey: 'ai_revenue_to_capex_fraction', format: 'percent', min: 0, max: 10, swing: 0.1,
    help: 'Each year’s AI capex (a vintage) earns this much per dollar in its first year of service, at 70% utilization. Microsoft: about $10B AI run-rate (Oct 2024) on about $27B FY2024 AI capex ≈ 0.35. A year’s reported ai_revenue replaces the modelled one.' },
  { key: 'aiRevenueGrowth', label: 'Change of a vintage’s AI revenue per year of age (g)', csvKey: 'ai_revenue_growth_fraction', format: 'percent', min: -1, minExclusive: true, max: 10, swing: 0.1,
    help: 'At constant token prices: more use and better software raise it, ageing chips lower it. 0 = a vintage earns the same every year of its life. Company revenue still grows as new vintages come in.' },
  { key: 'computeShare', label: 'Compute share of AI capex', csvKey: 'compute_share_fraction', format: 'percent', min: 0, minExclusive: true, max: 1, swing: 0.1,
    help: 'Servers, GPUs and network, depreciated over the server life; the rest is facilities (buildings, power). Microsoft has said roughly half of its cloud and AI spend goes to long-lived assets.' },
  { key: 'facilityLifeYears', label: 'Facility life', csvKey: 'facility_life_years', format: 'years', min: 1, max: 60,
    help: 'Straight-line life of data-center buildings and power; their remaining book value comes back when the last compute retires (run-off).' },
  { key: 'capacityAfterData', label: 'After the data', csvKey: 'capacity_after_data', format: 'choice', choices: ['run-off', 'sustain'],
    help: 'run-off: no new capex; the timeline runs until the last compute retires (does the spending in the data pay back?). sustain: through the horizon each year replaces the retired compute and facilities and grows them by the terminal growth, then a terminal value.' },
  { key: 'aiEbitdaMargin', label: 'AI operating margin before depreciation and power', csvKey: 'ai_ebitda_margin_fraction', format: 'percent', min: -1, max: 1, swing: 0.1,
    help: 'AI EBITDA before power ÷ AI revenue (staff and other cash costs deducted); power is costed from the power assumptions below.' },
  { key: 'tokenPriceDeflation', label: 'Token price fall per year', csvKey: 'token_price_deflation_fraction', format: 'percent', min: 0, max: 1, maxExclusive: true, swing: 0.1,
    help: 'The "DeepSeek effect": 0.7 = prices fall 70% a year.' },
  { key: 'volumeElasticity', label: 'Volume elasticity to token price', csvKey: 'volume_elasticity', format: 'number', min: 0, max: 5, swing: 0.2,
    help: 'Jevons: 1 = cheaper tokens are fully offset by more use; below 1 revenue falls with price.' },
  { key: 'terminalMethod', label: 'Terminal value', csvKey: 'terminal_method', format: 'choice', choices: ['none', 'value-driver', 'exit-multiple'],
    help: 'Only with capacity sustained. none: value ends with the horizon. value-driver: NOPAT × (1 + g) × (1 − g ÷ RONIC) ÷ (WACC − g), growth paid for by reinvestment. exit-multiple: EV/EBITDA × the last year’s AI EBITDA.' },
  { key: 'exitEvEbitda', label: 'Exit EV/EBITDA', csvKey: 'exit_ev_ebitda_multiple', format: 'multiple', min: 0, max: 100,
    help: 'Applied to the last horizon year’s AI EBITDA when the terminal value is an exit multiple.' },
  { key: 'terminalGrowth', label: 'Terminal growth', csvKey: 'terminal_growth_fraction', format: 'percent', min: -1, minExclusive: true, max: 1,
    help: 'Growth of sustained capacity after the data, and after the horizon in the value-driver terminal value; must be below the WACC.' },
  { key: 'ronic', label: 'Return on new invested capital (RONIC)', csvKey: 'ronic_fraction', format: 'percent', min: 0, minExclusive: true, max: 10, optional: true,
    help: 'Value-driver terminal value only. Blank = the WACC: growth then adds no value, the conservative default.' },
  { key: 'valuationDate', label: 'Valuation date', csvKey: 'valuation_date', format: 'date', optional: true,
    help: 'Every company’s flows are discounted to this date (YYYY-MM-DD), so NPVs compare. Blank = the earliest fiscal-year end of a first capex year in the report.' },
  { key: 'includeGuidance', label: 'Include guidance years', csvKey: 'include_guidance', format: 'choice', choices: ['true', 'false'],
    help: 'Rows with basis guidance (capex a company has guided, not reported) count as vintages when true; they are marked in every table, chart and summary.' },
  { key: 'targetPe', label: 'Target P/E', csvKey: 'target_pe_multiple', format: 'multiple', min: 0, minExclusive: true, max: 200,
    help: 'Multiple compression target; startup P/E of 30-40 tends to converge to 20-30 after IPO.' },
  { key: 'gpuUtilization', label: 'Utilization of installed GPUs', csvKey: 'gpu_utilization_fraction', format: 'percent', min: 0, max: 1, swing: 0.1,
    help: 'Share of installed capacity in use. Modelled (not reported) AI revenue scales with utilization ÷ 70%, the level the revenue ratio above is read at; power drawn scales with it too.' },
  { key: 'powerPriceUsdPerKwh', label: 'Power price (USD/kWh)', csvKey: 'power_price_usd_per_kwh', format: 'number', min: 0, max: 2, swing: 0.02,
    help: 'US industrial electricity averaged about $0.08/kWh in 2024 (EIA). Power is an operating cost of the AI fleet, deducted from AI EBITDA.' },
  { key: 'pue', label: 'PUE', csvKey: 'pue_ratio', format: 'number', min: 1, max: 3, swing: 0.1,
    help: 'Facility power ÷ IT power. Hyperscalers report 1.1-1.2; the industry average is about 1.5.' },
  { key: 'powerMwPerBillionUsd', label: 'IT power per $1B of AI capex (MW)', csvKey: 'power_mw_per_billion_usd', format: 'number', min: 0, max: 500,
    help: 'An assumption, used where the data has no power_mw: about $50B of capex per GW of AI capacity (NVIDIA, 2025) ≈ 20 MW per $1B. Capex counts while within its useful life.' },
  { key: 'reportingCurrency', label: 'Reporting currency', csvKey: 'reporting_currency', format: 'choice', choices: ['USD', 'KRW'],
    help: 'Amounts are shown in this currency. Rows in KRW are converted to USD at the FX rate first; reporting in KRW converts each year at that year’s rate.' },
  { key: 'fxKrwPerUsd', label: 'FX rate (KRW per USD)', csvKey: 'fx_krw_per_usd', format: 'number', min: 0, minExclusive: true, max: 100000,
    help: 'Converts KRW data to USD, and USD to KRW when reporting in KRW: the rate in the first year of the timeline. The won traded about 1,300-1,480 per dollar in 2024-25.' },
  { key: 'fxDriftPerYear', label: 'FX drift per year', csvKey: 'fx_drift_per_year_fraction', format: 'percent', min: -1, minExclusive: true, max: 1,
    help: 'Yearly change of KRW per USD after the first year (0.02 = the won weakens 2% a year). Ignored for USD.' },
  { key: 'mcGrowthSd', label: 'Monte Carlo: AI revenue growth sd', csvKey: 'mc_ai_revenue_growth_sd_fraction', format: 'percent', min: 0, max: 2,
    help: 'Growth is drawn from a normal distribution around the scenario’s growth with this standard deviation (kept above −100%).' },
  { key: 'mcMarginSpread', label: 'Monte Carlo: AI margin ± range', csvKey: 'mc_ai_ebitda_margin_spread_fraction', format: 'percent', min: 0, max: 1,
    help: 'Margin is drawn from a triangular distribution peaking at the scenario’s margin, this far either side (kept within −100% and 100%).' },
  { key: 'mcCapexShareSpread', label: 'Monte Carlo: AI share of capex ± range', csvKey: 'mc_ai_capex_share_spread_fraction', format: 'percent', min: 0, max: 1,
    help: 'The scenario’s AI share of capex is drawn uniformly this far either side (kept within 0-100%); a share given in the data stays fixed.' },
  { key: 'mcWaccSd', label: 'Monte Carlo: WACC sd', csvKey: 'mc_wacc_sd_fraction', format: 'percent', min: 0, max: 0.5,
    help: 'WACC is drawn from a normal distribution around the scenario’s WACC with this standard deviation (kept above −99%).' },
  { key: 'mcTrials', label: 'Monte Carlo: trials', csvKey: 'mc_trials', format: 'number', min: 1, max: MAX_MC_TRIALS, integer: true,
    help: `Trials per company, at most ${MAX_MC_TRIALS.toLocaleString('en-US')}. 2,000 puts P10/P50/P90 within about 1-2% of their long-run values.` },
  { key: 'mcSeed', label: 'Monte Carlo: seed', csvKey: 'mc_seed', format: 'number', min: 0, max: 4294967295, integer: true,
    help: 'The same seed and assumptions give the same numbers on any machine; change it to see another draw.' },
];

export interface AssumptionProblem {
  key: string;
  value: string;
  message: string;
}

export interface ParsedAssumptions {
  values: Assumptions;
  sources: Record<AssumptionKey, AssumptionSource>;
  /** Raw text per key as the user typed it (for showing a bad value back). */
  raw: Partial<Record<AssumptionKey, string>>;
  problems: AssumptionProblem[];
  /** Share prices typed on the form, `price.<TICKER>=`, USD per share by upper-case ticker. */
  prices: Record<string, number>;
  /**
   * Custom metrics, `metric.<name>=<expression>` (a saved scenario's first, the query's win), plus
   * one typed as `metricNew=name = expression` on the form. Checked against the cash-flow table's
   * columns by the report (see metrics/).
   */
  metrics: MetricDefinition[];
  /** Monte Carlo inputs chosen on the form: `mc.<input>=pert(…)` and `mcCorrelations` pairs. */
  mc: Pick<McInputs, 'distributions' | 'correlations'>;
}

const PRICE_KEY = /^price\.([A-Za-z0-9.\-]{1,12})$/;

/**
 * Share prices typed per company (`price.MSFT=512.3`): a positive number of USD per share each,
 * keyed by the upper-case ticker. A blank field is no price; anything else is a problem.
 *
 * @example parsePrices({ 'price.msft': '512.3' }).prices // { MSFT: 512.3 }
 */
export function parsePrices(query: Record<string, unknown>): { prices: Record<string, number>; problems: AssumptionProblem[] } {
  const prices: Record<string, number> = {};
  const problems: AssumptionProblem[] = [];
  for (const key of Object.keys(query)) {
    const m = PRICE_KEY.exec(key);
    if (!m) continue;
    const text = queryValue(query, key);
    if (text === undefined || text.trim() === '') continue;
    const n = parseNumberText(text);
    if (n === null || !(n > 0) || n > 1e9) {
      problems.push({ key, value: text, message: `Share price for ${(m[1] as string).toUpperCase()} must be a number greater than 0` });
      continue;
    }
    prices[(m[1] as string).toUpperCase()] = n;
  }
  return { prices, problems };
}

/** A query string's value for one key: the last one when repeated, undefined when absent. */
function queryValue(query: Record<string, unknown>, key: string): string | undefined {
  const v = query[key];
  if (typeof v === 'string') return v;
  if (Array.isArray(v)) {
    const last = v[v.length - 1];
    return typeof last === 'string' ? last : undefined;
  }
  return undefined;
}

const NUMBER_TEXT = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/**
 * Parses a number as a person types it: digits, optional sign, decimal point and exponent, or a
 * percentage (`9%` = 0.09). Returns null for anything else (`12abc`, empty, `Infinity`).
 */
export function parseNumberText(text: string): number | null {
  const t = text.trim();
  const pct = t.endsWith('%');
  const body = pct ? t.slice(0, -1).trim() : t;
  if (!NUMBER_TEXT.test(body)) return null;
  const n = Number(body);
  if (!Number.isFinite(n)) return null;
  return pct ? n / 100 : n;
}

function rangeText(def: AssumptionDef<string>): string {
  const lo = def.min === undefined ? '' : `${def.minExclusive ? 'greater than' : 'at least'} ${def.min}`;
  const hi = def.max === undefined ? '' : `${def.maxExclusive ? 'less than' : 'at most'} ${def.max}`;
  return [lo, hi].filter(Boolean).join(' and ');
}

/** Checks one typed value against its definition; returns the number or a problem message. */
export function checkValue(def: AssumptionDef<string>, text: string): { value: number | string } | { message: string } {
  if (def.format === 'date') {
    const t = text.trim();
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
    const ok = m && (() => {
      const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
      return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
    })();
    return ok ? { value: t } : { message: 'must be a date as YYYY-MM-DD' };
  }
  if (def.format === 'choice') {
    const c = text.trim();
    return def.choices?.includes(c) ? { value: c } : { message: `must be one of ${(def.choices ?? []).join(', ')}` };
  }
  const n = parseNumberText(text);
  if (n === null) return { message: 'must be a number' };
  if (def.integer && !Number.isInteger(n)) return { message: def.format === 'years' ? 'must be a whole number of years' : 'must be a whole number' };
  const tooLow = def.min !== undefined && (def.minExclusive ? n <= def.min : n < def.min);
  const tooHigh = def.max !== undefined && (def.maxExclusive ? n >= def.max : n > def.max);
  if (tooLow || tooHigh) return { message: `must be ${rangeText(def)}` };
  return { value: n };
}

/**
 * Resolves assumptions from defaults, then a saved scenario's values, then the query string.
 * Every value carries its source. Bad typed values become problems (and keep the value beneath).
 *
 * @example
 * parseAssumptions({ wacc: '0.1' }).values.wacc // 0.1, source 'user'
 * parseAssumptions({ wacc: '-1' }).problems[0].key // 'wacc'
 */
export function parseAssumptions(
  query: Record<string, unknown>,
  scenario?: Record<string, number | string>,
): ParsedAssumptions {
  const values: Record<string, number | string | null> = { ...DEFAULT_ASSUMPTIONS };
  const sources = {} as Record<AssumptionKey, AssumptionSource>;
  const raw: Partial<Record<AssumptionKey, string>> = {};
  const problems: AssumptionProblem[] = [];
  for (const def of ASSUMPTION_DEFS) {
    sources[def.key] = 'default';
    const saved = scenario?.[def.key];
    if (saved !== undefined) {
      const checked = checkValue(def, String(saved));
      if ('value' in checked) {
        values[def.key] = checked.value;
        sources[def.key] = 'scenario';
      }
    }
    const text = queryValue(query, def.key);
    if (text === undefined || text.trim() === '') continue;
    raw[def.key] = text;
    if (def.key === 'terminalMethod' && text.trim() === 'perpetual-growth') {
      problems.push({
        key: def.key,
        value: text,
        message: 'Terminal value perpetual-growth is gone: it capitalised NOPAT + depreciation forever with no reinvestment. Use value-driver (NOPAT × (1 + g) × (1 − g ÷ RONIC) ÷ (WACC − g)) or exit-multiple',
      });
      continue;
    }
    const checked = checkValue(def, text);
    if ('value' in checked) {
      if (checked.value !== values[def.key] || def.overridesData) sources[def.key] = 'user';
      values[def.key] = checked.value;
    } else {
      problems.push({ key: def.key, value: text, message: `${def.label} ${checked.message}` });
    }
  }
  const parsed = values as unknown as Assumptions;
  if (parsed.capacityAfterData === 'sustain' && parsed.terminalMethod === 'value-driver' && parsed.terminalGrowth >= parsed.wacc) {
    problems.push({
      key: 'terminalGrowth',
      value: raw.terminalGrowth ?? String(parsed.terminalGrowth),
      message: 'Terminal growth must be below the discount rate (WACC), or the value-driver terminal value is infinite',
    });
  }
  const prices = parsePrices(query);
  problems.push(...prices.problems);
  const metrics = parseMetricKeys(query, scenario);
  problems.push(...metrics.problems);
  const savedMc = Object.fromEntries(Object.entries(scenario ?? {}).filter(([k]) => k.startsWith('mc.') || k === 'mcCorrelations'));
  const mc = parseMcInputs({ ...savedMc, ...query });
  problems.push(...mc.problems);
  return { values: parsed, sources, raw, problems, prices: prices.prices, metrics: metrics.definitions, mc: { distributions: mc.distributions, correlations: mc.correlations } };
}

/** `metric.<name>=` keys of a saved scenario and the query (the query wins), and `metricNew`. */
function parseMetricKeys(query: Record<string, unknown>, scenario?: Record<string, number | string>): { definitions: MetricDefinition[]; problems: AssumptionProblem[] } {
  const saved = Object.fromEntries(Object.entries(scenario ?? {}).filter(([k]) => k.startsWith('metric.')));
  const found = metricsFromQuery({ ...saved, ...query });
  const problems: AssumptionProblem[] = found.problems.map((p) => ({ key: `metric.${p.metric}`, value: '', message: p.message }));
  const definitions = found.definitions;
  const added = query['metricNew'];
  if (typeof added === 'string' && added.trim() !== '') {
    const m = /^\s*([A-Za-z][A-Za-z0-9_]*)\s*=(.*)$/s.exec(added);
    if (!m || (m[2] as string).trim() === '') {
      problems.push({ key: 'metricNew', value: added, message: 'Write a new metric as name = formula, e.g. capex_cover = ai_revenue_usd / ai_capex_usd' });
    } else {
      const name = m[1] as string;
      const rest = definitions.filter((d) => d.name !== name);
      definitions.length = 0;
      definitions.push(...rest, { name, expression: (m[2] as string).trim() });
    }
  }
  return { definitions, problems };
}

/**
 * The assumptions as query-string pairs, so a link reproduces the report exactly. A value that
 * overrides the data is left out while it is still the default, so the data keeps precedence.
 * `onlyUser` keeps only what the user typed (for short links that also carry the scenario id).
 */
export function assumptionsQuery(parsed: Pick<ParsedAssumptions, 'values' | 'sources'> & { prices?: Record<string, number>; metrics?: MetricDefinition[]; mc?: ParsedAssumptions['mc'] }, opts: { onlyUser?: boolean } = {}): string {
  const params = new URLSearchParams();
  for (const def of ASSUMPTION_DEFS) {
    if (def.overridesData && parsed.sources[def.key] === 'default') continue;
    if (opts.onlyUser && parsed.sources[def.key] !== 'user') continue;
    const value = parsed.values[def.key];
    if (value === null) continue;
    params.set(def.key, String(value));
  }
  for (const [ticker, price] of Object.entries(parsed.prices ?? {}).sort((x, y) => x[0].localeCompare(y[0]))) params.set(`price.${ticker}`, String(price));
  for (const m of parsed.metrics ?? []) params.set(`metric.${m.name}`, m.expression);
  for (const [k, d] of Object.entries(parsed.mc?.distributions ?? {})) if (d) params.set(`mc.${k}`, describeDistribution(d));
  if (parsed.mc?.correlations.length) params.set('mcCorrelations', parsed.mc.correlations.map((c) => `${c.a} ${c.b} ${c.rankCorrelation}`).join('; '));
  return params.toString();
}

/**
 * Assumption lines for a CSV: [csv key, value, source]. A default that gives way to a data column
 * says so: `data, else default`.
 */
export function assumptionLines(parsed: Pick<ParsedAssumptions, 'values' | 'sources'> & { prices?: Record<string, number>; metrics?: MetricDefinition[]; mc?: ParsedAssumptions['mc'] }): [string, string | number, string][] {
  const lines: [string, string | number, string][] = ASSUMPTION_DEFS.map((def) => {
    const value = parsed.values[def.key];
    const derived = value === null ? (def.key === 'ronic' ? 'wacc' : 'from the data') : value;
    return [def.csvKey, derived, def.overridesData && parsed.sources[def.key] === 'default' ? 'data, else default' : parsed.sources[def.key]];
  });
  for (const [ticker, price] of Object.entries(parsed.prices ?? {}).sort((x, y) => x[0].localeCompare(y[0]))) lines.push([`share_price_${ticker.toLowerCase()}_usd`, price, 'user']);
  for (const m of parsed.metrics ?? []) lines.push([`metric.${m.name}`, m.expression, 'user']);
  for (const [k, d] of Object.entries(parsed.mc?.distributions ?? {})) if (d) lines.push([`mc.${k}`, describeDistribution(d), 'user']);
  if (parsed.mc?.correlations.length) lines.push(['mcCorrelations', parsed.mc.correlations.map((c) => `${c.a} ${c.b} ${c.rankCorrelation}`).join('; '), 'user']);
  return lines;
}
