import type { Page } from 'playwright-core';
import { browserSession, watchErrors } from './harness';

/**
 * What the drawn tornado shows: how many labels its y axis draws against how many bars it has,
 * whether every label line fits inside the axis (none cut at the canvas edge), the box's height
 * against the height the chart asked for, and the legend's colours and words.
 */
async function tornadoAsDrawn(page: Page) {
  return page.evaluate(() => {
    const canvas = document.querySelector('canvas[id$="-tornado"]') as HTMLCanvasElement;
    const w = window as unknown as { Chart: { getChart(c: HTMLCanvasElement): any } };
    const chart = w.Chart.getChart(canvas);
    const y = chart.scales.y;
    const ctx = chart.ctx as CanvasRenderingContext2D;
    const font = y.options.ticks.font ?? {};
    ctx.save();
    ctx.font = `${font.size ?? 12}px ${font.family ?? 'sans-serif'}`;
    const lines = (chart.data.labels as (string | string[])[]).flatMap((l) => (Array.isArray(l) ? l : [l]));
    const widest = Math.max(...lines.map((l) => ctx.measureText(l).width));
    ctx.restore();
    const legend = chart.legend.legendItems.map((i: { text: string; fillStyle: string }) => [i.text, i.fillStyle]);
    const block = document.querySelector(`script.chart-data[data-canvas="${canvas.id}"]`)?.textContent ?? '{}';
    return {
      bars: chart.data.labels.length as number,
      ticks: y.ticks.length as number,
      axisLeft: y.left as number,
      axisWidth: y.width as number,
      widest,
      boxHeight: (canvas.parentNode as HTMLElement).getBoundingClientRect().height,
      asked: JSON.parse(block).options.meta.heightPx as number,
      legend,
    };
  });
}

describe('browser › tornado', () => {
  const session = browserSession();

  test.each([
    ['Korean', '/datasets/1/report?lang=ko', ['NPV를 높임', 'NPV를 낮춤']],
    ['English', '/datasets/1/report?lang=en', ['Raises NPV', 'Lowers NPV']],
  ])('%s › every label whole, on screen and in print; green raises NPV, red lowers it', async (_name, url, words) => {
    const page = await session.browser().newPage();
    const errors = await watchErrors(page);
    await page.goto(`${session.url()}${url}`);
    await page.waitForSelector('canvas[id$="-tornado"][data-drawn="true"]');
    for (const media of ['screen', 'print'] as const) {
      await page.emulateMedia({ media });
      await page.evaluate(() => {
        const w = window as unknown as { Chart: { instances: Record<string, { resize(): void }> } };
        for (const c of Object.values(w.Chart.instances)) c.resize();
      });
      const t = await tornadoAsDrawn(page);
      expect(t.bars).toBeGreaterThanOrEqual(10);
      expect(t.ticks).toBe(t.bars);
      expect(t.axisLeft).toBeGreaterThanOrEqual(0);
      expect(t.widest).toBeLessThanOrEqual(t.axisWidth);
      expect(Math.round(t.boxHeight)).toBeGreaterThanOrEqual(t.asked);
      expect(t.legend).toEqual([[words[0], '#3a8f5c'], [words[1], '#b5482f']]);
    }
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);
});
