// Reading offline (the service worker, src/browser/sw.js, and the data the
// app keeps, src/browser/offline.rs), and a new deploy picked up whole.
// "Offline" here is both Playwright's offline mode (the page's
// navigator.onLine and its requests) and the server refusing every
// connection, so the worker's own requests fail too, as on a real
// disconnected phone.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { DIST, launchBrowser, newPage, serve, sitePath } from './harness.mjs';
import { SLUG, TITLES, takenOver } from './pages.mjs';

/** A UI string of a locale file (`offline_notice`, `error_offline`). */
const uiString = (lang, key) =>
  JSON.parse(readFileSync(`locales/${lang}.toml`, 'utf8').match(new RegExp(`^${key} = (".*")$`, 'm'))[1]);

let dir;
let site;
let browser;
let down = false;

before(async () => {
  // A copy of the build, so a test can deploy another build over it.
  dir = mkdtempSync(join(tmpdir(), 'okuma-offline-'));
  cpSync(DIST, dir, { recursive: true });
  site = await serve(dir);
  const [handler] = site.server.listeners('request');
  site.server.removeAllListeners('request');
  site.server.on('request', (req, res) => (down ? req.socket.destroy() : handler(req, res)));
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await site?.close();
  rmSync(dir, { recursive: true, force: true });
});

const url = (path) => `${site.base}/${path}`;
const buildOf = (page) => page.locator('meta[name="okuma-build"]').getAttribute('content');

async function goOffline(context) {
  down = true;
  await context.setOffline(true);
}
async function goOnline(context) {
  down = false;
  await context.setOffline(false);
}

/** Waits until the worker is active and the app has kept `paths` (under data/). */
async function kept(page, paths) {
  await page.waitForFunction(
    () => navigator.serviceWorker?.getRegistration().then((r) => r?.active?.state === 'activated'),
    null,
    { timeout: 15000 },
  );
  await page.waitForFunction(
    async (urls) => {
      const build = document.querySelector('meta[name="okuma-build"]')?.content;
      const cache = await caches.open(`okuma-${build}`);
      return (await Promise.all(urls.map((u) => cache.match(u)))).every(Boolean);
    },
    paths.map((p) => sitePath(`data/${p}`)),
    { timeout: 15000 },
  );
}

test('a visited article and the archive open with the network off, with a notice, and a page not kept says so', { timeout: 120000 }, async () => {
  const page = await newPage(browser);
  const context = page.context();
  try {
    // First visit: the worker is registered; the app keeps the data it reads.
    await page.goto(url(`en/entries/${SLUG}/`));
    await page.locator('h1#entry-title').waitFor();
    await kept(page, ['site.json', `entries/${SLUG}.json`]);
    await page.goto(url('en/'));
    await page.locator('.entry-card').first().waitFor();
    await kept(page, ['site.json', 'catalog/en/1.json']);
    const cards = await page.locator('.entry-card').count();
    assert.equal(await page.locator('.offline-notice').count(), 0, 'no notice online');

    await goOffline(context);
    // The article, loaded again without a network: its text, and the notice.
    await page.goto(url(`en/entries/${SLUG}/`));
    await takenOver(page);
    assert.equal(await page.locator('h1#entry-title').innerText(), TITLES.en);
    assert.ok((await page.locator('#main p').count()) > 5, 'the body is there');
    const notice = page.getByRole('status').filter({ hasText: uiString('en', 'offline_notice') });
    await notice.waitFor();
    // The archive, with its cards.
    await page.goto(url('en/'));
    await page.locator('.entry-card').first().waitFor();
    assert.equal(await page.locator('.entry-card').count(), cards);
    await notice.waitFor();
    // An entry never opened: the app's own page, with an offline message
    // in the reader's language and a Retry that works once online.
    await page.goto(url('tr/entries/csto/'));
    const alert = page.getByRole('alert');
    await alert.waitFor();
    assert.match(await alert.innerText(), new RegExp(uiString('tr', 'error_offline').slice(0, 30)));
    assert.equal(await page.locator('.crash').count(), 0);
    await goOnline(context);
    await alert.getByRole('button').click();
    await page.locator('h1#entry-title').waitFor();
    await page.waitForFunction(() => !document.querySelector('.offline-notice'));
    assert.deepEqual(page.uncaught, []);
  } finally {
    await goOnline(context);
    await context.close();
  }
});

