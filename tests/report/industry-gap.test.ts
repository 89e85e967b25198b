import { industryGap, yearsToReach } from '../../src/report/industry-gap';
import { buildIndustryReport, datasetSpend } from '../../src/report/industry-report';
import { calendarParts } from '../../src/report/calendar-split';
import type { Row } from '../../src/store/types';

const base = { acceleratorShare: 0.5, grossMargin: 0.5, usefulLifeYears: 6, aiRevenueGrowth: 0.25 };

describe('industryGap › Sequoia reproductions', () => {
  test('2023: $50B run-rate ×2 ×2 › $200B required, $125B gap with $75B revenue', () => {
    const g = industryGap({ ...base, acceleratorSpendUsd: 50e9, aiRevenueUsd: 75e9 });
    expect(g.dataCenterCostUsd).toBe(100e9);
    expect(g.requiredRevenueUsd).toBe(200e9);
    expect(g.gapUsd).toBe(125e9);
  });
  test('2024: $150B run-rate ×2 ×2 › $600B required, $500B gap with $100B revenue', () => {
    const g = industryGap({ ...base, acceleratorSpendUsd: 150e9, aiRevenueUsd: 100e9 });
    expect(g.requiredRevenueUsd).toBe(600e9);
    expect(g.gapUsd).toBe(500e9);
  });
  test('Nvidia FY2026 data-center revenue $193.7B › $774.8B required', () => {
    const g = industryGap({ ...base, acceleratorSpendUsd: 193.7e9, aiRevenueUsd: 0 });
    expect(g.requiredRevenueUsd).toBeCloseTo(774.8e9, 0);
  });
});

describe('industryGap › continuing spend against a single year of spend, and years to close', () => {
  // A run-rate that continues needs the full $600B every year: gap $500B a year.
  // Only one year's spend, never repeated, spreads over 6 years: $600B / 6 = $100B a year, which
  // today's $100B covers (gap 0, 0 years). $600B at 25% growth from $100B: ln 6 / ln 1.25 = 8.0296 years.
  const g = industryGap({ ...base, acceleratorSpendUsd: 150e9, aiRevenueUsd: 100e9 });
  test('continuing › $600B every year, $500B gap a year', () => {
    expect(g.requiredRevenueUsd).toBe(600e9);
    expect(g.gapUsd).toBe(500e9);
  });
  test('one year of spend only › $100B a year over its 6-year life, no gap', () => {
    expect(g.oneOffRequiredRevenuePerYearUsd).toBe(100e9);
    expect(g.oneOffGapPerYearUsd).toBe(0);
    expect(g.yearsToCloseOneOffGap).toBe(0);
  });
  test('whole requirement › 8.03 years at 25%', () => {
    expect(g.yearsToCloseGap).toBeCloseTo(Math.log(6) / Math.log(1.25), 12);
    expect(g.yearsToCloseGap).toBeCloseTo(8.0296, 4);
  });
  test('no growth or no revenue › never (null)', () => {
    expect(yearsToReach(100, 200, 0)).toBeNull();
    expect(yearsToReach(0, 200, 0.5)).toBeNull();
    expect(yearsToReach(300, 200, 0.5)).toBe(0);
  });
  test('bad share or margin › RangeError', () => {
    expect(() => industryGap({ ...base, acceleratorSpendUsd: 1, aiRevenueUsd: 0, acceleratorShare: 0 })).toThrow(RangeError);
    expect(() => industryGap({ ...base, acceleratorSpendUsd: 1, aiRevenueUsd: 0, grossMargin: 1 })).toThrow(RangeError);
  });
});

