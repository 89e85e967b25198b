import { valuation } from '../../src/report/valuation';
import { acmeParsed, acmeRows, B } from './fixtures';

/*
 * Hand check, FY2025: price $300 × 10B shares = market cap 3,000B; no net debt → EV 3,000B.
 *   EPS = 150B / 10B = $15 → P/E 20×; EV/Sales 3,000/1,000 = 3×; EBITDA 200 + 50 = 250B → EV/EBITDA 12×.
 *   Target P/E 15 → drawdown 15/20 − 1 = −25%, price $225.
 *   AI revenue to justify: (3,000 − 150 × 15) / (15 × 0.5 × (1 − 0.25)) = 750 / 5.625 = 133.333B.
 *   Grid: one EPS year → base growth = scenario's 50%; rows 40%..60%; cell(50%, 30×) = 15 × 1.5 × 30
 *   = $675, +125% against $300; cell(40%, 10×) = 15 × 1.4 × 10 = $210, −30%.
 */
describe('valuation › hand-checked company', () => {
  const v = valuation(acmeRows(), acmeParsed().values);
  test('multiples the price implies › P/E 20, EV/Sales 3, EV/EBITDA 12', () => {
    expect(v?.marketCapUsd).toBe(3000 * B);
    expect(v?.enterpriseValueUsd).toBe(3000 * B);
    expect(v?.netDebtFromData).toBe(false);
    expect(v?.epsUsd).toBe(15);
    expect(v?.pe).toBeCloseTo(20, 12);
    expect(v?.evSales).toBeCloseTo(3, 12);
    expect(v?.evEbitda).toBeCloseTo(12, 12);
  });
  test('compression to 15× › a 25% drawdown to $225', () => {
    expect(v?.compression?.drawdown).toBeCloseTo(-0.25, 12);
    expect(v?.compression?.priceAfterUsd).toBeCloseTo(225, 12);
  });
  test('AI revenue to justify the market cap › 133.3B', () => {
    expect((v?.aiRevenueToJustifyUsd as number) / B).toBeCloseTo(133.333333333, 8);
  });
  test('grid › base growth in the middle row, P/E 10-50 across, shaded against $300', () => {
    expect(v?.epsGrowthSource).toBe('scenario');
    expect(v?.grid?.map((g) => g.growth)).toEqual([0.4, 0.45, 0.5, 0.55, 0.6].map((x) => expect.closeTo(x, 12)));
    expect(v?.grid?.[2]?.pricesUsd[4]).toBeCloseTo(675, 9);
    expect(v?.grid?.[2]?.vsToday[4]).toBeCloseTo(1.25, 12);
    expect(v?.grid?.[0]?.pricesUsd[0]).toBeCloseTo(210, 9);
    expect(v?.grid?.[0]?.vsToday[0]).toBeCloseTo(-0.3, 12);
  });
  test('EPS history › base growth is the EPS CAGR (10 → 15 in one year = 50%, from data)', () => {
    const rows = acmeRows();
    Object.assign(rows[0] as object, { net_income: 100 * B, shares_outstanding: 10 * B });
    const w = valuation(rows, { ...acmeParsed().values, aiRevenueGrowth: 0.1 });
    expect(w?.epsGrowthSource).toBe('data');
    expect(w?.baseEpsGrowth).toBeCloseTo(0.5, 12);
  });
  test('net debt in the data › EV = market cap + net debt', () => {
    const rows = acmeRows();
    (rows[1] as Record<string, unknown>).net_debt = -500 * B;
    expect((valuation(rows, acmeParsed().values)?.enterpriseValueUsd as number) / B).toBe(2500);
  });
  test('no price or market cap › no valuation', () => {
    const rows = acmeRows();
    (rows[1] as Record<string, unknown>).share_price = null;
    expect(valuation(rows, acmeParsed().values)).toBeNull();
  });
  test('a loss › no P/E and no compression', () => {
    const rows = acmeRows();
    (rows[1] as Record<string, unknown>).net_income = -10 * B;
    const w = valuation(rows, acmeParsed().values);
    expect(w?.pe).toBeNull();
    expect(w?.compression).toBeNull();
  });
});
