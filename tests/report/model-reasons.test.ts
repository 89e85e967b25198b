import { fitCostTrend, matchGpu, trainingCost, type ModelCostInput } from '../../src/models';
import { formulaText, reasonText } from '../../src/report/model-reasons';

const englishRuns = (text: string): string[] => text.match(/\b[A-Za-z]{2,}(?:[ '’-]+[A-Za-z]{2,}){2,}\b/g) ?? [];
const assumptions = { gpuHourPriceUsd: 2, tpuChipHourPriceUsd: 3.22, mfu: 0.4, cpiFactorFrom2023: 1 };

/** Rows that make src/models give each of its reasons (stage, hardware, chip-hours, FLOPs). */
const ROWS: ModelCostInput[] = [
  { model: 'a', hardware: 'NVIDIA H100, AMD MI300X', gpuHours: 10, paramsB: 1, tokensT: 1 },
  { model: 'b', hardware: 'NVIDIA H800 PCIe', gpuHours: 10, paramsB: 1, tokensT: 1 },
  { model: 'c', hardware: 'NVIDIA A100 PCIe', gpuHours: 10, paramsB: 1, tokensT: 1 },
  { model: 'd', hardware: 'NVIDIA A100', gpuHours: 10, paramsB: 1, tokensT: 1 },
  { model: 'e', hardware: 'NVIDIA V100 PCIe', gpuHours: 10, paramsB: 1, tokensT: 1 },
  { model: 'f', hardware: 'NVIDIA Tesla K80', gpuHours: 10, paramsB: 1, tokensT: 1 },
  { model: 'g', hardware: '', gpuHours: 10, paramsB: 1, tokensT: 1 },
  { model: 'h', hardware: 'NVIDIA H100; Intel Xeon', chipHours: 10, paramsB: 1, tokensT: 1 },
  { model: 'i', hardware: 'Intel Xeon', chipHours: 10, paramsB: 1, tokensT: 1 },
  { model: 'j', hardware: 'Abacus', chipHours: 10, paramsB: 1, tokensT: 1 },
  { model: 'k', trainingStage: 'SFT', hardware: 'NVIDIA H100' },
  { model: 'k2', trainingStage: 'RL', hardware: 'NVIDIA H100' },
  { model: 'l', baseModel: 'Llama 3', hardware: 'NVIDIA H100' },
  { model: 'm (RL stage)', hardware: 'NVIDIA H100' },
  { model: 'n fine-tuned', hardware: 'NVIDIA H100' },
  { model: 'o', hardware: 'NVIDIA H100', paramsB: 1, datasetDatapoints: 1e9, domain: 'Vision' },
  { model: 'p', hardware: 'NVIDIA H100', paramsB: 1, datasetDatapoints: 1e9 },
  { model: 'q', hardware: 'NVIDIA H100', paramsB: 1, activeParamsB: 0.5, datasetDatapoints: 1e9, domain: 'Language' },
];

function reasonsOf(m: ModelCostInput): string[] {
  const c = trainingCost(m, assumptions);
  const hw = c.hardware.kind === 'unknown' || c.hardware.kind === 'ambiguous' ? [c.hardware.reason] : [];
  return [c.stageReason, c.gpuHours.reason, c.flops.reason, c.hardwareClass.reason, ...hw].filter((r): r is string => r !== null);
}

describe('reasonText › every reason src/models gives, in Korean', () => {
  const reasons = new Set(ROWS.flatMap(reasonsOf));
  for (const r of ['H100', 'TPU v3']) {
    const m = matchGpu(r);
    if (m.kind === 'unknown' || m.kind === 'ambiguous') reasons.add(m.reason);
  }
  const few = fitCostTrend([{ model: 'a', year: 2020, costUsd: 1 }]);
  const oneDate = fitCostTrend([1, 2, 3].map((i) => ({ model: String(i), year: 2020, costUsd: i })));
  for (const f of [few, oneDate]) if (f.kind === 'too-few') reasons.add(f.reason);
  // Fallbacks src/models gives when a hardware class carries no reason of its own.
  for (const r of ['not GPU or TPU hours', 'hardware is not a GPU or TPU', 'no peak throughput for this hardware']) reasons.add(r);

  test('the rows reach every kind of reason the report translates', () => {
    // 24 patterns plus "hardware: …" wrapping the spec table's own reasons.
    expect(reasons.size).toBeGreaterThanOrEqual(24);
  });

  test.each([...reasons])('%s', (reason) => {
    const ko = reasonText('ko', reason);
    expect(ko).not.toBe(reason);
    // Quoted names are data as written (hardware, stages): leave them out of the language check.
    expect(englishRuns(ko.replace(/"[^"]*"/g, ''))).toEqual([]);
    expect(reasonText('en', reason)).toBe(reason);
  });

  test('a reason src/models may add later › kept in English rather than lost', () => {
    expect(reasonText('ko', 'a brand new reason')).toBe('a brand new reason');
  });

  test('FLOP formulas › words in Korean, column names and numbers kept', () => {
    expect(formulaText('ko', '6 × active params × tokens_t')).toBe('6 × 활성 파라미터 × tokens_t');
    expect(formulaText('ko', '6 × params × datapoints (tokens: Language)')).toBe('6 × 파라미터 × 데이터 포인트 (토큰: Language)');
    expect(formulaText('en', '6 × params × tokens_t')).toBe('6 × params × tokens_t');
  });
});
