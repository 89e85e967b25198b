import { GPU_SPECS, gpuById, matchGpu, peakBf16FlopsPerSecond } from '../../src/models/gpu-specs';

function knownId(name: string): string | null {
  const m = matchGpu(name);
  return m.kind === 'known' ? m.spec.id : null;
}

describe('GPU_SPECS', () => {
  // Figures from gpu-specs.csv (Epoch AI chip dataset): H100 SXM5 80GB, 3.35 TB/s, 989.4 TFLOP/s BF16, 700 W.
  it('H100 row › matches the reference table › exact figures', () => {
    const h100 = gpuById('H100');
    expect(h100).toMatchObject({ memoryGB: 80, memBandwidthTBps: 3.35, bf16DenseTflops: 989.4, fp8DenseTflops: 1978.9, tdpW: 700 });
  });

  // gpu-specs.csv: H200 141 GB at 4.8 TB/s; MI300X 192 GB at 5.3 TB/s; B200 192 GB at 8.0 TB/s.
  it('other rows › memory and bandwidth › as published', () => {
    expect(gpuById('H200')).toMatchObject({ memoryGB: 141, memBandwidthTBps: 4.8 });
    expect(gpuById('MI300X')).toMatchObject({ memoryGB: 192, memBandwidthTBps: 5.3 });
    expect(gpuById('B200')).toMatchObject({ memoryGB: 192, memBandwidthTBps: 8.0 });
    expect(gpuById('A100-80GB')).toMatchObject({ memoryGB: 80, memBandwidthTBps: 2.039 });
  });

  it('every row › cites a source and has positive figures › no blanks', () => {
    for (const s of GPU_SPECS) {
      expect(s.source.length).toBeGreaterThan(5);
      expect(s.memoryGB).toBeGreaterThan(0);
      expect(s.memBandwidthTBps).toBeGreaterThan(0);
      expect(s.bf16DenseTflops).toBeGreaterThan(0);
    }
  });
});

describe('matchGpu', () => {
  it('Epoch export names › map onto the spec rows › including spaced memory sizes', () => {
    expect(knownId('NVIDIA H100 SXM5 80GB')).toBe('H100');
    expect(knownId('NVIDIA A100 SXM4 40 GB')).toBe('A100-40GB');
    expect(knownId('NVIDIA A100 SXM4 80 GB')).toBe('A100-80GB');
    expect(knownId('NVIDIA H800 SXM5')).toBe('H800');
    expect(knownId('Google TPU v4')).toBe('TPUv4');
    expect(knownId('NVIDIA Tesla V100 DGXS 32 GB')).toBe('V100-32GB');
    expect(knownId('NVIDIA H100 PCIe')).toBe('H100-PCIe');
    expect(knownId('NVIDIA HGX H20')).toBe('H20');
    expect(knownId('AMD Instinct MI300X')).toBe('MI300X');
  });

  it('short ids › case-insensitive › resolve', () => {
    expect(knownId('h100')).toBe('H100');
    expect(knownId('a100-80gb')).toBe('A100-80GB');
  });

  it('hardware the table lacks › unknown › with the name in the reason, not a guess', () => {
    const m = matchGpu('Google TPU v3');
    expect(m.kind).toBe('unknown');
    expect(m.kind === 'unknown' && m.reason).toContain('Google TPU v3');
    expect(matchGpu('Google TPU v5e').kind).toBe('unknown');
    expect(matchGpu('NVIDIA A100 PCIe').kind).toBe('unknown');
  });

  it('a name that fits two rows › ambiguous › lists both candidates', () => {
    const m = matchGpu('NVIDIA A100');
    expect(m.kind).toBe('ambiguous');
    expect(m.kind === 'ambiguous' && m.candidates.map((c) => c.id).sort()).toEqual(['A100-40GB', 'A100-80GB']);
  });

  it('several chips in one cell › ambiguous › no single throughput', () => {
    const m = matchGpu('NVIDIA A100 SXM4 40 GB,NVIDIA V100');
    expect(m.kind).toBe('ambiguous');
    expect(peakBf16FlopsPerSecond(m)).toBeNull();
  });

  it('empty cell › missing', () => {
    expect(matchGpu('').kind).toBe('missing');
    expect(matchGpu(null).kind).toBe('missing');
  });
});

describe('peakBf16FlopsPerSecond', () => {
  it('ambiguous A100 › both variants share 312 TFLOP/s › usable peak in FLOP/s (not TFLOP/s)', () => {
    expect(peakBf16FlopsPerSecond(matchGpu('NVIDIA A100'))).toBe(312e12);
  });
  it('unknown hardware › null', () => {
    expect(peakBf16FlopsPerSecond(matchGpu('Cerebras CS-2'))).toBeNull();
  });
});
