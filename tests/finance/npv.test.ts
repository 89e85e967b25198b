import fc from 'fast-check';
import { npv } from '../../src/finance';
import { expectAbsClose, expectRelClose } from './support/tolerance';

describe('npv', () => {
  // numpy-financial tests/test_financial.py, TestNpv.test_npv_decimal:
  // npv(0.05, [-15000, 1500, 2500, 3500, 4500, 6000]) = 122.894854950942692161628715
  it('numpy-financial test_npv_decimal › matches to 1e-9 relative', () => {
    expectRelClose(npv(0.05, [-15000, 1500, 2500, 3500, 4500, 6000]), 122.894854950942692161628715, 1e-9);
  });

  // Excel NPV documentation, example 1: =NPV(10%, -10000, 3000, 4200, 6800) → $1,188.44.
  // Excel discounts its first value one period, so it equals npv(r, [0, ...values]).
  it('Excel NPV example 1 › equals npv with a leading 0 (to the cent)', () => {
    expectAbsClose(npv(0.1, [0, -10000, 3000, 4200, 6800]), 1188.44, 0.005);
  });

  // Excel NPV documentation, example 2: =NPV(8%, A4:A8) + A3 → $1,922.06, and with a
  // −9,000 loss in year six =NPV(8%, A4:A8, −9000) + A3 → ($3,749.47). Adding the t = 0 flow
  // outside Excel's NPV is exactly npv with that flow first.
  it('Excel NPV example 2 › equals npv with the initial cost first (to the cent)', () => {
    expectAbsClose(npv(0.08, [-40000, 8000, 9200, 10000, 12000, 14500]), 1922.06, 0.005);
    expectAbsClose(npv(0.08, [-40000, 8000, 9200, 10000, 12000, 14500, -9000]), -3749.47, 0.005);
  });

  it('Excel convention versus this one › differ by exactly one period of discounting', () => {
    const values = [-10000, 3000, 4200, 6800];
    const excelStyle = npv(0.1, [0, ...values]);
    expectRelClose(npv(0.1, values) / 1.1, excelStyle, 1e-14);
  });

  it('rate 0 › is the plain sum', () => {
    expect(npv(0, [-100, 30, 40, 50])).toBe(20);
  });

  it('a negative rate above −100% › compounds instead of discounting', () => {
    expectRelClose(npv(-0.5, [0, 1]), 2, 1e-15);
  });

  it('property › equals the term-by-term sum Σ c_t / (1 + r)^t', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -0.9, max: 2, noNaN: true }),
        fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 40 }),
        (rate, flows) => {
          const direct = flows.reduce((s, c, t) => s + c / Math.pow(1 + rate, t), 0);
          const scale = flows.reduce((s, c, t) => s + Math.abs(c) / Math.pow(1 + rate, t), 0);
          expect(Math.abs(npv(rate, flows) - direct)).toBeLessThanOrEqual(1e-12 * scale + 1e-300);
        },
      ),
    );
  });

  it('inputs › are not mutated', () => {
    const flows = Object.freeze([-100, 50, 60]);
    npv(0.1, flows);
    expect(flows).toEqual([-100, 50, 60]);
  });

  it.each([
    ['flows', () => npv(0.1, [])],
    ['flows[1]', () => npv(0.1, [1, Number.NaN])],
    ['flows[0]', () => npv(0.1, [Number.POSITIVE_INFINITY])],
    ['rate', () => npv(-1, [1, 2])],
    ['rate', () => npv(-1.5, [1, 2])],
    ['rate', () => npv(Number.NaN, [1, 2])],
  ])('invalid %s › throws a RangeError naming it', (name, call) => {
    expect(call).toThrow(RangeError);
    expect(call).toThrow(name);
  });
});
