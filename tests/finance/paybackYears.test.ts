import fc from 'fast-check';
import { paybackYears } from '../../src/finance';
import { expectAbsClose } from './support/tolerance';

describe('paybackYears', () => {
  it('textbook case: 100,000 outlay, 20/30/40/50k inflows › 3.2 years (exact)', () => {
    // Cumulative: −80k, −50k, −10k, +40k; 10k of year 4's 50k → 3 + 0.2.
    expectAbsClose(paybackYears([-100000, 20000, 30000, 40000, 50000]), 3.2, 1e-12);
  });

  // gaodun.com worked example (discounted payback at 12%), simple payback of the same flows:
  // −200,000, 60,000, 80,000, 70,000 … → cumulative −140k, −60k, +10k → 2 + 60/70.
  it('gaodun.com example flows › 2.857 years', () => {
    expectAbsClose(paybackYears([-200000, 60000, 80000, 70000, 60000, 50000]), 2 + 60 / 70, 1e-12);
  });

  it('an even annuity: 1,000,000 outlay, 250,000 a year › exactly 4 years', () => {
    expect(paybackYears([-1e6, 250000, 250000, 250000, 250000, 250000])).toBe(4);
  });

  it('never recovers › null', () => {
    expect(paybackYears([-1000, 100, 100])).toBeNull();
  });

  it('never negative › 0', () => {
    expect(paybackYears([0, 10, 20])).toBe(0);
  });

  it('a later outlay that pushes the total below zero again › the payback moves out', () => {
    // Cumulative: −100, +20, −60, +40: back above zero for good during year 3.
    expectAbsClose(paybackYears([-100, 120, -80, 100]), 2 + 60 / 100, 1e-12);
  });

  it('outlays over two years (a build-out) › counts from t = 0', () => {
    // Cumulative: −50, −100, −40, +20.
    expectAbsClose(paybackYears([-50, -50, 60, 60]), 2 + 40 / 60, 1e-12);
  });

  it('property › appending positive flows after a payback leaves it unchanged', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 30 }),
        fc.array(fc.double({ min: 0, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 10 }),
        (flows, more) => {
          const before = paybackYears(flows);
          fc.pre(before !== null);
          expect(paybackYears([...flows, ...more])).toBe(before);
        },
      ),
    );
  });

  it.each([
    ['flows', () => paybackYears([])],
    ['flows[1]', () => paybackYears([-1, Number.NaN])],
  ])('invalid %s › throws a RangeError naming it', (name, call) => {
    expect(call).toThrow(RangeError);
    expect(call).toThrow(name);
  });
});
