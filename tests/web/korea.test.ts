import request from 'supertest';
import { makeApp } from '../helpers/app';

/** The built-in Korean dataset is the third seeded (after the hyperscalers and the model costs). */
async function koreaId(app: Parameters<typeof request>[0]): Promise<number> {
  const list = (await request(app).get('/api/datasets')).body as { id: number; name: string }[];
  const found = list.find((d) => d.name.startsWith('Korean companies'));
  if (!found) throw new Error('Korean built-in dataset missing');
  return found.id;
}

describe('Korean built-in dataset', () => {
  test('dataset page › won amounts with the won sign, never a dollar sign', async () => {
    const { app } = await makeApp();
    const id = await koreaId(app);
    const res = await request(app).get(`/datasets/${id}`).expect(200);
    // Samsung 2023 시설투자 53조 1,139억원 = ₩53.1T in English; its 2023 close 78,500원.
    expect(res.text).toContain('₩53.1T');
    expect(res.text).toContain('₩78,500');
    const rowsTable = res.text.slice(res.text.indexOf('<table class="data rows">'));
    expect(rowsTable).not.toMatch(/\$\d/);
  });

  test('dataset page in Korean › 53조 1,139억원 and 78,500원', async () => {
    const { app } = await makeApp();
    const id = await koreaId(app);
    const res = await request(app).get(`/datasets/${id}?lang=ko`).expect(200);
    expect(res.text).toContain('53조 1,139억원');
    expect(res.text).toContain('78,500원');
  });

  test('dataset page in Korean, short won › 53.1조원', async () => {
    const { app } = await makeApp();
    const id = await koreaId(app);
    const res = await request(app).get(`/datasets/${id}?lang=ko&won=short`).expect(200);
    expect(res.text).toContain('53.1조원');
  });

  test('CSV download › money columns named in won (capex_krw), raw numbers', async () => {
    const { app } = await makeApp();
    const id = await koreaId(app);
    const res = await request(app).get(`/datasets/${id}.csv`).expect(200);
    const header = res.text.replace(/^\uFEFF/, '').split(/\r?\n/)[0] ?? '';
    expect(header).toContain('capex_krw');
    expect(header).not.toContain('capex_usd');
    expect(res.text).toContain('53113900000000');
  });

  test('report › opens in KRW with Korean tax and power defaults marked as from the data', async () => {
    const { app } = await makeApp();
    const id = await koreaId(app);
    const json = (await request(app).get(`/datasets/${id}/report.json`).expect(200)).body as { query: string };
    const q = new URLSearchParams(json.query);
    expect(q.get('reportingCurrency')).toBe('KRW');
    expect(q.get('taxRate')).toBe('0.264');
    expect(q.get('powerPriceUsdPerKwh')).toBe('0.13');
    const csv = (await request(app).get(`/datasets/${id}/report.csv`).expect(200)).text;
    expect(csv).toContain('"# reporting_currency","KRW","data"');
  });

  test('report › a user choice of USD wins over the data default', async () => {
    const { app } = await makeApp();
    const id = await koreaId(app);
    const json = (await request(app).get(`/datasets/${id}/report.json?reportingCurrency=USD`).expect(200)).body as { query: string };
    expect(new URLSearchParams(json.query).get('reportingCurrency')).toBe('USD');
  });

  test('hyperscaler report › still opens in USD', async () => {
    const { app } = await makeApp();
    const json = (await request(app).get('/datasets/1/report.json').expect(200)).body as { query: string };
    expect(new URLSearchParams(json.query).get('reportingCurrency')).toBe('USD');
  });
});

describe('GPUs per job › Korea section', () => {
  test('links to the Korean companies’ report, in English and in Korean', async () => {
    const { app } = await makeApp();
    const id = await koreaId(app);
    const en = await request(app).get('/gpus-per-job').expect(200);
    expect(en.text).toContain(`href="/datasets/${id}/report"`);
    expect(en.text).toContain("Korea's 260,000 GPUs and the companies");
    const ko = await request(app).get('/gpus-per-job?lang=ko').expect(200);
    expect(ko.text).toContain('<html lang="ko">');
    expect(ko.text).toContain('한국 기업 보고서 열기');
  });
});

describe('front page › headline per built-in company dataset', () => {
  test('above the list: AI capex, how many pay back within the horizon, the largest gap; Korean data in won', async () => {
    const { app } = await makeApp();
    const en = await request(app).get('/?lang=en').expect(200);
    const cards = en.text.slice(en.text.indexOf('<section class="headlines"'), en.text.indexOf('<table class="data datasets">'));
    expect(cards.match(/<article class="card headline">/g)).toHaveLength(2);
    expect(cards).toMatch(/of 4<\/strong> pay it back within the 10-year horizon/);
    expect(cards).toMatch(/<p class="big">\$\d/);
    expect(cards).toMatch(/<p class="big">₩\d/);
    // The numbers are the report's own: the hyperscaler card's total is the report's total AI capex.
    const json = (await request(app).get('/datasets/1/report.json').expect(200)).body as {
      companies: { paybackYears: number | null }[];
      tables: { comparison: { columns: string[]; rows: (number | string | null)[][] } };
    };
    const col = json.tables.comparison.columns.findIndex((k) => /^total_ai_capex|^ai_capex/.test(k));
    expect(col).toBeGreaterThanOrEqual(0);
    const total = json.tables.comparison.rows.reduce((s, r) => s + Number(r[col]), 0);
    const { formatMoney } = await import('../../src/web/helpers/format');
    expect(cards).toContain(`<p class="big">${formatMoney(total)}</p>`);
    const paying = json.companies.filter((c) => c.paybackYears !== null && c.paybackYears <= 10).length;
    expect(cards).toContain(`<strong>${paying} of 4</strong>`);
    const ko = await request(app).get('/?lang=ko').expect(200);
    expect(ko.text).toMatch(/<p class="big">\d+조 [\d,]+억원<\/p>/);
  });
});
