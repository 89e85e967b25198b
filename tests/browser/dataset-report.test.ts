import { inkedShare, launchBrowser, startApp, watchErrors } from './harness';

describe('browser › company report', () => {
  let app: Awaited<ReturnType<typeof startApp>>;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  beforeAll(async () => {
    app = await startApp();
    browser = await launchBrowser();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  test('built-in company report › every chart canvas is drawn and the page logs no errors', async () => {
    const page = await browser.browser.newPage();
    const errors = await watchErrors(page);
    await page.goto(`${app.url}/`);
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
