import request from 'supertest';
import { hasMessage } from '../../src/i18n';
import { ASSUMPTION_DEFS, assumptionText, parseAssumptions } from '../../src/report/assumptions';
import { formFields, sourceLabel } from '../../src/report/form';
import { parseMcInputs } from '../../src/report/mc-inputs';
import { compileMetrics } from '../../src/report/metrics';
import { makeApp, csrfOf } from '../helpers/app';
import { englishRuns, visibleText } from './i18n/visible-text';

const KO = 'ko-KR,ko;q=0.9';

/** The assumptions form of a page, and one field's label block in it. */
const formOf = (html: string) => /<section class="assumptions-block[\s\S]*?<\/section>/.exec(html)?.[0] ?? '';
const fieldOf = (html: string, key: string) => new RegExp(`<label for="f-${key.replace('.', '\\.')}"[\\s\\S]*?</label>`).exec(html)?.[0] ?? '';
const problemsOf = (html: string) => /<table class="data problems">([\s\S]*?)<\/table>/.exec(html)?.[1] ?? '';

describe('assumptions in Korean › definitions and messages', () => {
  test('every assumption has a Korean label and help of its own; English reads as before', () => {
    for (const def of ASSUMPTION_DEFS) {
      expect(hasMessage('ko', `assumptions.field.${def.key}.label`)).toBe(true);
      expect(hasMessage('ko', `assumptions.field.${def.key}.help`)).toBe(true);
      const ko = assumptionText(def, 'ko');
      expect(ko.label).not.toBe(def.label);
      expect(englishRuns(ko.help)).toEqual([]);
    }
    const wacc = ASSUMPTION_DEFS.find((d) => d.key === 'wacc')!;
    expect(wacc.label).toBe('Discount rate (WACC)');
    expect(assumptionText(wacc, 'ko').label).toBe('할인율(WACC)');
    expect(ASSUMPTION_DEFS.find((d) => d.key === 'mcTrials')!.help).toMatch(/^Trials per company, at most 20,000\./);
  });

  test('a bad value › the field named by its Korean label, the rule in Korean; English unchanged', () => {
    expect(parseAssumptions({ wacc: 'abc' }, undefined, 'ko').problems[0]?.message).toBe('할인율(WACC): 숫자여야 합니다');
    expect(parseAssumptions({ taxRate: '1' }, undefined, 'ko').problems[0]?.message).toBe('법인세율: 0 이상 1 미만의 값이어야 합니다');
    expect(parseAssumptions({ horizonYears: '2.5' }, undefined, 'ko').problems[0]?.message).toBe('분석 기간: 정수(년)여야 합니다');
    expect(parseAssumptions({ capacityAfterData: 'forever' }, undefined, 'ko').problems[0]?.message).toBe('데이터 이후: run-off, sustain 중 하나여야 합니다');
    expect(parseAssumptions({ wacc: 'abc' }).problems[0]?.message).toBe('Discount rate (WACC) must be a number');
    expect(parseAssumptions({ wacc: '-1' }).problems[0]?.message).toBe('Discount rate (WACC) must be greater than -1 and at most 1');
  });

  test('Monte Carlo inputs › problems in Korean, keys as typed', () => {
    expect(parseMcInputs({ 'mc.wacc': 'normal(0.09)' }, 'ko').problems[0]?.message).toBe('mc.wacc: normal에는 숫자 2개(mean, sd)가 필요한데 1개를 받았습니다.');
    expect(parseMcInputs({ 'mc.wacc': 'normal(0.09)' }).problems[0]?.message).toBe('mc.wacc: normal takes 2 numbers (mean, sd), got 1.');
    expect(parseMcInputs({ mcCorrelations: 'wacc wacc 0.5' }, 'ko').problems[0]?.message).toBe('mcCorrelations "wacc wacc 0.5": 쌍에는 서로 다른 두 입력이 필요합니다.');
  });

  test('custom metrics › refusals in Korean, the formula’s names as written; English unchanged', () => {
    const columns = ['ai_revenue_usd', 'ai_capex_usd'];
    const refusal = (expression: string, lang?: 'ko') => {
      const r = compileMetrics([{ name: 'm', expression }], columns, lang);
      return r.kind === 'invalid' ? r.problems[0]?.message : null;
    };
    expect(refusal('revenue / ai_capex_usd', 'ko')).toMatch(/^metric\.m: `revenue`: 현금흐름표의 열이 아닙니다\. 수식에는 현금흐름표의 열, 숫자/);
    expect(refusal('max()', 'ko')).toMatch(/^metric\.m: max에는 인수 1~16개가 필요한데 0개를 받았습니다\./);
    expect(refusal('a = 1', 'ko')).toMatch(/쓸 수 없는 표현입니다: 대입\(`=`\)/);
    expect(refusal('sqrt(1, 2)')).toMatch(/^metric\.m: sqrt takes 1 argument, got 2\. A formula may use/);
    expect(refusal('max()')).toMatch(/^metric\.m: max takes 1 to 16 arguments, got 0\./);
  });

  test('form fields › sources and choices in Korean, values unchanged', () => {
    const parsed = parseAssumptions({ wacc: '0.1' });
    const fields = formFields(ASSUMPTION_DEFS, parsed, undefined, 'ko');
    const wacc = fields.find((f) => f.key === 'wacc')!;
    expect([wacc.label, wacc.text, wacc.sourceLabel]).toEqual(['할인율(WACC)', '0.1', '직접 입력']);
    expect(fields.find((f) => f.key === 'taxRate')!.sourceLabel).toBe('기본값');
    expect(fields.find((f) => f.key === 'capacityAfterData')!.choices).toEqual([
      { value: 'run-off', label: '런오프', selected: true },
      { value: 'sustain', label: '유지', selected: false },
    ]);
    expect(sourceLabel('scenario', 'Bull', 'ko')).toBe('시나리오 “Bull”');
  });
});

