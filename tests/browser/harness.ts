import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { chromium, type Browser, type Page } from 'playwright-core';
import { makeApp } from '../helpers/app';

export const CHROMIUM = '/usr/bin/chromium';

/** Starts the app on an ephemeral 127.0.0.1 port with a fresh store and the built-in data. */
export async function startApp(): Promise<{ url: string; close: () => Promise<void> }> {
  const { app, store } = await makeApp();
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await store.close();
    },
  };
}

/**
 * Launches Debian's Chromium headless. Fails (never skips) when the browser is missing: CI installs it.
 * The flags keep Chromium off the network, which this machine's sandbox refuses anyway. Playwright
 * gives every launch a fresh temporary profile (it refuses a --user-data-dir argument).
 */
export async function launchBrowser(): Promise<{ browser: Browser; close: () => Promise<void> }> {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: run "apt-get install -y chromium" (.ci/run does)`);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    browser,
    close: () => browser.close(),
  };
}

/**
 * Collects console errors, page errors and CSP violations of a page, so a test can assert there
 * were none (a CSP must never hide an escaping bug).
 */
export async function watchErrors(page: Page): Promise<string[]> {
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`console: ${msg.text()}`);
  });
  page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
  page.on('response', (res) => {
    if (res.status() >= 400 && res.request().resourceType() !== 'document') errors.push(`HTTP ${res.status()} ${res.url()}`);
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  return errors;
}

/** Share of a canvas's pixels that are not fully transparent: > 0 means something was drawn. */
export async function inkedShare(page: Page, selector: string): Promise<number> {
  return page.$eval(selector, (el) => {
    const canvas = el as HTMLCanvasElement;
    const ctx = canvas.getContext('2d');
    if (!ctx || canvas.width === 0 || canvas.height === 0) return 0;
    const data = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
    let inked = 0;
    for (let i = 3; i < data.length; i += 4) if ((data[i] ?? 0) > 0) inked++;
    return inked / (data.length / 4);
  });
}

/**
 * Registers beforeAll/afterAll for a describe block: one app and one browser for its tests.
 * @example const session = browserSession(); test('…', async () => { const page = await session.browser().newPage(); await page.goto(session.url()); });
 */
export function browserSession(): { url: () => string; browser: () => Browser } {
  let app: Awaited<ReturnType<typeof startApp>> | undefined;
  let launched: Awaited<ReturnType<typeof launchBrowser>> | undefined;
  beforeAll(async () => {
    app = await startApp();
    launched = await launchBrowser();
  }, 60_000);
  afterAll(async () => {
    await launched?.close();
    await app?.close();
  });
  return {
    url: () => {
      if (!app) throw new Error('browserSession: the app has not started');
      return app.url;
    },
    browser: () => {
      if (!launched) throw new Error('browserSession: the browser has not started');
      return launched.browser;
    },
  };
}
