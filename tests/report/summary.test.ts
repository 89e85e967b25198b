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
  test('payback sentence › WACC, span, capex, payback 2.1 / 2.2 years, NPV $28.7B, IRR 39%', () => {
    expect(text[0]).toBe("At 10% WACC, Acme's FY2024-FY2025 AI capex of $100B pays back in 2.1 years (2.2 years discounted), with NPV $28.7B and an IRR of 39%.");
  });
  test('break-even sentence › $120B needed, FY2025 modelled $60B = 50% of it', () => {
    expect(text[1]).toBe('Covering depreciation and the cost of capital at a 50% margin takes $120B of AI revenue a year; the modelled FY2025 figure is $60B, 50% of it.');
  });
  test('lens sentence › one year longer (3 instead of 2) adds 8.3% to FY2025 EPS', () => {
    expect(text[2]).toMatch(/one-year longer life adds 8\.3%/);
  });
  test('valuation sentence › $300.00 at 20×, 25% drawdown at 15×, $133B of AI revenue', () => {
    expect(text[3]).toBe('At $300.00 (FY2025) the shares trade at 20× earnings; moving to 15× would be a drawdown of 25%. Justifying the rest of the market cap at 15× takes $133B of AI revenue a year.');
  });
});

describe('companySummary › wording follows the numbers', () => {
  test('no margin, no tax › does not pay back, and says why there is no IRR', () => {
    const { text } = summaryFor({ ...acmeParsed().values, aiEbitdaMargin: 0, taxRate: 0 });
    expect(text[0]).toMatch(/does not pay back within the 4-year horizon/);
    expect(text[0]).toMatch(/no IRR, because the cash flows never change sign/);
  });
  test('overall › counts companies that pay back and names the fastest', () => {
    const { m } = summaryFor();
    const out = overallSummary([m], acmeParsed().values);
    expect(out[0]).toMatch(/1 of 1 companies' AI capex pays back/);
    expect(out[1]).toBe('Acme pays back soonest, in 2.1 years.');
  });
  test('DeepSeek shock › the overall summary says projected revenue shrinks, by how much', () => {
    const values = { ...acmeParsed().values, tokenPriceDeflation: 0.7, volumeElasticity: 0.3 };
    const m = buildCompanyModel('Acme', acmeRows(), values, opts)!;
    // 1.5 × 0.3^0.7 − 1 = 1.5 × 0.430512 − 1 = −0.354232 → shrinks 35% a year
    expect(overallSummary([m], values)[0]).toMatch(/token prices falling 70% a year at a volume elasticity of 0\.3, so projected AI revenue shrinks 35% a year/);
  });
  test('irrWords › several roots are named', () => {
    expect(irrWords({ kind: 'multiple', rates: [0.1, 0.5] })).toMatch(/10%, 50%/);
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
  test('describePercent › whole above 10%, one decimal below', () => {
    expect(describePercent(0.09)).toBe('9%');
    expect(describePercent(0.0625)).toBe('6.3%');
    expect(describePercent(-0.286)).toBe('−29%');
  });
  test('describeYears › null is never', () => expect(describeYears(null)).toMatch(/never/));
});
