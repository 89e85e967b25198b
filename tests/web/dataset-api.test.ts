import request from 'supertest';
import { makeApp } from '../helpers/app';

describe('dataset API › rename and delete', () => {
  const mine = 'Bearer dataset-api-token-mine';
  const theirs = 'Bearer dataset-api-token-theirs';

  async function setup() {
    const { app, store } = await makeApp();
    const up = await request(app).post('/api/datasets').set('Authorization', mine).attach('file', Buffer.from('company,fiscal_year,capex\nAcme,2024,1000\n'), 'acme.csv');
    expect(up.status).toBe(201);
    return { app, store, id: up.body.id as number };
  }

  test('PATCH own dataset › renamed, version 2; the list and the rows page show the new name', async () => {
    const { app, store, id } = await setup();
    const res = await request(app).patch(`/api/datasets/${id}`).set('Authorization', mine).send({ name: '  Acme 2024 후  ' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id, name: 'Acme 2024 후', version: 2, rowCount: 1 });
    const list = await request(app).get('/api/datasets').set('Authorization', mine);
    expect((list.body as { id: number; name: string }[]).find((d) => d.id === id)?.name).toBe('Acme 2024 후');
    await store.close();
  });

  test.each([
    [{ name: '' }, 'give the dataset a name'],
    [{ name: 'x'.repeat(201) }, 'at most 200 characters'],
    [{ name: 'a\tb' }, 'no control characters'],
    [{}, 'name'],
  ])('PATCH with %j › 422 naming the problem, the name kept', async (body, message) => {
    const { app, store, id } = await setup();
    const res = await request(app).patch(`/api/datasets/${id}`).set('Authorization', mine).send(body);
    expect(res.status).toBe(422);
    expect(JSON.stringify(res.body.problems)).toContain(message);
    const list = await request(app).get('/api/datasets').set('Authorization', mine);
    expect((list.body as { id: number; name: string }[]).find((d) => d.id === id)?.name).toBe('acme');
    await store.close();
  });

  test('PATCH or DELETE another workspace’s dataset, a built-in or a bad id › 404, nothing changes', async () => {
    const { app, store, id } = await setup();
    const builtIn = (await store.listDatasets('any')).find((d) => d.builtIn)!;
    expect((await request(app).patch(`/api/datasets/${id}`).set('Authorization', theirs).send({ name: 'Mine now' })).status).toBe(404);
    expect((await request(app).delete(`/api/datasets/${id}`).set('Authorization', theirs)).status).toBe(404);
    expect((await request(app).patch(`/api/datasets/${builtIn.id}`).set('Authorization', mine).send({ name: 'Mine now' })).status).toBe(404);
    expect((await request(app).delete(`/api/datasets/${builtIn.id}`).set('Authorization', mine)).status).toBe(404);
    expect((await request(app).delete('/api/datasets/12abc').set('Authorization', mine)).status).toBe(404);
    expect((await request(app).get(`/api/datasets/${id}`).set('Authorization', mine)).body.name).toBe('acme');
    expect(await store.getDataset(builtIn.id, 'any')).toEqual(builtIn);
    await store.close();
  });

  test('DELETE own dataset › 204, then 404 for its rows, report and a second delete', async () => {
    const { app, store, id } = await setup();
    expect((await request(app).delete(`/api/datasets/${id}`).set('Authorization', mine)).status).toBe(204);
    expect((await request(app).get(`/api/datasets/${id}`).set('Authorization', mine)).status).toBe(404);
    expect((await request(app).get(`/datasets/${id}/report.json`).set('Authorization', mine)).status).toBe(404);
    expect((await request(app).delete(`/api/datasets/${id}`).set('Authorization', mine)).status).toBe(404);
    await store.close();
  });
});
