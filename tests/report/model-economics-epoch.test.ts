import fs from 'node:fs';
import path from 'node:path';
import { ingestBuffer } from '../../src/ingest';
import { buildModelEconomics, MODEL_ECONOMICS_DEFAULTS, type ReportTable } from '../../src/report/model-economics';
import type { Row } from '../../src/store/types';

/**
 * The cases of tests/fixtures/ingest/epoch-cases.csv (Epoch AI's "All ML Systems" export format),
 * read through ingest as an upload would be, then reported. Every expected number is worked out by
 * hand in the comment beside it.
 */
function epochRows(): Row[] {
  const r = ingestBuffer(fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'ingest', 'epoch-cases.csv')));
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return [...r.rows];
}

function byModel(t: ReportTable | undefined): Record<string, Record<string, string | number | null>> {
  if (!t) throw new Error('no table');
  return Object.fromEntries(t.rows.map((r) => [String(r[0]), Object.fromEntries(t.columns.map((c, i) => [c.key, r[i] ?? null]))]));
}

const report = (o = MODEL_ECONOMICS_DEFAULTS) => buildModelEconomics(epochRows(), o);
const costs = (o = MODEL_ECONOMICS_DEFAULTS) => byModel(report(o).tables.find((t) => t.name === 'costs'));

describe('model economics on Epoch-format rows', () => {
  it('ingest › Domain and Base model recognised, datapoints not read as tokens', () => {
    const rows = epochRows();
    expect(rows[1]).toMatchObject({ model: 'GNoME', domain: 'Materials science', dataset_datapoints: 69_000, params_b: 0.01624 });
    expect(rows[1]).not.toHaveProperty('tokens_t');
    expect(rows[6]).toMatchObject({ model: 'DeepSeek-R1', base_model: 'DeepSeek-V3', epoch_cost_2023_usd: 6_770_000 });
  });

  it('language model with tokens (Llama 2-7B) › 6 × 7e9 × 2e12 = 8.4e22 FLOP ÷ (312e12 × 0.4) ÷ 3600 = 186,965.81 A100-hours × $2 = $373,931.62', () => {
    const r = costs()['Llama 2-7B']!;
    expect(r.training_flops).toBe(8.4e22);
    expect(r.training_flops_source).toBe('derived');
    expect(r.training_flops_formula).toBe('6 × params × datapoints (tokens: Language)');
    expect(r.peak_flop_per_s).toBe(312e12);
    expect(r.peak_source).toBe('spec-table: A100-80GB');
    expect(r.mfu_fraction).toBe(0.4);
    expect(r.mfu_source).toBe('default');
    expect(r.flops_chip_hours as number).toBeCloseTo(186_965.811966, 5);
    expect(r.price_usd_per_chip_hour).toBe(2);
    expect(r.price_source).toBe('default');
    expect(r.flops_cost_usd as number).toBeCloseTo(373_931.623932, 5);
    expect(r.headline_source).toBe('flops');
  });

  it('materials model (GNoME, 69,000 crystals) › no FLOPs estimate, no cost, the reason said', () => {
    const r = costs().GNoME!;
    expect(r.training_flops).toBeNull();
    expect(r.flops_cost_usd).toBeNull();
    expect(r.headline_cost_usd).toBeNull();
    expect(r.flops_note).toBe("no training FLOPs: the dataset size is a Materials science model's datapoints, not tokens (only Language and Multimodal datapoints count as tokens), so 6 × params × tokens does not apply");
    expect(String(r.headline_note)).toContain('Materials science');
  });

  it('CPU run (Libratus, 857,000 chip-hours on Xeons) › hours kept, no GPU-hour cost, the reason said', () => {
    const r = costs().Libratus!;
    expect(r.hardware_class).toBe('cpu');
    expect(r.chip_hours).toBe(857_000);
    expect(r.chip_hours_source).toBe('data');
    expect(r.gpu_hours_cost_usd).toBeNull();
    expect(r.gpu_hours_note).toBe('CPU hardware ("Intel Xeon E5-2695 v3"): CPU core- or machine-hours are not GPU-hours');
    expect(r.headline_cost_usd).toBeNull();
  });

  it('no hardware named (SB-LM, 1,500 × 24 h) › 36,000 hours derived, not priced', () => {
    const r = costs()['SB-LM']!;
    expect(r.hardware_class).toBe('unnamed');
    expect(r.chip_hours).toBe(36_000);
    expect(r.chip_hours_source).toBe('derived');
    expect(r.gpu_hours_cost_usd).toBeNull();
    expect(r.headline_cost_usd).toBeNull();
  });

  it('TPU run (PaLM) › Epoch’s $2,945,949.76 is the headline; 8,404,992 chip-hours × $3.22 = $27,064,074.24; FLOPs 2.5272e24 ÷ (275e12 × 0.462) ÷ 3600 = 5,525,383.71 chip-hours × $3.22', () => {
    const r = costs()['PaLM (540B)']!;
    expect(r.hardware_class).toBe('tpu');
    expect(r.reported_cost_usd).toBeNull();
    expect(r.epoch_cost_2023_usd).toBe(2_945_949.76);
    expect(r.headline_source).toBe('epoch-estimate');
    expect(r.headline_cost_usd).toBe(2_945_949.76);
    expect(r.price_usd_per_chip_hour).toBe(3.22);
    expect(r.gpu_hours_cost_usd as number).toBeCloseTo(27_064_074.24, 4);
    expect(r.flops_chip_hours as number).toBeCloseTo(5_525_383.707202, 5);
    expect(r.flops_cost_usd as number).toBeCloseTo(17_791_735.537190, 4);
    expect(r.mfu_source).toBe('data');
  });

  it('a row with only Epoch’s cost (DeepSeek-R1 on DeepSeek-V3) › epoch-estimate headline, a fine-tune stage; CPI 1.0295 → $6,969,715', () => {
    const r = costs()['DeepSeek-R1']!;
    expect(r.headline_source).toBe('epoch-estimate');
    expect(r.headline_cost_usd).toBe(6_770_000);
    expect(r.training_stage).toBe('fine-tune');
    expect(r.training_stage_note).toBe('trained from DeepSeek-V3');
    const today = costs({ ...MODEL_ECONOMICS_DEFAULTS, cpiFactorFrom2023: 1.0295 })['DeepSeek-R1']!;
    expect(today.epoch_cost_2023_usd).toBe(6_770_000);
    expect(today.epoch_cost_adjusted_usd as number).toBeCloseTo(6_969_715, 6);
    expect(today.headline_note).toBe('Epoch AI estimate, 2023 USD × CPI factor 1.0295');
  });

  it('summary › counts by source; the stage is set aside; cheapest full run is Llama 2-7B, 14× cheaper than DeepSeek-V3’s $5.39M', () => {
    const s = report().summary;
    expect(s[0]).toBe('4 of 7 models have a way to a training cost (0 reported, 3 Epoch AI estimates, 0 from chip-hours, 1 from FLOPs); the other 3 are kept and say why not.');
    expect(s[1]).toBe('1 row is a training stage (DeepSeek-R1): shown, but left out of the full-run comparisons and the trend.');
    // 5,390,000 ÷ 373,931.62 = 14.41.
    expect(s[2]).toBe('The cheapest full run is Llama 2-7B at $373,932 (from FLOPs); the most expensive is DeepSeek-V3 at $5.39M (Epoch AI’s estimate), 14× as much.');
  });

  it('ratios › full runs only: the stage and the uncosted rows are left out', () => {
    const t = report().tables.find((x) => x.name === 'ratios')!;
    expect(t.rows.map((r) => [r[0], r[1]])).toEqual([
      ['PaLM (540B)', 2022],
      ['Llama 2-7B', 2023],
      ['DeepSeek-V3', 2024],
    ]);
  });
});

