// Accessibility as a test: axe-core with the WCAG 2.0/2.1/2.2 A and AA
// rules on every view of the reader (the app's and the pre-rendered pages
// read without JavaScript), in every language, light and dark; and a
// keyboard-only walk through the main tasks with focus always visible and
// never under the sticky header.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { newPage } from './harness.mjs';
import { assertNoErrors, entryUrl, firstCard, openArchive, openEntry, takenOver, useSite, waitForLang } from './pages.mjs';

const site = useSite();
const AXE = readFileSync('node_modules/axe-core/axe.min.js', 'utf8');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];
const LANGS = ['en', 'tr', 'ru'];
const THEMES = ['light', 'dark'];

/** axe's violations on the page as it is: rule, impact and a few nodes. */
async function violations(page) {
  // Evaluated by the test driver: the page's own policy admits no inline script.
  await page.evaluate(AXE);
  return page.evaluate(async (tags) => {
    const r = await window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return r.violations.map((v) => ({
      rule: v.id,
      impact: v.impact,
      nodes: v.nodes.slice(0, 3).map((n) => `${n.target.join(' ')}: ${n.failureSummary?.split('\n').slice(1, 2).join(' ')}`),
    }));
  }, TAGS);
}

/** The views the reader meets, each opened in the app. */
const VIEWS = {
  archive: async (page, lang) => {
    await openArchive(page, `/${lang}/`);
    await firstCard(page);
    await page.locator('.facet-panel .facet').first().waitFor();
  },
  'search with a facet': async (page, lang) => {
    await openArchive(page, `/${lang}/?q=kaz&topic=bilateral-relations`);
    await page.locator('#results[data-query]').waitFor({ state: 'attached' });
    await page.locator('.active-filters .chip').first().waitFor();
  },
  'no results': async (page, lang) => {
    await openArchive(page, `/${lang}/?q=zzqqxx`);
    await page.locator('#results[data-query="zzqqxx"]').waitFor({ state: 'attached' });
  },
  article: async (page, lang) => {
    await openEntry(page, lang);
    await page.locator('section.similar').waitFor();
    await page.locator('#p1 sup a').first().click();
    await page.locator('.note-preview').waitFor();
  },
  'parallel view': async (page, lang) => {
    await page.goto(`${entryUrl(lang)}?with=${lang === 'en' ? 'tr' : 'en'}`);
    await takenOver(page);
    await page.locator('.entry-body.parallel').waitFor();
  },
  'not found': async (page, lang) => {
    await page.goto(`${site.base}/${lang}/entries/no-such-entry/`);
    await takenOver(page);
    await page.locator('.not-found').waitFor();
  },
  'fetch error': async (page, lang) => {
    await page.route('**/data/entries/**', (route) => route.fulfill({ status: 503, body: 'down' }));
    await page.goto(entryUrl(lang));
    await page.getByRole('alert').first().waitFor();
  },
  offline: async (page, lang) => {
    await openEntry(page, lang);
    await page.context().setOffline(true);
    await page.locator('.offline-notice').waitFor();
  },
  crash: async (page, lang) => {
    await openEntry(page, lang);
    await crash(page);
  },
};

/**
 * A real panic: the browser refuses, once, to make an element; the app's
 * renderer unwraps that and panics on its next new view (here, following
 * the link to the archive), and the panic hook draws the crash view.
 */
async function crash(page) {
  await page.evaluate(() => {
    const make = Document.prototype.createElement;
    let refused = false;
    Document.prototype.createElement = function (...args) {
      if (!refused) {
        refused = true;
        throw new Error('createElement refused once, by the test');
      }
      return make.apply(this, args);
    };
  });
  await page.locator('.site-title').click();
  await page.locator('main.crash').waitFor({ timeout: 10000 });
}

for (const [name, open] of Object.entries(VIEWS)) {
  for (const lang of LANGS) {
    for (const theme of THEMES) {
      test(`${name}, ${lang}, ${theme}: no axe violations`, async () => {
        const page = await newPage(site.browser, { colorScheme: theme });
        try {
          await open(page, lang);
          const found = await violations(page);
          assert.deepEqual(found, [], JSON.stringify(found, null, 1));
        } finally {
          await page.context().close();
        }
      });
    }
  }
}

