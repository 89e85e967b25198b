/**
 * Scenario assumptions: their definitions, defaults an analyst would defend, and parsing from a
 * query string (or a saved scenario) into values with a source for each. Invalid input is returned
 * as problems, never thrown, so a form can show it back.
 */
import { plain, type Lang } from '../i18n';
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

/**
 * An assumption's label and help in `lang`: locales/<lang>/assumptions.json, `field.<key>`.
 * English is what the definitions below carry (CSV keys, the workbook and the tornado read it).
 */
function fieldText(key: AssumptionKey, lang: Lang = 'en'): { label: string; help: string } {
  return {
    label: plain(lang, `assumptions.field.${key}.label`),
    help: plain(lang, `assumptions.field.${key}.help`, { max: MAX_MC_TRIALS.toLocaleString('en-US') }),
  };
}

/** Labels and help of every assumption: locales/<lang>/assumptions.json, `field.<key>`. */
export const ASSUMPTION_DEFS: readonly AssumptionDef[] = [
  { key: 'wacc', ...fieldText('wacc'), csvKey: 'wacc_fraction', format: 'percent', min: -1, minExclusive: true, max: 1, swing: 0.01 },
  { key: 'horizonYears', ...fieldText('horizonYears'), csvKey: 'horizon_years', format: 'years', min: 1, max: 40, integer: true },
  { key: 'taxRate', ...fieldText('taxRate'), csvKey: 'tax_rate_fraction', format: 'percent', min: 0, max: 1, maxExclusive: true, swing: 0.05 },
  { key: 'aiCapexShare', ...fieldText('aiCapexShare'), csvKey: 'ai_capex_share_fraction', format: 'percent', min: 0, max: 1, swing: 0.1 },
  { key: 'gpuUsefulLifeYears', ...fieldText('gpuUsefulLifeYears'), csvKey: 'gpu_useful_life_years', format: 'years', min: 1, max: 20, swing: 1, overridesData: true },
  { key: 'aiRevenueToCapex', ...fieldText('aiRevenueToCapex'), csvKey: 'ai_revenue_to_capex_fraction', format: 'percent', min: 0, max: 10, swing: 0.1 },
  { key: 'aiRevenueGrowth', ...fieldText('aiRevenueGrowth'), csvKey: 'ai_revenue_growth_fraction', format: 'percent', min: -1, minExclusive: true, max: 10, swing: 0.1 },
  { key: 'computeShare', ...fieldText('computeShare'), csvKey: 'compute_share_fraction', format: 'percent', min: 0, minExclusive: true, max: 1, swing: 0.1 },
  { key: 'facilityLifeYears', ...fieldText('facilityLifeYears'), csvKey: 'facility_life_years', format: 'years', min: 1, max: 60 },
  { key: 'capacityAfterData', ...fieldText('capacityAfterData'), csvKey: 'capacity_after_data', format: 'choice', choices: ['run-off', 'sustain'] },
  { key: 'aiEbitdaMargin', ...fieldText('aiEbitdaMargin'), csvKey: 'ai_ebitda_margin_fraction', format: 'percent', min: -1, max: 1, swing: 0.1 },
  { key: 'tokenPriceDeflation', ...fieldText('tokenPriceDeflation'), csvKey: 'token_price_deflation_fraction', format: 'percent', min: 0, max: 1, maxExclusive: true, swing: 0.1 },
  { key: 'volumeElasticity', ...fieldText('volumeElasticity'), csvKey: 'volume_elasticity', format: 'number', min: 0, max: 5, swing: 0.2 },
  { key: 'terminalMethod', ...fieldText('terminalMethod'), csvKey: 'terminal_method', format: 'choice', choices: ['none', 'value-driver', 'exit-multiple'] },
  { key: 'exitEvEbitda', ...fieldText('exitEvEbitda'), csvKey: 'exit_ev_ebitda_multiple', format: 'multiple', min: 0, max: 100 },
  { key: 'terminalGrowth', ...fieldText('terminalGrowth'), csvKey: 'terminal_growth_fraction', format: 'percent', min: -1, minExclusive: true, max: 1 },
  { key: 'ronic', ...fieldText('ronic'), csvKey: 'ronic_fraction', format: 'percent', min: 0, minExclusive: true, max: 10, optional: true },
  { key: 'valuationDate', ...fieldText('valuationDate'), csvKey: 'valuation_date', format: 'date', optional: true },
  { key: 'includeGuidance', ...fieldText('includeGuidance'), csvKey: 'include_guidance', format: 'choice', choices: ['true', 'false'] },
  { key: 'targetPe', ...fieldText('targetPe'), csvKey: 'target_pe_multiple', format: 'multiple', min: 0, minExclusive: true, max: 200 },
  { key: 'gpuUtilization', ...fieldText('gpuUtilization'), csvKey: 'gpu_utilization_fraction', format: 'percent', min: 0, max: 1, swing: 0.1 },
  { key: 'powerPriceUsdPerKwh', ...fieldText('powerPriceUsdPerKwh'), csvKey: 'power_price_usd_per_kwh', format: 'number', min: 0, max: 2, swing: 0.02 },
  { key: 'pue', ...fieldText('pue'), csvKey: 'pue_ratio', format: 'number', min: 1, max: 3, swing: 0.1 },
  { key: 'powerMwPerBillionUsd', ...fieldText('powerMwPerBillionUsd'), csvKey: 'power_mw_per_billion_usd', format: 'number', min: 0, max: 500 },
  { key: 'reportingCurrency', ...fieldText('reportingCurrency'), csvKey: 'reporting_currency', format: 'choice', choices: ['USD', 'KRW'] },
  { key: 'fxKrwPerUsd', ...fieldText('fxKrwPerUsd'), csvKey: 'fx_krw_per_usd', format: 'number', min: 0, minExclusive: true, max: 100000 },
  { key: 'fxDriftPerYear', ...fieldText('fxDriftPerYear'), csvKey: 'fx_drift_per_year_fraction', format: 'percent', min: -1, minExclusive: true, max: 1 },
  { key: 'mcGrowthSd', ...fieldText('mcGrowthSd'), csvKey: 'mc_ai_revenue_growth_sd_fraction', format: 'percent', min: 0, max: 2 },
  { key: 'mcMarginSpread', ...fieldText('mcMarginSpread'), csvKey: 'mc_ai_ebitda_margin_spread_fraction', format: 'percent', min: 0, max: 1 },
  { key: 'mcCapexShareSpread', ...fieldText('mcCapexShareSpread'), csvKey: 'mc_ai_capex_share_spread_fraction', format: 'percent', min: 0, max: 1 },
  { key: 'mcWaccSd', ...fieldText('mcWaccSd'), csvKey: 'mc_wacc_sd_fraction', format: 'percent', min: 0, max: 0.5 },
  { key: 'mcTrials', ...fieldText('mcTrials'), csvKey: 'mc_trials', format: 'number', min: 1, max: MAX_MC_TRIALS, integer: true },
  { key: 'mcSeed', ...fieldText('mcSeed'), csvKey: 'mc_seed', format: 'number', min: 0, max: 4294967295, integer: true },
];

