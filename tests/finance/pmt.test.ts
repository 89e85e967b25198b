import { pmt } from '../../src/finance';
import { expectAbsClose, expectRelClose } from './support/tolerance';

describe('pmt', () => {
  // Excel PMT documentation: 8% a year, 10 monthly payments, $10,000 loan.
  it('Excel PMT example › ($1,037.03) a month (to the cent)', () => {
    expectAbsClose(pmt(0.08 / 12, 10, 10000), -1037.03, 0.005);
  });

  it('Excel PMT example, payments at the beginning › ($1,030.16)', () => {
    expectAbsClose(pmt(0.08 / 12, 10, 10000, 0, 'begin'), -1030.16, 0.005);
  });

  // Excel PMT documentation: save $50,000 in 18 years at 6% → ($129.08) a month.
  it('Excel PMT savings example › ($129.08) a month', () => {
    expectAbsClose(pmt(0.06 / 12, 18 * 12, 0, 50000), -129.08, 0.005);
  });

  // numpy-financial TestPmt: test_pmt_decimal_simple, test_pmt_zero_rate, test_pmt_decimal_broadcast.
  it('numpy-financial test_pmt_decimal_simple › -304.1459143262052370… (1e-9 relative)', () => {
    expectRelClose(pmt(0.08 / 12, 5 * 12, 15000), -304.1459143262052370338701494, 1e-9);
  });

  it('numpy-financial test_pmt_zero_rate › exactly -250', () => {
    expect(pmt(0, 60, 15000)).toBe(-250);
  });

  it.each([
    [0.0, 12, 2000, -166.6666666666666666666666667],
    [0.8, 3, 20000, -19311.2582781456953642384106],
    [0.3, 12, 2000, -626.90814017007577484025866],
  ])('numpy-financial test_pmt_decimal_broadcast (%d, %d, %d) › %d (1e-9 relative)', (rate, nper, pv, expected) => {
    expectRelClose(pmt(rate, nper, pv), expected, 1e-9);
  });

  it('a tiny rate › is continuous with the rate-0 formula (expm1 keeps the digits)', () => {
    expectRelClose(pmt(1e-12, 60, 15000), -250, 1e-9);
  });

  it.each([
    ['nper', () => pmt(0.1, 0, 100)],
    ['nper', () => pmt(0.1, -3, 100)],
    ['rate', () => pmt(-1, 3, 100)],
    ['pv', () => pmt(0.1, 3, Number.NaN)],
    ['fv', () => pmt(0.1, 3, 100, Number.POSITIVE_INFINITY)],
    ['when', () => pmt(0.1, 3, 100, 0, 'start' as 'begin')],
  ])('invalid %s › throws a RangeError naming it', (name, call) => {
    expect(call).toThrow(RangeError);
    expect(call).toThrow(name);
  });
});
