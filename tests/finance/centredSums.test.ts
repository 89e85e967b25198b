import { centredSums } from '../../src/finance';

describe('centredSums', () => {
  // Anscombe (1973), data set I: mean x 9, mean y 7.50 (7.500909), variance of x 11 and of y 4.127269
  // (n − 1 = 10 degrees of freedom), slope 0.5001: so sxx = 110, syy = 41.27269, sxy = 0.5001 × 110.
  const x = [10, 8, 13, 9, 11, 14, 6, 4, 12, 7, 5];
  const y = [8.04, 6.95, 7.58, 8.81, 8.33, 9.96, 7.24, 4.26, 10.84, 4.82, 5.68];

  test('Anscombe I › means and centred sums match the published moments (to 1e-4)', () => {
    const s = centredSums(x, y);
    expect(s.n).toBe(11);
    expect(s.meanX).toBe(9);
    expect(s.meanY).toBeCloseTo(7.500909, 5);
    expect(s.sxx).toBeCloseTo(110, 9);
    expect(s.syy / 10).toBeCloseTo(4.127269, 5);
    expect(s.sxy / s.sxx).toBeCloseTo(0.5001, 4);
  });

  test('values far from zero › two passes keep the digits a one-pass sum loses', () => {
    const years = [2015, 2016, 2017, 2018, 2019].map((v) => v + 1e9);
    expect(centredSums(years, years).sxx).toBe(10);
  });

  test('unequal lengths › RangeError', () => {
    expect(() => centredSums([1, 2], [1])).toThrow(RangeError);
  });
});
