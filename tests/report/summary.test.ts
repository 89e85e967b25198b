import { buildCompanyModel } from '../../src/report/company-model';
import { depreciationLens } from '../../src/report/depreciation-lens';
import { companySummary, irrWords, overallSummary } from '../../src/report/summary';
import { valuation } from '../../src/report/valuation';
import { describeMoney, describePercent, describeYears } from '../../src/report/words';
import { acmeParsed, acmeRows } from './fixtures';

const opts = { lifeFromData: false };

function summaryFor(values = acmeParsed().values) {
  const rows = acmeRows();
  const m = buildCompanyModel('Acme', rows, values, opts)!;
  return { m, text: companySummary(m, depreciationLens('Acme', rows, values, opts), valuation(rows, values), values) };
}

describe('companySummary › sentences carry the hand-checked numbers', () => {
  const { text } = summaryFor();
  // Numbers from tests/report/company-model.test.ts and depreciation-lens.test.ts.
  test('payback sentence › WACC, span, capex, payback 1.7 / 1.8 years, NPV $6.1B at the valuation date, IRR 20.1% (0.201317)', () => {
    expect(text[0]).toBe("At 10.0% WACC, Acme's FY2024-FY2025 AI capex of $100B pays back in 1.7 years (1.8 years discounted), with NPV $6.1B at 2024-12-31 and an IRR of 20.1%.");
  });
  test('break-even sentence › $83.7B needed (y* ÷ y × 100), FY2025 modelled $100B covers it', () => {
    expect(text[1]).toBe('For the vintages in service in FY2025 to earn their cost of capital at a 50.0% margin, after power and tax, takes $83.7B of AI revenue that year; the modelled figure is $100B, which covers it.');
  });
  test('lens sentence › one year longer (3 instead of 2) adds 4.2% to FY2025 EPS', () => {
    expect(text[2]).toMatch(/one-year longer life adds 4\.2%/);
  });
  test('valuation sentence › $300.00 at 20.0×, 25.0% drawdown at 15.0×, $133B of AI revenue', () => {
    expect(text[3]).toBe('At $300.00 (FY2025) the shares trade at 20.0× earnings; moving to 15.0× would be a drawdown of 25.0%. Justifying the rest of the market cap at 15.0× takes $133B of AI revenue a year.');
  });
});

describe('companySummary › wording follows the numbers', () => {
  test('no margin, no tax › does not pay back, and says why there is no IRR', () => {
    const { text } = summaryFor({ ...acmeParsed().values, aiEbitdaMargin: 0, taxRate: 0 });
    // FCF = −capex + salvage: −50, −50, 18.75: never pays back by FY2026
    expect(text[0]).toMatch(/does not pay back by FY2026, when its last compute retires/);
  });
  test('overall › counts companies that pay back, and the unit economics in words', () => {
    const { m } = summaryFor();
    const out = overallSummary([m], acmeParsed().values, m.unit, m.valuationDate);
    expect(out[0]).toMatch(/1 of 1 companies' AI capex pays back by the time its last compute retires/);
    // y* = 0.669872, NPV per dollar 0.115341 (company-model.test.ts)
    expect(out[1]).toBe('Each dollar of AI capex must earn $0.67 of AI revenue in its first year (at 70.0% utilization, 50.0% margin, after power and tax, over a 2-year server life) to earn its 10.0% cost of capital; the scenario assumes $0.80, so a dollar of AI capex is worth $0.12 at 10.0% WACC.');
    expect(out[2]).toBe('Its NPV at 2024-12-31 is $6.1B.');
  });
  test('overall › guidance years are named', () => {
    const rows = [...acmeRows(), { company: 'Acme', fiscal_year: 2026, basis: 'guidance', capex: 1e11 }];
    const m = buildCompanyModel('Acme', rows, acmeParsed().values, opts)!;
    expect(overallSummary([m], acmeParsed().values).join(' ')).toMatch(/Guidance years count as vintages: Acme FY2026/);
  });
  test('DeepSeek shock › the overall summary says projected revenue shrinks, by how much', () => {
    const values = { ...acmeParsed().values, tokenPriceDeflation: 0.7, volumeElasticity: 0.3 };
    const m = buildCompanyModel('Acme', acmeRows(), values, opts)!;
    // 1.5 × 0.3^0.7 − 1 = 1.5 × 0.430512 − 1 = −0.354232 → shrinks 35.4% a year
    expect(overallSummary([m], values)[0]).toMatch(/token prices falling 70\.0% a year at a volume elasticity of 0\.3, so each vintage's AI revenue shrinks 35\.4% a year as it ages/);
  });
  test('irrWords › several roots are named', () => {
    expect(irrWords({ kind: 'multiple', rates: [0.1, 0.5] })).toMatch(/10\.0%, 50\.0%/);
  });
});

describe('words', () => {
  test.each([
    [600e9, '$600B'],
    [774.8e9, '$775B'],
    [1.25e12, '$1.25T'],
    [5.576e6, '$5.58M'],
    [-28.3e9, '−$28.3B'],
  ])('describeMoney(%p) › %p', (v, s) => expect(describeMoney(v)).toBe(s));
  test('describePercent › one decimal, as the tables write it', () => {
    expect(describePercent(0.09)).toBe('9.0%');
    expect(describePercent(0.0625)).toBe('6.3%');
    expect(describePercent(-0.286)).toBe('−28.6%');
  });
  test('describeYears › null is never', () => expect(describeYears(null)).toMatch(/never/));
});
