import request from 'supertest';
import type { Express } from 'express';
import type { Store } from '../../src/store/types';
import { makeApp, csrfOf } from '../helpers/app';
import { buildComparison } from '../../src/report/compare';
import { acmeRows } from '../report/fixtures';
import { englishRuns, visibleText } from './i18n/visible-text';

type Json = { scenarios: { id: string; name: string }[]; columns: string[]; rows: Record<string, string | number | null>[] };
type Chart = { options: { plugins: { title: { text: string } }; scales: { y: { title: { text: string } } }; meta: { currency?: string; lang?: string } }; data: { datasets: { label: string }[] } };

function chartOf(html: string): Chart {
  const block = /<script type="application\/json" class="chart-data" data-canvas="chart-compare-npv">([^<]*)<\/script>/.exec(html)?.[1];
  return JSON.parse(block ?? 'null') as Chart;
}

/** The header cells of the compare table, as shown. */
function headers(html: string): string[] {
  const table = html.slice(html.indexOf('data-table="compare"'));
  const head = table.slice(0, table.indexOf('</thead>'));
  return [...head.matchAll(/<th[^>]*>([^<]*)<\/th>/g)].map((m) => (m[1] as string).replace(/&gt;/g, '>'));
}

/** The body cells of the compare table in the columns whose header is `label`. */
function column(html: string, label: string): string[] {
  const i = headers(html).indexOf(label);
  const table = html.slice(html.indexOf('data-table="compare"'));
  const body = table.slice(table.indexOf('<tbody>'), table.indexOf('</tbody>'));
  return [...body.matchAll(/<tr>(.*?)<\/tr>/g)].map((r) => [...(r[1] as string).matchAll(/<td[^>]*>([^<]*)<\/td>/g)].map((c) => c[1] as string)[i] as string);
}

