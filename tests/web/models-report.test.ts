import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import request from 'supertest';
import { parse } from 'csv-parse/sync';
import { makeApp } from '../helpers/app';

/**
 * A file in Epoch AI's "All ML Systems" export style: its headers, float-formatted counts
 * (`671000000000.0`), `$5390000.00` costs and blank cells. Figures for DeepSeek-V3 are from its
 * technical report (671B params, 14.8T tokens, 2,788K H800 GPU-hours) and Epoch's row (FLOP, MFU,
 * $5.39M cost); the third row names hardware the spec table lacks.
 */
const EPOCH_CSV = [
  'Model,Organization,Publication date,Parameters,Training compute (FLOP),Training dataset size (datapoints),Training hardware,Hardware quantity,Training time (hours),Training chip-hours,Hardware utilization (MFU),Training compute cost (2023 USD)',
  'DeepSeek-V3,DeepSeek,2024-12-24,671000000000.0,3.407799999999999e+24,14800000000000.0,NVIDIA H800 SXM5,2048.0,,2788000.0,0.1947,$5390000.00',
  'Llama 3.1-405B,Meta AI,2024-07-23,405000000000.0,3.8e+25,15600000000000.0,NVIDIA H100 SXM5 80GB,16384.0,2142.0,,0.4042,',
  'Gopher (280B),DeepMind,2021-12-08,280000000000.0,6.31e+23,300000000000.0,Google TPU v3,4096.0,920.0,,0.378,',
  'Qwen2.5-72B,Alibaba,2024-09-19,72700000000.0,7.8e+24,18000000000000.0,,,,,,',
].join('\n');

/** A script's bearer token and the workspace the app derives from it (see middleware/workspace). */
const TOKEN = 'models-report-test-token';
const AUTH = `Bearer ${TOKEN}`;
const WS = 'tok:' + crypto.createHash('sha256').update(TOKEN).digest('hex').slice(0, 24);