test('the notice comes and goes with the network while reading', { timeout: 120000 }, async () => {
  const page = await newPage(browser);
  const context = page.context();
  try {
    await page.goto(url(`ru/entries/${SLUG}/`));
    await page.locator('h1#entry-title').waitFor();
    await context.setOffline(true);
    const notice = page.getByRole('status').filter({ hasText: uiString('ru', 'offline_notice') });
    await notice.waitFor();
    assert.equal(await notice.getAttribute('class'), 'notice offline-notice');
    await context.setOffline(false);
    await notice.waitFor({ state: 'detached' });
  } finally {
    await context.close();
  }
});

test('a new deploy is picked up whole: the open page reloads into the new build, and what was kept is of it', { timeout: 120000 }, async () => {
  const page = await newPage(browser);
  const context = page.context();
  try {
    await page.goto(url(`en/entries/${SLUG}/`));
    await page.locator('h1#entry-title').waitFor();
    await kept(page, ['site.json', `entries/${SLUG}.json`]);
    // Loaded again, so the worker has the page too.
    await page.reload();
    await page.locator('h1#entry-title').waitFor();
    const first = await buildOf(page);

    // Deploy another build over the site: a new site title, stamped again.
    const siteFile = join(dir, 'data', 'site.json');
    const data = JSON.parse(readFileSync(siteFile, 'utf8'));
    data.title.en = 'okuma, the next deploy';
    writeFileSync(siteFile, JSON.stringify(data));
    execFileSync('node', ['scripts/offline.mjs', dir], { stdio: 'ignore' });
    const second = JSON.parse(readFileSync(siteFile, 'utf8')).build;
    assert.notEqual(second, first);

    // The browser looks for a new worker (as it does on its own now and then).
    const reloaded = page.waitForEvent('framenavigated', { timeout: 20000 });
    await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.update()));
    await reloaded;
    await takenOver(page);
    assert.equal(await buildOf(page), second, 'the page is of the new build');
    await page.getByRole('link', { name: 'okuma, the next deploy' }).waitFor();
    // One cache, the new build's, with the article's data opened again from it.
    const caches = await page.evaluate(() => caches.keys());
    assert.deepEqual(caches.filter((n) => n.startsWith('okuma-')), [`okuma-${second}`]);
    await kept(page, [`entries/${SLUG}.json`]);

    // And offline, the article still opens, from the new build.
    await goOffline(context);
    await page.goto(url(`en/entries/${SLUG}/`));
    await page.locator('h1#entry-title').waitFor();
    assert.equal(await buildOf(page), second);
    await page.getByRole('link', { name: 'okuma, the next deploy' }).waitFor();
  } finally {
    await goOnline(context);
    await context.close();
  }
});

test('a page whose data is of another build reloads once, never in a loop', { timeout: 120000 }, async () => {
  const page = await newPage(browser, { serviceWorkers: 'block' });
  try {
    let loads = 0;
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame()) loads += 1;
    });
    // A cache between reader and site keeps an old site file.
    await page.route('**/data/site.json', async (route) => {
      const response = await route.fetch();
      const data = await response.json();
      data.build = 'an-older-deploy';
      await route.fulfill({ response, body: JSON.stringify(data) });
    });
    await page.goto(url(`en/entries/${SLUG}/`));
    await page.waitForTimeout(1500);
    await page.locator('h1#entry-title').waitFor();
    assert.equal(loads, 2, 'one reload, then the page is read as it is');
    assert.equal(await page.locator('h1#entry-title').innerText(), TITLES.en);
  } finally {
    await page.context().close();
  }
});