describe('compare › in Korean and in won', () => {
  let app: Express;
  let store: Store;
  let koreaId: number;
  beforeAll(async () => {
    ({ app, store } = (await makeApp()) as unknown as { app: Express; store: Store });
    const list = (await request(app).get('/api/datasets')).body as { id: number; name: string }[];
    koreaId = list.find((d) => d.name.startsWith('Korean companies'))!.id;
  });
  afterAll(async () => store.close());

  test('report › Korean labels, note and chart title; keys stay English', () => {
    const cmp = buildComparison('Acme', acmeRows(), [{ id: 'base', name: '기본', values: {} }, { id: 'bear', name: '비관', values: { wacc: 0.1 } }], {}, 'ko');
    expect(cmp.table.title).toBe('시나리오별 비교');
    expect(cmp.table.columns.slice(0, 3).map((c) => [c.key, c.label])).toEqual([['scenario', '시나리오'], ['company', '기업'], ['npv_usd', '순현재가치(NPV)']]);
    expect(cmp.table.columns.find((c) => c.key === 'npv_vs_first_usd')?.label).toBe('순현재가치(NPV): 기본 대비');
    expect(cmp.table.note).toContain('“기본 대비”');
    expect(cmp.chart.options.plugins?.title?.text).toBe('시나리오별 순현재가치');
    const en = buildComparison('Acme', acmeRows(), [{ id: 'base', name: 'Base', values: {} }]);
    expect(en.table.columns.map((c) => c.key)).toEqual(cmp.table.columns.map((c) => c.key));
    expect(en.table.columns.find((c) => c.key === 'npv_usd')?.label).toBe('NPV');
    expect(en.chart.options.plugins?.title?.text).toBe('NPV by scenario');
  });

  test('page in Korean › table headers, built-in names and chart in Korean', async () => {
    const res = await request(app).get('/datasets/1/compare?scenarios=base,deepseek-shock&lang=ko').expect(200);
    expect(res.text).toContain('<html lang="ko">');
    expect(headers(res.text).slice(0, 4)).toEqual(['시나리오', '기업', '순현재가치(NPV)', '내부수익률(IRR)']);
    expect(headers(res.text)).toContain('순현재가치(NPV): 기본 대비');
    const chart = chartOf(res.text);
    expect(chart.options.plugins.title.text).toBe('시나리오별 순현재가치');
    expect(chart.options.scales.y.title.text).toBe('순현재가치(NPV)');
    expect(chart.data.datasets.map((d) => d.label)).toEqual(['기본', '딥시크 충격']);
    expect(column(res.text, '시나리오')).toContain('딥시크 충격');
  });

  test('CSV and JSON in Korean › keys English, text cells in Korean', async () => {
    const csv = await request(app).get('/datasets/1/compare.csv?scenarios=bear,base').set('Accept-Language', 'ko').expect(200);
    expect(csv.text.startsWith('\uFEFF"scenario","company","npv_usd","irr_fraction"')).toBe(true);
    expect(csv.text.split('\r\n')[1]).toMatch(/^"비관",/);
    const json = (await request(app).get('/datasets/1/compare.json?scenarios=bear&lang=ko').expect(200)).body as Json;
    expect(json.columns).toContain('npv_vs_first_usd');
    expect(json.scenarios).toEqual([{ id: 'bear', name: '비관' }]);
  });

  test('an unknown scenario › the page says so in Korean, the JSON twin in English with its code', async () => {
    const page = await request(app).get('/datasets/1/compare?scenarios=base,nope&lang=ko').expect(422);
    expect(page.text).toContain('<code>nope</code>');
    expect(page.text).toContain('<html lang="ko">');
    const json = await request(app).get('/datasets/1/compare.json?scenarios=base,nope').set('Accept-Language', 'ko').expect(422);
    expect(JSON.stringify(json.body)).toContain('No scenario \\"nope\\"');
    expect(JSON.stringify(json.body)).toContain('unknown_scenario');
  });

  test('a won dataset › compared in won with the Korean defaults, the report’s own NPVs', async () => {
    const json = (await request(app).get(`/datasets/${koreaId}/compare.json?scenarios=base`).expect(200)).body as Json;
    expect(json.columns).toContain('npv_krw');
    expect(json.columns).toContain('npv_vs_first_krw');
    expect(json.columns).not.toContain('npv_usd');
    // The report opens in won with Korea's tax and power (data-defaults.ts): the same NPVs.
    const report = (await request(app).get(`/datasets/${koreaId}/report.json`).expect(200)).body as { tables: { comparison: { columns: string[]; rows: (string | number | null)[][] } } };
    const cols = report.tables.comparison.columns;
    expect(report.tables.comparison.rows.length).toBe(json.rows.length);
    for (const row of report.tables.comparison.rows) {
      const mine = json.rows.find((r) => r.company === row[cols.indexOf('company')]);
      expect(mine?.npv_krw).toBe(row[cols.indexOf('npv_krw')]);
    }
  });

  test('a won dataset in Korean › amounts in 원, never a dollar sign', async () => {
    const res = await request(app).get(`/datasets/${koreaId}/compare?lang=ko`).expect(200);
    expect(res.text).toContain('<span translate="no">한국 기업 2022–2025 (원화)</span>');
    const npv = column(res.text, '순현재가치(NPV)');
    expect(npv.length).toBeGreaterThan(0);
    for (const cell of npv) expect(cell).toMatch(/^−?[0-9,]+(조|억|만)?( [0-9,]+(억|만))?원$/);
    const table = res.text.slice(res.text.indexOf('data-table="compare"'), res.text.indexOf('</table>', res.text.indexOf('data-table="compare"')));
    expect(table).not.toContain('$');
    expect(table).not.toContain('달러');
    expect(chartOf(res.text).options.meta).toMatchObject({ currency: 'KRW', lang: 'ko', yFormat: 'money' });
  });

  test('a won dataset in English › amounts with the won sign, never a dollar sign', async () => {
    const res = await request(app).get(`/datasets/${koreaId}/compare?lang=en`).expect(200);
    const npv = column(res.text, 'NPV');
    for (const cell of npv) expect(cell).toMatch(/^−?₩[0-9.]+[KMBT]?$/);
    const table = res.text.slice(res.text.indexOf('data-table="compare"'), res.text.indexOf('</table>', res.text.indexOf('data-table="compare"')));
    expect(table).not.toContain('$');
  });

  test('USD typed on a won dataset › compared in dollars', async () => {
    const json = (await request(app).get(`/datasets/${koreaId}/compare.json?scenarios=base&reportingCurrency=USD`).expect(200)).body as Json;
    expect(json.columns).toContain('npv_usd');
  });

  test('scenarios list in Korean › built-ins by their Korean names, results on a won dataset in 원', async () => {
    const res = await request(app).get(`/scenarios?dataset=${koreaId}&lang=ko`).expect(200);
    expect(res.text).toContain('<h2>딥시크 충격 <span class="badge">내장</span></h2>');
    expect(res.text).toContain('토큰 가격이 해마다 70% 떨어지는데');
    const headline = res.text.slice(res.text.indexOf('data-table="headline"'));
    const npv = /<td translate="no">[^<]+<\/td><td class="num">([^<]+)<\/td>/.exec(headline)?.[1];
    expect(npv).toMatch(/원$/);
  });

  test('edit form and a refused save in Korean › no English UI text, the typed name kept as data', async () => {
    const agent = request.agent(app);
    const page = await agent.get('/scenarios?lang=ko').expect(200);
    const token = csrfOf(page.text);
    await agent.post('/scenarios').type('form').send({ _csrf: token, name: 'Tight money case', wacc: '0.12' }).expect(303);
    const mine = ((await agent.get('/scenarios.json')).body as { id: number; name: string }[]).find((s) => s.name === 'Tight money case')!;
    const edit = await agent.get(`/scenarios/${mine.id}/edit`).expect(200);
    expect(edit.text).toContain('<span translate="no">Tight money case</span>');
    expect(edit.text).toContain('변경 내용 저장');
    // The only English left is the name as typed, in the page's <title> (which cannot mark it).
    expect(englishRuns(visibleText(edit.text))).toEqual(['Tight money case']);
    expect(edit.text).toContain('<title>시나리오 편집: Tight money case · capexlens</title>');
    const bad = await agent.post('/scenarios').type('form').send({ _csrf: token, name: '', wacc: '-3' }).expect(422);
    expect(bad.text).toContain('시나리오 이름을 입력하세요');
    expect(englishRuns(visibleText(bad.text))).toEqual([]);
    // Its compare page: the saved scenario beside the built-ins, in Korean.
    const cmp = await agent.get(`/datasets/1/compare?scenarios=base,${mine.id}`).expect(200);
    expect(chartOf(cmp.text).data.datasets.map((d) => d.label)).toEqual(['기본', 'Tight money case']);
    expect(englishRuns(visibleText(cmp.text))).toEqual([]);
  });
});