describe('model economics › trend over a year range', () => {
  // 2005-2015: one self-costed $27 model a year; 2016-2020: exactly 2.4× a year from $1M.
  const old: Row[] = Array.from({ length: 11 }, (_, k) => ({ model: `old${k}`, release_date: `${2005 + k}-01-01`, training_cost_usd: 27 }));
  const frontier: Row[] = [0, 1, 2, 3, 4].map((k) => ({ model: `f${k}`, release_date: `${2016 + k}-01-01`, training_cost_usd: 1e6 * 2.4 ** k }));

  it('fromYear 2016 › 2.4× a year, n 5, doubling 12 × log10 2 ÷ log10 2.4 = 9.50 months, from/to as plain years', () => {
    const r = buildModelEconomics([...old, ...frontier], { ...MODEL_ECONOMICS_DEFAULTS, fromYear: 2016 });
    expect(r.trend.all).toMatchObject({ kind: 'ok', n: 5 });
    const t = byModel(r.tables.find((x) => x.name === 'trend'))['all full runs with a date and cost']!;
    expect(t.growth_per_year_multiple as number).toBeCloseTo(2.4, 9);
    expect(t.doubling_time_months as number).toBeCloseTo((12 * Math.log10(2)) / Math.log10(2.4), 9);
    expect(t.from_year).toBe(2016);
    expect(t.to_year).toBe(2020);
    // An exact line: zero standard error, so the 90% interval is the point itself.
    expect(t.growth_low_90_multiple as number).toBeCloseTo(2.4, 9);
    expect(t.growth_high_90_multiple as number).toBeCloseTo(2.4, 9);
  });

  it('toYear before fromYear › a problem naming toYear', async () => {
    const { parseModelEconomicsQuery } = await import('../../src/report/model-economics');
    expect(parseModelEconomicsQuery({ fromYear: '2020', toYear: '2016' }).problems.map((p) => p.field)).toEqual(['toYear']);
  });

  it('90% interval › log10 costs 2, 2, 6, 6 over four years › slope 1.6 ± t(0.95, 2) 2.919986 × SE 0.565685', () => {
    const rows: Row[] = [2, 2, 6, 6].map((e, k) => ({ model: `m${k}`, release_date: `${2016 + k}-01-01`, training_cost_usd: 10 ** e }));
    const fit = buildModelEconomics(rows, MODEL_ECONOMICS_DEFAULTS).trend.all;
    if (fit.kind !== 'ok') throw new Error('no fit');
    // Release dates are fractional years (1 Jan = the year itself), so x = 2016..2019 exactly.
    expect(fit.growthPerYear).toBeCloseTo(10 ** 1.6, 6);
    expect(fit.r2).toBeCloseTo(0.8, 9);
    expect(Math.log10(fit.growthLow90)).toBeCloseTo(1.6 - 2.919986 * 0.565685, 5);
    expect(Math.log10(fit.growthHigh90)).toBeCloseTo(1.6 + 2.919986 * 0.565685, 5);
  });

  it('R² below 0.3 › the trend row and the summary say the fit explains little; no growth rate stated as fact', () => {
    // log10 costs 0, 2, 0, 1 (+6): Σxy 0.5, Σxx 5, Σyy 2.75 → R² = 0.25 ÷ 13.75 = 0.018.
    const rows: Row[] = [0, 2, 0, 1].map((e, k) => ({ model: `m${k}`, release_date: `${2016 + k}-01-01`, training_cost_usd: 1e6 * 10 ** e }));
    const r = buildModelEconomics(rows, MODEL_ECONOMICS_DEFAULTS);
    expect(r.trend.all).toMatchObject({ kind: 'ok', explainsLittle: true });
    const t = byModel(r.tables.find((x) => x.name === 'trend'))['all full runs with a date and cost']!;
    expect(t.note).toBe('the fit explains little (R² 0.02 < 0.3): its growth rate is not a finding');
    const text = r.summary.join(' ');
    expect(text).toContain('the fit explains little (R² 0.02 < 0.3)');
    expect(text).not.toMatch(/grows [\d.]+× a year/);
    expect(r.charts[0]!.config.data.datasets.at(-1)!.label).toBe('Trend: explains little (R² 0.02)');
  });
});

