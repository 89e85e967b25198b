import { createRng, imanConover, normal, pert, spearman, uniform, lognormal, monteCarlo, type Distribution } from '../../src/finance';
import { expectAbsClose } from './support/tolerance';

function sample(dist: Distribution, n: number, seed: number): Float64Array {
  return monteCarlo(({ x }) => x, { x: dist }, { trials: n, seed }).values;
}

const target = [
  [1, 0.8, -0.4],
  [0.8, 1, -0.3],
  [-0.4, -0.3, 1],
];

describe('imanConover', () => {
  const n = 20_000;
  const inputs = [sample(pert(0.3, 0.45, 0.7), n, 1), sample(lognormal(0, 0.5), n, 2), sample(uniform(0.07, 0.11), n, 3)];
  const run = imanConover(inputs, target, createRng(42), ['yield', 'growth', 'wacc']);

  // Iman & Conover (1982): the method only reorders each input, so every marginal is kept exactly.
  it('marginals unchanged exactly › each column holds the same values', () => {
    run.columns.forEach((col, j) => {
      expect(Float64Array.from(col).sort()).toEqual(Float64Array.from(inputs[j] as Float64Array).sort());
    });
  });

  // The sampling error of a rank correlation at n = 20,000 is about (1 − ρ²)/√n ≈ 0.005; 0.015 is three of them.
  it('achieved Spearman › within 0.015 of the target for n = 20,000 (seed 42)', () => {
    for (let i = 0; i < 3; i++) {
      for (let j = 0; j < 3; j++) expectAbsClose(run.achieved[i]?.[j], target[i]?.[j] as number, 0.015);
    }
  });

  it('achieved matrix › is the Spearman correlation of the returned columns', () => {
    expectAbsClose(run.achieved[0]?.[2], spearman(run.columns[0] as Float64Array, run.columns[2] as Float64Array) as number, 1e-12);
  });

  it('inputs are not mutated, and the same seed gives the same order', () => {
    expect(inputs[0]).toEqual(sample(pert(0.3, 0.45, 0.7), n, 1));
    const again = imanConover(inputs, target, createRng(42));
    expect(again.columns[1]).toEqual(run.columns[1]);
  });

  it('identity target › rank correlations near 0', () => {
    const ind = imanConover(inputs.slice(0, 2), [[1, 0], [0, 1]], createRng(7));
    expectAbsClose(ind.achieved[0]?.[1], 0, 0.02);
  });

  it('correlation 1 › the columns move in the same rank order', () => {
    const a = sample(normal(0, 1), 500, 4);
    const b = sample(uniform(0, 1), 500, 5);
    const res = imanConover([a, b], [[1, 1], [1, 1]], createRng(3));
    expect(res.achieved[0]?.[1]).toBeCloseTo(1, 12);
  });

  it('a target that is not positive semi-definite › RangeError naming the pair', () => {
    expect(() => imanConover(inputs, [[1, 0.9, -0.9], [0.9, 1, 0.9], [-0.9, 0.9, 1]], createRng(1), ['yield', 'growth', 'wacc'])).toThrow(
      /yield and wacc.*not positive semi-definite|not positive semi-definite.*yield and wacc/,
    );
  });

  it('lengths that do not fit › RangeError', () => {
    expect(() => imanConover([new Float64Array(5), new Float64Array(4)], [[1, 0], [0, 1]], createRng(1))).toThrow(/columns\[1\]/);
    expect(() => imanConover([new Float64Array(2), new Float64Array(2)], [[1, 0], [0, 1]], createRng(1))).toThrow(/at least 3 draws/);
  });
});
