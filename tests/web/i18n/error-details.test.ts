import request from 'supertest';
import { makeApp, csrfOf } from '../../helpers/app';
import { englishRuns, visibleText } from './visible-text';

const KO = 'ko-KR,ko;q=0.9';

describe('error pages in Korean', () => {
  test('404 › the English detail ("No dataset 999") gives way to the Korean title and body; English keeps it', async () => {
    const { app } = await makeApp();
    const ko = await request(app).get('/datasets/999').set('Accept-Language', KO).expect(404);
    expect(ko.text).not.toContain('No dataset 999');
    expect(visibleText(ko.text)).toContain('찾을 수 없음');
    const en = await request(app).get('/datasets/999').set('Accept-Language', 'en').expect(404);
    expect(en.text).toContain('No dataset 999');
  });

  test('403 › renaming a built-in says why in Korean', async () => {
    const { app } = await makeApp();
    const agent = request.agent(app);
    const page = await agent.get('/datasets/new?lang=ko').expect(200);
    const token = csrfOf(page.text);
    const res = await agent.post('/datasets/1/rename').type('form').send({ _csrf: token, name: 'x' }).expect(403);
    const text = visibleText(res.text);
    expect(text).toContain('내장 데이터는 이름을 바꾸거나 지울 수 없습니다');
    expect(englishRuns(text)).toEqual([]);
  });

  test('429 › the upload limit in Korean names the limit', async () => {
    const { app } = await makeApp({ UPLOADS_PER_MINUTE: '1' });
    const agent = request.agent(app);
    const page = await agent.get('/datasets/new?lang=ko').expect(200);
    const token = csrfOf(page.text);
    const send = () => agent.post('/datasets/new').field('_csrf', token).attach('file', Buffer.from('company,fiscal_year,capex\nA,2024,1\n'), 'a.csv');
    await send();
    const res = await send();
    expect(res.status).toBe(429);
    const text = visibleText(res.text);
    expect(text).toContain('1분에 최대 1번까지입니다');
    expect(englishRuns(text)).toEqual([]);
  });

  test('JSON errors › stay in English with their codes (an API)', async () => {
    const { app } = await makeApp();
    const res = await request(app).get('/datasets/999/report.json').set('Accept-Language', KO).expect(404);
    expect(res.body.error).toEqual({ code: 'not_found', message: 'No dataset 999' });
  });
});
