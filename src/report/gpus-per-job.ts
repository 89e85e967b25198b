/**
 * "How many GPUs is a job worth?" as a report: query string → validated inputs (or problems that
 * name their field) → every formula with its numbers, a GPU comparison, the role presets. The page,
 * the CSV twin and the JSON twin render from this one model.
 */
import { plain, textIn, type Lang } from '../i18n';
import {
  BYTES_PER_PARAM,
  GPU_SPECS,
  gpuById,
  gpusPerJob,
  HOURS_PER_YEAR,
  KOREA_GPUS,
  peakTflopsFor,
  QUANTS,
  ROLE_PRESETS,
  rolePreset,
  type GpuJobInputs,
  type GpuJobResult,
  type Quant,
} from '../models';
import { queryNumber, queryText, type FieldProblem, type ReportTable } from './model-economics';

type Query = Record<string, unknown>;

/** The calculator's GPU choices for the JSON API and the form. */
export const CALCULATOR_GPUS = ['H100', 'H200', 'A100-80GB', 'A100-40GB', 'H800', 'B200', 'MI300X', 'H20', 'H100-PCIe'] as const;

/** Defaults, each an assumption the page states and a user can change. */
export const GPU_JOB_DEFAULTS = Object.freeze({
  role: 'analyst',
  workDays: 250,
  salary: 60_000,
  currency: 'USD' as 'USD' | 'KRW',
  // A round KRW/USD figure; the page asks the user to set the current rate.
  fxKrwPerUsd: 1400,
  paramsB: 70,
  quant: 'bf16' as Quant,
  contextTokens: 8192,
  // Llama-3-70B: 80 layers × 8 KV heads × 128 dims × 2 (K, V) × 2 bytes = 327,680 bytes per token.
  kvKBPerToken: 327.68,
  overhead: 0.1,
  gpu: 'H100',
  basis: 'rent' as 'rent' | 'buy',
  gpuHourPriceUsd: 2,
  purchasePriceUsd: 30_000,
  lifeYears: 5,
  powerPriceUsdPerKWh: 0.1,
  pue: 1.3,
  utilization: 0.5,
  batch: 1,
});

/** What the form shows back: every field as the user typed it (or the default). */
export type FormValues = Record<string, string>;

export interface GpuJobParse {
  inputs: GpuJobInputs | null;
  problems: FieldProblem[];
  form: FormValues;
  role: { id: string; label: string; basis: string; presetTokens: number | null };
  salary: { amount: number; currency: 'USD' | 'KRW'; fxKrwPerUsd: number };
  sources: Record<string, 'default' | 'user'>;
}

function choice<T extends string>(q: Query, key: string, options: readonly T[], fallback: T, problems: FieldProblem[], what: string): T {
  const t = queryText(q, key);
  if (t === null) return fallback;
  const hit = options.find((o) => o.toLowerCase() === t.toLowerCase());
  if (hit) return hit;
  problems.push({ field: key, value: t.slice(0, 60), message: `${what} must be one of ${options.join(', ')}` });
  return fallback;
}

/**
 * Reads and validates every input. Bad values become problems naming the field (and fall back to
 * the default so the rest can still be checked); `inputs` is null when there is any problem.
 */