/**
 * An assumption's label and help for people reading `lang`. A definition that is not one of
 * ASSUMPTION_DEFS (another form's, such as the industry report's) keeps its own words.
 * @example assumptionText(ASSUMPTION_DEFS[0], 'ko').label // '할인율(WACC)'
 */
export function assumptionText(def: AssumptionDef<string>, lang: Lang): { label: string; help: string } {
  if (lang === 'en' || !(ASSUMPTION_DEFS as readonly AssumptionDef<string>[]).includes(def)) return { label: def.label, help: def.help };
  return fieldText(def.key as AssumptionKey, lang);
}

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
export function parsePrices(query: Record<string, unknown>, lang: Lang = 'en'): { prices: Record<string, number>; problems: AssumptionProblem[] } {
  const prices: Record<string, number> = {};
  const problems: AssumptionProblem[] = [];
  for (const key of Object.keys(query)) {
    const m = PRICE_KEY.exec(key);
    if (!m) continue;
    const text = queryValue(query, key);
    if (text === undefined || text.trim() === '') continue;
    const n = parseNumberText(text);
    if (n === null || !(n > 0) || n > 1e9) {
      problems.push({ key, value: text, message: plain(lang, 'assumptions.problem.sharePrice', { ticker: (m[1] as string).toUpperCase() }) });
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

function rangeText(def: AssumptionDef<string>, lang: Lang): string {
  const t = (key: string, n: number) => plain(lang, `assumptions.problem.${key}`, { n });
  const lo = def.min === undefined ? '' : t(def.minExclusive ? 'greaterThan' : 'atLeast', def.min);
  const hi = def.max === undefined ? '' : t(def.maxExclusive ? 'lessThan' : 'atMost', def.max);
  return [lo, hi].filter(Boolean).join(plain(lang, 'assumptions.problem.rangeJoin'));
}

/**
 * Checks one typed value against its definition; returns the value or why it cannot be used, in
 * `lang` (the message follows the field's label: "must be a number").
 */
export function checkValue(def: AssumptionDef<string>, text: string, lang: Lang = 'en'): { value: number | string } | { message: string } {
  const t = (key: string, vars: Record<string, unknown> = {}) => plain(lang, `assumptions.problem.${key}`, vars);
  if (def.format === 'date') {
    const s = text.trim();
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
    const ok = m && (() => {
      const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
      return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
    })();
    return ok ? { value: s } : { message: t('date') };
  }
  if (def.format === 'choice') {
    const c = text.trim();
    return def.choices?.includes(c) ? { value: c } : { message: t('choice', { choices: (def.choices ?? []).join(', ') }) };
  }
  const n = parseNumberText(text);
  if (n === null) return { message: t('number') };
  if (def.integer && !Number.isInteger(n)) return { message: t(def.format === 'years' ? 'wholeYears' : 'whole') };
  const tooLow = def.min !== undefined && (def.minExclusive ? n <= def.min : n < def.min);
  const tooHigh = def.max !== undefined && (def.maxExclusive ? n >= def.max : n > def.max);
  if (tooLow || tooHigh) return { message: t('range', { range: rangeText(def, lang) }) };
  return { value: n };
}

/**
 * Resolves assumptions from defaults, then a saved scenario's values, then the query string.
 * Every value carries its source. Bad typed values become problems (and keep the value beneath),
 * their messages in `lang` naming the field by its label there.
 *
 * @example
 * parseAssumptions({ wacc: '0.1' }).values.wacc // 0.1, source 'user'
 * parseAssumptions({ wacc: '-1' }).problems[0].key // 'wacc'
 */
export function parseAssumptions(
  query: Record<string, unknown>,
  scenario?: Record<string, number | string>,
  lang: Lang = 'en',
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
      problems.push({ key: def.key, value: text, message: plain(lang, 'assumptions.problem.perpetualGrowth') });
      continue;
    }
    const checked = checkValue(def, text, lang);
    if ('value' in checked) {
      if (checked.value !== values[def.key] || def.overridesData) sources[def.key] = 'user';
      values[def.key] = checked.value;
    } else {
      problems.push({ key: def.key, value: text, message: plain(lang, 'assumptions.problem.field', { label: assumptionText(def, lang).label, message: checked.message }) });
    }
  }
  const parsed = values as unknown as Assumptions;
  if (parsed.capacityAfterData === 'sustain' && parsed.terminalMethod === 'value-driver' && parsed.terminalGrowth >= parsed.wacc) {
    problems.push({
      key: 'terminalGrowth',
      value: raw.terminalGrowth ?? String(parsed.terminalGrowth),
      message: plain(lang, 'assumptions.problem.terminalGrowth'),
    });
  }
  const prices = parsePrices(query, lang);
  problems.push(...prices.problems);
  const metrics = parseMetricKeys(query, scenario, lang);
  problems.push(...metrics.problems);
  const savedMc = Object.fromEntries(Object.entries(scenario ?? {}).filter(([k]) => k.startsWith('mc.') || k === 'mcCorrelations'));
  const mc = parseMcInputs({ ...savedMc, ...query }, lang);
  problems.push(...mc.problems);
  return { values: parsed, sources, raw, problems, prices: prices.prices, metrics: metrics.definitions, mc: { distributions: mc.distributions, correlations: mc.correlations } };
}

/** `metric.<name>=` keys of a saved scenario and the query (the query wins), and `metricNew`. */
function parseMetricKeys(query: Record<string, unknown>, scenario: Record<string, number | string> | undefined, lang: Lang): { definitions: MetricDefinition[]; problems: AssumptionProblem[] } {
  const saved = Object.fromEntries(Object.entries(scenario ?? {}).filter(([k]) => k.startsWith('metric.')));
  const found = metricsFromQuery({ ...saved, ...query }, lang);
  const problems: AssumptionProblem[] = found.problems.map((p) => ({ key: `metric.${p.metric}`, value: '', message: p.message }));
  const definitions = found.definitions;
  const added = query['metricNew'];
  if (typeof added === 'string' && added.trim() !== '') {
    const m = /^\s*([A-Za-z][A-Za-z0-9_]*)\s*=(.*)$/s.exec(added);
    if (!m || (m[2] as string).trim() === '') {
      problems.push({ key: 'metricNew', value: added, message: plain(lang, 'assumptions.problem.metricNew') });
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
