import fc from 'fast-check';
import { discountedPaybackYears, paybackYears } from '../../src/finance';
import { expectAbsClose } from './support/tolerance';

describe('discountedPaybackYears', () => {
  // gaodun.com worked example at 12%: cumulative discounted −32,828.44 after year 3, year 4
  // brings 38,131.08 → 3 + 32,828.44 / 38,131.08 = 3.86 years (table shown to the cent).
  it('gaodun.com example at 12% › 3.8609 years', () => {
    const years = discountedPaybackYears(0.12, [-200000, 60000, 80000, 70000, 60000, 50000]);
    expectAbsClose(years, 3 + 32828.44 / 38131.08, 1e-6);
  });

  // Scribd "Discounted Payback Period Solution" at 8.5%: (150), 70, 55, 40, 25, 10 → 3.41 years.
  it('Scribd worked example at 8.5% › 3.41 years (to 0.01)', () => {
    expectAbsClose(discountedPaybackYears(0.085, [-150, 70, 55, 40, 25, 10]), 3.41, 0.005);
  });

  // IXL/Bartleby-style worked example at 11%: (210), 85, 75, 85, 105 → 3.15 years (approx.).
  it('worked example at 11% › 3.15 years (to 0.01)', () => {
    expectAbsClose(discountedPaybackYears(0.11, [-210, 85, 75, 85, 105]), 3.15, 0.005);
  });

  it('rate 0 › equals the simple payback', () => {
    const flows = [-100000, 20000, 30000, 40000, 50000];
    expect(discountedPaybackYears(0, flows)).toBe(paybackYears(flows));
  });

  it('negative NPV at the rate › null (never pays back in present value)', () => {
    expect(discountedPaybackYears(0.5, [-100, 60, 60])).toBeNull();
  });

  it('property › never shorter than the simple payback for a positive rate and one outlay', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 1, max: 1e6, noNaN: true }),
        fc.array(fc.double({ min: 0, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 30 }),
        (rate, outlay, inflows) => {
          const flows = [-outlay, ...inflows];
          const discounted = discountedPaybackYears(rate, flows);
          const simple = paybackYears(flows);
          if (discounted !== null) expect(discounted).toBeGreaterThanOrEqual((simple as number) - 1e-9);
        },
      ),
    );
  });

  it('property › appending positive flows after a payback leaves it unchanged', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 0.5, noNaN: true }),
        fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 30 }),
        fc.array(fc.double({ min: 0, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 10 }),
        (rate, flows, more) => {
          const before = discountedPaybackYears(rate, flows);
          fc.pre(before !== null);
          expect(discountedPaybackYears(rate, [...flows, ...more])).toBe(before);
        },
      ),
    );
  });

  it.each([
    ['rate', () => discountedPaybackYears(-1, [-1, 2])],
    ['flows', () => discountedPaybackYears(0.1, [])],
  ])('invalid %s › throws a RangeError naming it', (name, call) => {
    expect(call).toThrow(RangeError);
    expect(call).toThrow(name);
  });
});
