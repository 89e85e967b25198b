import { pmt, pv } from '../../src/finance';
import { expectRelClose } from './support/tolerance';

describe('pv', () => {
  // numpy-financial TestPV.test_pv_decimal: pv(0.07, 20, 12000, 0) = -127128.1709461939327295222005.
  it('numpy-financial test_pv_decimal › 1e-9 relative', () => {
    expectRelClose(pv(0.07, 20, 12000, 0), -127128.1709461939327295222005, 1e-9);
  });

  it('rate 0 › −(fv + pmt · nper)', () => {
    expect(pv(0, 10, 100, 50)).toBe(-1050);
  });

  it('payments at the beginning › worth one period of interest more', () => {
    expectRelClose(pv(0.07, 20, 12000, 0, 'begin'), pv(0.07, 20, 12000) * 1.07, 1e-12);
  });

  it('round trip with pmt › pv of the payment that repays a loan is the loan', () => {
    expectRelClose(pv(0.05, 30, pmt(0.05, 30, 250000)), 250000, 1e-12);
  });

  it.each([
    ['nper', () => pv(0.1, -1, 100)],
    ['rate', () => pv(-2, 3, 100)],
    ['pmt', () => pv(0.1, 3, Number.NaN)],
  ])('invalid %s › throws a RangeError naming it', (name, call) => {
    expect(call).toThrow(RangeError);
    expect(call).toThrow(name);
  });
});
