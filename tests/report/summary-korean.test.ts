import fs from 'node:fs';
import path from 'node:path';
import { ingestBuffer } from '../../src/ingest';
import { parseAssumptions } from '../../src/report/assumptions';
import { buildCompanyModel } from '../../src/report/company-model';
import { buildCompanyReport, type CompanyReport } from '../../src/report/company-report';
import { applyDataDefaults } from '../../src/report/data-defaults';
import { depreciationLens } from '../../src/report/depreciation-lens';
import { companySummary, overallSummary } from '../../src/report/summary';
import { irrClauseKo, withParticle } from '../../src/report/summary-ko';
import { valuation } from '../../src/report/valuation';
import type { Row } from '../../src/store/types';
import { formatReportCell } from '../../src/web/helpers/report-cell';
import { acmeParsed, acmeRows } from './fixtures';

const KO = { lang: 'ko', won: 'exact' } as const;

function builtIn(file: string): Row[] {
  const r = ingestBuffer(fs.readFileSync(path.join(__dirname, '..', '..', 'data', file)), { kind: 'company' });
  if (!r.ok) throw new Error(`${file} does not load`);
  return [...r.rows];
}

/** A cell of the comparison table by company and column key, as the table prints it in Korean. */
function tableText(report: CompanyReport, company: string, key: string, format: string): string {
  const t = report.tables.comparison;
  const row = t.rows.find((r) => r[0] === company);
  // A report in won names its money columns _krw (report/currency.ts).
  const col = t.columns.findIndex((c) => c.key === key || c.key === key.replace(/_usd$/, `_${report.currency.toLowerCase()}`));
  if (!row || col < 0) throw new Error(`no ${key} for ${company}`);
  return formatReportCell(row[col], format, report.currency, KO);
}

