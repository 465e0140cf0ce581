// Shared set-up for the end-to-end tests and the benches: a release build
// (the directory in $OKUMA_DIST, dist/ by default) served on 127.0.0.1 by
// scripts/serve.mjs, and Debian's Chromium driven by playwright-core (never
// a downloaded browser; $CHROMIUM names another binary).
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { createServer } from '../scripts/serve.mjs';

/** The build the tests and benches serve: $OKUMA_DIST, or dist/. */
export const DIST = process.env.OKUMA_DIST || 'dist';

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

/**
 * Launches headless Chromium with the flags above. Playwright gives every
 * launch a fresh, temporary profile directory.
 */
export function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
  });
}

/**
 * Serves `dir` on a free port of 127.0.0.1; `options` go to
 * scripts/serve.mjs (`gzip`, `mounts`). Returns `{ base, server, close() }`.
 */
export async function serve(dir = DIST, options = {}) {
  const server = createServer(dir, options);
  await new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', ok);
  });
  return {
    base: `http://127.0.0.1:${server.address().port}`,
    server,
    close: () => new Promise((ok) => server.close(ok)),
  };
}

/**
 * Starts the server and the browser; returns them with a `close()`.
 * `dist`: the directory to serve (default $OKUMA_DIST or dist/); `serve`:
 * options for the server.
 */
export async function start({ dist = DIST, serve: serveOptions = {} } = {}) {
  const site = await serve(dist, serveOptions);
  let browser;
  try {
    browser = await launchBrowser();
  } catch (err) {
    await site.close();
    throw err;
  }
  return {
    base: site.base,
    dist,
    browser,
    async close() {
      try {
        await browser.close();
      } finally {
        await site.close();
      }
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
