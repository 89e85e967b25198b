import request from 'supertest';
import type { Express } from 'express';
import type { Store } from '../../src/store/types';
import { seedScenarios } from '../../src/web/routes/scenarios';
import { makeApp, csrfOf } from '../helpers/app';

describe('scenarios › HTTP', () => {
  let app: Express;
  let store: Store;
  beforeAll(async () => {
    ({ app, store } = (await makeApp()) as unknown as { app: Express; store: Store });
  });
  afterAll(async () => store.close());

  test('list › the four built-in scenarios with what each changes', async () => {
    const res = await request(app).get('/scenarios');
    expect(res.status).toBe(200);
    for (const n of ['Base', 'Bull', 'Bear', 'DeepSeek shock']) expect(res.text).toContain(`${n} <span class="badge">built-in</span>`);
    expect(res.text).toContain('Token prices fall 70% a year');
  });

  test('seedScenarios › twice still gives one of each built-in', async () => {
    await seedScenarios(store);
    await seedScenarios(store);
    const all = await store.listScenarios('nobody');
    expect(all.filter((s) => s.builtIn).map((s) => s.name)).toEqual(['Base', 'Bull', 'Bear', 'DeepSeek shock']);
  });

  test('save without a CSRF token › 403, nothing saved', async () => {
    const res = await request(app).post('/scenarios').type('form').send({ name: 'Sneaky', wacc: '0.2' });
    expect(res.status).toBe(403);
  });

  test('save, see, use, delete › in this workspace only', async () => {
    const agent = request.agent(app);
    const page = await agent.get('/scenarios');
    const token = csrfOf(page.text);
    const saved = await agent.post('/scenarios').type('form').send({ _csrf: token, name: 'My case', wacc: '0.12', returnTo: '/datasets/1/report' });
    expect(saved.status).toBe(303);
    expect(saved.headers.location).toMatch(/^\/datasets\/1\/report\?scenario=\d+$/);
    const id = Number(/scenario=(\d+)/.exec(saved.headers.location as string)?.[1]);
    const mine = (await agent.get('/scenarios.json')).body as { id: number; name: string; values: Record<string, number> }[];
    expect(mine.find((s) => s.id === id)).toMatchObject({ name: 'My case', values: { wacc: 0.12 } });
    // Only what the user changed is stored: defaults they left alone are not.
    expect(Object.keys(mine.find((s) => s.id === id)!.values)).toEqual(['wacc']);
    const json = await agent.get(`/datasets/1/report.json?scenario=${id}`);
    expect((json.body.assumptions as { key: string; value: number; source: string }[]).find((a) => a.key === 'wacc_fraction')).toEqual({ key: 'wacc_fraction', value: 0.12, source: 'scenario' });
    const other = (await request(app).get('/scenarios.json')).body as { id: number }[];
    expect(other.some((s) => s.id === id)).toBe(false);
    expect((await request(app).get(`/datasets/1/report.json?scenario=${id}`)).status).toBe(422);
    const del = await agent.post(`/scenarios/${id}/delete`).type('form').send({ _csrf: token });
    expect(del.status).toBe(303);
    expect(((await agent.get('/scenarios.json')).body as { id: number }[]).some((s) => s.id === id)).toBe(false);
  });

  test('bad values or no name › 422 with messages and the typed values shown back', async () => {
    const agent = request.agent(app);
    const token = csrfOf((await agent.get('/scenarios')).text);
    const res = await agent.post('/scenarios').type('form').send({ _csrf: token, name: '', wacc: '-3', gpuUsefulLifeYears: 'zero' });
    expect(res.status).toBe(422);
    expect(res.text).toContain('Give the scenario a name');
    expect(res.text).toMatch(/name="wacc" value="-3"/);
    expect(res.text).toMatch(/GPU \/ server useful life must be a number/);
  });

  test('built-in scenario › cannot be deleted (404)', async () => {
    const agent = request.agent(app);
    const token = csrfOf((await agent.get('/scenarios')).text);
    const base = ((await agent.get('/scenarios.json')).body as { id: number; name: string }[]).find((s) => s.name === 'Base')!;
    expect((await agent.post(`/scenarios/${base.id}/delete`).type('form').send({ _csrf: token })).status).toBe(404);
  });

  test('returnTo elsewhere › ignored, back to /scenarios', async () => {
    const agent = request.agent(app);
    const token = csrfOf((await agent.get('/scenarios')).text);
    const res = await agent.post('/scenarios').type('form').send({ _csrf: token, name: 'x', returnTo: 'https://evil.example/' });
    expect(res.headers.location).toBe('/scenarios');
  });

  test('a scenario name with markup › escaped on the list', async () => {
    const agent = request.agent(app);
    const token = csrfOf((await agent.get('/scenarios')).text);
    await agent.post('/scenarios').type('form').send({ _csrf: token, name: '<script>alert(1)</script>' });
    const page = await agent.get('/scenarios');
    expect(page.text).not.toContain('<script>alert(1)');
    expect(page.text).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });
});
