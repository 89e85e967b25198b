import request from 'supertest';
import type { Express } from 'express';
import type { Store } from '../../src/store/types';
import { ROW, yearColumn } from '../../src/report/workbook/layout';
import { makeApp } from '../helpers/app';
import { recompute, type Recomputed } from '../report/workbook/recompute';

type Table = { columns: string[]; rows: (string | number | null)[][] };
type ReportJson = { tables: Record<string, Table> };

function records(t: Table): Record<string, string | number | null>[] {
  return t.rows.map((r) => Object.fromEntries(t.columns.map((c, i) => [c, r[i] ?? null])));
}

async function download(app: Express, url: string): Promise<Buffer> {
  const res = await request(app).get(url).buffer(true).parse((r, cb) => {
    const chunks: Buffer[] = [];
    r.on('data', (c: Buffer) => chunks.push(c));
    r.on('end', () => cb(null, Buffer.concat(chunks)));
  });
  expect(res.status).toBe(200);
  expect(res.headers['content-type']).toMatch(/spreadsheetml/);
  return res.body as Buffer;
}

/** Sheet name of a company (the workbook's first cell of each company sheet is its name). */
function sheetOf(wb: Recomputed, company: string): string {
  const name = Object.keys(wb.sheets).find((s) => wb.sheets[s]?.[0]?.[0] === company);
  if (!name) throw new Error(`no sheet for ${company}`);
  return name;
}

// Tolerances: the workbook and the app do the same float arithmetic in a different order (sums over
// vintages, XNPV's powers), so flows agree to 1e-9 relative; XIRR is solved by each to about 1e-7.
describe('workbook › /datasets/:id/report.xlsx recomputed from its formulas alone (HyperFormula)', () => {
  let app: Express;
  let store: Store;
  let id: number;
  beforeAll(async () => {
    ({ app, store } = (await makeApp()) as unknown as { app: Express; store: Store });
    id = ((await request(app).get('/api/datasets')).body as { id: number; kind: string; name: string }[]).find((d) => d.kind === 'company')!.id;
  });
  afterAll(async () => store.close());

  test('NPV, IRR and each year’s FCF equal the JSON twin’s', async () => {
    const wb = await recompute(await download(app, `/datasets/${id}/report.xlsx`));
    const json = (await request(app).get(`/datasets/${id}/report.json`)).body as ReportJson;
    const comparison = records(json.tables['comparison'] as Table);
    expect(comparison.length).toBeGreaterThan(0);
    expect(comparison.some((c) => typeof c.irr_fraction === 'number')).toBe(true);
    for (const c of comparison) {
      const sheet = sheetOf(wb, c.company as string);
      const npv = wb.value(sheet, `C${ROW.npv}`) as number;
      expect(Math.abs(npv - (c.npv_usd as number))).toBeLessThanOrEqual(1e-9 * Math.abs(c.npv_usd as number) + 1e-3);
      if (typeof c.irr_fraction === 'number') expect(Math.abs((wb.value(sheet, `C${ROW.irr}`) as number) - c.irr_fraction)).toBeLessThan(1e-6);
      const flows = records(json.tables['cash-flows'] as Table).filter((r) => r.company === c.company);
      expect(flows.length).toBeGreaterThan(0);
      flows.forEach((f, t) => {
        expect(wb.value(sheet, `${yearColumn(t)}${ROW.fiscalYear}`)).toBe(Number(f.fiscal_year));
        const fcf = wb.value(sheet, `${yearColumn(t)}${ROW.fcf}`) as number;
        expect(Math.abs(fcf - (f.fcf_usd as number))).toBeLessThanOrEqual(1e-9 * Math.abs(f.fcf_usd as number) + 1e-3);
      });
    }
  });

  test('change WACC in the Assumptions sheet › NPV becomes the app’s NPV at that WACC', async () => {
    const wb = await recompute(await download(app, `/datasets/${id}/report.xlsx`));
    const row = wb.sheets['Assumptions']!.findIndex((r) => r[1] === 'wacc');
    wb.hf.setCellContents({ sheet: wb.hf.getSheetId('Assumptions') as number, row, col: 2 }, 0.12);
    const json = (await request(app).get(`/datasets/${id}/report.json?wacc=0.12`)).body as ReportJson;
    for (const c of records(json.tables['comparison'] as Table)) {
      const npv = wb.value(sheetOf(wb, c.company as string), `C${ROW.npv}`) as number;
      expect(Math.abs(npv - (c.npv_usd as number))).toBeLessThanOrEqual(1e-9 * Math.abs(c.npv_usd as number) + 1e-3);
    }
  });

  test('sustain › 422 naming capacityAfterData; bad assumption › 422; unknown dataset › 404', async () => {
    const s = await request(app).get(`/datasets/${id}/report.xlsx?capacityAfterData=sustain`);
    expect(s.status).toBe(422);
    expect(s.text).toContain('capacityAfterData');
    expect((await request(app).get(`/datasets/${id}/report.xlsx?wacc=-7`)).status).toBe(422);
    expect((await request(app).get('/datasets/999999/report.xlsx')).status).toBe(404);
  });
});

describe('workbook › linked from the report with its assumptions', () => {
  test('report page links report.xlsx with the same query', async () => {
    const { app, store } = await makeApp();
    const id = ((await request(app).get('/api/datasets')).body as { id: number; kind: string }[]).find((d) => d.kind === 'company')!.id;
    const page = await request(app).get(`/datasets/${id}/report?wacc=0.11`);
    expect(page.text.replace(/&#x3D;/g, '=').replace(/&amp;/g, '&')).toMatch(new RegExp(`href="/datasets/${id}/report\\.xlsx\\?[^"]*wacc=0\\.11`));
    await store.close();
  });
});
