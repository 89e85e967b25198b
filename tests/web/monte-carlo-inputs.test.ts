import request from 'supertest';
import type { Express } from 'express';
import type { Store } from '../../src/store/types';
import { makeApp } from '../helpers/app';

type Mc = {
  trials: number;
  inputs: { name: string; distribution: string; chosen: boolean }[];
  correlations: { a: string; b: string; target: number; achieved: number }[];
  varianceShares: { name: string; share: number }[];
  convergence: { trials: number; mean: number | null; p50: number | null }[];
  npv: { p5: number; p95: number };
};

describe('Monte Carlo as @RISK users expect › company report', () => {
  let app: Express;
  let store: Store;
  let id: number;
  beforeAll(async () => {
    ({ app, store } = (await makeApp()) as unknown as { app: Express; store: Store });
    id = ((await request(app).get('/api/datasets')).body as { id: number; kind: string }[]).find((d) => d.kind === 'company')!.id;
  });
  afterAll(async () => store.close());

  test('chosen distributions and a correlation › used, achieved beside the target, variance shares and convergence', async () => {
    const q = new URLSearchParams({ 'mc.aiRevenueGrowth': 'pert(0.05, 0.25, 0.4)', 'mc.wacc': 'uniform(0.08, 0.11)', mcCorrelations: 'aiRevenueGrowth aiEbitdaMargin 0.6', mcTrials: '4000' });
    const res = await request(app).get(`/datasets/${id}/report.json?${q.toString()}`);
    expect(res.status).toBe(200);
    const mc = (res.body as { companies: { monteCarlo: Mc }[] }).companies[0]!.monteCarlo;
    expect(mc.inputs).toContainEqual({ name: 'aiRevenueGrowth', distribution: 'pert(0.05, 0.25, 0.4)', chosen: true });
    expect(mc.inputs).toContainEqual({ name: 'wacc', distribution: 'uniform(0.08, 0.11)', chosen: true });
    expect(mc.correlations).toHaveLength(1);
    // Sampling error of a rank correlation at n = 4,000 is about (1 − 0.36)/√4000 ≈ 0.01; 0.04 is four of them.
    expect(Math.abs(mc.correlations[0]!.achieved - 0.6)).toBeLessThan(0.04);
    expect(mc.varianceShares.reduce((s, v) => s + v.share, 0)).toBeCloseTo(1, 12);
    expect(mc.convergence).toHaveLength(50);
    expect(mc.convergence.at(-1)!.trials).toBe(4000);
    expect(mc.npv.p5).toBeLessThanOrEqual(mc.npv.p95);
    const page = await request(app).get(`/datasets/${id}/report?${q.toString()}`);
    expect(page.text).toContain('mc-convergence');
    expect(page.text).toContain('mc-variance');
  });

  test('pairs that cannot hold together › 422 naming the pair; bad distribution › 422 naming the key', async () => {
    const bad = new URLSearchParams({ mcCorrelations: 'aiRevenueGrowth aiEbitdaMargin 0.9; aiEbitdaMargin wacc 0.9; aiRevenueGrowth wacc -0.9' });
    const res = await request(app).get(`/datasets/${id}/report.json?${bad.toString()}`);
    expect(res.status).toBe(422);
    expect(JSON.stringify(res.body)).toMatch(/not positive semi-definite.*aiRevenueGrowth and wacc/);
    const page = await request(app).get(`/datasets/${id}/report?mc.wacc=${encodeURIComponent('pert(<b>1, 0, 2)')}`);
    expect(page.status).toBe(422);
    expect(page.text).toContain('mc.wacc');
    expect(page.text).not.toContain('<b>1');
  });
});
