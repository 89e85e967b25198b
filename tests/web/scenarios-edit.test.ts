import request from 'supertest';
import type { Express } from 'express';
import type { Store } from '../../src/store/types';
import { makeApp, csrfOf } from '../helpers/app';

describe('scenarios › headline results, edit and rename', () => {
  let app: Express;
  let store: Store;
  let datasetId: number;
  beforeAll(async () => {
    ({ app, store } = (await makeApp()) as unknown as { app: Express; store: Store });
    datasetId = ((await request(app).get('/api/datasets')).body as { id: number; kind: string }[]).find((d) => d.kind === 'company')!.id;
  });
  afterAll(async () => store.close());

  test('list › each scenario shows its results on the chosen dataset, equal to the comparison’s', async () => {
    const page = await request(app).get(`/scenarios?dataset=${datasetId}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('data-table="headline"');
    const cmp = (await request(app).get(`/datasets/${datasetId}/compare.json?scenarios=bull`)).body as { rows: { company: string; npv_usd: number }[] };
    // The Bull card's first NPV cell is the comparison's first Bull NPV, formatted.
    const bullCard = page.text.slice(page.text.indexOf('Bull <span class="badge">'));
    const firstNpv = /<td translate="no">([^<]+)<\/td><td class="num">([^<]+)<\/td>/.exec(bullCard);
    expect(firstNpv?.[1]).toBe(cmp.rows[0]?.company);
    expect(firstNpv?.[2]).toMatch(/^−?\$[0-9.]+[BT]$/);
    expect(page.text.replace(/&#x3D;/g, "=")).toContain(`href="/datasets/${datasetId}/report?scenario=`);
  });

  test('edit › rename and change a value; the report under it follows; another workspace cannot', async () => {
    const agent = request.agent(app);
    const token = csrfOf((await agent.get('/scenarios')).text);
    const saved = await agent.post('/scenarios').type('form').send({ _csrf: token, name: 'Draft', wacc: '0.12' });
    expect(saved.status).toBe(303);
    const mine = ((await agent.get('/scenarios.json')).body as { id: number; name: string }[]).find((s) => s.name === 'Draft')!;
    const form = await agent.get(`/scenarios/${mine.id}/edit`);
    expect(form.status).toBe(200);
    expect(form.text).toContain(`action="/scenarios/${mine.id}"`);
    expect(form.text).toMatch(/name="wacc" value="0.12"/);
    const upd = await agent.post(`/scenarios/${mine.id}`).type('form').send({ _csrf: token, name: 'Tight money <b>', wacc: '0.14' });
    expect(upd.status).toBe(303);
    const after = ((await agent.get('/scenarios.json')).body as { id: number; name: string; values: Record<string, number> }[]).find((s) => s.id === mine.id)!;
    expect(after).toMatchObject({ name: 'Tight money <b>', values: { wacc: 0.14 } });
    expect((await agent.get('/scenarios')).text).toContain('Tight money &lt;b&gt;');
    const json = await agent.get(`/datasets/${datasetId}/report.json?scenario=${mine.id}`);
    expect((json.body.assumptions as { key: string; value: number }[]).find((a) => a.key === 'wacc_fraction')?.value).toBe(0.14);
    // Another workspace (no cookie) sees no such scenario to edit.
    expect((await request(app).get(`/scenarios/${mine.id}/edit`)).status).toBe(404);
  });

  test('edit › bad values 422 with the form kept; built-ins cannot be edited (404)', async () => {
    const agent = request.agent(app);
    const token = csrfOf((await agent.get('/scenarios')).text);
    await agent.post('/scenarios').type('form').send({ _csrf: token, name: 'Keep', wacc: '0.1' });
    const list = (await agent.get('/scenarios.json')).body as { id: number; name: string; builtIn: boolean }[];
    const keep = list.find((s) => s.name === 'Keep')!;
    const bad = await agent.post(`/scenarios/${keep.id}`).type('form').send({ _csrf: token, name: '', wacc: '-3' });
    expect(bad.status).toBe(422);
    expect(bad.text).toContain('Give the scenario a name');
    expect(((await agent.get('/scenarios.json')).body as { id: number; name: string }[]).find((s) => s.id === keep.id)?.name).toBe('Keep');
    const base = list.find((s) => s.builtIn)!;
    expect((await agent.get(`/scenarios/${base.id}/edit`)).status).toBe(404);
    expect((await agent.post(`/scenarios/${base.id}`).type('form').send({ _csrf: token, name: 'Mine now' })).status).toBe(404);
  });

  test('store › updateScenario changes only this workspace’s saved scenario', async () => {
    const s = await store.saveScenario({ name: 'A', workspace: 'w1', values: { wacc: 0.1 } });
    expect(await store.updateScenario(s.id, 'w2', { name: 'B', values: {} })).toBeNull();
    expect(await store.updateScenario(s.id, 'w1', { name: 'B', values: { taxRate: 0.3 } })).toMatchObject({ id: s.id, name: 'B', values: { taxRate: 0.3 } });
  });
});