// The pre-rendered pages as a reader without JavaScript gets them: served
// without their scripts and with their <noscript> parts in force (axe
// itself needs JavaScript, so the page cannot simply have it turned off).
const STATIC = {
  archive: (lang) => `/${lang}/`,
  article: (lang) => `/${lang}/entries/uzbekistan-kazakhstan-strategic-partnership/`,
  'not found': (lang) => `/${lang}/404.html`,
};
for (const [name, path] of Object.entries(STATIC)) {
  for (const lang of LANGS) {
    for (const theme of THEMES) {
      test(`${name} without JavaScript, ${lang}, ${theme}: no axe violations`, async () => {
        const page = await newPage(site.browser, { colorScheme: theme, waitForApp: false });
        try {
          const url = `${site.base}${path(lang)}`;
          await page.route(url, async (route) => {
            const response = await route.fetch();
            const html = (await response.text())
              .replace(/<script\b(?![^>]*ld\+json)[^>]*>[\s\S]*?<\/script>/gi, '')
              .replace(/<\/?noscript>/gi, '');
            await route.fulfill({ response, body: html });
          });
          await page.goto(url);
          await page.locator('#okuma-prerendered main').waitFor();
          assert.equal(await page.locator('.theme-toggle').isVisible(), false, 'the <noscript> style applies');
          const found = await violations(page);
          assert.deepEqual(found, [], JSON.stringify(found, null, 1));
        } finally {
          await page.context().close();
        }
      });
    }
  }
}

/**
 * Presses Tab until the focused element matches `selector` (at most `max`
 * times); at every stop, focus must be visible (an outline or the browser's
 * focus ring) and not under the sticky header, going forward or back
 * (Shift+Tab scrolls an element to the top, where the header is: its
 * `scroll-margin-top` keeps it clear).
 */
async function tabTo(page, selector, { max = 80, shift = false } = {}) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(shift ? 'Shift+Tab' : 'Tab');
    const state = await page.evaluate((selector) => {
      const el = document.activeElement;
      if (!el || el === document.body) return { none: true };
      const style = getComputedStyle(el);
      const rect = el.getBoundingClientRect();
      const header = document.querySelector('.site-header');
      const inHeader = header?.contains(el);
      const covered = header && !inHeader ? header.getBoundingClientRect().bottom : 0;
      return {
        match: el.matches(selector),
        what: `${el.tagName.toLowerCase()}#${el.id}.${el.className}`,
        visible: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0,
        hidden: rect.bottom <= covered + 1 || (rect.top < covered - 1 && rect.bottom - covered < rect.height / 2),
        skip: el.classList.contains('skip-link') || el.closest('.visually-hidden') !== null,
      };
    }, selector);
    if (state.none) continue;
    if (!state.skip) {
      assert.ok(state.visible, `focus is visible on ${state.what}`);
      assert.ok(!state.hidden, `${state.what} is not under the sticky header (${shift ? 'Shift+Tab' : 'Tab'})`);
    }
    if (state.match) return;
  }
  assert.fail(`Tab did not reach ${selector} within ${max} presses`);
}

test('a keyboard-only walk: switch language, a note preview, search, a facet chosen and removed, the parallel view', async () => {
  const page = await newPage(site.browser);
  await openEntry(page, 'en');
  await page.locator('section.similar').waitFor();

  // Switch language from the header.
  await tabTo(page, 'nav.language-switcher a[hreflang="tr"]');
  await page.keyboard.press('Enter');
  await waitForLang(page, 'tr');

  // Open a note preview and close it again.
  await tabTo(page, '.note-ref a[aria-controls]');
  await page.keyboard.press('Enter');
  await page.locator('.note-preview').waitFor();
  await page.keyboard.press('Escape');
  await page.locator('.note-preview').waitFor({ state: 'detached' });

  // The parallel view, chosen from its control (above the text).
  await tabTo(page, '.parallel-control select', { shift: true });
  await page.keyboard.press('ArrowDown');
  await page.locator('.entry-body.parallel').waitFor();

  // To the archive by its link in the header, then search with "/".
  await tabTo(page, '.site-title', { shift: true, max: 200 });
  await page.keyboard.press('Enter');
  await firstCard(page);
  await page.keyboard.press('/');
  await page.keyboard.type('kazak');
  await page.locator('#results[data-query="kazak"]').waitFor({ state: 'attached' });

  // Choose a facet value with the space bar, then remove it by its chip.
  await tabTo(page, '.facet-values input[type="checkbox"]', { max: 200 });
  await page.keyboard.press('Space');
  await page.waitForURL(/[?&](kind|topic|country|organisation|person|author|year|language)=/);
  await page.locator('.active-filters .chip').first().waitFor();
  await tabTo(page, '.active-filters .chip', { shift: true, max: 200 });
  await page.keyboard.press('Enter');
  await page.locator('.active-filters .chip').waitFor({ state: 'detached' });
  assertNoErrors(page);
});
