import request from 'supertest';
import type { Express } from 'express';
import type { Store } from '../../src/store/types';
import { ROW } from '../../src/report/workbook/layout';
import { makeApp } from '../helpers/app';
import { recompute, type Recomputed } from '../report/workbook/recompute';

type Table = { columns: string[]; rows: (string | number | null)[][] };

async function download(app: Express, url: string, lang: string): Promise<Buffer> {
  const res = await request(app).get(url).set('Accept-Language', lang).buffer(true).parse((r, cb) => {
    const chunks: Buffer[] = [];
    r.on('data', (c: Buffer) => chunks.push(c));
    r.on('end', () => cb(null, Buffer.concat(chunks)));
  });
  expect(res.status).toBe(200);
  return res.body as Buffer;
}

function sheetOf(wb: Recomputed, company: string): string {
  const name = Object.keys(wb.sheets).find((s) => wb.sheets[s]?.[0]?.[0] === company);
  if (!name) throw new Error(`no sheet for ${company}`);
  return name;
}

/** The Assumptions sheet's row of a key (column B), as [label, key, value, source]. */
function assumptionRow(wb: Recomputed, key: string): (string | number | null)[] {
  return wb.sheets['Assumptions']!.find((r) => r[1] === key) ?? [];
}

describe('workbook › in Korean, and a won dataset with its report’s defaults', () => {
  let app: Express;
  let store: Store;
  let koreaId: number;
  beforeAll(async () => {
    ({ app, store } = (await makeApp()) as unknown as { app: Express; store: Store });
    const list = (await request(app).get('/api/datasets')).body as { id: number; name: string }[];
    koreaId = list.find((d) => d.name.startsWith('Korean companies'))!.id;
  });
  afterAll(async () => store.close());

  test('Korean reader › labels and sources in Korean; keys, sheet names and formulas as in English', async () => {
    const ko = await recompute(await download(app, '/datasets/1/report.xlsx', 'ko'));
    const en = await recompute(await download(app, '/datasets/1/report.xlsx', 'en'));
    expect(Object.keys(ko.sheets)).toEqual(Object.keys(en.sheets));
    expect(ko.sheets['Assumptions']![3]).toEqual(['가정', '키', '값', '출처']);
    expect(assumptionRow(ko, 'wacc')[3]).toBe('기본값');
    expect(assumptionRow(en, 'wacc')[3]).toBe('default');
    // Each assumption by its form label: the same name on the form, the report and the workbook.
    expect(assumptionRow(ko, 'wacc')[0]).toBe('할인율(WACC)');
    expect(assumptionRow(en, 'wacc')[0]).toBe('Discount rate (WACC)');
    const sheet = Object.keys(ko.sheets)[1] as string;
    expect(ko.sheets[sheet]![ROW.fcf - 1]![0]).toBe('잉여현금흐름, 달러');
    expect(en.sheets[sheet]![ROW.fcf - 1]![0]).toBe('Free cash flow, USD');
    // Same formulas: every formula cell of the Korean workbook is the English one's.
    const formulas = (wb: Recomputed) => Object.values(wb.sheets).flatMap((g) => g.flat().filter((c): c is string => typeof c === 'string' && c.startsWith('=')));
    expect(formulas(ko)).toEqual(formulas(en));
    expect(ko.value(sheet, `C${ROW.npv}`)).toBe(en.value(sheet, `C${ROW.npv}`));
  });

  test('won dataset › Korea’s tax and power from the data, NPV recomputed equals the report’s (in USD)', async () => {
    const wb = await recompute(await download(app, `/datasets/${koreaId}/report.xlsx`, 'ko'));
    expect(assumptionRow(wb, 'taxRate').slice(2)).toEqual([0.264, '데이터']);
    expect(assumptionRow(wb, 'powerPriceUsdPerKwh').slice(2)).toEqual([0.13, '데이터']);
    expect(String(wb.sheets['Assumptions']![2]![0])).toContain('금액은 달러입니다(보고서는 KRW 기준)');
    expect(wb.sheets['Assumptions']![0]![0]).toBe('capexlens: 한국 기업 2022–2025 (원화)');
    // The report with the same defaults, asked in USD (the workbook's currency).
    const json = (await request(app).get(`/datasets/${koreaId}/report.json?reportingCurrency=USD`)).body as { tables: Record<string, Table> };
    const t = json.tables['comparison'] as Table;
    expect(t.rows.length).toBeGreaterThan(0);
    for (const row of t.rows) {
      const npv = row[t.columns.indexOf('npv_usd')] as number;
      const sheet = sheetOf(wb, row[t.columns.indexOf('company')] as string);
      expect(Math.abs((wb.value(sheet, `C${ROW.npv}`) as number) - npv)).toBeLessThanOrEqual(1e-9 * Math.abs(npv) + 1e-3);
    }
  });
});
