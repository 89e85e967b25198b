import { cagr } from '../../src/finance';
import { expectRelClose } from './support/tolerance';

describe('cagr', () => {
  it('100 to 121 over 2 years › is 10% a year (exact algebra, 1e-12 relative)', () => {
    expectRelClose(cagr(100, 121, 2), 0.1, 1e-12);
  });

  it('a fractional period › compounds over the fraction', () => {
    expectRelClose(cagr(100, 110, 0.5), 0.21, 1e-12);
  });

  it('the $600B question inputs: $50B to $150B in one year › is 200%', () => {
    expectRelClose(cagr(50e9, 150e9, 1), 2, 1e-12);
  });

  it('a fall to zero › is −100%', () => {
    expect(cagr(100, 0, 3)).toBe(-1);
  });

  it('two negative values (a shrinking loss) › still has a rate', () => {
    expectRelClose(cagr(-100, -121, 2), 0.1, 1e-12);
  });

  it.each([
    ['begin', () => cagr(0, 10, 1)],
    ['begin', () => cagr(Number.NaN, 10, 1)],
    ['end', () => cagr(100, Number.POSITIVE_INFINITY, 1)],
    ['end', () => cagr(100, -10, 1)],
    ['years', () => cagr(100, 110, 0)],
    ['years', () => cagr(100, 110, -1)],
  ])('invalid %s › throws a RangeError naming it', (name, call) => {
    expect(call).toThrow(RangeError);
    expect(call).toThrow(name);
  });
});
