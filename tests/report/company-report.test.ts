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
    const keys = t.columns.map((c) => c.key);
    expect(keys).toEqual([
      'company', 'first_fiscal_year', 'last_capex_fiscal_year', 'includes_guidance', 'total_ai_capex_usd', 'valuation_date', 'npv_usd', 'irr_fraction', 'irr_status', 'roi_fraction',
      'payback_years', 'discounted_payback_years', 'break_even_ai_revenue_usd', 'pe_multiple', 'mc_npv_p50_usd', 'mc_p_npv_positive_fraction',
      'revenue_yield', 'break_even_revenue_yield', 'unit_npv_per_usd', 'unit_irr_fraction', 'unit_payback_years',
    ]);
    const acme = t.rows[0]!;
    const at = (k: string) => acme[keys.indexOf(k)];
    // Hand-checked in company-model.test.ts.
    expect(at('company')).toBe('Acme');
    expect(at('total_ai_capex_usd')).toBe(100 * B);
    expect(at('valuation_date')).toBe('2024-12-31');
    expect((at('npv_usd') as number) / B).toBeCloseTo(6.102789256, 8);
    expect(at('irr_status')).toBe('ok');
    expect(at('roi_fraction')).toBeCloseTo(0.140625, 12);
    expect(at('payback_years')).toBeCloseTo(1.703947368, 8);
    expect(at('pe_multiple')).toBeCloseTo(20, 12);
    expect(at('revenue_yield')).toBe(0.8);
    expect(at('break_even_revenue_yield')).toBeCloseTo(0.669871795, 8);
    expect(at('unit_npv_per_usd')).toBeCloseTo(0.115340909, 8);
    expect(at('includes_guidance')).toBe('none in the data');
    expect(t.rows[1]?.[keys.indexOf('includes_guidance')]).toBe('yes: FY2025');
  });
  test('one valuation date › the report’s, the earliest end of a first capex year', () => {
    expect(r.valuationDate).toBe('2024-12-31');
    expect(r.valuationDateSource).toBe('data');
    // Downloads say which date: the JSON's (and the CSV's) valuation_date line carries it.
    const j = reportJson(r) as { assumptions: { key: string; value: unknown; source: string }[] };
    expect(j.assumptions.find((a) => a.key === 'valuation_date')).toEqual({ key: 'valuation_date', value: '2024-12-31', source: 'data' });
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
    for (const name of TABLE_NAMES) if (name !== 'unit-economics') expect(r.tables[name].columns[0]?.key).toBe('company');
    // One dollar of AI capex is the scenario's, the same for every company.
    expect(r.tables['unit-economics'].rows.map((row) => row[7])).toEqual([expect.closeTo(-0.60625, 12), expect.closeTo(0.79375, 12)]);
  });
  test('capex chart › bars are the capex, guidance a lighter series of its own', () => {
    const c = r.sections[1]!.charts[0]!.config;
    expect(c.type).toBe('bar');
    expect(c.data.labels).toEqual(['FY2024', 'FY2025']);
    expect(c.data.datasets[0]?.data).toEqual([40 * B, null]);
    expect(c.data.datasets[1]?.data).toEqual([null, 60 * B]);
    expect(c.data.datasets[1]?.label).toMatch(/guidance/);
    expect(c.data.datasets[0]?.backgroundColor).not.toBe(c.data.datasets[1]?.backgroundColor);
    expect(c.options.meta.yFormat).toBe('money');
  });
  test('cumulative chart › payback point at x = 1.704 on the zero line', () => {
    const c = r.sections[0]!.charts.find((x) => x.id.endsWith('-cumulative'))!.config;
    const point = c.data.datasets.find((d) => d.type === 'scatter');
    expect(point?.data).toEqual([{ x: expect.closeTo(1.703947368, 8), y: 0 }]);
    expect(c.data.datasets[0]?.data[2]).toEqual({ x: 2, y: expect.closeTo(14.0625 * B, 0) });
  });
  test('capex vs depreciation chart › AI capex bars, AI revenue and depreciation lines', () => {
    const c = r.sections[0]!.charts.find((x) => x.id.endsWith('-capex-depreciation'))!.config;
    expect(c.data.datasets.map((d) => d.data.map((v) => (v as number) / B))).toEqual([[50, 50, 0], [40, 100, 60], [18.75, 37.5, 25]]);
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