export function parseGpuJobQuery(q: Query): GpuJobParse {
  const d = GPU_JOB_DEFAULTS;
  const p: FieldProblem[] = [];
  const roleIds = [...ROLE_PRESETS.map((r) => r.id), 'custom'];
  const roleId = choice(q, 'role', roleIds, d.role, p, 'role');
  const preset = rolePreset(roleId);
  const tokensPerWorkday = queryNumber(q, 'tokensPerWorkday', preset?.tokensPerWorkday ?? 40_000, p, { min: 1, max: 1e12, what: 'tokens per workday must be a number from 1 to 1e12' });
  const workDaysPerYear = queryNumber(q, 'workDays', d.workDays, p, { min: 1, max: 366, what: 'work days per year must be between 1 and 366' });
  // Upper bounds keep every product of the calculator finite (a salary of 1e308 made the payback's flows infinite).
  const salary = queryNumber(q, 'salary', d.salary, p, { min: 0, minExclusive: true, max: 1e12, what: 'salary must be a number greater than 0 and at most 1e12' });
  const currency = choice(q, 'currency', ['USD', 'KRW'] as const, d.currency, p, 'currency');
  const fx = queryNumber(q, 'fx', d.fxKrwPerUsd, p, { min: 0.001, max: 1e5, what: 'FX rate must be KRW per USD, from 0.001 to 100,000' });
  const paramsB = queryNumber(q, 'paramsB', d.paramsB, p, { min: 0, minExclusive: true, max: 1e5, what: 'parameters must be billions, greater than 0 (70 for a 70B model)' });
  const activeParamsB = queryNumber(q, 'activeParamsB', paramsB, p, { min: 0, minExclusive: true, max: 1e5, what: 'active parameters must be billions, greater than 0' });
  if (activeParamsB > paramsB && !p.some((x) => x.field === 'activeParamsB' || x.field === 'paramsB')) {
    p.push({ field: 'activeParamsB', value: String(activeParamsB), message: `active parameters cannot exceed total parameters (${paramsB}B)` });
  }
  const quantText = queryText(q, 'quant');
  let quant: Quant = d.quant;
  if (quantText !== null) {
    const hit = QUANTS.find((x) => x === quantText.toLowerCase());
    if (hit) quant = hit;
    else p.push({ field: 'quant', value: quantText.slice(0, 60), message: `quantization "${quantText.slice(0, 20)}" is not offered; choose one of ${QUANTS.join(', ')}` });
  }
  const contextTokens = queryNumber(q, 'context', d.contextTokens, p, { min: 0, max: 1e8, integer: true, what: 'context length must be a whole number of tokens, 0 or more' });
  const kvKBPerToken = queryNumber(q, 'kvKB', d.kvKBPerToken, p, { min: 0, max: 1e6, what: 'KV cache per token must be KB (1,000 bytes), 0 or more' });
  const overheadFraction = queryNumber(q, 'overhead', d.overhead, p, { min: 0, max: 5, what: 'overhead must be a fraction, 0 or more (0.1 = 10%)' });
  const gpuId = choice(q, 'gpu', CALCULATOR_GPUS, d.gpu as (typeof CALCULATOR_GPUS)[number], p, 'GPU');
  const costBasis = choice(q, 'basis', ['rent', 'buy'] as const, d.basis, p, 'cost basis');
  const gpuHourPriceUsd = queryNumber(q, 'price', d.gpuHourPriceUsd, p, { min: 0, minExclusive: true, max: 1e6, what: 'price per GPU-hour must be USD greater than 0 and at most 1,000,000' });
  const purchasePriceUsd = queryNumber(q, 'purchase', d.purchasePriceUsd, p, { min: 0, minExclusive: true, max: 1e10, what: 'purchase price must be USD greater than 0 and at most 1e10' });
  const lifeYears = queryNumber(q, 'life', d.lifeYears, p, { min: 0, minExclusive: true, max: 30, what: 'life must be years greater than 0' });
  const powerPriceUsdPerKWh = queryNumber(q, 'power', d.powerPriceUsdPerKWh, p, { min: 0, max: 10, what: 'power price must be USD per kWh, 0 or more' });
  const pue = queryNumber(q, 'pue', d.pue, p, { min: 1, max: 5, what: 'PUE must be 1 or more' });
  const utilization = queryNumber(q, 'util', d.utilization, p, { min: 0, minExclusive: true, max: 1, what: 'utilization must be a fraction between 0 and 1 (0.5 = 50%)' });
  const batch = queryNumber(q, 'batch', d.batch, p, { min: 1, max: 4096, integer: true, what: 'batch must be a whole number from 1 to 4096' });
  const gpusText = queryText(q, 'gpus');
  const gpusOverride = gpusText === null ? null : queryNumber(q, 'gpus', 1, p, { min: 1, max: 100_000, integer: true, what: 'GPUs per replica must be a whole number, at least 1 (empty to size from memory)' });
  const fleetGpus = queryNumber(q, 'fleet', KOREA_GPUS.count, p, { min: 1, max: 1e9, integer: true, what: 'fleet size must be a whole number of GPUs, at least 1' });

  const gpu = gpuById(gpuId) ?? (GPU_SPECS[0] as (typeof GPU_SPECS)[number]);
  const salaryUsd = currency === 'KRW' ? salary / fx : salary;
  const inputs: GpuJobInputs = {
    tokensPerWorkday, workDaysPerYear, salaryUsd, paramsB, activeParamsB, quant, contextTokens, kvKBPerToken, overheadFraction,
    gpu, costBasis, gpuHourPriceUsd, purchasePriceUsd, lifeYears, powerPriceUsdPerKWh, pue, utilization, batch,
    gpusPerReplicaOverride: gpusOverride, fleetGpus,
  };
  if (p.length === 0 && gpusOverride !== null) {
    const probe = gpusPerJob({ ...inputs, gpusPerReplicaOverride: null });
    if (gpusOverride < probe.minGpusPerReplica) {
      p.push({ field: 'gpus', value: String(gpusOverride), message: `${probe.memoryNeededGB.toFixed(1)} GB needs at least ${probe.minGpusPerReplica} × ${gpu.id} (${gpu.memoryGB} GB each)` });
    }
  }
  const keys = ['role', 'tokensPerWorkday', 'workDays', 'salary', 'currency', 'fx', 'paramsB', 'activeParamsB', 'quant', 'context', 'kvKB', 'overhead', 'gpu', 'basis', 'price', 'purchase', 'life', 'power', 'pue', 'util', 'batch', 'gpus', 'fleet'];
  const form: FormValues = {};
  const sources: Record<string, 'default' | 'user'> = {};
  for (const k of keys) {
    const t = queryText(q, k);
    form[k] = t ?? '';
    sources[k] = t !== null && !p.some((x) => x.field === k) ? 'user' : 'default';
  }
  return {
    inputs: p.length ? null : inputs,
    problems: p,
    form,
    role: { id: roleId, label: preset?.label ?? 'Custom', basis: preset?.basis ?? 'your own tokens per workday', presetTokens: preset?.tokensPerWorkday ?? null },
    salary: { amount: salary, currency, fxKrwPerUsd: fx },
    sources,
  };
}

