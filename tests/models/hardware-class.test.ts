import { hardwareClass } from '../../src/models/hardware-class';

describe('hardwareClass', () => {
  it.each([
    ['NVIDIA H100 SXM5 80GB', 'gpu'],
    ['NVIDIA Tesla V100 DGXS 32 GB', 'gpu'],
    ['NVIDIA Tesla K80', 'gpu'],
    ['AMD Radeon Instinct MI250X', 'gpu'],
    ['NVIDIA A100, NVIDIA V100', 'gpu'],
    ['Google TPU v4', 'tpu'],
    ['Google TPU v3', 'tpu'],
    ['Intel Xeon E5-2695 v3', 'cpu'],
    ['AMD EPYC 7763', 'cpu'],
    ['Google TPU v3, Intel Xeon E5-2695 v3', 'mixed'],
    ['Cerebras CS-2', 'other'],
    ['', 'unnamed'],
  ])('%s › %s', (name, kind) => {
    expect(hardwareClass(name).kind).toBe(kind);
  });

  it('GPU and TPU › no reason; the others › a reason naming the hardware', () => {
    expect(hardwareClass('Google TPU v4').reason).toBeNull();
    expect(hardwareClass('Cerebras CS-2').reason).toBe('"Cerebras CS-2" is neither a GPU nor a TPU: no chip-hour price applies');
  });
});
