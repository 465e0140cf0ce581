// Shared set-up for the end-to-end tests: the release build in dist/ served
// on 127.0.0.1 by scripts/serve.mjs, and Debian's Chromium driven by
// playwright-core (never a downloaded browser).
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { createServer } from '../scripts/serve.mjs';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/** Starts the server and the browser; returns them with a `close()`. */
export async function start() {
  const server = createServer('dist');
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const base = `http://127.0.0.1:${server.address().port}`;
  // Playwright gives every launch a fresh, temporary profile directory.
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
  });
  return {
    base,
    browser,
    async close() {
      await browser.close();
      await new Promise((ok) => server.close(ok));
    },
  };
}

/**
 * A new page that records uncaught errors and console errors, so tests can
 * assert that a run had none.
 */
export async function newPage(browser, options = {}) {
  const context = await browser.newContext({ locale: 'en-US', ...options });
  const page = await context.newPage();
  page.uncaught = [];
  page.consoleErrors = [];
  page.on('pageerror', (err) => page.uncaught.push(String(err)));
  page.on('console', (msg) => {
    if (msg.type() === 'error') page.consoleErrors.push(msg.text());
  });
  return page;
}

/** Saves a screenshot under target/e2e/ for a person to look at. */
export async function screenshot(page, name) {
  mkdirSync('target/e2e', { recursive: true });
  await page.screenshot({ path: `target/e2e/${name}.png`, fullPage: true });
}
