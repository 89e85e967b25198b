import { browserSession, watchErrors } from './harness';

describe('browser › model economics scatter', () => {
  const session = browserSession();

  test('built-in models report › every point named in its tooltip, the dearest labelled, money ticks at 1, 2, 5 × 10^k', async () => {
    const page = await session.browser().newPage();
    const errors = await watchErrors(page);
    await page.goto(`${session.url()}/`);
    await page.click('text=AI model training costs');
    await page.click('text=Open the report');
    await page.waitForSelector('#cost-trend[data-drawn="true"]');
    const seen = await page.evaluate(() => {
      const w = window as unknown as { Chart: { getChart(el: Element | null): any } };
      const chart = w.Chart.getChart(document.getElementById('cost-trend'));
      const ds = chart.data.datasets[0];
      const raw = ds.data[0];
      const label = chart.options.plugins.tooltip.callbacks.label({ raw, parsed: { x: raw.x, y: raw.y }, dataset: ds });
      const tick = chart.options.scales.y.ticks.callback;
      return {
        name: raw.name as string,
        label: label as string,
        labelled: chart.data.datasets.flatMap((d: any) => d.data).filter((p: any) => p.labelled).length as number,
        ticks: [tick(1e6), tick(2e7), tick(3e6), tick(5e8)] as string[],
        plugins: (chart.config.plugins as { id: string }[]).map((p) => p.id),
      };
    });
    expect(seen.label.startsWith(`${seen.name}: $`)).toBe(true);
    expect(seen.labelled).toBe(5);
    expect(seen.ticks).toEqual(['$1M', '$20M', '', '$500M']);
    expect(seen.plugins).toContain('capexlensPointLabels');
    expect(errors).toEqual([]);
    await page.close();
  });
});
