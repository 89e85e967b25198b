import { browserSession, inkedShare, watchErrors } from './harness';

describe('browser › company report', () => {
  const session = browserSession();

  test('built-in company report › every chart canvas is drawn and the page logs no errors', async () => {
    const page = await session.browser().newPage();
    const errors = await watchErrors(page);
    await page.goto(`${session.url()}/`);
    await page.click('text=Hyperscaler capex 2022–2026');
    await page.click('text=Open the report');
    await page.waitForSelector('canvas[data-drawn]');
    const canvases = await page.$$eval('canvas', (els) => els.map((e) => e.id));
    expect(canvases.length).toBeGreaterThan(0);
    for (const id of canvases) {
      expect(await page.getAttribute(`#${id}`, 'data-drawn')).toBe('true');
      expect(await inkedShare(page, `#${id}`)).toBeGreaterThan(0.001);
    }
    expect(errors).toEqual([]);
    await page.close();
  });
});
