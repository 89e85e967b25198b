import { costPerMillionTokens, deepSeekServingDay, DEEPSEEK_SERVING_DAY, servingCostUsd } from '../../src/models/inference';

// DeepSeek, "DeepSeek-V3/R1 Inference System Overview" (open-infra-index, Day 6, 1 Mar 2025).
describe('deepSeekServingDay', () => {
  it('226.75 nodes × 8 H800 × 24 h × $2 › $87,072 a day, exactly', () => {
    expect(servingCostUsd(226.75, 8, 24, 2)).toBe(87_072);
    expect(deepSeekServingDay().costUsd).toBe(DEEPSEEK_SERVING_DAY.publishedCostUsd);
  });

  it('published token counts at R1 list prices › theoretical revenue within 0.1% of $562,027', () => {
    // Token counts are published rounded to the billion, hence the tolerance.
    const { revenueUsd } = deepSeekServingDay();
    expect(Math.abs(revenueUsd - 562_027) / 562_027).toBeLessThan(0.001);
  });

  it('cost profit margin › 545% as published (±1 percentage point)', () => {
    expect(Math.abs(deepSeekServingDay().costProfitMargin - 5.45)).toBeLessThan(0.01);
  });

  it('per-token costs › fleet cost over 168B output tokens ≈ $0.518/M; decode at 14.8k tok/s per node ≈ $0.300/M', () => {
    const d = deepSeekServingDay();
    expect(d.costPerMillionOutputTokensUsd).toBeCloseTo((87_072 / 168e9) * 1e6, 9);
    expect(d.decodeCostPerMillionTokensUsd).toBeCloseTo((16 / (14_800 * 3600)) * 1e6, 9);
  });
});

describe('costPerMillionTokens', () => {
  it('per-hour price, per-second throughput › $3.60/h at 1 tok/s (3,600 tokens for $3.60) › $1,000 per million tokens', () => {
    expect(costPerMillionTokens(3.6, 1, 1)).toBeCloseTo(1000, 9);
  });
  it('reserved GPUs busy half the time › twice the full-utilization cost', () => {
    expect(costPerMillionTokens(2, 1000, 0.5)).toBeCloseTo(2 * costPerMillionTokens(2, 1000, 1), 12);
  });
  it('utilization as a percent (50) or zero throughput › RangeError', () => {
    expect(() => costPerMillionTokens(2, 1000, 50)).toThrow(RangeError);
    expect(() => costPerMillionTokens(2, 0, 1)).toThrow(RangeError);
  });
});
