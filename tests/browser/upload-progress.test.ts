import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import type { Page } from 'playwright-core';
import { makeApp } from '../helpers/app';
import { browserSession, launchBrowser, watchErrors } from './harness';

/** Company rows with a long notes column: about 4.5 MB (so the browser reports upload progress), but few rows to read. */
const ROWS = 8_000;

function writeLargeFile(file: string): void {
  const note = 'n'.repeat(550);
  const lines = ['company,fiscal_year,capex,revenue,notes'];
  for (let i = 0; i < ROWS; i++) lines.push(`Company ${Math.floor(i / 250)},${1950 + (i % 250)},${i * 1.5},${i * 3},${note}`);
  fs.writeFileSync(file, lines.join('\n') + '\n');
}

/**
 * Keeps every text the upload status shows in sessionStorage (which outlives the move to the new
 * dataset's page), so the test reads the whole sequence afterwards instead of racing it.
 */
async function recordStatus(page: Page): Promise<void> {
  await page.addInitScript(() => {
    document.addEventListener('DOMContentLoaded', () => {
      const status = document.querySelector('.upload-status');
      if (!status) return;
      new MutationObserver(() => {
        const seen = JSON.parse(sessionStorage.getItem('upload-status') ?? '[]') as string[];
        seen.push((status.textContent ?? '').replace(/\s+/g, ' ').trim());
        sessionStorage.setItem('upload-status', JSON.stringify(seen));
      }).observe(status, { subtree: true, childList: true, characterData: true });
    });
  });
}

async function statusSeen(page: Page): Promise<string[]> {
  return page.evaluate(() => JSON.parse(sessionStorage.getItem('upload-status') ?? '[]') as string[]);
}

