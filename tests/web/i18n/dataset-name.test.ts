import request from 'supertest';
import { makeApp, csrfOf } from '../../helpers/app';

describe('built-in dataset names', () => {
  test('Korean reader › built-ins carry Korean names on the list and their pages; English keeps the stored names', async () => {
    const { app } = await makeApp();
    const ko = await request(app).get('/?lang=ko').expect(200);
    expect(ko.text).toContain('하이퍼스케일러 설비투자 2022–2026');
    expect(ko.text).toContain('한국 기업 2022–2025 (원화)');
    expect(ko.text).not.toContain('Hyperscaler capex 2022–2026');
    const page = await request(app).get('/datasets/1?lang=ko').expect(200);
    expect(page.text).toContain('하이퍼스케일러 설비투자 2022–2026');
    const en = await request(app).get('/?lang=en').expect(200);
    expect(en.text).toContain('Hyperscaler capex 2022–2026');
    expect(en.text).not.toContain('하이퍼스케일러');
  });

  test('API › the JSON list keeps the stored name whatever the language', async () => {
    const { app } = await makeApp();
    const res = await request(app).get('/api/datasets').set('Accept-Language', 'ko').expect(200);
    expect((res.body as { name: string }[]).map((d) => d.name)).toContain('Hyperscaler capex 2022–2026');
  });

  test('an upload › keeps the name it was given in Korean too', async () => {
    const { app } = await makeApp();
    const agent = request.agent(app);
    const form = await agent.get('/datasets/new?lang=ko').expect(200);
    const token = csrfOf(form.text);
    const up = await agent.post('/datasets/new').field('_csrf', token).field('name', 'My capex').attach('file', Buffer.from('company,fiscal_year,capex\nA,2024,12\n'), 'mine.csv').expect(303);
    const shown = await agent.get(String(up.headers.location)).expect(200);
    expect(shown.text).toContain('My capex');
  });
});
