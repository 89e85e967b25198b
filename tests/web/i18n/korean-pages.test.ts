import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { makeApp, csrfOf } from '../../helpers/app';
import { englishRuns, visibleText } from './visible-text';
import { messages } from '../../../src/web/i18n';

/** Every leaf key of a locale file, with its plural suffix dropped. */
function keysOf(obj: Record<string, unknown>, prefix = ''): string[] {
  return Object.entries(obj).flatMap(([k, v]) => (typeof v === 'object' && v !== null ? keysOf(v as Record<string, unknown>, `${prefix}${k}.`) : [`${prefix}${k}`.replace(/_(one|other)$/, '')]));
}

describe('Korean pages', () => {
  test('visibleText › leaves out code, scripts and translate="no"', () => {
    const html = '<p>보고서 <code>capex_usd</code> <span translate="no">Hyperscaler capex data</span><script>var a = "Some English words";</script></p>';
    expect(visibleText(html).trim()).toBe('보고서');
    expect(englishRuns('한국어 Open the report 보기')).toEqual(['Open the report']);
  });

  test('visibleText › keeps the title and the attributes people read (aria-label, placeholder, title, alt)', () => {
    const html = '<title>Company report</title><input placeholder="scenario name here"><section aria-label="Assumptions used here"><p translate="no" title="data as typed">x</p></section>';
    const text = visibleText(html);
    for (const part of ['Company report', 'scenario name here', 'Assumptions used here']) expect(text).toContain(part);
    expect(text).not.toContain('data as typed');
  });

  // Every page a reader reaches, one file per area in ./pages (each exports PAGES: [url, status][]).
  const dir = path.join(__dirname, 'pages');
  const PAGES: [string, number][] = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.ts'))
    .sort()
    .flatMap((f) => (require(path.join(dir, f)) as { PAGES: [string, number][] }).PAGES);

  test('pages › the list covers the areas of the app', () => {
    expect(PAGES.length).toBeGreaterThanOrEqual(10);
  });

  test.each(PAGES)('%s in Korean › <html lang="ko"> and no English UI text left', async (url, status) => {
    const { app } = await makeApp();
    const res = await request(app).get(url).set('Accept-Language', 'ko-KR,ko;q=0.9,en;q=0.5').expect(status);
    expect(res.text).toContain('<html lang="ko">');
    expect(englishRuns(visibleText(res.text))).toEqual([]);
  });

  test('upload 422 in Korean › the problems table speaks Korean, values as found', async () => {
    const { app } = await makeApp();
    const agent = request.agent(app);
    const form = await agent.get('/datasets/new?lang=ko').expect(200);
    const token = csrfOf(form.text);
    const res = await agent.post('/datasets/new').field('_csrf', token).attach('file', Buffer.from('company,fiscal_year,capex\nA,2024,12abc\n'), 'bad.csv');
    expect(res.status).toBe(422);
    const text = visibleText(res.text);
    expect(text).toContain('숫자로 읽을 수 없습니다');
    expect(res.text).toContain('<code>12abc</code>');
    expect(englishRuns(text)).toEqual([]);
  });

  test('language › ?lang=en wins over Accept-Language and is remembered in a cookie', async () => {
    const { app } = await makeApp();
    const agent = request.agent(app);
    const first = await agent.get('/?lang=en').set('Accept-Language', 'ko').expect(200);
    expect(first.text).toContain('<html lang="en">');
    expect(String(first.headers['set-cookie'])).toMatch(/capexlens\.lang=en/);
    const next = await agent.get('/datasets/new').set('Accept-Language', 'ko').expect(200);
    expect(next.text).toContain('<html lang="en">');
  });

  test('locale files › Korean has every English key, and every {{t}} key in views exists', () => {
    const en = new Set(keysOf(messages('en')));
    const ko = new Set(keysOf(messages('ko')));
    expect([...en].filter((k) => !ko.has(k))).toEqual([]);
    const root = path.join(__dirname, '..', '..', '..', 'views');
    const files: string[] = [];
    const walk = (d: string): void => {
      for (const e of fs.readdirSync(d, { withFileTypes: true })) e.isDirectory() ? walk(path.join(d, e.name)) : files.push(path.join(d, e.name));
    };
    walk(root);
    const used = files.flatMap((f) => [...fs.readFileSync(f, 'utf8').matchAll(/\(?\bt "([a-zA-Z0-9_.-]+)"/g)].map((m) => m[1] as string));
    expect(used.length).toBeGreaterThan(50);
    expect(used.filter((k) => !en.has(k))).toEqual([]);
  });
});
