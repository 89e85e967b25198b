import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { browserSession } from './harness';

/** Text of a PDF as pdftotext (poppler-utils, installed by .ci/run) reads it. */
function pdfText(pdf: Buffer): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'capexlens-print-'));
  try {
    const file = path.join(dir, 'report.pdf');
    fs.writeFileSync(file, pdf);
    return execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Whitespace-free, so a header wrapped over two lines in its cell still matches. */
const squash = (s: string): string => s.replace(/\s+/g, '');

describe('browser › printed company report', () => {
  const session = browserSession();

  test.each([
    ['hyperscalers, English', '/datasets/1/report'],
    ['Korean companies, Korean', '/datasets/3/report?lang=ko'],
  ])('%s › the PDF has every column header of every table, the date, dataset and assumptions', async (_name, url) => {
    const page = await session.browser().newPage();
    await page.goto(`${session.url()}${url}`);
    await page.waitForLoadState('networkidle');
    await page.emulateMedia({ media: 'print' });
    // Headers as printed (visible in print media): every table of the report.
    const headers = await page.$$eval('main table thead th', (ths) =>
      ths.filter((th) => (th as HTMLElement).offsetParent !== null).map((th) => (th.textContent ?? '').trim()).filter((t) => t !== ''),
    );
    const tables = await page.$$eval('main table', (ts) => ts.filter((t) => (t as HTMLElement).offsetParent !== null).length);
    const meta = (await page.textContent('.report-head .meta, header .meta')) ?? '';
    const pdf = await page.pdf({ printBackground: true, preferCSSPageSize: true });
    await page.close();
    const text = squash(pdfText(pdf));
    expect(tables).toBeGreaterThan(5);
    expect(headers.length).toBeGreaterThan(40);
    expect(headers.filter((h) => !text.includes(squash(h)))).toEqual([]);
    // The date and the dataset (the report's heading line), and the assumptions table.
    expect(meta).toMatch(/\d{4}/);
    expect(text).toContain(squash(meta));
  }, 120_000);
});