describe('browser › upload progress bar', () => {
  const session = browserSession();
  let dir: string;
  let large: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'capexlens-upload-progress-'));
    large = path.join(dir, 'large.csv');
    writeLargeFile(large);
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test.each([
    ['en', /^(\d+\.\d) MB of \1 MB sent/, '8,000 rows imported'],
    ['ko', /^(\d+\.\d) MB 중 \1 MB 보냄/, '8,000행 가져옴'],
  ])('a 4.5 MB file (%s) › bytes sent up to the whole file, then rows imported, then the dataset page; no errors', async (lang, sentAll, imported) => {
    const page = await session.browser().newPage();
    const errors = await watchErrors(page);
    await recordStatus(page);
    await page.goto(`${session.url()}/datasets/new?lang=${lang}`);
    expect(await page.isHidden('[data-upload-progress]')).toBe(true);
    await page.setInputFiles('input[type=file]', large);
    await Promise.all([page.waitForURL(/\/datasets\/\d+$/), page.click('button[type=submit]')]);

    const seen = await statusSeen(page);
    const sent = seen.map((s) => sentAll.exec(s)).find((m) => m !== null);
    // The whole body (file and form fields) was sent, and it is at least the file.
    expect(sent).toBeDefined();
    expect(Number(sent?.[1])).toBeGreaterThanOrEqual(Math.floor((fs.statSync(large).size / (1024 * 1024)) * 10) / 10);
    expect(seen[seen.length - 1]).toContain(imported);
    // The new dataset's page, in the same language, with every row.
    expect(await page.textContent('h1')).toContain('large');
    expect(await page.getAttribute('html', 'lang')).toBe(lang);
    expect(await page.textContent('main')).toContain('8,000');
    expect(errors).toEqual([]);
    await page.close();
  }, 90_000);

  test('a file with a bad number › the problems shown in place of the form; the address keeps no token', async () => {
    const bad = path.join(dir, 'bad.csv');
    fs.writeFileSync(bad, 'company,fiscal_year,capex\nAcme,2024,12abc\n');
    const page = await session.browser().newPage();
    const errors = await watchErrors(page);
    await page.goto(`${session.url()}/datasets/new?lang=en`);
    await page.setInputFiles('input[type=file]', bad);
    await page.click('button[type=submit]');
    const row = await page.waitForSelector('table.problems tbody tr');
    expect(await row.textContent()).toContain('12abc');
    expect(page.url()).toBe(`${session.url()}/datasets/new?lang=en`);
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    expect(await page.title()).toContain('Cannot accept this file');
    expect(await page.$('form[data-upload]')).toBeNull();
    // The 422 itself is the answer shown, not an error of the page.
    expect(errors.filter((e) => !/status of 422|^HTTP 422 .*\/datasets\/new$/.test(e))).toEqual([]);
    await page.close();
  });

  test('the connection fails while sending › a clear message, and the form works again', async () => {
    const small = path.join(dir, 'small.csv');
    fs.writeFileSync(small, 'company,fiscal_year,capex\nAcme,2024,1500\n');
    const page = await session.browser().newPage();
    await page.goto(`${session.url()}/datasets/new?lang=en`);
    await page.route('**/datasets/new', (route) => (route.request().method() === 'POST' ? route.abort('connectionreset') : route.continue()));
    await page.setInputFiles('input[type=file]', small);
    await page.click('button[type=submit]');
    const message = await page.waitForSelector('[data-upload-error]:not([hidden])');
    expect(await message.textContent()).toContain('The connection was lost while sending the file; nothing was stored.');
    expect(await page.isHidden('[data-upload-progress]')).toBe(true);
    expect(await page.isEnabled('button[type=submit]')).toBe(true);
    expect(await page.isEnabled('input[type=file]')).toBe(true);

    // Once the connection is back, the same form uploads.
    await page.unroute('**/datasets/new');
    await Promise.all([page.waitForURL(/\/datasets\/\d+$/), page.click('button[type=submit]')]);
    expect(await page.textContent('h1')).toContain('small');
    await page.close();
  });

  test('Cancel while sending › says nothing was stored, the form works again, and nothing is listed', async () => {
    const file = path.join(dir, 'cancelled.csv');
    fs.writeFileSync(file, 'company,fiscal_year,capex\nAcme,2024,1500\n');
    const page = await session.browser().newPage();
    await page.goto(`${session.url()}/datasets/new?lang=ko`);
    // The post is held in the browser until the test lets go, so it is still being sent when Cancel is pressed.
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/datasets/new', async (route) => {
      if (route.request().method() !== 'POST') return route.continue();
      await held;
      await route.abort().catch(() => undefined);
    });
    await page.setInputFiles('input[type=file]', file);
    await page.click('button[type=submit]');
    expect(await page.isDisabled('button[type=submit]')).toBe(true);
    await page.click('[data-upload-cancel]');
    const message = await page.waitForSelector('[data-upload-error]:not([hidden])');
    expect(await message.textContent()).toBe('올리기를 취소했습니다. 아무것도 저장하지 않았습니다.');
    expect(await page.isEnabled('button[type=submit]')).toBe(true);
    release();
    await page.unroute('**/datasets/new');
    await page.goto(`${session.url()}/`);
    expect(await page.textContent('main')).not.toContain('cancelled');
    await page.close();
  });

  test('at 390 px › the bar fits the phone and nothing scrolls sideways', async () => {
    const context = await session.browser().newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    await page.goto(`${session.url()}/datasets/new?lang=ko`);
    await page.$eval('[data-upload-progress]', (el) => {
      (el as HTMLElement).hidden = false;
      (el.querySelector('[data-upload-sent]') as HTMLElement).textContent = '40.0 MB 중 12.4 MB 보냄';
      (el.querySelector('[data-upload-rows]') as HTMLElement).textContent = '1,184,000행 읽음';
    });
    const widths = await page.evaluate(() => ({ doc: document.documentElement.scrollWidth, bar: document.querySelector('progress')?.getBoundingClientRect().right ?? 0 }));
    expect(widths.doc).toBeLessThanOrEqual(390);
    expect(widths.bar).toBeGreaterThan(0);
    expect(widths.bar).toBeLessThanOrEqual(390);
    // The bar is named by its label.
    expect(await page.getAttribute('progress', 'id')).toBe('upload-progress-bar');
    expect(await page.textContent('label[for="upload-progress-bar"]')).toBe('올리기 진행 상황');
    await context.close();
  });
});

describe('browser › upload progress bar › over the size limit', () => {
  test('a file over MAX_UPLOAD_BYTES › the 413 page in place of the form, naming the limit', async () => {
    const { app, store } = await makeApp({ MAX_UPLOAD_BYTES: String(1024 * 1024) });
    const server: Server = await new Promise((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const launched = await launchBrowser();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'capexlens-upload-413-'));
    try {
      const file = path.join(dir, 'two-mb.csv');
      fs.writeFileSync(file, 'company,fiscal_year,capex,notes\n' + `Acme,2024,1,${'n'.repeat(2 * 1024 * 1024)}\n`);
      const page = await launched.browser.newPage();
      await page.goto(`${url}/datasets/new?lang=en`);
      await page.setInputFiles('input[type=file]', file);
      await page.click('button[type=submit]');
      await page.waitForSelector('main:has-text("The file is larger than the upload limit of 1 MB.")');
      expect(page.url()).toBe(`${url}/datasets/new?lang=en`);
      expect(await page.$('form[data-upload]')).toBeNull();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
      await launched.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await store.close();
    }
  }, 60_000);
});