/** Runs of three English words, as the Korean page walk finds them (company names aside). */
const englishRun = /\b[A-Za-z]{2,}(?:[ '’-]+[A-Za-z]{2,}){2,}\b/;

describe('Korean summary › the built-in hyperscaler report', () => {
  const rows = builtIn('hyperscaler-capex.csv');
  const report = buildCompanyReport('Hyperscalers', rows, parseAssumptions({}), 'ko');

  test.each(report.sections.map((s) => [s.company, s] as const))('%s › NPV, payback and break-even revenue read as the comparison table prints them', (company, s) => {
    const text = s.summary.join(' ');
    const npv = tableText(report, company, 'npv_usd', 'money');
    expect(text).toContain(`순현재가치(NPV)는 ${npv}이고`);
    if (s.model.paybackYears !== null) expect(text).toContain(`${tableText(report, company, 'payback_years', 'years')}년 만에 회수됩니다`);
    else expect(text).toContain('회수되지 않습니다');
    if (s.model.breakEvenAiRevenueUsd !== null) expect(text).toContain(`그해 AI 매출 ${tableText(report, company, 'break_even_ai_revenue_usd', 'money')}`);
    if (s.model.irr.kind === 'ok') expect(text).toContain(`내부수익률(IRR)은 ${tableText(report, company, 'irr_fraction', 'percent')}입니다`);
  });

  test('dollars in Korean units, Korean dates, and no English sentence left', () => {
    const all = [...report.summary, ...report.sections.flatMap((s) => s.summary)];
    const text = all.join(' ');
    expect(text).toMatch(/\d억 달러/);
    expect(text).not.toMatch(/\$\d/);
    expect(text).toMatch(/\d{4}년 \d{1,2}월 \d{1,2}일 기준/);
    for (const p of all) expect(p.replace(/Samsung Electronics|SK hynix|SK Telecom/g, '')).not.toMatch(englishRun);
  });

  test('the overall range names the lowest and highest NPV with the table’s figures', () => {
    const npvs = report.sections.map((s) => s.model.npvUsd);
    const worst = report.sections[npvs.indexOf(Math.min(...npvs))]!;
    const best = report.sections[npvs.indexOf(Math.max(...npvs))]!;
    const range = report.summary.find((p) => p.includes('까지입니다'));
    expect(range).toContain(`${tableText(report, worst.company, 'npv_usd', 'money')}(${worst.company})에서 ${tableText(report, best.company, 'npv_usd', 'money')}(${best.company})까지`);
  });

  test('the same report in English states the same figures in English', () => {
    const en = buildCompanyReport('Hyperscalers', rows, parseAssumptions({}), 'en');
    for (const [i, s] of en.sections.entries()) {
      const ko = report.sections[i]!;
      expect(s.model.npvUsd).toBe(ko.model.npvUsd);
      expect(s.summary.join(' ')).toContain(`NPV ${formatReportCell(s.model.npvUsd, 'money', 'USD')}`);
      expect(s.summary).toHaveLength(ko.summary.length);
    }
    expect(en.summary).toHaveLength(report.summary.length);
  });
});

describe('Korean summary › the built-in Korean companies, in won', () => {
  const rows = builtIn('korea-capex.csv');
  const report = buildCompanyReport('Korea', rows, applyDataDefaults(parseAssumptions({}), rows), 'ko');

  test('amounts in 조/억원, never with a dollar or won sign; the FX assumption in 원 per 달러', () => {
    expect(report.currency).toBe('KRW');
    const text = [...report.summary, ...report.sections.flatMap((s) => s.summary)].join(' ');
    expect(text).toMatch(/\d조 [\d,]+억원/);
    expect(text).not.toMatch(/[$₩]/);
    expect(report.summary[0]).toContain('첫해 달러당 1,400원');
  });

  test('short won style › the summary writes won as the reader’s tables do (53.1조원, not 53조 1,139억원)', () => {
    const short = buildCompanyReport('Korea', rows, applyDataDefaults(parseAssumptions({}), rows), 'ko', 'short');
    const s = short.sections.find((x) => x.company === 'Samsung Electronics')!;
    const row = short.tables.comparison.rows.find((r) => r[0] === s.company)!;
    const col = short.tables.comparison.columns.findIndex((c) => c.key === 'npv_krw');
    const npv = formatReportCell(row[col], 'money', 'KRW', { lang: 'ko', won: 'short' });
    expect(npv).toMatch(/^−[\d.]+조원$/);
    expect(s.summary[0]).toContain(`순현재가치(NPV)는 ${npv}이고`);
    expect([...short.summary, ...short.sections.flatMap((x) => x.summary)].join(' ')).not.toMatch(/\d조 [\d,]+억원/);
  });

  test('Samsung Electronics › NPV as the table prints it, in won', () => {
    const s = report.sections.find((x) => x.company === 'Samsung Electronics')!;
    const npv = tableText(report, s.company, 'npv_usd', 'money');
    expect(npv).toMatch(/원$/);
    expect(s.summary[0]).toContain(`순현재가치(NPV)는 ${npv}이고`);
  });
});

describe('Korean summary › hand-checked sentences (Acme, tests/report/company-model.test.ts)', () => {
  const values = acmeParsed().values;
  const rows = acmeRows();
  const m = buildCompanyModel('Acme', rows, values, { lifeFromData: false })!;
  const text = companySummary(m, depreciationLens('Acme', rows, values, { lifeFromData: false }), valuation(rows, values), values, undefined, 'ko');

  test('payback › 1.7 / 1.8 years, NPV 61억 달러 (6.102789B) at 31 December 2024, IRR 20.1% (0.201317)', () => {
    expect(text[0]).toBe('Acme의 FY2024~FY2025 AI 설비투자 1,000억 달러는 할인율(WACC) 10.0%에서 1.7년 만에 회수됩니다(할인하면 1.8년). 2024년 12월 31일 기준 순현재가치(NPV)는 61억 달러이고, 내부수익률(IRR)은 20.1%입니다.');
  });
  test('break-even › 837억 달러 needed, the modelled 1,000억 달러 covers it', () => {
    expect(text[1]).toBe('FY2025에 가동 중인 빈티지가 마진 50.0%에서 전력비와 세금을 빼고 자본비용을 벌려면 그해 AI 매출 837억 달러가 필요합니다. 모델로 추정한 매출은 1,000억 달러로 이를 넘습니다.');
  });
  test('valuation › 300.00달러 at 20.0×, down 25.0% at 15.0×, 1,333억 달러 (133.3B) of AI revenue', () => {
    expect(text[3]).toBe('주가 300.00달러(FY2025)에서 주가수익비율(P/E)은 20.0×입니다. 목표 P/E 15.0×에서는 주가가 25.0% 떨어집니다. 나머지 시가총액을 15.0×로 정당화하려면 해마다 AI 매출 1,333억 달러가 필요합니다.');
  });
  test('overall › one dollar must earn 0.67달러 against the scenario’s 0.80달러 (y* = 0.669872, NPV per dollar 0.115341)', () => {
    const out = overallSummary([m], values, m.unit, m.valuationDate, 'ko');
    expect(out[0]).toContain('1개 기업 중 1곳의 AI 설비투자가');
    expect(out[1]).toBe('AI 설비투자 1달러는 첫해에 AI 매출 0.67달러를 벌어야(가동률 70.0%, 마진 50.0%, 전력비와 세금 차감 후, 서버 내용연수 2년) 자본비용 10.0%를 법니다. 시나리오는 0.80달러를 가정하므로 AI 설비투자 1달러의 가치는 할인율(WACC) 10.0%에서 0.12달러입니다.');
    expect(out[2]).toBe('2024년 12월 31일 기준 순현재가치(NPV)는 61억 달러입니다.');
  });
  test('wording follows the numbers › no margin and no tax: does not pay back, says why there is no IRR', () => {
    const v = { ...values, aiEbitdaMargin: 0, taxRate: 0 };
    const m0 = buildCompanyModel('Acme', rows, v, { lifeFromData: false })!;
    const t = companySummary(m0, null, null, v, undefined, 'ko');
    expect(t[0]).toContain('마지막 연산 장비가 수명을 다하는 FY2026까지 회수되지 않습니다');
    expect(t[0]).toContain(irrClauseKo(m0.irr));
  });
  test('no companies › one Korean sentence', () => {
    expect(overallSummary([], values, undefined, undefined, 'ko')).toEqual(['데이터에 설비투자가 있는 기업이 없어 평가할 것이 없습니다.']);
  });
});

describe('withParticle › agrees with the last sound', () => {
  test.each([
    ['966억 달러', '은', '966억 달러는'],
    ['53조 1,139억원', '은', '53조 1,139억원은'],
    ['837억 달러', '이', '837억 달러가'],
    ['1조 7,996억원', '으로', '1조 7,996억원으로'],
    ['338억 달러', '으로', '338억 달러로'],
    ['FY2023', '은', 'FY2023은'],
    ['FY2025', '은', 'FY2025는'],
    ['10.0%', '을', '10.0%를'],
    ['서울', '으로', '서울로'],
  ] as const)('%s + %s › %s', (word, particle, out) => expect(withParticle(word, particle)).toBe(out));
});