describe('buildIndustryReport › inputs from the query and from a dataset', () => {
  test('defaults › the $600B question with every input marked default', () => {
    const r = buildIndustryReport({}, null);
    expect(r.result?.requiredRevenueUsd).toBe(600e9);
    expect(r.result?.gapUsd).toBe(500e9);
    expect(Object.values(r.sources).every((s) => s === 'default')).toBe(true);
    expect(r.summary[0]).toMatch(/\$600B/);
    expect(r.summary[1]).toMatch(/gap of \$500B/);
  });
  test('wording › continuing spend needs $600B every year; only one year of spend spreads to $100B a year', () => {
    const r = buildIndustryReport({}, null);
    expect(r.summary[1]).toBe('If the spending continues every year, as a run-rate does, that is $600B every year: against $100B of AI revenue, a gap of $500B a year.');
    expect(r.summary[2]).toBe(
      "Only a single year's spend, never repeated, could be earned over its 6-year useful life, at $100B a year, which today's AI revenue covers; continuing spend needs the full amount every year.",
    );
    expect(r.summary[3]).toBe('At 25.0% a year, AI revenue reaches the $600B a year that continuing spend needs in 8 years, and already covers the $100B a year of a one-off spend.');
    expect(r.summary.join(' ')).not.toMatch(/Spread over a 6-year life the requirement is/);
    const gap = r.tables.find((t) => t.name === 'gap');
    const applies = Object.fromEntries((gap?.rows ?? []).map((row) => [row[0], row[2]]));
    expect(applies.required_revenue).toBe('every year while the spending continues');
    expect(applies.gap).toBe('every year while the spending continues');
    expect(applies.one_off_required_revenue_per_year).toBe('a single year of spend, never repeated, spread over its 6-year life');
  });
  test('typed 2023 inputs › $200B and $125B, marked as the user’s', () => {
    const r = buildIndustryReport({ acceleratorSpend: '50e9', aiRevenue: '75e9' }, null);
    expect(r.result?.requiredRevenueUsd).toBe(200e9);
    expect(r.result?.gapUsd).toBe(125e9);
    expect(r.sources.acceleratorSpend).toBe('user');
    expect(r.summary[1]).toMatch(/\$125B/);
  });
  test('bad inputs › problems, no result', () => {
    const r = buildIndustryReport({ acceleratorShare: '0', grossMargin: '1', acceleratorSpend: 'lots' }, null);
    expect(r.result).toBeNull();
    expect(r.problems.map((p) => p.key).sort()).toEqual(['acceleratorShare', 'acceleratorSpend', 'grossMargin']);
  });
  test('a dataset › AI capex of the year (capex × share) × accelerator share is the spend', () => {
    // Calendar fiscal years, so calendar 2025 = FY2025.
    // FY2025: A 100 × 0.5 (data) = 50; B 40 × 0.6 (default) = 24 → AI capex 74 → spend 37;
    // required = 37 / 0.5 / 0.5 = 148 = AI capex / (1 − margin)
    const rows: Row[] = [
      { company: 'A', fiscal_year: 2025, capex: 100, ai_capex_share: 0.5 },
      { company: 'B', fiscal_year: 2025, capex: 40 },
      { company: 'B', fiscal_year: 2024, capex: 1000 },
    ];
    const spend = datasetSpend('Two', rows, 0.6);
    expect(spend?.calendarYear).toBe(2025);
    expect(spend?.aiCapexUsd).toBeCloseTo(74, 12);
    const r = buildIndustryReport({ aiRevenue: '0' }, spend);
    expect(r.inputs.acceleratorSpend).toBeCloseTo(37, 12);
    expect(r.sources.acceleratorSpend).toBe('data');
    expect(r.result?.requiredRevenueUsd).toBeCloseTo(148, 12);
    expect(datasetSpend('Two', rows, 0.6, 2024)?.aiCapexUsd).toBeCloseTo(600, 12);
  });
});

describe('calendarParts › a fiscal year split by its months', () => {
  it.each([
    // Microsoft FY2025: July 2024 - June 2025 → 6 months in each.
    ['FY2025 ending 06-30', 2025, { month: 6, day: 30 }, undefined, [{ calendarYear: 2024, months: 6, fraction: 0.5 }, { calendarYear: 2025, months: 6, fraction: 0.5 }]],
    ['FY2024 with no end (31 December)', 2024, null, undefined, [{ calendarYear: 2024, months: 12, fraction: 1 }]],
    // Apple-like year ending 28 September: October 2024 - September 2025.
    ['FY2025 ending 09-28', 2025, { month: 9, day: 28 }, undefined, [{ calendarYear: 2024, months: 3, fraction: 0.25 }, { calendarYear: 2025, months: 9, fraction: 0.75 }]],
    // A 52-53-week year ending 1 January 2023 is calendar 2022.
    ['FY2023 ending 01-01', 2023, { month: 1, day: 1 }, undefined, [{ calendarYear: 2022, months: 12, fraction: 1 }]],
    // Microsoft FY2026 with Q1 only: July - September 2025, all of it in 2025.
    ['FY2026 ending 06-30, one quarter', 2026, { month: 6, day: 30 }, 1, [{ calendarYear: 2025, months: 3, fraction: 1 }]],
    // April-March year, two quarters: April - September 2024.
    ['FY2025 ending 03-31, two quarters', 2025, { month: 3, day: 31 }, 2, [{ calendarYear: 2024, months: 6, fraction: 1 }]],
  ])('%s', (_name, fy, end, quarters, expected) => {
    expect(calendarParts(fy as number, end as { month: number; day: number } | null, quarters as number | undefined)).toEqual(expected);
  });
});

