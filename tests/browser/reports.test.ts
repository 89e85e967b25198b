import { browserSession, inkedShare, watchErrors } from './harness';

describe('browser › company report assumptions form', () => {
  const session = browserSession();

  /** A page whose automatic favicon request (the app has no icon yet) is not counted as an error. */
  async function newPage() {
    const page = await session.browser().newPage();
    return page;
  }

  test('changing AI revenue growth › the cumulative chart and the tables change, no errors', async () => {
    const page = await newPage();
    const errors = await watchErrors(page);
    await page.goto(`${session.url()}/`);
    const href = await page.getAttribute('a[href^="/datasets/"]:has-text("Hyperscaler")', 'href');
    await page.goto(`${session.url()}${href}/report`);
    const canvas = '#chart-c0-microsoft-cumulative';
    await page.waitForSelector(`${canvas}[data-drawn="true"]`);
    const before = {
      pixels: await page.$eval(canvas, (c) => (c as HTMLCanvasElement).toDataURL()),
      npv: await page.textContent('#table-comparison tbody tr:first-child td:nth-child(7)'),
      fcf: await page.textContent('#c0-microsoft table[data-table="cash-flows"] tbody tr:last-child td:nth-child(18)'),
    };
    expect(await inkedShare(page, canvas)).toBeGreaterThan(0.001);
    const histogram = '#chart-c0-microsoft-monte-carlo';
    await page.waitForSelector(`${histogram}[data-drawn="true"]`);
    expect(await inkedShare(page, histogram)).toBeGreaterThan(0.001);

    await page.fill('#f-aiRevenueGrowth', '0.6');
    await Promise.all([page.waitForURL(/aiRevenueGrowth=0\.6/), page.click('button:has-text("Recompute")')]);
    await page.waitForSelector(`${canvas}[data-drawn="true"]`);
    const after = {
      pixels: await page.$eval(canvas, (c) => (c as HTMLCanvasElement).toDataURL()),
      npv: await page.textContent('#table-comparison tbody tr:first-child td:nth-child(7)'),
      fcf: await page.textContent('#c0-microsoft table[data-table="cash-flows"] tbody tr:last-child td:nth-child(18)'),
    };
    expect(await page.inputValue('#f-aiRevenueGrowth')).toBe('0.6');
    expect(await page.textContent('label[for="f-aiRevenueGrowth"] .source')).toContain('you');
    expect(after.npv).not.toBe(before.npv);
    expect(after.fcf).not.toBe(before.fcf);
    expect(after.pixels).not.toBe(before.pixels);
    expect(errors).toEqual([]);
    await page.close();
  });

  test('a bad value › shown back with its message, no chart, no errors', async () => {
    const page = await newPage();
    const errors = await watchErrors(page);
    const res = await page.goto(`${session.url()}/reports/industry?acceleratorShare=0`);
    expect(res?.status()).toBe(422);
    expect(await page.inputValue('#f-acceleratorShare')).toBe('0');
    expect(await page.textContent('#e-acceleratorShare')).toMatch(/must be greater than 0/);
    expect(errors.filter((e) => !e.includes('422'))).toEqual([]);
    await page.close();
  });

  test('print media › form controls hidden, assumptions and charts kept', async () => {
    const page = await newPage();
    await page.goto(`${session.url()}/reports/industry`);
    await page.waitForSelector('#chart-gap[data-drawn="true"]');
    await page.emulateMedia({ media: 'print' });
    expect(await page.isVisible('form.assumptions')).toBe(false);
    expect(await page.isVisible('.site-header')).toBe(false);
    expect(await page.isVisible('.assumptions-print')).toBe(true);
    expect(await page.isVisible('#chart-gap')).toBe(true);
    await page.close();
  });
  test('saving the form’s assumptions as a scenario › the report reopens under it, its name escaped', async () => {
    const page = await newPage();
    const errors = await watchErrors(page);
    await page.goto(`${session.url()}/datasets/1/report?wacc=0.11`);
    await page.fill('form.save-scenario input[name=name]', 'Tight <b>money</b>');
    await Promise.all([page.waitForURL(/scenario=\d+/), page.click('form.save-scenario button')]);
    expect(await page.textContent('main')).toContain('Tight <b>money</b>');
    expect(await page.$('main b')).toBeNull();
    expect(await page.inputValue('input[name=wacc]')).toBe('0.11');
    expect(errors).toEqual([]);
    await page.close();
  });
});
