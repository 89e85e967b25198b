import { closeReportPools, ReportLimitError, runReport, type ReportLimits } from '../../../src/report/pool';
import fs from 'node:fs';
import path from 'node:path';
import { UncomputableError } from '../../../src/report/finite';
import { ingestBuffer } from '../../../src/ingest';

const limits = (over: Partial<ReportLimits> = {}): ReportLimits => ({ timeLimitMs: 10_000, threads: 1, maxQueue: 4, workerHeapMb: 256, ...over });

afterAll(() => closeReportPools());

describe('report pool', () => {
  test('a job › runs in a worker and returns its value and size', async () => {
    const out = await runReport('spin', { ms: 1 }, limits());
    expect(out.value).toBeGreaterThan(0);
    expect(out.bytes).toBeGreaterThan(0);
  });

  test('over the time budget › ReportLimitError over_time naming what to reduce, and the worker is stopped', async () => {
    const l = limits({ timeLimitMs: 300 });
    const started = Date.now();
    const err = await runReport('spin', { ms: 20_000 }, l, ['mcTrials']).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ReportLimitError);
    expect((err as ReportLimitError).reason).toBe('over_time');
    expect((err as Error).message).toContain('Reduce mcTrials');
    expect(Date.now() - started).toBeLessThan(5_000);
    // One thread only: if the 20-second spin were still running, this would wait for it. (Same pool:
    // the budget is per call; a generous one here, as a fresh worker starts slowly on a busy machine.)
    const next = Date.now();
    await runReport('spin', { ms: 1 }, { ...l, timeLimitMs: 15_000 });
    expect(Date.now() - next).toBeLessThan(8_000);
  });

  test('queue full › ReportLimitError busy with a retry delay', async () => {
    const l = limits({ maxQueue: 1, threads: 1 });
    const jobs = [runReport('spin', { ms: 1500 }, l), runReport('spin', { ms: 1500 }, l)];
    await new Promise((r) => setTimeout(r, 50));
    const err = await runReport('spin', { ms: 1 }, l).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ReportLimitError);
    expect((err as ReportLimitError).reason).toBe('busy');
    expect((err as ReportLimitError).retryAfterSeconds).toBeGreaterThan(0);
    await Promise.all(jobs);
  });

  test('an overflow inside the worker › UncomputableError with its list, across the thread', async () => {
    // The built-in hyperscaler data where a vintage's revenue compounds beyond float64 (see the no-5xx test).
    const ingested = ingestBuffer(fs.readFileSync(path.join(__dirname, '..', '..', '..', 'data', 'hyperscaler-capex.csv')));
    if (!ingested.ok) throw new Error('built-in data did not load');
    const rows = [...ingested.rows];
    const { parseAssumptions } = await import('../../../src/report/assumptions');
    const { applyDataDefaults } = await import('../../../src/report/data-defaults');
    const parsed = applyDataDefaults(parseAssumptions({ tokenPriceDeflation: '0.999999', volumeElasticity: '5', gpuUsefulLifeYears: '20', mcTrials: '10' }), rows);
    const err = await runReport('company', { datasetName: 'Acme', rows, parsed: { values: parsed.values, sources: parsed.sources } }, limits()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UncomputableError);
    expect((err as UncomputableError).reduce).toContain('gpuUsefulLifeYears');
  });

  test('threads 0 › runs inline with the same answer', async () => {
    const inline = await runReport('spin', { ms: 1 }, limits({ threads: 0 }));
    expect(inline.value).toBeGreaterThan(0);
  });
});
