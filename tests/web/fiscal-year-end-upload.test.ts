import request from 'supertest';
import type { Express } from 'express';
import type { Store } from '../../src/store/types';
import { makeApp } from '../helpers/app';

describe('upload › fiscal_year_end and quarter columns over HTTP', () => {
  let app: Express;
  let store: Store;
  beforeAll(async () => {
    ({ app, store } = (await makeApp()) as unknown as { app: Express; store: Store });
  });
  afterAll(async () => store.close());

  test('an unreadable fiscal year end › 422 naming line, column and value; nothing stored', async () => {
    const auth = 'Bearer token-of-fye-refused';
    const count = async () => ((await request(app).get('/api/datasets').set('authorization', auth).expect(200)).body as unknown[]).length;
    const before = await count();
    const csv = Buffer.from('company,fiscal_year,fiscal_year_end,capex\nA,2024,June 30,1\nB,2024,6/5/2024,2\n');
    const res = await request(app).post('/api/datasets').set('authorization', auth).attach('file', csv, 'fye.csv').expect(422);
    expect(res.body.problems).toEqual([
      expect.objectContaining({ code: 'bad_date', line: 3, column: 'fiscal_year_end', value: '6/5/2024', message: expect.stringContaining('it could be June 5 or May 6') }),
    ]);
    expect(await count()).toBe(before);
  });

  test('June 30 and a quarter column › stored as 06-30 and rolled up, with quarters', async () => {
    const csv = Buffer.from('company,year,quarter,fiscal_year_end,capex\nM,2025,Q1,June 30,1\nM,2025,Q2,June 30,2\n');
    const auth = 'Bearer token-of-fye';
    const up = await request(app).post('/api/datasets').set('authorization', auth).attach('file', csv, 'q.csv').expect(201);
    expect(up.body.warnings).toContain('Partial year: M 2025 (Q1, Q2 only). It sums only the quarters present, so it is marked partial and is not comparable with full years.');
    const got = await request(app).get(`/api/datasets/${up.body.id}`).set('authorization', auth).expect(200);
    expect(got.body.rows).toEqual([expect.objectContaining({ company: 'M', fiscal_year: 2025, fiscal_year_end: '06-30', capex: 3, quarters: 2 })]);
  });
});
