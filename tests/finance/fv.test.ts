import { fv } from '../../src/finance';
import { expectAbsClose, expectRelClose } from './support/tolerance';

describe('fv', () => {
  // numpy-financial TestFv.test_float: fv(0.075, 20, -2000, 0, 0) = 86609.362673042924, rtol 1e-10.
  it('numpy-financial test_float › 86609.362673042924 (1e-10 relative)', () => {
    expectRelClose(fv(0.075, 20, -2000, 0, 'end'), 86609.362673042924, 1e-10);
  });

  // numpy-financial TestFv.test_when_is_begin_float (Google Sheets' FV, 6 decimals).
  it('numpy-financial test_when_is_begin_float › 93105.064874 (to 6 decimals)', () => {
    expectAbsClose(fv(0.075, 20, -2000, 0, 'begin'), 93105.064874, 5e-7);
  });

  // numpy-financial TestFv.test_broadcast and test_some_rates_zero (Google Sheets' FV).
  it.each([
    [0.1, 'end', -610.51],
    [0.1, 'begin', -671.561],
    [0.2, 'end', -744.16],
    [0.2, 'begin', -892.992],
    [0, 'end', -500],
  ] as const)('numpy-financial fv(%d, 5, 100, 0, %s) › %d (1e-10 relative)', (rate, when, expected) => {
    expectRelClose(fv(rate, 5, 100, 0, when), expected, 1e-10);
  });

  it('pv only › compounds it with the opposite sign', () => {
    expectRelClose(fv(0.1, 2, 0, -100), 121, 1e-14);
  });

  it.each([
    ['nper', () => fv(0.1, Number.NaN, 100)],
    ['rate', () => fv(-1, 3, 100)],
    ['pv', () => fv(0.1, 3, 100, Number.NaN)],
  ])('invalid %s › throws a RangeError naming it', (name, call) => {
    expect(call).toThrow(RangeError);
    expect(call).toThrow(name);
  });
});
