import { buildModelEconomics, MODEL_ECONOMICS_DEFAULTS, parseModelEconomicsQuery, type ReportTable } from '../../src/report/model-economics';
import type { Row } from '../../src/store/types';

function col(t: ReportTable | undefined, key: string): (string | number | null)[] {
  if (!t) throw new Error('no table');
  const i = t.columns.findIndex((c) => c.key === key);
  if (i < 0) throw new Error(`no column ${key}`);
  return t.rows.map((r) => r[i] ?? null);
}

function table(rows: Row[], name: string, o = MODEL_ECONOMICS_DEFAULTS, lens: Parameters<typeof buildModelEconomics>[2] = null): ReportTable | undefined {
  return buildModelEconomics(rows, o, lens).tables.find((t) => t.name === name);
}

// DeepSeek-V3 technical report (arXiv 2412.19437): 671B total / 37B active, 14.8T tokens, 2,788K H800 GPU-hours at $2.
const deepSeekV3: Row = { model: 'DeepSeek-V3', organization: 'DeepSeek', release_date: '2024-12-24', params_b: 671, active_params_b: 37, tokens_t: 14.8, hardware: 'NVIDIA H800 SXM5', gpu_hours: 2_788_000, gpu_hour_price_usd: 2, mfu: null, training_cost_usd: null };

describe('buildModelEconomics › costs table', () => {
  it('DeepSeek-V3 from its published inputs › GPU-hours method gives $5.576M; FLOPs method estimates 6 × 37e9 × 14.8e12, numbers beside their sources', () => {
    const t = table([deepSeekV3], 'costs');
    expect(col(t, 'gpu_hours_cost_usd')).toEqual([5_576_000]);
    expect(col(t, 'headline_source')).toEqual(['gpu-hours']);
    expect(col(t, 'training_flops')[0]).toBeCloseTo(3.2856e24, -10);
    expect(col(t, 'training_flops_source')).toEqual(['derived']);
    expect(col(t, 'training_flops_formula')).toEqual(['6 × active params × tokens_t']);
    expect(col(t, 'peak_flop_per_s')).toEqual([989e12]);
    expect(col(t, 'peak_source')).toEqual(['spec-table: H800']);
    expect(col(t, 'mfu_fraction')).toEqual([0.4]);
    expect(col(t, 'mfu_source')).toEqual(['default']);
    expect(col(t, 'price_usd_per_chip_hour')).toEqual([2]);
    expect(col(t, 'price_source')).toEqual(['data']);
    // 3.2856e24 FLOP ÷ (989e12 FLOP/s × 0.4) ÷ 3600 s/h, H800 peak from gpu-specs.csv.
    expect(col(t, 'flops_chip_hours')[0]).toBeCloseTo(3.2856e24 / (989e12 * 0.4) / 3600, 3);
  });

  it('TPU v3 (not in the spec table) › chip-hours priced at the TPU price, FLOPs cost left empty with the reason', () => {
    const t = table([{ model: 'X', hardware: 'Google TPU v3', training_flops: 1e24, chip_count: 100, training_hours: 10, release_date: '2021-01-01' }], 'costs');
    expect(col(t, 'hardware_class')).toEqual(['tpu']);
    expect(col(t, 'gpu_hours_cost_usd')).toEqual([1000 * 3.22]);
    expect(col(t, 'flops_cost_usd')).toEqual([null]);
    expect(String(col(t, 'flops_note')[0])).toMatch(/^hardware: "Google TPU v3" is not in the spec table/);
  });

  it('a changed default price › flows into rows without a price only', () => {
    const rows: Row[] = [deepSeekV3, { model: 'Y', gpu_hours: 1000 }];
    const t = table(rows, 'costs', { ...MODEL_ECONOMICS_DEFAULTS, gpuHourPriceUsd: 3 });
    expect(col(t, 'gpu_hours_cost_usd')).toEqual([5_576_000, 3000]);
  });
});

describe('buildModelEconomics › trend', () => {
  // Epoch AI: frontier training cost grows ≈ 2.4× a year. Rows built on exactly that rate.
  const rows: Row[] = [0, 1, 2, 3, 4, 5].map((k) => ({ model: `m${k}`, release_date: `${2018 + k}-07-01`, training_cost_usd: 1e6 * 2.4 ** k }));

  it('costs on a 2.4×/year line › trend table reads 2.4×, R² 1, n 6', () => {
    const t = table(rows, 'trend');
    expect(col(t, 'growth_per_year_multiple')[0]).toBeCloseTo(2.4, 2);
    expect(col(t, 'r_squared')[0]).toBeCloseTo(1, 6);
    expect(col(t, 'n_models')[0]).toBe(6);
  });

  it('top 1 per year with a cheap model added each year › frontier fit ignores the cheap ones', () => {
    const cheap: Row[] = [0, 1, 2, 3, 4, 5].map((k) => ({ model: `c${k}`, release_date: `${2018 + k}-03-01`, training_cost_usd: 1000 }));
    const r = buildModelEconomics([...rows, ...cheap], { ...MODEL_ECONOMICS_DEFAULTS, topN: 1 });
    expect(r.trend.frontier).toMatchObject({ kind: 'ok', n: 6 });
    expect(r.trend.frontier?.kind === 'ok' && r.trend.frontier.growthPerYear).toBeCloseTo(2.4, 2);
    expect(r.trend.all).toMatchObject({ kind: 'ok', n: 12 });
  });

  it('chart › scatter on a log y axis with a fitted line, money ticks', () => {
    const chart = buildModelEconomics(rows, MODEL_ECONOMICS_DEFAULTS).charts[0];
    expect(chart?.config.options.meta).toEqual({ yFormat: 'money', logY: true, pointNames: true });
    // One scatter dataset per cost source (all reported here), then the fitted line.
    expect(chart?.config.data.datasets).toHaveLength(2);
    expect(chart?.config.data.datasets[1]?.showLine).toBe(true);
  });
});