describe('datasetSpend › calendar-year sums, by hand', () => {
  // MSFT years end 30 June; FY2023 has no fiscal_year_end and takes the company's (06-30).
  // GOOGL years are calendar years; its 2025 is guidance, and a 2024 guidance row is shadowed by
  // the reported one. MSFT FY2026 has Q1 only (July-September 2025).
  const rows: Row[] = [
    { company: 'MSFT', fiscal_year: 2023, capex: 20 },
    { company: 'MSFT', fiscal_year: 2024, fiscal_year_end: '06-30', capex: 40 },
    { company: 'MSFT', fiscal_year: 2025, fiscal_year_end: '06-30', capex: 60 },
    { company: 'MSFT', fiscal_year: 2026, fiscal_year_end: '06-30', capex: 15, quarters: 1 },
    { company: 'GOOGL', fiscal_year: 2024, capex: 50, basis: 'reported' },
    { company: 'GOOGL', fiscal_year: 2024, capex: 999, basis: 'guidance' },
    { company: 'GOOGL', fiscal_year: 2025, capex: 90, basis: 'guidance' },
  ];

  it('calendar 2024 › MSFT ½·40 + ½·60 = 50, GOOGL 50 (reported over guidance) → capex 100, AI 60', () => {
    const s = datasetSpend('D', rows, 0.6, 2024);
    expect(s?.companies.map((c) => [c.company, c.capexUsd, c.months, c.fiscalYears])).toEqual([
      ['MSFT', 50, 12, 'FY2024 (6 mo) + FY2025 (6 mo)'],
      ['GOOGL', 50, 12, 'FY2024 (12 mo)'],
    ]);
    expect(s?.aiCapexUsd).toBeCloseTo(60, 12);
    expect(s?.guidanceCompanies).toEqual([]);
  });

  it('calendar 2023 › MSFT ½·20 + ½·40 = 30 (FY2023 dated by the company’s June year end)', () => {
    expect(datasetSpend('D', rows, 0.6, 2023)?.companies).toEqual([
      expect.objectContaining({ company: 'MSFT', capexUsd: 30, months: 12 }),
    ]);
  });

  it('calendar 2025 › MSFT ½·60 + 15 (Q1 of FY2026) = 45 over 9 months, GOOGL 90 of guidance, marked', () => {
    const s = datasetSpend('D', rows, 0.6, 2025);
    expect(s?.companies.map((c) => [c.company, c.capexUsd, c.months, c.guidance, c.partial])).toEqual([
      ['MSFT', 45, 9, false, true],
      ['GOOGL', 90, 12, true, false],
    ]);
    expect(s?.aiCapexUsd).toBeCloseTo(0.6 * 135, 12);
    expect(s?.guidanceCompanies).toEqual(['GOOGL']);
    expect(s?.incompleteCompanies).toEqual(['MSFT']);
  });

  it('includeGuidance false › GOOGL’s guided 2025 is left out: 2025 is MSFT’s 45 alone', () => {
    const s = datasetSpend('D', rows, 0.6, 2025, { includeGuidance: false });
    expect(s?.companies.map((c) => [c.company, c.capexUsd])).toEqual([['MSFT', 45]]);
    expect(s?.includeGuidance).toBe(false);
  });

  it('a year with no data for a company › named: GOOGL has nothing in 2022', () => {
    const s = datasetSpend('D', rows, 0.6, 2022);
    expect(s?.missingCompanies).toEqual(['GOOGL']);
    expect(buildIndustryReport({}, s).tables.find((t) => t.name === 'companies')?.note).toContain('No data for 2022 for GOOGL.');
  });

  it('no year asked › the latest year every company covers in full: 2024', () => {
    const s = datasetSpend('D', rows, 0.6);
    expect(s?.calendarYear).toBe(2024);
    expect(s?.years).toEqual([2022, 2023, 2024, 2025]);
  });

  it('the page › says capex is summed by calendar year with fiscal years split, and names guidance', () => {
    const r = buildIndustryReport({}, datasetSpend('D', rows, 0.6, 2025));
    const table = r.tables.find((t) => t.name === 'companies');
    expect(table?.title).toBe('AI capex by company, calendar 2025');
    expect(table?.note).toContain('Capex is summed by calendar year: a fiscal year is split by its months');
    expect(table?.note).toContain('Includes guidance, not yet reported, for GOOGL.');
    expect(table?.note).toContain('fewer than 12 months of 2025 for MSFT');
    expect(r.summary[0]).toContain("D's calendar-2025 AI capex of $81 (fiscal years split by month, including guidance for GOOGL)");
  });
});
