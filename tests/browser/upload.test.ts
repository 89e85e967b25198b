import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { browserSession, watchErrors } from './harness';

const EPOCH = path.join(__dirname, '..', 'fixtures', 'ingest', 'epoch-all-ml-systems.csv');

/**
 * The plain form, with scripts off: it posts and the browser follows the answer. With scripts on
 * the same form is sent by /js/upload-progress.js (tests/browser/upload-progress.test.ts).
 */
describe('browser › upload form without scripts', () => {
  const session = browserSession();
  const newPage = async (): Promise<Page> => (await session.browser().newContext({ javaScriptEnabled: false })).newPage();
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'capexlens-upload-browser-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('an Epoch export › lands on the new dataset with its column mapping, no errors', async () => {
    const page = await newPage();
    const errors = await watchErrors(page);
    await page.goto(`${session.url()}/datasets/new`);
    await page.setInputFiles('input[type=file]', EPOCH);
    await Promise.all([page.waitForURL(/\/datasets\/\d+$/), page.click('button[type=submit]')]);
    await page.click('summary:has-text("How the columns were read")');
    expect(await page.textContent('main')).toContain('Training compute cost (2023 USD)');
    expect(await page.textContent('table.rows')).toContain('DeepSeek-V3');
    expect(await page.textContent('h1')).toContain('epoch-all-ml-systems');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  test('a file with a bad number › 422 page naming line, column and value; nothing listed', async () => {
    const bad = path.join(dir, 'bad.csv');
    fs.writeFileSync(bad, 'company,fiscal_year,capex\nAcme,2024,12abc\n');
    const page = await newPage();
    await page.goto(`${session.url()}/datasets/new`);
    await page.setInputFiles('input[type=file]', bad);
    const [response] = await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);
    expect(response?.status()).toBe(422);
    // The address bar of the 422 page keeps no CSRF token.
    expect(page.url()).toBe(`${session.url()}/datasets/new`);
    const row = await page.textContent('table.problems tbody tr');
    expect(row).toContain('2');
    expect(row).toContain('capex');
    expect(row).toContain('12abc');
    await page.goto(`${session.url()}/`);
    expect(await page.textContent('table.datasets')).not.toContain('bad');
    await page.context().close();
  });
});
