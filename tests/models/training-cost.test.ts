import { costFromGpuHours, estimateTrainingFlops, gpuHoursFromFlops, trainingCost } from '../../src/models/training-cost';

const defaults = { gpuHourPriceUsd: 2, mfu: 0.4 };

describe('costFromGpuHours', () => {
  // DeepSeek-V3 technical report (arXiv 2412.19437), Table 1: 2,788K H800 GPU-hours at $2/h = $5.576M.
  it('DeepSeek-V3 final run › 2,788K H800 GPU-hours at $2 › $5.576M to the dollar', () => {
    expect(costFromGpuHours(2_788_000, 2)).toBeCloseTo(5_576_000, 6);
  });

  // Same table: pre-training 2,664K, context extension 119K, post-training 5K GPU-hours → $5.328M + $0.238M + $0.01M.
  it('DeepSeek-V3 stages › summed › equal the published total', () => {
    const stages = [2_664_000, 119_000, 5_000].map((h) => costFromGpuHours(h, 2));
    expect(stages).toEqual([5_328_000, 238_000, 10_000]);
    expect(stages.reduce((a, b) => a + b, 0)).toBe(5_576_000);
  });

  // DeepSeek-R1 (Nature, 2025): about 147K H800 GPU-hours for the RL stage at $2/h ≈ $294K.
  it('DeepSeek-R1 RL stage › 147K GPU-hours at $2 › about $294K (±1%)', () => {
    expect(Math.abs(costFromGpuHours(147_000, 2) - 294_000) / 294_000).toBeLessThan(0.01);
  });
});

describe('estimateTrainingFlops', () => {
  // Reference README "Training FLOPs rule": 6 × 37B active × 14.8T tokens ≈ 3.29e24 FLOP.
  it('DeepSeek-V3 › 37B active × 14.8T tokens › ≈ 3.29e24 FLOP (±0.5%)', () => {
    const flops = estimateTrainingFlops(37, 14.8);
    expect(Math.abs(flops - 3.29e24) / 3.29e24).toBeLessThan(0.005);
  });

  it('units › paramsB is billions and tokensT trillions › 1B × 1T = 6e21 FLOP', () => {
    expect(estimateTrainingFlops(1, 1)).toBe(6e21);
  });
});

describe('gpuHoursFromFlops', () => {
  it('per-second peak, per-hour result › 3.6e18 FLOP at 1e15 FLOP/s and MFU 1 › exactly 1 GPU-hour', () => {
    expect(gpuHoursFromFlops(3.6e18, 1e15, 1)).toBe(1);
  });
  it('MFU outside (0, 1] › RangeError', () => {
    expect(() => gpuHoursFromFlops(1e20, 1e15, 40)).toThrow(RangeError);
    expect(() => gpuHoursFromFlops(1e20, 1e15, 0)).toThrow(RangeError);
  });
});

describe('trainingCost', () => {
  it('DeepSeek-V3 with all inputs › three methods side by side › GPU-hours method gives $5.576M', () => {
    const r = trainingCost(
      { model: 'DeepSeek-V3', activeParamsB: 37, paramsB: 671, tokensT: 14.8, hardware: 'NVIDIA H800 SXM5', gpuHours: 2_788_000, gpuHourPriceUsd: 2, mfu: 0.4, trainingCostUsd: 5_576_000 },
      defaults,
    );
    expect(r.reported).toMatchObject({ kind: 'ok', costUsd: 5_576_000 });
    expect(r.gpuHours).toMatchObject({ kind: 'ok', costUsd: 5_576_000 });
    expect(r.flops.kind).toBe('ok');
    // 3.2856e24 / (989e12 × 0.4) / 3600 = 2.307M GPU-hours → $4.61M: the FLOPs route uses only params, tokens, peak and MFU.
    if (r.flops.kind === 'ok') {
      expect(r.flops.gpuHours).toBeCloseTo(3.2856e24 / (989e12 * 0.4) / 3600, 0);
      expect(r.flops.used.find((u) => u.name === 'active_params_b')).toEqual({ name: 'active_params_b', value: 37, source: 'data' });
    }
    expect(r.headline).toEqual({ method: 'reported', costUsd: 5_576_000 });
  });

  it('no price in the row › default price used › and labelled as default', () => {
    const r = trainingCost({ model: 'x', gpuHours: 1000 }, defaults);
    expect(r.gpuHours.kind === 'ok' && r.gpuHours.used).toContainEqual({ name: 'gpu_hour_price_usd', value: 2, source: 'default' });
    expect(r.headline).toEqual({ method: 'gpuHours', costUsd: 2000 });
  });

  it('gpu_count × training_hours › stand in for gpu_hours', () => {
    const r = trainingCost({ model: 'x', gpuCount: 2048, trainingHours: 10, gpuHourPriceUsd: 2 }, defaults);
    expect(r.gpuHours).toMatchObject({ kind: 'ok', costUsd: 40_960, gpuHours: 20_480 });
  });

  it('unknown hardware › FLOPs method is missing › and says which hardware', () => {
    const r = trainingCost({ model: 'x', trainingFlops: 1e24, hardware: 'Google TPU v3' }, defaults);
    expect(r.flops.kind).toBe('missing');
    expect(r.flops.kind === 'missing' && r.flops.reason).toContain('Google TPU v3');
    expect(r.headline).toBeNull();
  });

  it('nothing to go on › every method missing › headline null', () => {
    const r = trainingCost({ model: 'x' }, defaults);
    expect([r.reported.kind, r.gpuHours.kind, r.flops.kind]).toEqual(['missing', 'missing', 'missing']);
    expect(r.hardware.kind).toBe('missing');
  });

  it('row MFU given as a percent (40) › not a fraction › default used instead', () => {
    const r = trainingCost({ model: 'x', trainingFlops: 1e24, hardware: 'H100', mfu: 40 }, defaults);
    expect(r.flops.kind === 'ok' && r.flops.used).toContainEqual({ name: 'mfu', value: 0.4, source: 'default' });
  });
});
