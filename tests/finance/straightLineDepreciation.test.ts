import fc from 'fast-check';
import { straightLineDepreciation } from '../../src/finance';

describe('straightLineDepreciation', () => {
  it('two vintages over 3 years › by year, by vintage and net book value', () => {
    expect(straightLineDepreciation([600, 300], 3)).toEqual({
      depreciation: [200, 300, 300, 100],
      byVintage: [
        [200, 200, 200, 0],
        [0, 100, 100, 100],
      ],
      netBookValue: [400, 400, 100, 0],
    });
  });

  it('half-year convention › half a charge in the first year and one year later', () => {
    expect(straightLineDepreciation([600], 3, { convention: 'half-year' })).toEqual({
      depreciation: [100, 200, 200, 100],
      byVintage: [[100, 200, 200, 100]],
      netBookValue: [500, 300, 100, 0],
    });
  });

  it('servers moved from 4 to 6 years › a lower yearly charge for longer', () => {
    const four = straightLineDepreciation([1200], 4).depreciation;
    const six = straightLineDepreciation([1200], 6).depreciation;
    expect(four).toEqual([300, 300, 300, 300]);
    expect(six).toEqual([200, 200, 200, 200, 200, 200]);
  });

  it('a fractional life (5.5 years) › ends with a half-year charge', () => {
    expect(straightLineDepreciation([550], 5.5).depreciation).toEqual([100, 100, 100, 100, 100, 50]);
  });

  it('a horizon › truncates or pads the schedule', () => {
    expect(straightLineDepreciation([600, 300], 3, { horizonYears: 2 }).depreciation).toEqual([200, 300]);
    expect(straightLineDepreciation([600], 3, { horizonYears: 5 }).netBookValue).toEqual([400, 200, 0, 0, 0]);
  });

  it('no capex › empty schedule', () => {
    expect(straightLineDepreciation([], 5)).toEqual({ depreciation: [], byVintage: [], netBookValue: [] });
  });

  it('property › each vintage is written off in full, and vintages sum to the total', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constant(0), fc.double({ min: 0.01, max: 1e11, noNaN: true })), { maxLength: 15 }),
        fc.double({ min: 0.5, max: 12, noNaN: true }),
        fc.constantFrom('full-year' as const, 'half-year' as const),
        (capex, life, convention) => {
          const s = straightLineDepreciation(capex, life, { convention });
          const total = capex.reduce((a, b) => a + b, 0);
          const written = s.depreciation.reduce((a, b) => a + b, 0);
          expect(Math.abs(written - total)).toBeLessThanOrEqual(1e-9 * (total + 1));
          s.byVintage.forEach((row, v) => {
            const sum = row.reduce((a, b) => a + b, 0);
            expect(Math.abs(sum - (capex[v] as number))).toBeLessThanOrEqual(1e-9 * ((capex[v] as number) + 1));
          });
          s.depreciation.forEach((d, t) => {
            const bySum = s.byVintage.reduce((a, row) => a + (row[t] as number), 0);
            expect(Math.abs(d - bySum)).toBeLessThanOrEqual(1e-9 * (total + 1));
          });
          expect(s.netBookValue[s.netBookValue.length - 1] ?? 0).toBe(0);
        },
      ),
    );
  });

  it('inputs › are not mutated', () => {
    const capex = Object.freeze([100, 200]);
    straightLineDepreciation(capex, 2);
    expect(capex).toEqual([100, 200]);
  });

  it.each([
    ['usefulLifeYears', () => straightLineDepreciation([100], 0)],
    ['usefulLifeYears', () => straightLineDepreciation([100], Number.NaN)],
    ['capexByYear[1]', () => straightLineDepreciation([100, Number.NaN], 3)],
    ['opts.convention', () => straightLineDepreciation([100], 3, { convention: 'mid-month' as 'half-year' })],
    ['opts.horizonYears', () => straightLineDepreciation([100], 3, { horizonYears: 2.5 })],
  ])('invalid %s › throws a RangeError naming it', (name, call) => {
    expect(call).toThrow(RangeError);
    expect(call).toThrow(name);
  });
});
