import { browserSession, inkedShare, watchErrors } from './harness';

describe('browser › model economics and GPUs per job', () => {
  const session = browserSession();

  test('built-in models report › the log-scale cost chart is drawn, no errors or CSP violations', async () => {
    const page = await session.browser().newPage();
    const errors = await watchErrors(page);
    await page.goto(`${session.url()}/`);
    await page.click('text=AI model training costs');
    await page.click('text=Open the report');
    await page.waitForSelector('#cost-trend[data-drawn]');
    expect(await page.getAttribute('#cost-trend', 'data-drawn')).toBe('true');
    expect(await inkedShare(page, '#cost-trend')).toBeGreaterThan(0.001);
    expect(errors).toEqual([]);
    await page.close();
  });

  test('calculator › changing quantization and submitting › the link carries the inputs and the answer changes', async () => {
    const page = await session.browser().newPage();
    const errors = await watchErrors(page);
    await page.goto(`${session.url()}/gpus-per-job`);
    const before = await page.textContent('[data-testid="gpus-per-person"]');
    await page.selectOption('select[name="quant"]', 'int4');
    await page.fill('input[name="paramsB"]', '405');
    await Promise.all([page.waitForNavigation(), page.click('button[type="submit"]')]);
    expect(page.url()).toContain('quant=int4');
    expect(page.url()).toContain('paramsB=405');
    expect(await page.textContent('tr[data-step="weightsGB"]')).toContain('202.5');
    expect(await page.textContent('[data-testid="gpus-per-person"]')).not.toBe(before);
    expect(errors).toEqual([]);
    await page.close();
  });

  test('calculator › a bad value › shown back with its message, status 400, no errors in the page', async () => {
    const page = await session.browser().newPage();
    const errors = await watchErrors(page);
    const res = await page.goto(`${session.url()}/gpus-per-job?price=-3`);
    expect(res?.status()).toBe(400);
    expect(await page.inputValue('input[name="price"]')).toBe('-3');
    expect(await page.textContent('#err-price')).toContain('greater than 0');
    expect(errors.filter((e) => !e.includes('400'))).toEqual([]);
    await page.close();
  });
});
