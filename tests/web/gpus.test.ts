import request from 'supertest';
import { parse } from 'csv-parse/sync';
import { makeApp } from '../helpers/app';

async function app() {
  return (await makeApp()).app;
}

describe('GET /gpus-per-job.json', () => {
  it('70B BF16 on H100, batch 1 › weightsGB 140 (≈141 within 1%), 2 GPUs, memory-bound decode', async () => {
    const res = await request(await app()).get('/gpus-per-job.json?paramsB=70&quant=bf16&gpu=H100&batch=1&context=0').expect(200);
    expect(res.body.weightsGB).toBe(140);
    expect(Math.abs(res.body.weightsGB / 141 - 1)).toBeLessThan(0.01);
    expect(res.body.gpusPerReplica).toBe(2);
    // Issue 6 anchor: one H100 bounded near 3.35 TB/s ÷ 141 GB ≈ 24 tok/s; two H100s read the 140 GB at twice that.
    const perGpu = res.body.decodeTokensPerSecond / res.body.gpusPerReplica;
    expect(Math.abs(perGpu / 24 - 1)).toBeLessThan(0.02);
    expect(res.body.decodeBound).toBe('memory');
  });

  it('units › paramsB is billions: 8 (an 8B model) in INT4 is 4 GB on one GPU', async () => {
    const res = await request(await app()).get('/gpus-per-job.json?paramsB=8&quant=int4&gpu=H100').expect(200);
    expect(res.body.weightsGB).toBe(4);
    expect(res.body.gpusPerReplica).toBe(1);
  });

  it('inputs › echoed with the result so a script can reproduce it', async () => {
    const res = await request(await app()).get('/gpus-per-job.json?paramsB=671&activeParamsB=37&quant=fp8&gpu=H800&batch=8').expect(200);
    expect(res.body.inputs).toMatchObject({ paramsB: 671, activeParamsB: 37, quant: 'fp8', gpu: 'H800', batch: 8 });
    expect(res.body.weightsGB).toBe(671);
    expect(res.body.activeWeightsGB).toBe(37);
    expect(res.body.fleetGpus).toBe(260_000);
    expect(res.body.fleetPeopleEquivalents).toBeCloseTo(260_000 * res.body.peoplePerGpu, 6);
  });

  it.each([
    ['quant=int3', 'quant'],
    ['gpus=0', 'gpus'],
    ['price=-1', 'price'],
    ['gpu=RTX4090', 'gpu'],
    ['batch=1.5', 'batch'],
    ['paramsB=abc', 'paramsB'],
  ])('bad input %s › 400 naming the field %s', async (qs, field) => {
    const res = await request(await app()).get(`/gpus-per-job.json?${qs}`).expect(400);
    expect(res.body.error.field).toBe(field);
    expect(res.body.error.problems[0].field).toBe(field);
  });
});

describe('GET /gpus-per-job', () => {
  it('defaults › the answer, every formula beside its numbers, Korea’s 260,000 GPUs', async () => {
    const res = await request(await app()).get('/gpus-per-job').expect(200);
    expect(res.text).toContain('This job is worth');
    expect(res.text).toContain('total parameters × bytes per parameter');
    expect(res.text).toContain('70e9 × 2 B (bf16) ÷ 1e9');
    expect(res.text).toContain('Korea&#x27;s 260,000 GPUs');
    // Renting has no purchase to repay: the buy-payback line shows only when the GPUs are bought.
    expect(res.text).not.toContain('data-step="paybackYears"');
    const buy = await request(await app()).get('/gpus-per-job?basis=buy').expect(200);
    expect(buy.text).toContain('data-step="paybackYears"');
    expect(buy.text).not.toContain('finance core');
  });

  it('bad inputs › 400, each message beside its field and the typed value shown back', async () => {
    const res = await request(await app()).get('/gpus-per-job?price=-5&quant=int3&gpus=0').expect(400);
    expect(res.text).toContain('id="err-price"');
    expect(res.text).toContain('value="-5"');
    expect(res.text).toContain('quantization &quot;int3&quot; is not offered');
    expect(res.text).toContain('id="err-gpus"');
    expect(res.text).not.toContain('This job is worth');
  });

  it('markup in a query value › escaped, never echoed raw', async () => {
    const res = await request(await app()).get('/gpus-per-job?salary=%22%3E%3Cscript%3Ealert(1)%3C/script%3E').expect(400);
    expect(res.text).not.toContain('<script>alert(1)');
  });
});

describe('GET /gpus-per-job.csv', () => {
  it('steps › BOM, inputs as assumptions with sources, raw values that parse back', async () => {
    const res = await request(await app()).get('/gpus-per-job.csv?paramsB=70&quant=bf16').expect(200);
    expect(res.headers['content-type']).toMatch(/text\/csv/);
    expect(res.text.charCodeAt(0)).toBe(0xfeff);
    const rows = parse(res.text.slice(1), { relax_column_count: true }) as string[][];
    expect(rows).toContainEqual(['# paramsB', '70', 'user']);
    expect(rows).toContainEqual(['# gpu', 'H100', 'default']);
    const weights = rows.find((r) => r[0] === 'Weights');
    expect(weights?.[3]).toBe('140');
  });

  it('every table › has a CSV twin; unknown table › 400', async () => {
    const a = await app();
    for (const t of ['steps', 'gpus', 'roles', 'inputs']) await request(a).get(`/gpus-per-job.csv?table=${t}`).expect(200);
    const bad = await request(a).get('/gpus-per-job.csv?table=nope').expect(400);
    expect(bad.body.error.field).toBe('table');
  });
});
