import { costFromGpuHours, estimateTrainingFlops, gpuHoursFromFlops, isTokenDomain, trainingCost, trainingStage } from '../../src/models/training-cost';

const defaults = { gpuHourPriceUsd: 2, tpuChipHourPriceUsd: 3.22, mfu: 0.4, cpiFactorFrom2023: 1 };

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
  it('DeepSeek-V3 with all inputs › methods side by side › GPU-hours method gives $5.576M, reported wins the headline', () => {
    const r = trainingCost(
      { model: 'DeepSeek-V3', activeParamsB: 37, paramsB: 671, tokensT: 14.8, hardware: 'NVIDIA H800 SXM5', gpuHours: 2_788_000, gpuHourPriceUsd: 2, mfu: 0.4, trainingCostUsd: 5_576_000 },
      defaults,
    );
    expect(r.reportedUsd).toBe(5_576_000);
    expect(r.gpuHours).toEqual({ hours: { value: 2_788_000, source: 'data' }, price: { value: 2, source: 'data' }, costUsd: 5_576_000, reason: null });
    // 3.2856e24 / (989e12 × 0.4) / 3600 = 2.307M GPU-hours → $4.61M: the FLOPs route uses only params, tokens, peak and MFU.
    expect(r.flops.chipHours).toBeCloseTo(3.2856e24 / (989e12 * 0.4) / 3600, 0);
    expect(r.flops.flops).toEqual({ value: 6 * 37e9 * 14.8e12, source: 'derived' });
    expect(r.flops.peakFlopsPerSecond).toEqual({ value: 989e12, source: 'spec-table' });
    expect(r.flops.mfu).toEqual({ value: 0.4, source: 'data' });
    expect(r.headline).toEqual({ method: 'reported', costUsd: 5_576_000 });
  });

  it('no price in the row › default price used › and labelled as default', () => {
    const r = trainingCost({ model: 'x', gpuHours: 1000 }, defaults);
    expect(r.gpuHours.price).toEqual({ value: 2, source: 'default' });
    expect(r.headline).toEqual({ method: 'gpu-hours', costUsd: 2000 });
  });

  it('gpu_count × training_hours › stand in for gpu_hours, marked derived', () => {
    const r = trainingCost({ model: 'x', gpuCount: 2048, trainingHours: 10, gpuHourPriceUsd: 2 }, defaults);
    expect(r.gpuHours).toMatchObject({ costUsd: 40_960, hours: { value: 20_480, source: 'derived' } });
  });

  it('unknown hardware › FLOPs method has no cost › and says which hardware', () => {
    const r = trainingCost({ model: 'x', trainingFlops: 1e24, hardware: 'Google TPU v3' }, defaults);
    expect(r.flops.costUsd).toBeNull();
    expect(r.flops.flops).toEqual({ value: 1e24, source: 'data' });
    expect(r.flops.reason).toContain('Google TPU v3');
    expect(r.headline).toBeNull();
  });

  it('nothing to go on › every method empty › headline null', () => {
    const r = trainingCost({ model: 'x' }, defaults);
    expect([r.reportedUsd, r.epoch2023Usd, r.gpuHours.costUsd, r.flops.costUsd]).toEqual([null, null, null, null]);
    expect(r.hardware.kind).toBe('missing');
    expect(r.hardwareClass.kind).toBe('unnamed');
  });

  it('row MFU given as a percent (40) › not a fraction › default used instead', () => {
    const r = trainingCost({ model: 'x', trainingFlops: 1e24, hardware: 'H100', mfu: 40 }, defaults);
    expect(r.flops.mfu).toEqual({ value: 0.4, source: 'default' });
  });
});

