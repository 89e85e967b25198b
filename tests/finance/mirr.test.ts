import { mirr } from '../../src/finance';
import { expectAbsClose, expectRelClose } from './support/tolerance';

describe('mirr', () => {
  // Excel MIRR documentation example: cost 120,000 financed at 10%, income reinvested at 12%.
  describe('Excel MIRR example (results shown to 0.01%)', () => {
    const values = [-120000, 39000, 30000, 21000, 37000, 46000];

    it('after five years › 12.61%', () => {
      expectAbsClose(mirr(values, 0.1, 0.12), 0.1261, 0.00005);
    });

    it('after three years › −4.80%', () => {
      expectAbsClose(mirr(values.slice(0, 4), 0.1, 0.12), -0.048, 0.00005);
    });

    it('five years, reinvested at 14% › 13.48%', () => {
      expectAbsClose(mirr(values, 0.1, 0.14), 0.1348, 0.00005);
    });
  });

  // numpy-financial TestMirr.test_mirr_decimal, exact Decimal results.
  it.each([
    [[-4500, -800, 800, 800, 600, 600, 800, 800, 700, 3000], 0.08, 0.055, 0.066597175031553548874239618],
    [[-120000, 39000, 30000, 21000, 37000, 46000], 0.1, 0.12, 0.12609413036590514582842188],
    [[100, 200, -50, 300, -200], 0.05, 0.06, 0.342823387842176663647819868],
  ])('numpy-financial test_mirr_decimal %j › %d (1e-9 relative)', (values, finance, reinvest, expected) => {
    expectRelClose(mirr(values, finance, reinvest), expected, 1e-9);
  });

  it('no outlay (numpy-financial NaN, Excel #DIV/0!) › null', () => {
    expect(mirr([39000, 30000, 21000, 37000, 46000], 0.1, 0.12)).toBeNull();
  });

  it('no income › null', () => {
    expect(mirr([-1, -2, 0], 0.1, 0.12)).toBeNull();
  });

  it.each([
    ['flows', () => mirr([], 0.1, 0.1)],
    ['financeRate', () => mirr([-1, 2], -1, 0.1)],
    ['reinvestRate', () => mirr([-1, 2], 0.1, Number.NaN)],
  ])('invalid %s › throws a RangeError naming it', (name, call) => {
    expect(call).toThrow(RangeError);
    expect(call).toThrow(name);
  });
});