describe('buildModelEconomics › ratios and per-point', () => {
  it('two models in one year › the dearer one as a multiple of the cheaper', () => {
    const t = table([{ model: 'A', release_date: '2024-01-01', training_cost_usd: 5e6 }, { model: 'B', release_date: '2024-06-01', training_cost_usd: 5e7 }], 'ratios');
    expect(col(t, 'cost_ratio')).toEqual([1, 10]);
  });

  it('score columns › cost per point for each; no score columns › no table', () => {
    const t = table([{ model: 'A', training_cost_usd: 8.85e6, score_mmlu: 88.5 }], 'per-point');
    expect(col(t, 'usd_per_point_mmlu')).toEqual([100_000]);
    expect(table([{ model: 'A', training_cost_usd: 1 }], 'per-point')).toBeUndefined();
  });
});

describe('buildModelEconomics › fully loaded lens', () => {
  // Alphabet 2024 purchases of property and equipment: $52.535B (10-K).
  const companyRows: Row[] = [
    { company: 'Alphabet', fiscal_year: 2024, capex: 52_535_000_000, basis: 'reported' },
    { company: 'Alphabet', fiscal_year: 2026, capex: 180e9, basis: 'guidance' },
  ];
  it('DeepSeek-V3 against Alphabet 2024 › $5.576M is 0.0106% of $52.535B', () => {
    const t = table([deepSeekV3], 'lens', MODEL_ECONOMICS_DEFAULTS, { datasetId: 1, datasetName: 'c', rows: companyRows, year: 2024, model: null });
    expect(col(t, 'capex_usd')).toEqual([52_535_000_000]);
    expect(col(t, 'share_of_capex_fraction')[0]).toBeCloseTo(5_576_000 / 52_535_000_000, 15);
  });
  it('no year asked › latest year with reported (not guided) capex', () => {
    const r = buildModelEconomics([deepSeekV3], MODEL_ECONOMICS_DEFAULTS, { datasetId: 1, datasetName: 'c', rows: companyRows, year: null, model: null });
    expect(r.lens?.year).toBe(2024);
    expect(r.lens?.years).toEqual([2024, 2026]);
  });
});

describe('buildModelEconomics › inference', () => {
  it("DeepSeek's serving day › $87,072 cost and ≈ $562,027 revenue beside the published figures", () => {
    const t = table([], 'deepseek-day');
    expect(col(t, 'value')[0]).toBe(87_072);
    expect(col(t, 'published')[0]).toBe(87_072);
    expect(Math.abs((col(t, 'value')[1] as number) / 562_027 - 1)).toBeLessThan(0.001);
  });
  it('reserved at 50% utilization › twice the busy-hour cost per million tokens', () => {
    const c = col(table([], 'inference'), 'usd_per_million_tokens') as number[];
    expect(c[1]).toBeCloseTo(2 * (c[0] as number), 12);
    // $2 ÷ (1,850 tok/s × 3,600) × 1e6: DeepSeek's 14.8k tok/s per 8-GPU node.
    expect(c[0]).toBeCloseTo((2 / (1850 * 3600)) * 1e6, 12);
  });
});

describe('parseModelEconomicsQuery', () => {
  it('nothing given › defaults, all marked default', () => {
    const r = parseModelEconomicsQuery({});
    expect(r.problems).toEqual([]);
    expect(r.options).toEqual(MODEL_ECONOMICS_DEFAULTS);
    expect(r.assumptions.every((a) => a.source === 'default')).toBe(true);
  });
  it('MFU as a percent, negative price, trailing junk › one problem per field, named', () => {
    const r = parseModelEconomicsQuery({ mfu: '40', price: '-2', tps: '12abc', infGpu: 'TPU9' });
    expect(r.problems.map((p) => p.field).sort()).toEqual(['infGpu', 'mfu', 'price', 'tps']);
  });
  it('chart labels › repeated keys kept; more than 20 › a problem naming label, none used', () => {
    expect(parseModelEconomicsQuery({ label: ['GPT-4', ' Grok-2 ', ''] }).options.labels).toEqual(['GPT-4', 'Grok-2']);
    const many = parseModelEconomicsQuery({ label: Array.from({ length: 21 }, (_, i) => `m${i}`) });
    expect(many.problems.map((p) => p.field)).toEqual(['label']);
    expect(many.options.labels).toEqual([]);
  });
  it('Epoch’s comparison › the summary says how to compare like with like until the trend is 2016- and top N', () => {
    const rows: Row[] = [0, 1, 2, 3].map((k) => ({ model: `m${k}`, release_date: `${2016 + k}-01-01`, training_cost_usd: 1e6 * 2.4 ** k }));
    const last = (o: typeof MODEL_ECONOMICS_DEFAULTS) => buildModelEconomics(rows, o).summary.at(-1);
    expect(last(MODEL_ECONOMICS_DEFAULTS)).toBe('Epoch AI publishes about 2.4× a year for frontier training cost since 2016 (to compare like with like, set the trend from 2016 and keep the top N per year).');
    expect(last({ ...MODEL_ECONOMICS_DEFAULTS, fromYear: 2016, topN: 3 })).toBe('Epoch AI publishes about 2.4× a year for frontier training cost since 2016.');
  });
  it('user values › used and marked user', () => {
    const r = parseModelEconomicsQuery({ price: '2.5', topN: '10' });
    expect(r.options.gpuHourPriceUsd).toBe(2.5);
    expect(r.options.topN).toBe(10);
    expect(r.assumptions.find((a) => a.key === 'price')?.source).toBe('user');
  });
});
