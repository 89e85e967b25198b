import { browserSession } from './harness';

/**
 * At a phone's 390 px nothing scrolls sideways: the document is never wider than the viewport
 * (wide tables scroll inside their own box), in English and in Korean.
 */
const PAGES = [
  '/',
  '/datasets/new',
  '/datasets/1',
  '/datasets/2',
  '/datasets/3',
  '/datasets/1/report',
  '/datasets/2/report',
  '/datasets/3/report',
  '/datasets/1/compare',
  '/reports/industry',
  '/gpus-per-job',
  '/gpus-per-job?basis=buy',
  '/scenarios',
  '/no-such-page',
];

describe('browser › phone (390 px)', () => {
  const session = browserSession();

  test.each(PAGES.flatMap((p) => [[p, 'en'], [p, 'ko']]))('%s (%s) › the document is no wider than the viewport', async (path, lang) => {
    const context = await session.browser().newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    try {
      await page.goto(`${session.url()}${path}${path.includes('?') ? '&' : '?'}lang=${lang}`);
      await page.waitForLoadState('networkidle');
      const widths = await page.evaluate(() => ({
        doc: document.documentElement.scrollWidth,
        body: document.body.scrollWidth,
        // Compared with the device width, not innerWidth: a mobile browser widens its layout
        // viewport to fit content that overflows, which would hide the very overflow measured.
        viewport: 390,
        widest: Array.from(document.querySelectorAll('body *'))
          .map((el) => ({ el: `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}.${Array.from(el.classList).join('.')}`, right: el.getBoundingClientRect().right }))
          .filter((x) => x.right > 390.5)
          .slice(0, 3),
      }));
      expect({ path, ...widths, fits: widths.doc <= widths.viewport && widths.body <= widths.viewport }).toMatchObject({ fits: true });
    } finally {
      await context.close();
    }
  });

  test('the menu folds behind a button and opens on a tap', async () => {
    const context = await session.browser().newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    await page.goto(`${session.url()}/?lang=ko`);
    expect(await page.isVisible('#main-nav a[href="/datasets/new"]')).toBe(false);
    await page.tap('label.menu-button');
    expect(await page.isVisible('#main-nav a[href="/datasets/new"]')).toBe(true);
    await context.close();
  });

  test('a wide table scrolls in its own box and keeps its first column in view', async () => {
    const context = await session.browser().newContext({ viewport: { width: 390, height: 844 }, isMobile: true });
    const page = await context.newPage();
    await page.goto(`${session.url()}/datasets/1`);
    const box = await page.$('table.rows');
    // The box that scrolls: the table itself or the nearest ancestor wider inside than outside.
    const scroller = await box!.evaluateHandle((t) => {
      for (let el: HTMLElement | null = t as HTMLElement; el; el = el.parentElement) if (el.scrollWidth > el.clientWidth + 1) return el;
      return t as HTMLElement;
    });
    const before = await page.$eval('table.rows tbody tr:first-child td:first-child', (td) => td.getBoundingClientRect().left);
    await scroller.evaluate((el) => {
      (el as HTMLElement).scrollLeft = 600;
    });
    const scrolled = await scroller.evaluate((el) => (el as HTMLElement).scrollLeft);
    const after = await page.$eval('table.rows tbody tr:first-child td:first-child', (td) => td.getBoundingClientRect().left);
    expect(scrolled).toBeGreaterThan(100);
    expect(Math.abs(after - before)).toBeLessThan(1);
    await context.close();
  });
});