/** Hrefs as a browser reads them out of the HTML. */
function unescapeHtml(s: string): string {
  return s.replace(/&#x3D;/g, '=').replace(/&amp;/g, '&');
}

/** Uploads the Epoch-style file through the API as a script would (bearer token), then returns the app and id. */
async function appWithEpochUpload() {
  const { app } = await makeApp();
  const up = await request(app).post('/api/datasets').set('Authorization', AUTH).field('name', 'Epoch export').attach('file', Buffer.from(EPOCH_CSV, 'utf8'), 'epoch.csv').expect(201);
  return { app, ds: up.body as { id: number; kind: string } };
}

async function builtIns() {
  const { app, store } = await makeApp();
  const list = await store.listDatasets('x');
  return { app, models: list.find((d) => d.kind === 'models')!, company: list.find((d) => d.kind === 'company')! };
}

describe('models report › Epoch-format upload', () => {
  it('Epoch export rows › Epoch’s $5.39M as its estimate (not reported), the GPU-hours $5.576M, TPU v3 priced per chip-hour but not guessed for FLOPs', async () => {
    const { app, ds } = await appWithEpochUpload();
    expect(ds.kind).toBe('models');
    const json = await request(app).get(`/datasets/${ds.id}/report.json`).set('Authorization', AUTH).expect(200);
    const costs = json.body.tables.costs.rows as Record<string, unknown>[];
    const v3 = costs.find((r) => r.model === 'DeepSeek-V3')!;
    expect(v3.reported_cost_usd).toBeNull();
    expect(v3.epoch_cost_2023_usd).toBe(5_390_000);
    expect(v3.headline_source).toBe('epoch-estimate');
    expect(v3.gpu_hours_cost_usd).toBe(5_576_000); // 2,788K × $2 (default price, as in the tech report)
    const gopher = costs.find((r) => r.model === 'Gopher (280B)')!;
    // 4,096 TPU v3 chips × 920 h × $3.22 per chip-hour (Google Cloud TPU v4 on demand, the TPU default).
    expect(gopher.chip_hours).toBe(4096 * 920);
    expect(gopher.chip_hours_source).toBe('derived');
    expect(gopher.gpu_hours_cost_usd).toBeCloseTo(4096 * 920 * 3.22, 6);
    expect(gopher.flops_note).toMatch(/^hardware: "Google TPU v3" is not in the spec table/);
    expect(gopher.flops_cost_usd).toBeNull();
    expect(costs.find((r) => r.model === 'Qwen2.5-72B')!.headline_source).toBeNull();
    const html = await request(app).get(`/datasets/${ds.id}/report`).set('Authorization', AUTH).expect(200);
    expect(html.text).toContain('$5.58M');
    expect(html.text).toContain('hardware: &quot;Google TPU v3&quot; is not in the spec table');
  });
});

describe('models report › built-in dataset', () => {
  it('HTML › summary, chart JSON block, each table with a CSV link carrying the query', async () => {
    const { app, models } = await builtIns();
    const res = await request(app).get(`/datasets/${models.id}/report?price=2.5`).expect(200);
    expect(res.text).toContain('class="chart-data" data-canvas="cost-trend"');
    const page = unescapeHtml(res.text);
    expect(page).toContain(`/datasets/${models.id}/report.csv?price=2.5&table=costs`);
    expect(page).toContain(`/datasets/${models.id}/report.csv?price=2.5&table=lens`);
    expect(res.text).not.toMatch(/<script>(?!<\/script>)/);
  });

  it('lens on Alphabet 2024 › DeepSeek-V3’s $5.576M beside $52.535B capex', async () => {
    const { app, models, company } = await builtIns();
    const res = await request(app).get(`/datasets/${models.id}/report.json?lens=${company.id}&year=2024&lensModel=DeepSeek-V3`).expect(200);
    const row = (res.body.tables.lens.rows as Record<string, unknown>[]).find((r) => r.company === 'Alphabet' && r.model === 'DeepSeek-V3')!;
    expect(row.capex_usd).toBe(52_535_000_000);
    expect(row.training_cost_usd).toBe(5_576_000);
    expect(row.share_of_capex_fraction as number).toBeCloseTo(5_576_000 / 52_535_000_000, 15);
  });

  it('CSV twin › BOM, assumptions with sources, raw numbers that parse back', async () => {
    const { app, models } = await builtIns();
    const res = await request(app).get(`/datasets/${models.id}/report.csv?table=deepseek-day&util=0.6`).expect(200);
    expect(res.text.charCodeAt(0)).toBe(0xfeff);
    const rows = parse(res.text.slice(1), { relax_column_count: true }) as string[][];
    expect(rows).toContainEqual(['# util', '0.6', 'user']);
    expect(rows).toContainEqual(['# price', '2', 'default']);
    const cost = rows.find((r) => r[0] === 'cost per day');
    expect(cost?.[1]).toBe('87072');
  });

  it('bad assumptions › JSON 400 naming the field; HTML 400 showing the message and the value', async () => {
    const { app, models } = await builtIns();
    const j = await request(app).get(`/datasets/${models.id}/report.json?mfu=40`).expect(400);
    expect(j.body.error.field).toBe('mfu');
    const h = await request(app).get(`/datasets/${models.id}/report?price=-1`).expect(400);
    expect(h.text).toContain('price per GPU-hour must be a number of USD greater than 0');
    expect(h.text).toContain('value="-1"');
  });

  it('lens naming another workspace’s company dataset › 400 on lens, its capex never shown', async () => {
    const { app, store } = await makeApp();
    const models = (await store.listDatasets('x')).find((d) => d.kind === 'models')!;
    const other = await store.createDataset({ kind: 'company', name: 'Secret', builtIn: false, workspace: 'ws:0123456789abcdef01234567', rows: [{ company: 'Hidden Co', fiscal_year: 2024, capex: 123e9 }] });
    const res = await request(app).get(`/datasets/${models.id}/report.json?lens=${other.id}`).set('Authorization', AUTH).expect(400);
    expect(res.body.error.field).toBe('lens');
    expect(JSON.stringify(res.body)).not.toContain('Hidden Co');
  });

  it('CSV of a table that does not exist › 400 naming the table field', async () => {
    const { app, models } = await builtIns();
    const res = await request(app).get(`/datasets/${models.id}/report.csv?table=nope`).expect(400);
    expect(res.body.error.field).toBe('table');
  });

  it('a model name with markup › escaped in the page and the chart JSON', async () => {
    const { app, store } = await makeApp();
    const ds = await store.createDataset({ kind: 'models', name: 'x', builtIn: false, workspace: WS, rows: [{ model: '<img src=x onerror=alert(1)></script>', release_date: '2024-01-01', training_cost_usd: 1e6 }] });
    const res = await request(app).get(`/datasets/${ds.id}/report`).set('Authorization', AUTH).expect(200);
    expect(res.text).not.toContain('<img src=x');
    expect(res.text).not.toContain('alert(1)></script>');
  });
});

describe('models report › numbers a person and a script can read', () => {
  const fixture = fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'ingest', 'epoch-cases.csv'));

  it('Epoch-format cases › JSON carries FLOP, peak, MFU, hours and price as numbers, each with its source beside it', async () => {
    const { app } = await makeApp();
    const up = await request(app).post('/api/datasets').set('Authorization', AUTH).attach('file', fixture, 'epoch-cases.csv').expect(201);
    const json = await request(app).get(`/datasets/${up.body.id}/report.json`).set('Authorization', AUTH).expect(200);
    const llama = (json.body.tables.costs.rows as Record<string, unknown>[]).find((r) => r.model === 'Llama 2-7B')!;
    expect(llama).toMatchObject({ training_flops: 8.4e22, training_flops_source: 'derived', peak_flop_per_s: 312e12, peak_source: 'spec-table: A100-80GB', mfu_fraction: 0.4, mfu_source: 'default', price_usd_per_chip_hour: 2, price_source: 'default', headline_source: 'flops' });
    expect(typeof llama.flops_chip_hours).toBe('number');
    const csv = await request(app).get(`/datasets/${up.body.id}/report.csv?table=costs`).set('Authorization', AUTH).expect(200);
    const rows = parse(csv.text.slice(1), { relax_column_count: true }) as string[][];
    const header = rows.find((r) => r[0] === 'model')!;
    const palm = rows.find((r) => r[0] === 'PaLM (540B)')!;
    expect(Number(palm[header.indexOf('gpu_hours_cost_usd')])).toBeCloseTo(8_404_992 * 3.22, 4);
    expect(palm[header.indexOf('headline_source')]).toBe('epoch-estimate');
    expect(rows).toContainEqual(['# tpuPrice', '3.22', 'default']);
  });

  it('HTML › years without separators, a share of capex that is not 0.0%, durations with their unit', async () => {
    const { app, models, company } = await builtIns();
    const res = await request(app).get(`/datasets/${models.id}/report?lens=${company.id}&year=2024&lensModel=DeepSeek-V3`).expect(200);
    expect(res.text).not.toMatch(/\b2,0\d\d\b/);
    expect(res.text).toContain('Doubling time (months)');
    // $5.576M ÷ Alphabet’s $52.535B = 0.010614% → two significant digits.
    expect(res.text).toContain('0.011%');
    expect(res.text).toContain('fiscal year 2024');
  });

  it('trend that explains little › the page says so beside the chart', async () => {
    const { app, store } = await makeApp();
    const rows = [0, 2, 0, 1].map((e, k) => ({ model: `m${k}`, release_date: `${2016 + k}-01-01`, training_cost_usd: 1e6 * 10 ** e }));
    const ds = await store.createDataset({ kind: 'models', name: 'noisy', builtIn: false, workspace: WS, rows });
    const res = await request(app).get(`/datasets/${ds.id}/report`).set('Authorization', AUTH).expect(200);
    expect(res.text).toContain('id="trend-warning"');
    expect(res.text).toContain('The fitted line explains little of the spread (R² 0.02, n 4)');
  });
});
