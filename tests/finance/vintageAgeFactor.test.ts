import { vintageAgeFactor } from '../../src/finance';

describe('vintageAgeFactor', () => {
  test('no growth, no deflation › 1', () => expect(vintageAgeFactor(0, 0, 1)).toBe(1));
  test('elasticity 1 › price falls are fully offset by volume', () => expect(vintageAgeFactor(0.1, 0.7, 1)).toBeCloseTo(1.1, 15));
  test('elasticity 0 › revenue falls with price: 1.1 × 0.5', () => expect(vintageAgeFactor(0.1, 0.5, 0)).toBeCloseTo(0.55, 15));
  test('DeepSeek shock › 0.3^0.7 = 0.430512…', () => expect(vintageAgeFactor(0, 0.7, 0.3)).toBeCloseTo(0.4305116, 7));
  test('invalid › growth ≤ −1 and deflation 1 throw, naming the argument', () => {
    expect(() => vintageAgeFactor(-1, 0, 1)).toThrow(/growth/);
    expect(() => vintageAgeFactor(0, 1, 1)).toThrow(/deflation/);
  });
});