/** One line of the worked calculation: what, the formula, the same with numbers, the result. */
export interface Step {
  key: string;
  label: string;
  formula: string;
  withNumbers: string;
  value: number | null;
  /** The value for people (significant digits kept for small figures); CSV and JSON carry `value`. */
  valueText: string;
  unit: string;
}

const FORMATS = new Map<number, Intl.NumberFormat>();

/** One cached formatter per precision: building Intl formatters per call dominated the JSON twin. */
function formatter(maximumFractionDigits: number): Intl.NumberFormat {
  let f = FORMATS.get(maximumFractionDigits);
  if (!f) {
    f = new Intl.NumberFormat('en-US', { maximumFractionDigits });
    FORMATS.set(maximumFractionDigits, f);
  }
  return f;
}

/** Display text for numbers inside formula strings (raw values travel in `value`). */
function n(v: number, digits = 2): string {
  if (!Number.isFinite(v)) return '—';
  const a = Math.abs(v);
  if (a !== 0 && (a >= 1e12 || a < 1e-3)) return v.toExponential(3).replace('e+', 'e');
  return formatter(a >= 100 ? Math.min(digits, 1) : a >= 1 ? digits : 4).format(v);
}

/** Every formula of the calculator beside its numbers. */
export function gpuJobSteps(i: GpuJobInputs, r: GpuJobResult, salary: GpuJobParse['salary'], lang: Lang = 'en'): Step[] {
  // People-equivalents are a count of people: whole numbers; the rest keep two decimals.
  return rawSteps(i, r, salary).map((s) => ({ ...s, valueText: s.value === null ? plain(lang, 'common.never') : n(s.value, s.unit === 'people-equivalents' ? 0 : 2) }));
}

