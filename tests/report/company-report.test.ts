import { buildCompanyReport, reportJson, TABLE_NAMES } from '../../src/report/company-report';
import { acmeParsed, acmeRows, B } from './fixtures';

const rows = [...acmeRows('Acme'), { company: 'Beta', fiscal_year: 2024, basis: 'reported', capex: 40 * B }, { company: 'Beta', fiscal_year: 2025, basis: 'guidance', capex: 60 * B }, { company: 'NoCapex', fiscal_year: 2024, capex: null }];

describe('buildCompanyReport › two companies and one without capex', () => {
  const r = buildCompanyReport('Test', rows, acmeParsed());
  test('sections › one per company with capex; the other is listed as skipped', () => {
    expect(r.sections.map((s) => s.company)).toEqual(['Acme', 'Beta']);
    expect(r.skipped).toEqual(['NoCapex: no capex in the data']);
  });
  test('comparison › the hand-checked Acme figures in stable unit-named columns', () => {
    const t = r.tables.comparison;
    expect(t.columns.map((c) => c.key)).toEqual([
      'company', 'first_fiscal_year', 'last_capex_fiscal_year', 'total_ai_capex_usd', 'npv_usd', 'irr_fraction', 'irr_status', 'roi_fraction',
      'payback_years', 'discounted_payback_years', 'break_even_ai_revenue_usd', 'pe_multiple', 'mc_npv_p50_usd', 'mc_p_npv_positive_fraction',
    ]);
    const acme = t.rows[0]!;
    expect(acme[0]).toBe('Acme');
    expect(acme[3]).toBe(100 * B);
    expect((acme[4] as number) / B).toBeCloseTo(28.706799399, 8);
    expect(acme[6]).toBe('ok');
    expect(acme[7]).toBeCloseTo(0.46875, 12);
    expect(acme[8]).toBeCloseTo(2.0740740741, 9);
    expect(acme[11]).toBeCloseTo(20, 12);
  });
  test('capex table (first report) › capex, YoY growth and CAGR per year', () => {
    // Beta: 40 → 60: YoY +50%, CAGR over 1 year +50%; the 2025 row is guidance
    const beta = r.tables.capex.rows.filter((row) => row[0] === 'Beta');
    expect(beta).toEqual([
      ['Beta', 2024, 'reported', 40 * B, null, null],
      ['Beta', 2025, 'guidance', 60 * B, expect.closeTo(0.5, 12), expect.closeTo(0.5, 12)],
    ]);
  });
  test('combined tables › every table has a company column first', () => {
    for (const name of TABLE_NAMES) expect(r.tables[name].columns[0]?.key).toBe('company');
  });
  test('capex chart › bars are the capex, guidance in another colour', () => {
    const c = r.sections[1]!.charts[0]!.config;
    expect(c.type).toBe('bar');
    expect(c.data.labels).toEqual(['FY2024', 'FY2025']);
    expect(c.data.datasets[0]?.data).toEqual([40 * B, 60 * B]);
    const colours = c.data.datasets[0]?.backgroundColor as string[];
    expect(colours[0]).not.toBe(colours[1]);
    expect(c.options.meta.yFormat).toBe('money');
  });
  test('cumulative chart › payback point at x = 2.074 on the zero line', () => {
    const c = r.sections[0]!.charts.find((x) => x.id.endsWith('-cumulative'))!.config;
    const point = c.data.datasets.find((d) => d.type === 'scatter');
    expect(point?.data).toEqual([{ x: expect.closeTo(2.0740740741, 9), y: 0 }]);
    expect(c.data.datasets[0]?.data[3]).toEqual({ x: 3, y: expect.closeTo(46.875 * B, 0) });
  });
  test('capex vs depreciation chart › AI capex bars and depreciation line', () => {
    const c = r.sections[0]!.charts.find((x) => x.id.endsWith('-capex-depreciation'))!.config;
    expect(c.data.datasets.map((d) => d.data.map((v) => (v as number) / B))).toEqual([[50, 50, 0, 0], [25, 50, 25, 0]]);
  });
  test('JSON twin › assumptions with sources and the same tables', () => {
    const j = reportJson(r) as { assumptions: { key: string; value: unknown; source: string }[]; tables: Record<string, { rows: unknown[][] }> };
    expect(j.assumptions.find((a) => a.key === 'wacc_fraction')).toEqual({ key: 'wacc_fraction', value: 0.1, source: 'user' });
    expect(j.tables.comparison?.rows).toEqual(r.tables.comparison.rows);
  });
  test('canvas ids › unique, and safe even for hostile names', () => {
    const hostile = buildCompanyReport('X', acmeRows('<img src=x onerror=alert(1)>'), acmeParsed());
    expect(hostile.sections[0]?.slug).toMatch(/^c0-[a-z0-9-]+$/);
    const ids = r.sections.flatMap((s) => s.charts.map((c) => c.id));
    expect(new Set(ids).size).toBe(ids.length);
  });
});
