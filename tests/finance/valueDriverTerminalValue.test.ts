import { valueDriverTerminalValue } from '../../src/finance';

describe('valueDriverTerminalValue', () => {
  // McKinsey, "Valuation" (value-driver formula): NOPAT_{t+1} × (1 − g/RONIC) / (WACC − g).
  test('RONIC = WACC › growth adds no value: next year’s NOPAT ÷ WACC', () => {
    expect(valueDriverTerminalValue(100, 0.02, 0.09, 0.09)).toBeCloseTo(102 / 0.09, 9);
    expect(valueDriverTerminalValue(100, 0.05, 0.09, 0.09)).toBeCloseTo(105 / 0.09, 9);
  });
  test('RONIC above WACC › growth adds value: 100 × 1.02 × (1 − 0.02/0.15) / 0.07 = 1,262.857', () => {
    expect(valueDriverTerminalValue(100, 0.02, 0.15, 0.09)).toBeCloseTo(1262.857142857, 8);
  });
  test('no growth › NOPAT ÷ WACC, whatever the RONIC', () => expect(valueDriverTerminalValue(90, 0, 0.3, 0.09)).toBeCloseTo(1000, 9));
  test('growth at or above WACC › throws', () => expect(() => valueDriverTerminalValue(100, 0.09, 0.09, 0.09)).toThrow(/growth/));
});
