// Any address: generated addresses (unknown languages and slugs, good and
// broken percent-escapes, `..`, very long segments and query values, every
// archive parameter with bad values), half loaded and half reached by
// in-app navigation and history, each must end in a page, a not-found view
// or a corrected language within a few seconds: no crash view, no uncaught
// error, no endless "Loading…". ADDRESSES=n for another count (1,000 by
// default, ~0.5 s each here; `make e2e-subpath` runs 200 of them again
// under the sub-path); SEED=n for another draw.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { newPage } from './harness.mjs';
import { sitePath, useSite } from './pages.mjs';

const site = useSite();
const COUNT = Number(process.env.ADDRESSES ?? 1000);
const SEED = Number(process.env.SEED ?? 13);

/** mulberry32: the same draw every run unless SEED says otherwise. */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const random = rng(SEED);
const pick = (xs) => xs[Math.floor(random() * xs.length)];

const LANGS = ['en', 'tr', 'ru', 'de', 'xx', 'EN', 'tr-TR', '~', '..', '%2e%2e', 'ру', 'a'.repeat(300), '', '%', '%zz', '<script>', 'en%00'];
const SLUGS = ['uzbekistan-kazakhstan-strategic-partnership', 'csto', 'no-such-entry', '..', '%2e%2e%2f%2e%2e', 'x'.repeat(2000), '%E0%A4%A', '<img src=x onerror=alert(1)>', 'Kazakhstan', 'ü', '%F0%9F%98%80', ''];
const PARAMS = ['q', 'sort', 'all', 'values', 'kind', 'topic', 'country', 'organisation', 'person', 'author', 'year', 'language', 'with', 'zz'];
const VALUES = ['', 'kazak', 'date', 'relevance', 'name', 'count', '1', 'zzz', '%', '%E0%A4', 'a'.repeat(5000), '<script>alert(1)</script>', 'javascript:alert(1)', '..%2f..%2f', 'İSTANBUL', 'ру', '"\'><svg onload=alert(1)>', '-1', '99999999999999999999'];

function address() {
  const lang = pick(LANGS);
  const shape = random();
  let path;
  if (shape < 0.3) path = `${lang}/`;
  else if (shape < 0.65) path = `${lang}/entries/${pick(SLUGS)}/`;
  else if (shape < 0.75) path = `${lang}/entries/${pick(SLUGS)}`;
  else if (shape < 0.85) path = `${lang}/${pick(['..', 'entries', 'feed.xml', 'x/y/z', '%2f', 'entries/a/b'])}/`;
  else path = pick(['', '~', '..%2f..%2f', 'index.html', '404.html', `${lang}`]);
  const query = [];
  const n = Math.floor(random() * 4);
  for (let i = 0; i < n; i++) query.push(`${pick(PARAMS)}=${pick(VALUES)}`);
  const hash = random() < 0.15 ? pick(['#ru', '#p1', '#note-1', '#<script>', '#%']) : '';
  return `${sitePath(path)}${query.length ? `?${query.join('&')}` : ''}${hash}`;
}

const ADDRESSES = Array.from({ length: COUNT }, address);

/** What the page settled on, or why it did not within `ms`. */
async function settled(page, ms = 8000) {
  return page
    .waitForFunction(
      () => {
        if (document.querySelector('main.crash')) return 'crash';
        const app = document.getElementById('okuma-app');
        if (!app || app.hidden || document.getElementById('okuma-prerendered')) return false;
        if (app.querySelector('.loading')) return false;
        return app.querySelector('main') ? 'page' : false;
      },
      null,
      { timeout: ms, polling: 50 },
    )
    .then((h) => h.jsonValue())
    .catch(() => 'timeout');
}

test(`${COUNT} generated addresses end in a page, a not-found view or a corrected language`, async () => {
  // `settled` waits for each address; a host's own error page (a 400)
  // would otherwise be waited on for the app that never comes.
  const page = await newPage(site.browser, { waitForApp: false });
  const outcomes = { page: 0, host: 0, crash: 0, timeout: 0 };
  const failures = [];
  let loaded = false;
  for (const [i, href] of ADDRESSES.entries()) {
    const before = page.uncaught.length;
    let mode = 'link';
    if (i % 2 === 0 || !loaded) {
      // Loaded from the address bar. An address the host itself refuses
      // (a broken percent-escape: 400, as nginx answers) never reaches
      // the app; the next one starts afresh.
      mode = 'load';
      const response = await page.goto(`${new URL(site.base).origin}${href}`, { waitUntil: 'commit' }).catch(() => null);
      const type = response?.headers()['content-type'] ?? '';
      if (response && response.status() >= 400 && !type.startsWith('text/html')) {
        outcomes.host++;
        loaded = false;
        continue;
      }
      loaded = true;
    } else if (i % 10 === 5) {
      mode = 'history';
      // History: back, and sometimes forward again.
      await page.goBack({ waitUntil: 'commit' }).catch(() => {});
      if (i % 20 === 5) await page.goForward({ waitUntil: 'commit' }).catch(() => {});
    } else {
      // A link the app's router takes.
      await page
        .evaluate((href) => {
          const link = Object.assign(document.createElement('a'), { href });
          document.body.append(link);
          link.click();
          link.remove();
        }, href)
        .catch(() => {});
    }
    let outcome = await settled(page);
    if (outcome === 'timeout') {
      // A link whose `%2e%2e` the browser resolves above the site's base
      // path (a sub-path build) leaves the site, and history can go back
      // to a host's own error page (a 400 loaded before): the host
      // answers, not the app.
      const where = await page
        .evaluate(() => ({ path: location.pathname, type: document.contentType, app: !!document.getElementById('okuma-app') }))
        .catch(() => ({ path: '', type: '', app: false }));
      if (!where.path.startsWith(sitePath('')) || (where.type !== 'text/html' && !where.app)) {
        outcome = 'host';
        loaded = false;
      }
    }
    outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
    const errors = page.uncaught.slice(before);
    if ((outcome !== 'page' && outcome !== 'host') || errors.length) {
      failures.push({ i, mode, href: href.slice(0, 200), outcome, errors: errors.map((e) => e.slice(0, 200)) });
      if (outcome === 'crash' || failures.length > 5) break;
    }
  }
  console.log(`addresses: ${JSON.stringify(outcomes)}`);
  assert.deepEqual(failures, [], JSON.stringify(failures, null, 1));
});