function rawSteps(i: GpuJobInputs, r: GpuJobResult, salary: GpuJobParse['salary']): Omit<Step, 'valueText'>[] {
  const bpp = BYTES_PER_PARAM[i.quant];
  const peak = peakTflopsFor(i.gpu, i.quant);
  const steps: Omit<Step, 'valueText'>[] = [
    { key: 'weightsGB', label: 'Weights', formula: 'total parameters × bytes per parameter', withNumbers: `${n(i.paramsB)}e9 × ${bpp} B (${i.quant}) ÷ 1e9`, value: r.weightsGB, unit: 'GB (decimal)' },
    { key: 'kvCacheGB', label: 'KV cache', formula: 'KB per token × context × batch', withNumbers: `${n(i.kvKBPerToken)} KB × ${n(i.contextTokens, 0)} × ${i.batch} ÷ 1e6`, value: r.kvCacheGB, unit: 'GB (decimal)' },
    { key: 'memoryNeededGB', label: 'Memory needed', formula: '(weights + KV cache) × (1 + overhead)', withNumbers: `(${n(r.weightsGB)} + ${n(r.kvCacheGB)}) × (1 + ${i.overheadFraction})`, value: r.memoryNeededGB, unit: 'GB (decimal)' },
    { key: 'gpusPerReplica', label: 'GPUs per replica', formula: i.gpusPerReplicaOverride ? 'your choice (at least ⌈memory ÷ GPU memory⌉)' : '⌈memory needed ÷ GPU memory⌉', withNumbers: `⌈${n(r.memoryNeededGB)} ÷ ${i.gpu.memoryGB}⌉ = ${r.minGpusPerReplica}${i.gpusPerReplicaOverride ? `; chosen ${r.gpusPerReplica}` : ''}`, value: r.gpusPerReplica, unit: `× ${i.gpu.id}` },
    { key: 'memoryBoundTokensPerSecond', label: 'Decode bound by memory bandwidth', formula: 'batch × GPUs × bandwidth ÷ (active weights + batch × KV per sequence)', withNumbers: `${i.batch} × ${r.gpusPerReplica} × ${i.gpu.memBandwidthTBps} TB/s ÷ (${n(r.activeWeightsGB)} + ${i.batch} × ${n(r.kvGBPerSequence)}) GB`, value: r.memoryBoundTokensPerSecond, unit: 'tokens/s' },
    { key: 'computeBoundTokensPerSecond', label: 'Decode bound by compute', formula: 'GPUs × peak FLOP/s ÷ (2 × active parameters)', withNumbers: `${r.gpusPerReplica} × ${peak} TFLOP/s ÷ (2 × ${n(i.activeParamsB)}e9)`, value: r.computeBoundTokensPerSecond, unit: 'tokens/s' },
    { key: 'decodeTokensPerSecond', label: 'Decode throughput per replica', formula: 'the lower bound', withNumbers: `min(${n(r.memoryBoundTokensPerSecond)}, ${n(r.computeBoundTokensPerSecond)}): ${r.decodeBound}-bound; ${n(r.decodeTokensPerSecondPerSequence)} tok/s per sequence`, value: r.decodeTokensPerSecond, unit: 'tokens/s' },
    { key: 'replicaTokensPerYear', label: 'Tokens a replica delivers a year', formula: 'tokens/s × utilization × 3,600 × 8,760', withNumbers: `${n(r.decodeTokensPerSecond)} × ${i.utilization} × 3600 × ${HOURS_PER_YEAR}`, value: r.replicaTokensPerYear, unit: 'tokens/year' },
    { key: 'personTokensPerYear', label: 'Tokens the job needs a year', formula: 'tokens per workday × work days', withNumbers: `${n(i.tokensPerWorkday, 0)} × ${i.workDaysPerYear}`, value: r.personTokensPerYear, unit: 'tokens/year' },
    { key: 'peoplePerReplica', label: 'People-equivalents per replica', formula: 'replica tokens ÷ job tokens', withNumbers: `${n(r.replicaTokensPerYear)} ÷ ${n(r.personTokensPerYear)}`, value: r.peoplePerReplica, unit: 'people' },
    { key: 'peoplePerGpu', label: 'People-equivalents per GPU', formula: 'people per replica ÷ GPUs per replica', withNumbers: `${n(r.peoplePerReplica)} ÷ ${r.gpusPerReplica}`, value: r.peoplePerGpu, unit: 'people/GPU' },
    { key: 'gpusPerPerson', label: 'This job is worth', formula: '1 ÷ people per GPU', withNumbers: `1 ÷ ${n(r.peoplePerGpu)}`, value: r.gpusPerPerson, unit: 'GPUs' },
  ];
  if (i.costBasis === 'rent') {
    steps.push({ key: 'gpuYearCostUsd', label: 'Yearly cost of one GPU (rented, reserved)', formula: 'price per GPU-hour × 8,760 h', withNumbers: `$${i.gpuHourPriceUsd} × ${HOURS_PER_YEAR}`, value: r.gpuYearCostUsd, unit: 'USD/year' });
  } else {
    steps.push(
      { key: 'powerYearUsdPerGpu', label: 'Yearly power of one GPU', formula: 'TDP kW × PUE × 8,760 h × USD per kWh × utilization', withNumbers: `${(i.gpu.tdpW ?? 0) / 1000} × ${i.pue} × ${HOURS_PER_YEAR} × $${i.powerPriceUsdPerKWh} × ${i.utilization}`, value: r.powerYearUsdPerGpu, unit: 'USD/year' },
      { key: 'gpuYearCostUsd', label: 'Yearly cost of one GPU (owned)', formula: 'purchase price ÷ life + power', withNumbers: `$${n(i.purchasePriceUsd, 0)} ÷ ${i.lifeYears} + $${n(r.powerYearUsdPerGpu)}`, value: r.gpuYearCostUsd, unit: 'USD/year' },
    );
  }
  steps.push(
    { key: 'costPerPersonEquivalentUsd', label: 'GPU cost per person-equivalent', formula: 'GPU-year cost × GPUs per person', withNumbers: `$${n(r.gpuYearCostUsd)} × ${n(r.gpusPerPerson)}`, value: r.costPerPersonEquivalentUsd, unit: 'USD/year' },
    { key: 'salaryUsd', label: 'Salary', formula: salary.currency === 'KRW' ? 'salary in KRW ÷ KRW per USD' : 'salary in USD', withNumbers: salary.currency === 'KRW' ? `₩${n(salary.amount, 0)} ÷ ${salary.fxKrwPerUsd}` : `$${n(salary.amount, 0)}`, value: i.salaryUsd, unit: 'USD/year' },
    { key: 'costToSalaryRatio', label: 'GPU cost against the salary', formula: 'GPU cost per person-equivalent ÷ salary', withNumbers: `$${n(r.costPerPersonEquivalentUsd)} ÷ $${n(i.salaryUsd)}`, value: r.costToSalaryRatio, unit: 'fraction' },
    // The payback of buying only means something when the GPUs are bought (the rent basis has no price to repay).
    ...(i.costBasis === 'buy' ? [{ key: 'paybackYears', label: 'Payback of buying the replica that does the work', formula: 'years until the salaries saved, less power, repay the replica: [−GPUs × price, then (people × salary − GPUs × power) a year for its life]', withNumbers: `[−${r.gpusPerReplica} × $${n(i.purchasePriceUsd, 0)}, (${n(r.peoplePerReplica)} × $${n(i.salaryUsd, 0)} − ${r.gpusPerReplica} × $${n(r.powerYearUsdPerGpu)}) × ${Math.max(1, Math.ceil(i.lifeYears))}]`, value: r.paybackYears, unit: r.paybackYears === null ? 'never within the life' : 'years' }] : []),
    { key: 'costPerMillionTokensUsd', label: 'Cost per million generated tokens', formula: 'hourly cost of the replica ÷ (tokens/s × utilization × 3,600) × 1e6', withNumbers: `$${n(i.costBasis === 'rent' ? i.gpuHourPriceUsd : r.gpuYearCostUsd / HOURS_PER_YEAR)} × ${r.gpusPerReplica} ÷ (${n(r.decodeTokensPerSecond)} × ${i.utilization} × 3600) × 1e6`, value: r.costPerMillionTokensUsd, unit: 'USD per 1M tokens' },
    { key: 'fleetPeopleEquivalents', label: i.fleetGpus === KOREA_GPUS.count ? "Korea's 260,000 GPUs" : `A fleet of ${n(r.fleetGpus, 0)} GPUs`, formula: 'fleet GPUs × people per GPU', withNumbers: `${n(r.fleetGpus, 0)} × ${n(r.peoplePerGpu)}`, value: r.fleetPeopleEquivalents, unit: 'people-equivalents' },
  );
  return steps;
}

