import request from 'supertest';
import { parse } from 'csv-parse/sync';
import type { Express } from 'express';
import type { Store } from '../../src/store/types';
import { makeApp } from '../helpers/app';

/** The chart configurations a page carries for public/js/charts.js. */
function charts(html: string): { data: { labels: string[]; datasets: { label: string }[] } }[] {
  return [...html.matchAll(/<script type="application\/json" class="chart-data"[^>]*>([\s\S]*?)<\/script>/g)].map((m) => JSON.parse(m[1] as string));
}

describe('industry gap › in Korean', () => {
  let app: Express;
  let store: Store;
  beforeAll(async () => {
    ({ app, store } = (await makeApp()) as unknown as { app: Express; store: Store });
  });
  afterAll(async () => store.close());

  test('page › Korean heading, summary, chart labels and measure names; English with ?lang=en', async () => {
    const ko = await request(app).get('/reports/industry?dataset=1&year=2024').set('Accept-Language', 'ko').expect(200);
    expect(ko.text).toContain('<html lang="ko">');
    expect(ko.text).toContain('산업 격차: AI의 6,000억 달러 질문');
    expect(ko.text).toContain('<figcaption>필요 매출과 AI 매출</figcaption>');
    expect(charts(ko.text)[0]?.data.labels).toEqual(['가속기 지출', '데이터센터 비용', '필요 매출 (지출이 이어지는 해마다)', 'AI 매출', '격차 (해마다)', '한 해 치 지출: 내용연수 1년당', '한 해 치 지출: 1년당 격차']);
    expect(ko.text).toMatch(/<td>필요 매출<\/td>/);
    // A built-in dataset is named in the reader's language.
    expect(ko.text).toContain('2024년 한 해 하이퍼스케일러 설비투자 2022–2026의 AI 설비투자는');
    // Company names are data: marked so a translator (and the Korean page walk) leaves them alone.
    expect(ko.text).toMatch(/<td translate="no">Microsoft<\/td>/);
    const en = await request(app).get('/reports/industry?dataset=1&year=2024&lang=en').expect(200);
    expect(en.text).toContain('The industry gap: AI’s $600B question');
    expect(charts(en.text)[0]?.data.labels[2]).toBe('Required revenue, every year of continuing spend');
    expect(en.text).toMatch(/<td>Required revenue<\/td>/);
  });

  test('CSV › keys and measure keys English, words in Korean, numbers the same', async () => {
    const get = (lang: string) => request(app).get('/reports/industry.csv?table=gap').set('Accept-Language', lang).expect(200);
    const [ko, en] = await Promise.all([get('ko'), get('en')]);
    const split = (t: string) => t.slice(1).split('\r\n\r\n') as [string, string];
    const koRows = parse(split(ko.text)[1], { columns: true, cast: true }) as Record<string, string | number>[];
    const enRows = parse(split(en.text)[1], { columns: true, cast: true }) as Record<string, string | number>[];
    expect(Object.keys(koRows[0] ?? {})).toEqual(['measure', 'value_usd', 'applies_to', 'working']);
    expect(koRows.map((r) => [r.measure, r.value_usd])).toEqual(enRows.map((r) => [r.measure, r.value_usd]));
    expect(koRows.find((r) => r.measure === 'required_revenue')?.applies_to).toBe('지출이 이어지는 동안 해마다');
    expect(parse(split(ko.text)[0])).toContainEqual(['# accelerator_spend_usd', '150000000000', '기본값']);
  });

  test('JSON › Korean summary, English keys', async () => {
    const res = await request(app).get('/reports/industry.json?lang=ko').expect(200);
    expect(res.body.requiredRevenue).toBe(600e9);
    expect(res.body.summary[1]).toContain('매출 격차는 한 해 5,000억 달러입니다');
    expect(res.body.tables.gap[0].measure).toBe('accelerator_spend');
  });

  test('bad input › 422 in Korean, each field named by its Korean label', async () => {
    const res = await request(app).get('/reports/industry?acceleratorShare=0&includeGuidance=maybe&dataset=1').set('Accept-Language', 'ko').expect(422);
    expect(res.text).toContain('쓸 수 없는 입력이 있습니다');
    expect(res.text).toContain('데이터센터 비용 중 가속기 비중: 0 초과 1 이하의 값이어야 합니다');
    // The problems table names the field by its label and says what was wrong with it, not a generic line.
    expect(res.text).toMatch(/<td>가이던스 연도<\/td><td><code>maybe<\/code><\/td><td>includeGuidance는 true 또는 false여야 합니다<\/td>/);
    expect(res.text).toMatch(/<td>데이터센터 비용 중 가속기 비중<\/td><td><code>0<\/code><\/td>/);
    const json = await request(app).get('/reports/industry.json?year=20x4&lang=ko').expect(422);
    expect(JSON.stringify(json.body)).toContain('연도는 2024 같은 달력 연도여야 합니다');
  });
});
