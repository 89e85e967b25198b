import request from 'supertest';
import { parse } from 'csv-parse/sync';
import { makeApp } from '../helpers/app';
import { englishRuns, visibleText } from './i18n/visible-text';

/** The built-in Korean dataset's id (seeded after the hyperscalers and the model costs). */
async function koreaId(app: Parameters<typeof request>[0]): Promise<number> {
  const list = (await request(app).get('/api/datasets')).body as { id: number; name: string }[];
  const found = list.find((d) => d.name.startsWith('Korean companies'));
  if (!found) throw new Error('Korean built-in dataset missing');
  return found.id;
}

/**
 * The page without the assumptions form (its Korean comes with a change of its own): what is left
 * is the report page's own text and its summaries.
 */
function ownParts(html: string): string {
  const form = html.indexOf('<section class="assumptions-block');
  if (form < 0) return html;
  return html.slice(0, form) + html.slice(html.indexOf('</section>', form) + '</section>'.length);
}

/** The JSON of every chart on the page. */
function chartsOf(html: string): { type: string; data: { labels: unknown[]; datasets: { label: string; backgroundColor?: unknown; data: unknown[] }[] }; options: { scales?: Record<string, { title?: { text: string } }>; meta: { heightPx?: number } } }[] {
  return [...html.matchAll(/<script type="application\/json" class="chart-data" data-canvas="([^"]+)">([\s\S]*?)<\/script>/g)].map((m) => JSON.parse(m[2] as string));
}