export interface GpuJobReport {
  result: GpuJobResult;
  steps: Step[];
  tables: ReportTable[];
}

/** The whole report for valid inputs. */
export function buildGpuJobReport(i: GpuJobInputs, salary: GpuJobParse['salary'], sources: Record<string, 'default' | 'user'>, roleId: string, lang: Lang = 'en'): GpuJobReport {
  const result = gpusPerJob(i);
  // Text cells in the reader's language (the page translates titles and labels by key; CSV keys
  // stay English). English keeps the presets' own words and the inputs' query keys.
  const t = textIn(lang);
  const en = lang === 'en';
  const steps = gpuJobSteps(i, result, salary, lang);
  const comparison: ReportTable = {
    name: 'gpus',
    title: 'The same job on each GPU',
    note: t('gpus.note.gpus'),
    columns: [
      { key: 'gpu', label: 'GPU', format: 'text' },
      { key: 'memory_gb', label: 'Memory (GB)', format: 'number' },
      { key: 'mem_bandwidth_tb_per_s', label: 'Bandwidth (TB/s)', format: 'number' },
      { key: 'gpus_per_replica', label: 'GPUs per replica', format: 'integer' },
      { key: 'decode_tokens_per_s', label: 'Decode tokens/s per replica', format: 'number' },
      { key: 'people_per_gpu', label: 'People-equivalents per GPU', format: 'ratio' },
      { key: 'gpus_per_person', label: 'GPUs per person-equivalent', format: 'ratio' },
    ],
    rows: CALCULATOR_GPUS.map((id) => {
      const gpu = gpuById(id) ?? i.gpu;
      const r = gpusPerJob({ ...i, gpu, gpusPerReplicaOverride: null });
      return [gpu.id, gpu.memoryGB, gpu.memBandwidthTBps, r.gpusPerReplica, r.decodeTokensPerSecond, r.peoplePerGpu, r.gpusPerPerson];
    }),
  };
  const roles: ReportTable = {
    name: 'roles',
    title: 'Role presets (assumptions you can change)',
    columns: [
      { key: 'role', label: 'Role', format: 'text' },
      { key: 'tokens_per_workday', label: 'Generated tokens per workday', format: 'integer' },
      { key: 'basis', label: 'Why', format: 'text' },
      { key: 'gpus_per_person', label: 'GPUs per person-equivalent (this setup)', format: 'ratio' },
    ],
    rows: ROLE_PRESETS.map((role) => [
      en ? role.label : t(`gpus.role.${role.id}`),
      role.tokensPerWorkday,
      en ? role.basis : t(`gpus.roleBasis.${role.id}`),
      gpusPerJob({ ...i, tokensPerWorkday: role.tokensPerWorkday }).gpusPerPerson,
    ]),
  };
  const calc: ReportTable = {
    name: 'steps',
    title: 'The calculation, formula by formula',
    columns: [
      { key: 'step', label: 'Step', format: 'text' },
      { key: 'formula', label: 'Formula', format: 'text' },
      { key: 'with_numbers', label: 'With your numbers', format: 'text' },
      { key: 'value', label: 'Result', format: 'number' },
      { key: 'unit', label: 'Unit', format: 'text' },
    ],
    rows: steps.map((s) => [s.label, s.formula, s.withNumbers, s.value, s.unit]),
  };
  const inputs: ReportTable = {
    name: 'inputs',
    title: 'Inputs',
    columns: [
      { key: 'input', label: 'Input', format: 'text' },
      { key: 'value', label: 'Value', format: 'text' },
      { key: 'source', label: 'Source', format: 'text' },
    ],
    rows: inputLines(i, salary, roleId).map(([k, v]) => [en ? k : t(`gpus.f.${k}`), v, sourceWord(sources[k] ?? 'default', lang)]),
  };
  return { result, steps, tables: [calc, comparison, roles, inputs] };
}