describe('assumptions in Korean › pages', () => {
  test('422 of the company report › problems name the fields by Korean labels with Korean rules; a bad value is the reader’s, not a default', async () => {
    const { app } = await makeApp();
    const res = await request(app).get('/datasets/1/report?wacc=abc&taxRate=2').set('Accept-Language', KO);
    expect(res.status).toBe(422);
    const table = problemsOf(res.text);
    expect(table).toContain('<td>할인율(WACC)</td>');
    expect(table).toContain('할인율(WACC): 숫자여야 합니다');
    expect(table).toContain('법인세율: 0 이상 1 미만의 값이어야 합니다');
    const wacc = fieldOf(res.text, 'wacc');
    expect(wacc).toContain('value="abc"');
    expect(wacc).toContain('출처: 직접 입력(잘못된 값, 쓰지 않음)');
    expect(wacc).not.toContain('기본값');
    expect(fieldOf(res.text, 'horizonYears')).toContain('출처: 기본값');
    // The whole form, its help (title) and placeholders included, has no English sentence left.
    expect(englishRuns(visibleText(formOf(res.text)))).toEqual([]);
    expect(englishRuns(visibleText(table))).toEqual([]);
    // The API keeps the key (what a script sends) and English messages, whatever the reader's language.
    const j = await request(app).get('/datasets/1/report.json?wacc=abc').set('Accept-Language', KO);
    expect(j.status).toBe(422);
    expect(j.body.problems[0]).toMatchObject({ column: 'wacc', value: 'abc', message: 'Discount rate (WACC) must be a number' });
  });

  test('the Korean companies’ report form › won chosen by the data, in Korean words', async () => {
    const { app } = await makeApp();
    const res = await request(app).get('/datasets/3/report?metricNew=oops').set('Accept-Language', KO);
    expect(res.status).toBe(422);
    const currency = fieldOf(res.text, 'reportingCurrency');
    expect(currency).toContain('<option value="KRW" selected>원(KRW)</option>');
    expect(currency).toContain('출처: 데이터');
    expect(problemsOf(res.text)).toContain('새 지표는 이름 &#x3D; 수식 꼴로 쓰세요');
    const form = formOf(res.text);
    for (const word of ['다시 계산', '기본값으로', '시나리오 저장', '몬테카를로 분포: 할인율(WACC)', '지표 더하기']) expect(visibleText(form)).toContain(word);
    expect(englishRuns(visibleText(form))).toEqual([]);
  });

  test('a built-in scenario › named in Korean in the select and in the sources of the values it sets', async () => {
    const { app } = await makeApp();
    const res = await request(app).get('/datasets/1/report?scenario=2&wacc=x').set('Accept-Language', KO);
    const select = /<select name="scenario">[\s\S]*?<\/select>/.exec(res.text)?.[0] ?? '';
    expect(select).toContain('<option value="2" selected>낙관 (내장)</option>');
    expect(res.text).toMatch(/<span class="source source-scenario">출처: 시나리오 “낙관”<\/span>/);
  });

  test('won style › ?won=short writes the Korean summary’s won as the tables do', async () => {
    const { app } = await makeApp();
    const exact = await request(app).get('/datasets/3/report').set('Accept-Language', KO).expect(200);
    const short = await request(app).get('/datasets/3/report?won=short').set('Accept-Language', KO).expect(200);
    const summaryOf = (html: string) => /<section class="summary"[\s\S]*?<\/section>/.exec(html)?.[0] ?? '';
    expect(summaryOf(exact.text)).toMatch(/\d조 [\d,]+억원/);
    expect(summaryOf(short.text)).toMatch(/\d\.\d+조원/);
    expect(summaryOf(short.text)).not.toMatch(/\d조 [\d,]+억원/);
  });

  test('English readers › the same form reads as before', async () => {
    const { app } = await makeApp();
    const res = await request(app).get('/datasets/1/report?wacc=abc&lang=en');
    const form = formOf(res.text);
    expect(form).toContain('Recompute');
    expect(form).toContain('Reset to defaults');
    expect(fieldOf(res.text, 'wacc')).toContain('Discount rate (WACC)');
    expect(fieldOf(res.text, 'taxRate')).toContain('from: default');
    expect(fieldOf(res.text, 'capacityAfterData')).toContain('<option value="run-off" selected>run-off</option>');
    expect(fieldOf(res.text, 'mc.wacc')).toContain('Monte Carlo: wacc');
  });

  test('scenarios page › its form in Korean, a bad value named in Korean', async () => {
    const { app } = await makeApp();
    const agent = request.agent(app);
    const page = await agent.get('/scenarios').set('Accept-Language', KO).expect(200);
    expect(fieldOf(page.text, 'wacc')).toContain('할인율(WACC)');
    const token = csrfOf(page.text);
    const res = await agent.post('/scenarios').set('Accept-Language', KO).type('form').send({ _csrf: token, name: 'mine', wacc: 'abc' });
    expect(res.status).toBe(422);
    expect(res.text).toContain('할인율(WACC): 숫자여야 합니다');
  });
});
