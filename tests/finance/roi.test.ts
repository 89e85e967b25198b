import { roi } from '../../src/finance';

describe('roi', () => {
  it('125 back on 100 › is 25%', () => {
    expect(roi(125, 100)).toBeCloseTo(0.25, 15);
  });

  it('80 back on 100 › is −20%', () => {
    expect(roi(80, 100)).toBeCloseTo(-0.2, 15);
  });

  it.each([
    ['cost', () => roi(100, 0)],
    ['cost', () => roi(100, Number.NaN)],
    ['finalValue', () => roi(Number.NaN, 100)],
  ])('invalid %s › throws a RangeError naming it', (name, call) => {
    expect(call).toThrow(RangeError);
    expect(call).toThrow(name);
  });
});