/** Where an input came from, in the reader's language: default / user, 기본값 / 입력값. */
export function sourceWord(source: 'default' | 'user', lang: Lang): string {
  return plain(lang, `gpus.source.${source}`);
}

/** Inputs as [query key, value] pairs: the CSV assumption lines and the inputs table. */
export function inputLines(i: GpuJobInputs, salary: GpuJobParse['salary'], roleId: string): [string, string | number][] {
  return [
    ['role', roleId],
    ['tokensPerWorkday', i.tokensPerWorkday],
    ['workDays', i.workDaysPerYear],
    ['salary', salary.amount],
    ['currency', salary.currency],
    ['fx', salary.fxKrwPerUsd],
    ['paramsB', i.paramsB],
    ['activeParamsB', i.activeParamsB],
    ['quant', i.quant],
    ['context', i.contextTokens],
    ['kvKB', i.kvKBPerToken],
    ['overhead', i.overheadFraction],
    ['gpu', i.gpu.id],
    ['basis', i.costBasis],
    ['price', i.gpuHourPriceUsd],
    ['purchase', i.purchasePriceUsd],
    ['life', i.lifeYears],
    ['power', i.powerPriceUsdPerKWh],
    ['pue', i.pue],
    ['util', i.utilization],
    ['batch', i.batch],
    ['gpus', i.gpusPerReplicaOverride ?? ''],
    ['fleet', i.fleetGpus ?? KOREA_GPUS.count],
  ];
}