describe('model economics › the scatter', () => {
  it('every point named; the five dearest and the picked ones labelled', () => {
    const rows: Row[] = Array.from({ length: 8 }, (_, k) => ({ model: `m${k}`, release_date: `${2016 + k}-06-01`, training_cost_usd: 1e6 * 2 ** k }));
    const chart = buildModelEconomics(rows, { ...MODEL_ECONOMICS_DEFAULTS, labels: ['m0'] }).charts[0]!;
    const pts = chart.config.data.datasets[0]!.data as { name: string; labelled: boolean }[];
    expect(pts.map((p) => p.name)).toEqual(['m0', 'm1', 'm2', 'm3', 'm4', 'm5', 'm6', 'm7']);
    expect(pts.filter((p) => p.labelled).map((p) => p.name)).toEqual(['m0', 'm3', 'm4', 'm5', 'm6', 'm7']);
  });
});

describe('model economics › the lens', () => {
  it('years plain, share with two significant digits, whole runs', () => {
    const rows: Row[] = [{ model: 'DeepSeek-V3', release_date: '2024-12-24', training_cost_usd: 5_576_000 }];
    const r = buildModelEconomics(rows, MODEL_ECONOMICS_DEFAULTS, { datasetId: 1, datasetName: 'c', rows: [{ company: 'Alphabet', fiscal_year: 2024, capex: 52_535_000_000 }], year: 2024, model: null });
    const t = r.tables.find((x) => x.name === 'lens')!;
    const rec = Object.fromEntries(t.columns.map((c, i) => [c.key, t.rows[0]![i]]));
    expect(t.columns.find((c) => c.key === 'fiscal_year')!.format).toBe('year');
    expect(t.columns.find((c) => c.key === 'share_of_capex_fraction')!.format).toBe('share');
    // 52,535,000,000 ÷ 5,576,000 = 9,421.63 → 9,421 whole runs.
    expect(rec.runs_per_year_of_capex).toBe(9421);
  });
});
