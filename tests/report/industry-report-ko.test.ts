import { buildIndustryReport, datasetSpend, fiscalYearsText } from '../../src/report/industry-report';
import type { Row } from '../../src/store/types';

/** Runs of three English words: what a Korean report should not hold outside data. */
const englishRuns = (text: string): string[] => text.match(/\b[A-Za-z]{2,}(?:[ '’-]+[A-Za-z]{2,}){2,}\b/g) ?? [];

describe('buildIndustryReport › in Korean', () => {
  // Sequoia 2024: $150B × 2 × 2 = $600B required, $100B of AI revenue, $500B gap; $600B ÷ 6 = $100B a year.
  const ko = buildIndustryReport({}, null, 'ko');
  const en = buildIndustryReport({}, null, 'en');

  test('summary › written in Korean from the numbers, dollars as 억 달러', () => {
    expect(ko.lang).toBe('ko');
    expect(ko.summary[0]).toMatch(/^가속기 지출이 한 해 1,500억 달러입니다\. 가속기가 데이터센터 비용의 50(\.0)?%를 차지하고 .*업계가 벌어야 할 매출은 6,000억 달러입니다\.$/);
    expect(ko.summary[1]).toContain('매출 격차는 한 해 5,000억 달러입니다');
    expect(ko.summary[2]).toContain('한 해 1,000억 달러로 지금의 AI 매출이 충당합니다');
    // ln 6 ÷ ln 1.25 = 8.03 years to the continuing requirement; the one-off one is already met.
    expect(ko.summary[3]).toContain('6,000억 달러에는 8년 뒤에 닿습니다');
    expect(ko.summary[3]).toContain('이미 닿아 있습니다');
    expect(englishRuns(ko.summary.join(' '))).toEqual([]);
  });

  test('tables and chart › Korean titles, labels and text cells; keys and numbers as in English', () => {
    expect(ko.tables.map((t) => t.name)).toEqual(en.tables.map((t) => t.name));
    const gap = ko.tables[0]!;
    expect(gap.title).toBe('격차');
    expect(gap.columns.map((c) => c.key)).toEqual(en.tables[0]!.columns.map((c) => c.key));
    expect(gap.columns.map((c) => c.label)).toEqual(['항목', '값', '적용 범위', '계산']);
    // Measure keys stay English (the CSV's first column is an API); the numbers are the same.
    expect(gap.rows.map((r) => [r[0], r[1]])).toEqual(en.tables[0]!.rows.map((r) => [r[0], r[1]]));
    expect(gap.rows.find((r) => r[0] === 'required_revenue')?.[2]).toBe('지출이 이어지는 동안 해마다');
    const chart = ko.charts[0]!;
    expect(chart.title).toBe('필요 매출과 AI 매출');
    // Money ticks drawn the Korean way (6,000억 달러), English keeps $600B.
    expect((chart.config.options as { meta?: { lang?: string } }).meta?.lang).toBe('ko');
    expect((en.charts[0]!.config.options as { meta?: { lang?: string } }).meta?.lang).toBeUndefined();
    expect(chart.config.data.labels).toContain('필요 매출 (지출이 이어지는 해마다)');
    const text = [...ko.tables.flatMap((t) => [t.title, t.note ?? '', ...t.columns.map((c) => c.label), ...t.rows.flat().filter((c): c is string => typeof c === 'string' && !c.includes('_'))]), chart.title, ...(chart.config.data.labels ?? [])].join(' ');
    expect(englishRuns(text)).toEqual([]);
  });

  test('English › unchanged words', () => {
    expect(en.summary[1]).toBe('If the spending continues every year, as a run-rate does, that is $600B every year: against $100B of AI revenue, a gap of $500B a year.');
    expect(en.tables[0]!.columns.map((c) => c.label)).toEqual(['Measure', 'Value', 'Applies to', 'How']);
    expect(en.charts[0]!.title).toBe('Required revenue against AI revenue');
  });

  test('bad input › the Korean message names the field by its label and its range', () => {
    const r = buildIndustryReport({ acceleratorShare: '0', grossMargin: 'abc' }, null, 'ko');
    expect(r.problems.map((p) => p.message)).toEqual(['데이터센터 비용 중 가속기 비중: 0 초과 1 이하의 값이어야 합니다', '최종 사용자 매출총이익률: 숫자여야 합니다']);
    expect(buildIndustryReport({ acceleratorShare: '0' }, null, 'en').problems[0]?.message).toBe('Accelerators’ share of data-center cost must be greater than 0 and at most 1');
  });
});

describe('datasetSpend › fiscal years written per language', () => {
  const rows: Row[] = [
    { company: 'MSFT', fiscal_year: 2024, fiscal_year_end: '06-30', capex: 40 },
    { company: 'MSFT', fiscal_year: 2025, fiscal_year_end: '06-30', capex: 60, basis: 'guidance' },
  ];
  test('MSFT calendar 2024 › FY2024 6 months + FY2025 6 months (guidance)', () => {
    const s = datasetSpend('D', rows, 0.6, 2024);
    const parts = s?.companies[0]?.parts ?? [];
    expect(fiscalYearsText('en', parts)).toBe('FY2024 (6 mo) + FY2025 (6 mo, guidance)');
    expect(fiscalYearsText('ko', parts)).toBe('2024 회계연도 (6개월) + 2025 회계연도 (6개월, 가이던스)');
    const ko = buildIndustryReport({}, s, 'ko');
    expect(ko.summary[0]).toContain('2024년 한 해 D의 AI 설비투자는');
    expect(ko.summary[0]).toContain('MSFT의 가이던스 포함');
    expect(ko.tables.find((t) => t.name === 'companies')?.rows[0]?.[1]).toBe('2024 회계연도 (6개월) + 2025 회계연도 (6개월, 가이던스)');
  });
});
