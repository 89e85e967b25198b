import request from 'supertest';
import { makeApp, csrfOf } from '../helpers/app';

/** A browser-like agent that has uploaded one small company dataset; returns its page path. */
async function withUpload() {
  const made = await makeApp();
  const agent = request.agent(made.app);
  const page = await agent.get('/datasets/new').expect(200);
  const token = csrfOf(page.text);
  const res = await agent.post('/datasets/new').field('_csrf', token).field('name', 'Mine').attach('file', Buffer.from('company,fiscal_year,capex\nA,2024,100\n'), 'mine.csv').expect(303);
  const path = res.headers.location as string;
  const show = await agent.get(path).expect(200);
  const csrf = csrfOf(show.text);
  return { ...made, agent, path, csrf, show: show.text };
}

describe('your datasets › rename and delete', () => {
  test('rename › the new name shows on the page and in the list', async () => {
    const { agent, path, csrf } = await withUpload();
    await agent.post(`${path}/rename`).type('form').send({ _csrf: csrf, name: '  Capex plan <v2>  ' }).expect(303).expect('Location', path);
    const page = await agent.get(path).expect(200);
    expect(page.text).toContain('Capex plan &lt;v2&gt;');
    const list = await agent.get('/').expect(200);
    expect(list.text).toContain('Capex plan &lt;v2&gt;');
    expect(list.text).not.toContain('>Mine<');
  });

  test('rename › an empty name is a 422 naming the field; nothing changes', async () => {
    const { agent, path, csrf } = await withUpload();
    const res = await agent.post(`${path}/rename`).type('form').send({ _csrf: csrf, name: '   ' }).expect(422);
    expect(res.text).toContain('cannot be empty');
    expect((await agent.get(path)).text).toContain('Mine');
  });

  test('delete › the dataset is gone (404) and off the list', async () => {
    const { agent, path, csrf } = await withUpload();
    await agent.post(`${path}/delete`).type('form').send({ _csrf: csrf }).expect(303).expect('Location', '/');
    await agent.get(path).expect(404);
    expect((await agent.get('/')).text).not.toContain('>Mine<');
  });

  test('built-ins › no rename or delete form, and a forged post is refused (403)', async () => {
    const { agent, csrf } = await withUpload();
    const builtIn = await agent.get('/datasets/1').expect(200);
    expect(builtIn.text).not.toContain('/datasets/1/delete');
    await agent.post('/datasets/1/delete').type('form').send({ _csrf: csrf }).expect(403);
    await agent.get('/datasets/1').expect(200);
  });

  test('another workspace › cannot rename or delete (404), and without a CSRF token it is refused', async () => {
    const { app, path, csrf } = await withUpload();
    const other = request.agent(app);
    await other.get('/').expect(200);
    const form = await other.get('/datasets/new');
    const otherCsrf = csrfOf(form.text);
    await other.post(`${path}/delete`).type('form').send({ _csrf: decodeURIComponent(otherCsrf) }).expect(404);
    await request(app).post(`${path}/delete`).type('form').send({ _csrf: csrf }).expect(403);
  });
});
