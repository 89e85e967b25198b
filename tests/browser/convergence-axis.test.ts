import { browserSession, watchErrors } from './harness';

describe('browser › Monte Carlo convergence chart', () => {
  const session = browserSession();

  test('x axis › its ticks are trial counts (the labels), not the points’ indices', async () => {
    const page = await session.browser().newPage();
    const errors = await watchErrors(page);
    await page.goto(`${session.url()}/datasets/1/report?lang=en`);
    const canvas = '#chart-c0-microsoft-mc-convergence';
    await page.waitForSelector(`${canvas}[data-drawn="true"]`);
    const ticks = await page.$eval(canvas, (c) => {
      const chart = (window as unknown as { Chart: { getChart(c: HTMLCanvasElement): { scales: { x: { ticks: { label: string }[] } }; data: { labels: number[] } } } }).Chart.getChart(c as HTMLCanvasElement);
      return { shown: chart.scales.x.ticks.map((t) => String(t.label)), labels: chart.data.labels };
    });
    expect(ticks.labels[ticks.labels.length - 1]).toBe(2000);
    // Shown short (40, 1.1K, 2K): each tick is a trial count of the chart, to its rounding.
    const value = (t: string) => Number(t.replace(/K$/, '')) * (t.endsWith('K') ? 1000 : 1);
    expect(ticks.shown.length).toBeGreaterThan(2);
    for (const t of ticks.shown) expect(ticks.labels.some((n) => Math.abs(n - value(t)) <= 0.05 * n)).toBe(true);
    expect(value(ticks.shown[ticks.shown.length - 1] as string)).toBe(2000);
    expect(errors).toEqual([]);
    await page.close();
  });
});
