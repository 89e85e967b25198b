import { buildModelEconomics, MODEL_ECONOMICS_DEFAULTS, parseModelEconomicsQuery } from '../../src/report/model-economics';
import type { Row } from '../../src/store/types';

const englishRuns = (text: string): string[] => text.match(/\b[A-Za-z]{2,}(?:[ '’-]+[A-Za-z]{2,}){2,}\b/g) ?? [];

// DeepSeek-V3 technical report: 37B active, 14.8T tokens, 2,788K H800 GPU-hours at $2 = $5.576M.
// Two more full runs (reported costs) make a range and a trend: $1M in 2020, $10M in 2022, $100M in 2024.
const ROWS: Row[] = [
  { model: 'DeepSeek-V3', organization: 'DeepSeek', release_date: '2024-12-24', params_b: 671, active_params_b: 37, tokens_t: 14.8, hardware: 'NVIDIA H800 SXM5', gpu_hours: 2_788_000, gpu_hour_price_usd: 2 },
  { model: 'A', release_date: '2020-01-01', training_cost_usd: 1e6 },
  { model: 'B', release_date: '2022-01-01', training_cost_usd: 10e6 },
  { model: 'C', release_date: '2024-01-01', training_cost_usd: 100e6 },
  { model: 'C (RL stage)', release_date: '2024-06-01', base_model: 'C', training_cost_usd: 1e6 },
];
const LENS = { datasetId: 1, datasetName: 'Hyperscalers', rows: [{ company: 'Microsoft', fiscal_year: 2024, capex: 55.7e9 }] as Row[], year: null, model: null };

describe('buildModelEconomics › in Korean', () => {
  const ko = buildModelEconomics(ROWS, MODEL_ECONOMICS_DEFAULTS, LENS, 'ko');
  const en = buildModelEconomics(ROWS, MODEL_ECONOMICS_DEFAULTS, LENS, 'en');

  test('same tables, keys and numbers in both languages', () => {
    expect(ko.lang).toBe('ko');
    expect(ko.tables.map((t) => t.name)).toEqual(en.tables.map((t) => t.name));
    for (const [i, t] of ko.tables.entries()) {
      const e = en.tables[i]!;
      expect(t.columns.map((c) => c.key)).toEqual(e.columns.map((c) => c.key));
      expect(t.rows.map((r) => r.map((c) => (typeof c === 'number' ? c : null)))).toEqual(e.rows.map((r) => r.map((c) => (typeof c === 'number' ? c : null))));
    }
  });

  test('costs table › Korean labels and closed words; names and sources as written', () => {
    const costs = ko.tables.find((t) => t.name === 'costs')!;
    const at = (key: string, row = 0) => costs.rows[row]![costs.columns.findIndex((c) => c.key === key)];
    expect(costs.title).toBe('학습 비용, 네 가지 방법');
    expect(costs.columns.find((c) => c.key === 'training_stage')?.label).toBe('단계');
    expect(at('model')).toBe('DeepSeek-V3');
    expect(at('training_stage')).toBe('전체 학습');
    expect(at('headline_source')).toBe('칩-시간');
    expect(at('training_flops_formula')).toBe('6 × 활성 파라미터 × tokens_t');
    expect(at('peak_source')).toBe('사양표: H800');
    expect(at('training_stage', 4)).toBe('파인튜닝');
    expect(at('training_stage_note', 4)).toBe('C에서 이어 학습했습니다');
    // English keeps its codes.
    const enCosts = en.tables.find((t) => t.name === 'costs')!;
    expect(enCosts.rows[0]![enCosts.columns.findIndex((c) => c.key === 'headline_source')]).toBe('gpu-hours');
  });

  test('chart › Korean title, axes and legends; points keep model names', () => {
    const chart = ko.charts[0]!;
    expect(chart.title).toBe('전체 학습의 학습 비용과 공개일 (로그 눈금)');
    expect(chart.config.options.meta.lang).toBe('ko');
    expect(en.charts[0]!.config.options.meta.lang).toBeUndefined();
    expect(chart.config.options.scales.x.title.text).toBe('공개일 (연도)');
    expect(chart.config.options.scales.y.title.text).toBe('학습 비용 (달러, 로그 눈금)');
    expect(chart.config.data.datasets.map((d) => d.label)).toEqual(['보고치 (3)', '칩-시간 × 가격 (1)', expect.stringMatching(/^추세: 한 해 [\d.]+배 \(R² [\d.]+\)$/)]);
    expect(en.charts[0]!.config.data.datasets.map((d) => d.label)[0]).toBe('Reported (3)');
    expect(chart.config.data.datasets[0]!.data.map((p) => ('name' in p ? p.name : null))).toEqual(['A', 'B', 'C']);
  });

  test('summary › written in Korean from the numbers, dollars in 만/억', () => {
    const text = ko.summary.join(' ');
    expect(ko.summary[0]).toBe('모델 5개 가운데 5개는 학습 비용을 구할 수 있습니다(보고치 4개, Epoch AI 추정 0개, 칩-시간으로 1개, 연산량(FLOP)으로 0개). 나머지 0개도 표에 남겨 두고 왜 구할 수 없는지 적었습니다.');
    // Cheapest $1M (A), dearest $100M (C): 100 times.
    expect(text).toContain('가장 싼 것은 A(100만 달러, 보고치), 가장 비싼 것은 C(1억 달러, 보고치)이고, 둘의 비용 차이는 100배입니다.');
    expect(text).toMatch(/학습 비용은 한 해 [\d.]+배씩 늘어납니다/);
    // $5.576M ÷ $55.7B = 0.010%.
    expect(text).toContain('DeepSeek-V3의 학습 비용 558만 달러는 Microsoft의 2024 회계연도 설비투자 557억 달러의 0.010%입니다.');
    expect(englishRuns(text.replace(/DeepSeek-V3|Microsoft|Epoch AI/g, ''))).toEqual([]);
  });

  test('English › unchanged sentences', () => {
    expect(en.summary[0]).toBe('5 of 5 models have a way to a training cost (4 reported, 0 Epoch AI estimates, 1 from chip-hours, 0 from FLOPs); the other 0 are kept and say why not.');
    expect(en.summary[1]).toBe('1 row is a training stage (C (RL stage)): shown, but left out of the full-run comparisons and the trend.');
    expect(en.summary.join(' ')).toContain('The cheapest full run is A at $1M (reported); the most expensive is C at $100M (reported), 100× as much.');
  });

  test('every title, label, note and text cell › no English left but names and codes', () => {
    const data = new Set(['model', 'organization', 'release_date', 'domain', 'hardware', 'hardware_spec', 'cheapest_model', 'company', 'gpu_id', 'gpu', 'source']);
    const words = ko.tables.flatMap((t) => [t.title, t.note ?? '', ...t.columns.map((c) => c.label), ...t.rows.flatMap((r) => r.filter((c, i): c is string => typeof c === 'string' && !data.has(t.columns[i]!.key)))]);
    expect(englishRuns(words.join(' | ').replace(/Hyperscalers|Epoch AI|Language and Multimodal/g, ''))).toEqual([]);
  });
});

describe('parseModelEconomicsQuery › in Korean', () => {
  test('labels and problems in Korean, keys as in English', () => {
    const ko = parseModelEconomicsQuery({ mfu: '40', fromYear: '2024', toYear: '2020' }, 'ko');
    const en = parseModelEconomicsQuery({ mfu: '40', fromYear: '2024', toYear: '2020' }, 'en');
    expect(ko.assumptions.map((a) => a.key)).toEqual(en.assumptions.map((a) => a.key));
    expect(ko.assumptions.find((a) => a.key === 'mfu')?.label).toBe('데이터에 없을 때 쓰는 MFU (비율)');
    expect(ko.problems).toEqual([
      { field: 'mfu', value: '40', message: 'MFU는 0과 1 사이의 비율이어야 합니다 (0.4 = 40%)' },
      { field: 'toYear', value: '2020', message: '끝 연도는 시작 연도(2024)보다 앞설 수 없습니다' },
    ]);
    expect(en.problems[0]?.message).toBe('MFU must be a fraction between 0 and 1 (0.4 = 40%)');
  });
});