describe('company report page in Korean', () => {
  test('hyperscalers › titles, labels, notes, metrics and charts in Korean; no English left in its own text', async () => {
    const { app } = await makeApp();
    const res = await request(app).get('/datasets/1/report').set('Accept-Language', 'ko').expect(200);
    expect(res.text).toContain('<html lang="ko">');
    const text = visibleText(ownParts(res.text));
    for (const words of ['회사 비교', '순현재가치(NPV)', '내부수익률(IRR)', '회수기간(년)', '연도별 설비투자', '연도별 AI 투자', '빈티지별 감가상각', '몬테카를로', '기업 보고서', '가정 키 값 출처', '기본값', '데이터 이후 런오프']) {
      expect(text).toContain(words);
    }
    expect(englishRuns(text)).toEqual([]);
    // Data keeps its own name, marked so that no translator touches it.
    expect(res.text).toContain('<h1><span translate="no">하이퍼스케일러 설비투자 2022–2026</span>: AI 설비투자는 회수되는가?</h1>');
    const charts = chartsOf(res.text);
    expect(charts.length).toBeGreaterThan(10);
    for (const c of charts) for (const d of c.data.datasets) expect(englishRuns(d.label)).toEqual([]);
    expect(res.text).toContain('<figcaption>NPV 민감도(토네이도)</figcaption>');
  });

  test('tornado on the page › green raises NPV, red lowers it, a legend says so, every label whole with room for it', async () => {
    const { app } = await makeApp();
    for (const lang of ['ko', 'en']) {
      const res = await request(app).get(`/datasets/1/report?lang=${lang}`).expect(200);
      const tornado = [...res.text.matchAll(/data-canvas="chart-[^"]+-tornado">([\s\S]*?)<\/script>/g)].map((m) => JSON.parse(m[1] as string))[0];
      const [up, down] = tornado.data.datasets as { label: string; backgroundColor: string; data: number[] }[];
      expect(up?.label).toBe(lang === 'ko' ? 'NPV를 높임' : 'Raises NPV');
      expect(down?.label).toBe(lang === 'ko' ? 'NPV를 낮춤' : 'Lowers NPV');
      expect(up?.backgroundColor).toBe('#3a8f5c');
      expect(down?.backgroundColor).toBe('#b5482f');
      expect(up?.data.every((x) => x >= 0)).toBe(true);
      expect(down?.data.every((x) => x <= 0)).toBe(true);
      expect(tornado.options.plugins.legend.display).toBe(true);
      expect(tornado.options.scales.y.ticks.autoSkip).toBe(false);
      expect(tornado.data.labels.length).toBeGreaterThanOrEqual(8);
      // Room for each bar: at least 26 px a bar (print.css's fixed 230 px would cut 12 bars).
      expect(tornado.options.meta.heightPx).toBeGreaterThanOrEqual(26 * tornado.data.labels.length);
    }
  });

  test('Korean companies › amounts in won words, no dollar sign in the tables', async () => {
    const { app } = await makeApp();
    const id = await koreaId(app);
    const res = await request(app).get(`/datasets/${id}/report`).set('Accept-Language', 'ko').expect(200);
    const comparison = res.text.slice(res.text.indexOf('<table class="data" id="table-comparison">'), res.text.indexOf('</table>', res.text.indexOf('id="table-comparison"')));
    expect(comparison).toMatch(/\d조( [\d,]+억)?원|[\d,]+억원/);
    expect(comparison).not.toMatch(/\$\d|₩\d/);
    const tables = res.text.slice(res.text.indexOf('<section class="company"'));
    expect(tables).not.toMatch(/\$\d/);
    expect(res.text).toContain('AI 설비투자 1원당 NPV');
    expect(englishRuns(visibleText(ownParts(res.text)))).toEqual([]);
  });

  test('a built-in scenario › named in Korean on the page (기본), its stored name in the CSV', async () => {
    const { app, store } = await makeApp();
    const base = (await store.listScenarios('any-workspace')).find((s) => s.builtIn && s.name === 'Base');
    expect(base).toBeDefined();
    const page = await request(app).get(`/datasets/1/report?scenario=${base?.id}&lang=ko`).expect(200);
    expect(page.text).toContain('시나리오 “<span translate="no">기본</span>”');
    const en = await request(app).get(`/datasets/1/report?scenario=${base?.id}&lang=en`).expect(200);
    expect(en.text).toContain('scenario “<span translate="no">Base</span>”');
    const csv = await request(app).get(`/datasets/1/report.csv?scenario=${base?.id}&lang=ko`).expect(200);
    expect(csv.text).toContain('"# scenario","Base","사용자 입력"');
  });

  test('a bad assumption › the 422 page’s own headings in Korean', async () => {
    const { app } = await makeApp();
    const res = await request(app).get('/datasets/1/report?wacc=abc').set('Accept-Language', 'ko').expect(422);
    expect(res.text).toContain('사용할 수 없는 가정이 있습니다');
    const head = res.text.slice(0, res.text.indexOf('<section class="assumptions-block'));
    expect(englishRuns(visibleText(head.replace(/<table class="data problems">[\s\S]*?<\/table>/, '')))).toEqual([]);
  });

  test('CSV › keys English, sources and text cells in the reader’s language', async () => {
    const { app } = await makeApp();
    const ko = await request(app).get('/datasets/1/report.csv?table=comparison&lang=ko').expect(200);
    const en = await request(app).get('/datasets/1/report.csv?table=comparison&lang=en').expect(200);
    const read = (csv: string) => parse(csv.replace(/^\uFEFF/, ''), { relax_column_count: true }) as string[][];
    const koRows = read(ko.text);
    const enRows = read(en.text);
    const line = (rows: string[][], key: string) => rows.find((r) => r[0] === `# ${key}`);
    expect(line(koRows, 'wacc_fraction')?.[2]).toBe('기본값');
    expect(line(enRows, 'wacc_fraction')?.[2]).toBe('default');
    expect(line(koRows, 'gpu_useful_life_years')?.[2]).toBe('데이터, 없으면 기본값');
    expect(line(enRows, 'gpu_useful_life_years')?.[2]).toBe('data, else default');
    expect(line(koRows, 'dataset')?.[2]).toBe('데이터');
    // Column keys are an API: the same in both languages.
    const header = (rows: string[][]) => rows.find((r) => r[0] === 'company');
    expect(header(koRows)).toEqual(header(enRows));
    expect(header(koRows)).toContain('irr_status');
    const body = (rows: string[][]) => rows.slice(rows.indexOf(header(rows) as string[]) + 1);
    const col = (header(koRows) as string[]).indexOf('includes_guidance');
    expect(body(enRows).map((r) => r[col])).toContain('none in the data');
    expect(body(koRows).map((r) => r[col])).toContain('데이터에 없음');
    expect(body(koRows).some((r) => /^예: FY\d{4}/.test(r[col] as string))).toBe(true);
  });

  test('English › the page reads as before', async () => {
    const { app } = await makeApp();
    const res = await request(app).get('/datasets/1/report?lang=en').expect(200);
    expect(res.text).toContain('<html lang="en">');
    expect(res.text).toContain(': does the AI capex pay back?');
    expect(res.text).toContain('<h2>Companies compared</h2>');
    expect(res.text).toContain('Every NPV is valued at <strong>2022-06-30</strong>');
  });
});