describe('trainingCost › what the size counts', () => {
  it('Epoch datapoints of a Language model › read as tokens: 6 × 70e9 × 2e12 = 8.4e23 FLOP', () => {
    const r = trainingCost({ model: 'x', paramsB: 70, datasetDatapoints: 2e12, domain: 'Language', hardware: 'NVIDIA H100 SXM5 80GB' }, defaults);
    expect(r.flops.flops).toEqual({ value: 8.4e23, source: 'derived' });
    expect(r.flops.flopsFormula).toBe('6 × params × datapoints (tokens: Language)');
  });

  it('GNoME-like materials model (69,000 crystals) › no FLOPs estimate, with the reason', () => {
    const r = trainingCost({ model: 'GNoME', paramsB: 0.0162, datasetDatapoints: 69_000, domain: 'Materials science', hardware: 'Google TPU v4' }, defaults);
    expect(r.flops.flops).toBeNull();
    expect(r.flops.costUsd).toBeNull();
    expect(r.flops.reason).toBe("no training FLOPs: the dataset size is a Materials science model's datapoints, not tokens (only Language and Multimodal datapoints count as tokens), so 6 × params × tokens does not apply");
    expect(r.headline).toBeNull();
  });

  it('isTokenDomain › Epoch’s comma-separated domains', () => {
    expect([isTokenDomain('Language'), isTokenDomain('Multimodal,Language,Vision'), isTokenDomain('Vision'), isTokenDomain('Games'), isTokenDomain(null)]).toEqual([true, true, false, false, false]);
  });
});

describe('trainingCost › hardware classes', () => {
  it('CPU run (Libratus-like, 857,000 chip-hours on Xeons) › no chip-hour cost, with the reason', () => {
    const r = trainingCost({ model: 'Libratus', chipHours: 857_000, hardware: 'Intel Xeon E5-2695 v3' }, defaults);
    expect(r.hardwareClass.kind).toBe('cpu');
    expect(r.gpuHours).toEqual({ hours: { value: 857_000, source: 'data' }, price: null, costUsd: null, reason: 'CPU hardware ("Intel Xeon E5-2695 v3"): CPU core- or machine-hours are not GPU-hours' });
    expect(r.headline).toBeNull();
  });

  it('unnamed hardware with Epoch’s chip count × hours (SB-LM: 1,500 machines × 24 h) › no cost', () => {
    const r = trainingCost({ model: 'SB-LM', chipCount: 1500, trainingHours: 24 }, defaults);
    expect(r.gpuHours.hours).toEqual({ value: 36_000, source: 'derived' });
    expect(r.gpuHours.costUsd).toBeNull();
    expect(r.gpuHours.reason).toBe('no training hardware named: the hours may be CPU or machine hours, not GPU-hours');
  });

  it('TPU v4 chip-hours › TPU price; the same hours on H100 › GPU price', () => {
    const tpu = trainingCost({ model: 't', chipHours: 1000, hardware: 'Google TPU v4' }, defaults);
    const gpu = trainingCost({ model: 'g', chipHours: 1000, hardware: 'NVIDIA H100 SXM5 80GB' }, defaults);
    expect(tpu.gpuHours).toMatchObject({ price: { value: 3.22, source: 'default' }, costUsd: 3220 });
    expect(gpu.gpuHours).toMatchObject({ price: { value: 2, source: 'default' }, costUsd: 2000 });
  });
});

describe('trainingCost › Epoch’s estimate', () => {
  it('only Epoch’s cost › headline epoch-estimate in 2023 USD; a CPI factor of 1.0295 moves it to 2024 dollars', () => {
    const r = trainingCost({ model: 'x', epochCost2023Usd: 6_770_000 }, defaults);
    expect(r.headline).toEqual({ method: 'epoch-estimate', costUsd: 6_770_000 });
    const today = trainingCost({ model: 'x', epochCost2023Usd: 6_770_000 }, { ...defaults, cpiFactorFrom2023: 1.0295 });
    expect(today.epoch2023Usd).toBe(6_770_000);
    expect(today.headline?.costUsd).toBeCloseTo(6_969_715, 6);
  });
});

describe('trainingStage', () => {
  it('stated, base model, name › rl-stage, fine-tune, full run', () => {
    expect(trainingStage({ model: 'DeepSeek-R1 (RL stage)' })).toEqual({ stage: 'rl-stage', reason: 'the name says it is an RL stage' });
    expect(trainingStage({ model: 'x', trainingStage: 'rl-stage' }).stage).toBe('rl-stage');
    expect(trainingStage({ model: 'x', trainingStage: 'full' }).stage).toBe('full-run');
    expect(trainingStage({ model: 'DeepSeek-R1', baseModel: 'DeepSeek-V3' })).toEqual({ stage: 'fine-tune', reason: 'trained from DeepSeek-V3' });
    expect(trainingStage({ model: 'GPT-4' })).toEqual({ stage: 'full-run', reason: null });
  });
});
