import { buildGpuJobReport, parseGpuJobQuery } from '../../src/report/gpus-per-job';

function ok(q: Record<string, string>) {
  const p = parseGpuJobQuery(q);
  if (!p.inputs) throw new Error(`problems: ${JSON.stringify(p.problems)}`);
  return { p, inputs: p.inputs, report: buildGpuJobReport(p.inputs, p.salary, p.sources, p.role.id) };
}

function fields(q: Record<string, string>): string[] {
  return parseGpuJobQuery(q).problems.map((x) => x.field);
}

describe('parseGpuJobQuery', () => {
  it('no query › defaults: analyst preset, 70B BF16 on H100, batch 1', () => {
    const { inputs, p } = ok({});
    expect(inputs).toMatchObject({ paramsB: 70, activeParamsB: 70, quant: 'bf16', batch: 1, tokensPerWorkday: 40_000 });
    expect(inputs.gpu.id).toBe('H100');
    expect(p.role.id).toBe('analyst');
  });

  it('a role without tokens › that preset’s stated tokens per workday', () => {
    expect(ok({ role: 'translator' }).inputs.tokensPerWorkday).toBe(12_000);
    expect(ok({ role: 'translator', tokensPerWorkday: '9000' }).inputs.tokensPerWorkday).toBe(9000);
  });

  it('3-bit quantization › not offered › problem on quant naming the offered formats', () => {
    const p = parseGpuJobQuery({ quant: 'int3' });
    expect(p.inputs).toBeNull();
    expect(p.problems).toEqual([{ field: 'quant', value: 'int3', message: expect.stringContaining('fp16, bf16, fp8, int8, int4') }]);
  });

  it('zero GPUs, negative price, batch 0, utilization 50 › each a problem on its own field', () => {
    expect(fields({ gpus: '0' })).toEqual(['gpus']);
    expect(fields({ price: '-2' })).toEqual(['price']);
    expect(fields({ batch: '0' })).toEqual(['batch']);
    expect(fields({ util: '50' })).toEqual(['util']);
    expect(fields({ paramsB: '70B' })).toEqual(['paramsB']);
    expect(fields({ gpu: 'TPU' })).toEqual(['gpu']);
  });

  it('fewer GPUs than the weights need › problem on gpus saying how many', () => {
    const p = parseGpuJobQuery({ gpus: '1' });
    expect(p.problems[0]).toMatchObject({ field: 'gpus', message: expect.stringContaining('at least 2 × H100') });
  });

  it('active parameters above total › problem on activeParamsB', () => {
    expect(fields({ paramsB: '37', activeParamsB: '671' })).toEqual(['activeParamsB']);
  });

  it('salary in KRW › divided by KRW per USD', () => {
    expect(ok({ salary: '84000000', currency: 'KRW', fx: '1400' }).inputs.salaryUsd).toBe(60_000);
  });

  it('values typed › marked user; untouched › default', () => {
    const { p } = ok({ paramsB: '8' });
    expect(p.sources.paramsB).toBe('user');
    expect(p.sources.quant).toBe('default');
  });
});

describe('buildGpuJobReport', () => {
  it('70B BF16 › weights step shows 70e9 × 2 B and 140 GB (issue anchor ≈141 GB, within 1%)', () => {
    const { report } = ok({ paramsB: '70', quant: 'bf16' });
    const w = report.steps.find((s) => s.key === 'weightsGB');
    expect(w).toMatchObject({ withNumbers: '70e9 × 2 B (bf16) ÷ 1e9', value: 140, unit: 'GB (decimal)' });
    expect(Math.abs((w?.value as number) / 141 - 1)).toBeLessThan(0.01);
  });

  it('every step › a formula, the numbers, a result', () => {
    const { report } = ok({ basis: 'buy' });
    for (const s of report.steps) {
      expect(s.formula.length).toBeGreaterThan(3);
      expect(s.withNumbers).toMatch(/\d/);
    }
    expect(report.steps.map((s) => s.key)).toEqual(expect.arrayContaining(['powerYearUsdPerGpu', 'paybackYears', 'fleetPeopleEquivalents', 'gpusPerPerson']));
  });

  it('owned H100 › purchase ÷ life + 0.7 kW × PUE 1.3 × 8,760 h × $0.10 × 50% busy = $6,398.58 a year', () => {
    const { report } = ok({ basis: 'buy', purchase: '30000', life: '5', power: '0.1', pue: '1.3', util: '0.5' });
    expect(report.result.powerYearUsdPerGpu).toBeCloseTo(0.7 * 1.3 * 8760 * 0.1 * 0.5, 9);
    expect(report.result.gpuYearCostUsd).toBeCloseTo(6000 + 398.58, 9);
  });

  it('GPU comparison › B200 (192 GB) holds 70B BF16 on one GPU; A100-40GB needs four', () => {
    const { report } = ok({});
    const t = report.tables.find((x) => x.name === 'gpus');
    const byGpu = Object.fromEntries((t?.rows ?? []).map((r) => [r[0], r[3]]));
    expect(byGpu.B200).toBe(1);
    expect(byGpu['A100-40GB']).toBe(4);
  });

  it('role table › more tokens per workday, more GPUs per person', () => {
    const { report } = ok({});
    const t = report.tables.find((x) => x.name === 'roles');
    const gpus = (t?.rows ?? []).map((r) => r[3] as number);
    const tokens = (t?.rows ?? []).map((r) => r[1] as number);
    const order = [...tokens.keys()].sort((a, b) => (tokens[a] as number) - (tokens[b] as number));
    for (let k = 1; k < order.length; k++) expect(gpus[order[k] as number]).toBeGreaterThan(gpus[order[k - 1] as number] as number);
  });
});
