import request from 'supertest';
import { parse } from 'csv-parse/sync';
import type { Express } from 'express';
import type { Store } from '../../src/store/types';
import { makeApp } from '../helpers/app';

type Chart = { data: { datasets: { label: string }[] }; options: { scales: { x: { title: { text: string } }; y: { title: { text: string } } } } };

function charts(html: string): Chart[] {
  return [...html.matchAll(/<script type="application\/json" class="chart-data"[^>]*>([\s\S]*?)<\/script>/g)].map((m) => JSON.parse(m[1] as string) as Chart);
}

describe('models report › in Korean', () => {
  let app: Express;
  let store: Store;
  let id: number;
  beforeAll(async () => {
    ({ app, store } = (await makeApp()) as unknown as { app: Express; store: Store });
    id = (await store.listDatasets('x')).find((d) => d.kind === 'models')!.id;
  });
  afterAll(async () => store.close());

  test('page › Korean chart title, axes and legends; model names marked as data; English with ?lang=en', async () => {
    const ko = await request(app).get(`/datasets/${id}/report`).set('Accept-Language', 'ko').expect(200);
    expect(ko.text).toContain('<html lang="ko">');
    expect(ko.text).toContain('<h2>전체 학습의 학습 비용과 공개일 (로그 눈금)</h2>');
    const chart = charts(ko.text)[0]!;
    expect(chart.options.scales.x.title.text).toBe('공개일 (연도)');
    expect(chart.options.scales.y.title.text).toBe('학습 비용 (달러, 로그 눈금)');
    expect(chart.data.datasets.map((d) => d.label)).toContainEqual(expect.stringMatching(/^Epoch AI 추정 \(\d+\)$/));
    expect(ko.text).toMatch(/<td translate="no">DeepSeek-V3<\/td>/);
    expect(ko.text).toContain('<th scope="col">단계</th>');
    const lens = await request(app).get(`/datasets/${id}/report?lens=3&year=2024`).set('Accept-Language', 'ko').expect(200);
    expect(lens.text).toContain('설비투자에 견준 학습 비용 비중 (한국 기업 2022–2025 (원화), 2024 회계연도)');
    const en = await request(app).get(`/datasets/${id}/report?lang=en`).expect(200);
    expect(en.text).toContain('<h2>Training cost of full runs against release date (log scale)</h2>');
    expect(charts(en.text)[0]!.options.scales.y.title.text).toBe('Training cost (USD, log scale)');
    expect(en.text).toContain('<th scope="col">Stage</th>');
  });

  test('CSV › English keys, Korean words in text cells and assumption sources; numbers as in English', async () => {
    const get = (lang: string) => request(app).get(`/datasets/${id}/report.csv?table=costs&price=2.5`).set('Accept-Language', lang).expect(200);
    const [ko, en] = await Promise.all([get('ko'), get('en')]);
    const split = (t: string) => t.slice(1).split('\r\n\r\n') as [string, string];
    const koRows = parse(split(ko.text)[1], { columns: true }) as Record<string, string>[];
    const enRows = parse(split(en.text)[1], { columns: true }) as Record<string, string>[];
    expect(Object.keys(koRows[0]!)).toEqual(Object.keys(enRows[0]!));
    expect(Object.keys(koRows[0]!)).toContain('training_stage');
    expect(koRows.map((r) => [r.model, r.headline_cost_usd])).toEqual(enRows.map((r) => [r.model, r.headline_cost_usd]));
    expect(new Set(koRows.map((r) => r.training_stage))).toContain('전체 학습');
    expect(new Set(enRows.map((r) => r.training_stage))).toContain('full-run');
    expect(parse(split(ko.text)[0])).toContainEqual(['# price', '2.5', '직접 입력']);
    expect(parse(split(en.text)[0])).toContainEqual(['# price', '2.5', 'user']);
  });

  test('JSON › Korean summary and labels, English keys', async () => {
    const res = await request(app).get(`/datasets/${id}/report.json?lang=ko`).expect(200);
    expect(res.body.summary[0]).toMatch(/^모델 \d+개 가운데 \d+개는 학습 비용을 구할 수 있습니다/);
    expect(res.body.tables.costs.columns[0]).toEqual({ key: 'model', label: '모델', format: 'text' });
    expect(res.body.tables['deepseek-day'].source).toMatch(/DeepSeek/);
  });

  test('bad options › 400 page in Korean, each problem under its query key', async () => {
    const res = await request(app).get(`/datasets/${id}/report?mfu=40&infGpu=K80`).set('Accept-Language', 'ko').expect(400);
    expect(res.text).toContain('쓸 수 없는 입력이 있습니다');
    expect(res.text).toContain('MFU는 0과 1 사이의 비율이어야 합니다');
    expect(res.text).toContain('GPU는 다음 가운데 하나여야 합니다');
    const json = await request(app).get(`/datasets/${id}/report.json?util=2&lang=ko`).expect(400);
    expect(JSON.stringify(json.body)).toContain('가동률은 0과 1 사이의 비율이어야 합니다');
  });
});
