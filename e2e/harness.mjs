// Shared set-up for the end-to-end tests and the benches: a release build
// (the directory in $OKUMA_DIST, dist/ by default) served on 127.0.0.1 by
// scripts/serve.mjs, and Debian's Chromium driven by playwright-core (never
// a downloaded browser; $CHROMIUM names another binary).
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { createServer } from '../scripts/serve.mjs';

/** The build the tests and benches serve: $OKUMA_DIST, or dist/. */
export const DIST = process.env.OKUMA_DIST || 'dist';

/**
 * The base path the build was made for ($OKUMA_BASE_PATH, `/okuma/` for a
 * project site), which the server serves it under.
 */
export const BASE_PATH = `/${(process.env.OKUMA_BASE_PATH || '/').replace(/^\/+|\/+$/g, '')}/`.replace('//', '/');

/** An address under the base, as the app writes it: `sitePath('en/')` → `/okuma/en/`. */
export const sitePath = (rest) => `${BASE_PATH}${rest.replace(/^\/+/, '')}`;

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
  const server = createServer(dir, { base: BASE_PATH, ...options });
  await new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', ok);
  });
  const base = options.base ?? BASE_PATH;
  return {
    // The site's address, without a trailing slash: `${base}/en/`.
    base: `http://127.0.0.1:${server.address().port}${base.replace(/\/$/, '')}`,
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
 * assert that a run had none. `options` go to the browser context, but for
 * `waitForApp: false` (a load does not wait for the app to be on screen).
 */
export async function newPage(browser, options = {}) {
  const { waitForApp = true, ...contextOptions } = options;
  const context = await browser.newContext({ locale: 'en-US', ...contextOptions });
  const page = await context.newPage();
  page.uncaught = [];
  page.consoleErrors = [];
  page.on('pageerror', (err) => page.uncaught.push(String(err)));
  page.on('console', (msg) => {
    if (msg.type() === 'error') page.consoleErrors.push(msg.text());
  });
  if (waitForApp && options.javaScriptEnabled !== false) {
    // A page arrives pre-rendered; what a test does next is done with the
    // app, so a load waits until the app is on screen (the page taken
    // over, or the app's alert above it after a failed fetch).
    const goto = page.goto.bind(page);
    page.goto = async (url, opts) => {
      const response = await goto(url, opts);
      await page
        .waitForFunction(() => {
          const app = document.getElementById('okuma-app');
          return app && !app.hidden;
        }, null, { timeout: 15000 })
        .catch(() => {});
      return response;
    };
  }
  return page;
}

/** Saves a screenshot under target/e2e/ for a person to look at. */
export async function screenshot(page, name) {
  mkdirSync('target/e2e', { recursive: true });
  await page.screenshot({ path: `target/e2e/${name}.png`, fullPage: true });
}
