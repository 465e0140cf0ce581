// Hostile content: an archive whose every reader-visible string (site
// title, language, kind and topic names, people's names and bios, entity
// names and descriptions, entry titles, summaries, every body block, list
// item, mention, link and note, source titles and publishers) carries
// script, markup, event-handler, `javascript:` and template payloads
// (e2e/hostile-dataset.mjs), built by `okuma build`, pre-rendered and
// given its policy as a release is. With JavaScript, every entry is
// loaded in one language and switched to in the others, with every note
// and mention preview opened and its parallel view; each archive is
// searched, filtered and typed into; not-found pages too. Every
// pre-rendered page is parsed as a browser without JavaScript parses it
// (some opened so), its raw HTML counted against the normal build's.
// Nothing runs, no element comes from the data, and the payloads read as
// the text they are. What the content format refuses (HTML, images,
// `javascript:` links, markup in ids) `okuma check` reports.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { BASE_PATH, DIST, start } from './harness.mjs';
import { site, takenOver } from './pages.mjs';
import { PAYLOAD, HOSTILE_HREF, HOSTILE_MAILTO, buildHostileSite, okuma, tagsIn } from './hostile-dataset.mjs';

const work = mkdtempSync(join(tmpdir(), 'okuma-hostile-'));
/** The hostile site: `{ site, content, tags }` (hostile-dataset.mjs). */
let hostile;
/** Languages, slugs and which languages each entry has, from the hostile dataset. */
let langs, defaultLang, slugs, entryLangs;
/** Every tag seen on a page, whole (the full payload after it). */
const seen = new Map();
const note = (tags, where) => {
  for (const { tag, whole } of tags) if (whole && !seen.has(tag)) seen.set(tag, where);
};

before(async () => {
  const started = Date.now();
  rmSync('target/e2e/hostile-problems.txt', { force: true });
  hostile = buildHostileSite({ dist: DIST, basePath: BASE_PATH, work });
  const data = (rel) => JSON.parse(readFileSync(join(hostile.site, 'data', rel), 'utf8'));
  const siteFile = data('site.json');
  langs = siteFile.languages.map((l) => l.code);
  defaultLang = siteFile.default_language;
  slugs = [];
  for (let n = 1; n <= siteFile.catalog.pages; n++) slugs.push(...data(`catalog/${defaultLang}/${n}.json`).entries.map((card) => card.slug));
  entryLangs = new Map(slugs.map((slug) => [slug, Object.keys(data(`entries/${slug}.json`).translations)]));
  Object.assign(site, await start({ dist: hostile.site }));
  console.log(`# hostile site built and served in ${((Date.now() - started) / 1000).toFixed(1)} s: ${hostile.tags.size} hostile fields`);
});

after(async () => {
  await site.close?.();
  rmSync(work, { recursive: true, force: true });
});

// ——— What the importer accepts and refuses ———

test('the hostile content is accepted as text: the dataset holds every payload exactly as written', () => {
  const entry = JSON.parse(readFileSync(join(hostile.site, 'data', 'entries', slugs[0] + '.json'), 'utf8'));
  const json = JSON.stringify(entry);
  assert.ok(json.includes(JSON.stringify(`⟦${slugs[0]}.${entry.original_language}.heading⟧ ${PAYLOAD}`)), 'a heading keeps its payload, Markdown escapes undone');
  assert.ok(json.includes(JSON.stringify(HOSTILE_HREF)) && json.includes(JSON.stringify(HOSTILE_MAILTO)), 'links keep their addresses');
  assert.ok(!/"type":"(html|raw)/.test(json));
});

test('markup, images and javascript:, data: or vbscript: addresses in content are refused by okuma check and okuma build', () => {
  const dir = join(work, 'refused');
  cpSync('content', dir, { recursive: true });
  // An entry's original (the file its sources are listed in).
  const file = readdirSync(join(dir, 'entries'))
    .sort()
    .flatMap((slug) => readdirSync(join(dir, 'entries', slug)).map((name) => join(dir, 'entries', slug, name)))
    .find((path) => /^original = true$/m.test(readFileSync(path, 'utf8')));
  const name = file.split('/').pop();
  let text = readFileSync(file, 'utf8');
  text = text.replace(/^original = true$/m, 'original = true\n\n[[sources]]\nnumber = 77\ntitle = "S"\nurl = "javascript:window.__pwned=1"');
  const lines = [
    ['<script>window.__pwned=1</script>', /HTML/],
    ['An <img src=x onerror="window.__pwned=1"> inline.', /HTML is not allowed/],
    ['A [link](javascript:window.__pwned=1).', /link "javascript:window.__pwned=1" must start with/],
    ['A [link]( JaVaScRiPt:window.__pwned=1 ).', /link "JaVaScRiPt:window.__pwned=1" must start with/],
    ['An autolink <javascript:window.__pwned=1>.', /link "javascript:window.__pwned=1" must start with/],
    ['A [link](data:text/html,%3Cscript%3Ewindow.__pwned=1%3C/script%3E).', /link "data:text\/html/],
    ['A [link](vbscript:msgbox).', /link "vbscript:msgbox"/],
    ['![image](javascript:window.__pwned=1)', /an image is not supported/],
  ];
  writeFileSync(file, `${text.trimEnd()}\n\n${lines.map(([l]) => l).join('\n\n')}\n`);
  const checked = okuma(['check', dir]);
  assert.equal(checked.status, 1, checked.stdout + checked.stderr);
  const report = checked.stdout + checked.stderr;
  for (const [line, message] of lines) {
    assert.ok(report.split('\n').some((l) => l.includes(`${name}:`) && message.test(l)), `${line}: ${message} in\n${report}`);
  }
  assert.match(report, /sources\[\d+\]\.url: link "javascript:window.__pwned=1" must start with https:\/\/, http:\/\/ or mailto:/);
  const out = join(work, 'refused-data');
  const built = okuma(['build', dir, '-o', out]);
  assert.equal(built.status, 1, built.stdout + built.stderr);
  assert.ok(!existsSync(join(out, 'site.json')), 'a refused build writes no dataset');
});

test('markup in ids and language tags (which end up in attributes and addresses) is refused by okuma check', () => {
  const markup = '"><svg onload=alert(1)>';
  const originalOf = (dir, slug) =>
    readdirSync(join(dir, 'entries', slug))
      .map((name) => join(dir, 'entries', slug, name))
      .find((path) => /^original = true$/m.test(readFileSync(path, 'utf8')));
  const first = (dir, sub) => readdirSync(join(dir, sub)).sort()[0];
  const cases = [
    ['a topic id', (dir) => appendFileSync(join(dir, 'topics.toml'), `\n[${JSON.stringify(markup)}]\nen = "x"\n`), /topics\.toml: error: .*must be lowercase ASCII letters/],
    ['a kind id', (dir) => appendFileSync(join(dir, 'site.toml'), `\n[kinds.${JSON.stringify(markup)}]\nen = "x"\n`), /site\.toml: error: kinds\..*must be lowercase ASCII letters/],
    ['an entity id', (dir) => cpSync(join(dir, 'entities', first(dir, 'entities')), join(dir, 'entities', `${markup}.toml`)), /error: id .*must be lowercase ASCII letters/],
    ['an entry slug', (dir) => cpSync(join(dir, 'entries', first(dir, 'entries')), join(dir, 'entries', markup.replace(/\//g, '')), { recursive: true }), /error: slug: .*must be lowercase ASCII letters/],
    ['a source language', (dir) => {
      const file = originalOf(dir, first(dir, 'entries'));
      writeFileSync(file, readFileSync(file, 'utf8').replace(/^original = true$/m, `original = true\n\n[[sources]]\nnumber = 78\ntitle = "S"\nlang = ${JSON.stringify(`en${markup}`)}`));
    }, /is not a language tag/],
  ];
  for (const [what, change, message] of cases) {
    const dir = join(work, `refused-${what.replace(/\W+/g, '-')}`);
    cpSync('content', dir, { recursive: true });
    change(dir);
    const checked = okuma(['check', dir]);
    const report = checked.stdout + checked.stderr;
    assert.equal(checked.status, 1, `${what}: ${report}`);
    assert.match(report, message, what);
  }
});

// ——— The pages ———

/** Set up in every page before its own scripts: payloads that run are caught. */
function trap() {
  window.__hostile = { ran: [], violations: [] };
  const ran = (what) => {
    window.__hostile.ran.push(what);
    window.__hostileRan?.(what).catch?.(() => {});
  };
  Object.defineProperty(window, '__pwned', {
    configurable: false,
    get: () => undefined,
    set: (value) => ran(`__pwned = ${value} at ${location.href}: ${new Error().stack}`),
  });
  addEventListener('securitypolicyviolation', (e) =>
    window.__hostile.violations.push(`${e.effectiveDirective} ${e.blockedURI} ${e.sample}`),
  );
}

/**
 * Looks at the page as it is (or, given `html` and its `url`, at that
 * HTML as a browser without JavaScript parses it: DOMParser's documents
 * have scripting off): what the data must not have made (scripts,
 * handlers, frames, images, <base>, refreshes, script-like addresses),
 * whether JSON-LD parses, and which hostile tags read as text (and in
 * which attributes).
 */
function inspect({ PAYLOAD, heading, html, url }) {
  const document = html === undefined ? window.document : new DOMParser().parseFromString(html, 'text/html');
  const here = url ?? location.href;
  const problems = [];
  const tags = [];
  const scan = (text, where) => {
    for (const m of text.matchAll(/⟦([^⟦⟧]+)⟧ /g)) {
      const at = m.index + m[0].length;
      const after = text.slice(at, at + PAYLOAD.length);
      let same = 0;
      while (same < after.length && after[same] === PAYLOAD[same]) same++;
      tags.push({ tag: m[1], whole: same === PAYLOAD.length, where, same, next: after.slice(same, same + 40) });
    }
  };
  for (const s of document.scripts) {
    const inline = !s.hasAttribute('src');
    const allowed = inline
      ? s.type === 'application/ld+json' || (s.type === 'module' && /^\s*import init/.test(s.textContent))
      : new URL(s.getAttribute('src'), here).origin === new URL(here).origin;
    if (!allowed || (s.type !== 'application/ld+json' && s.textContent.includes('__pwned'))) problems.push(`a script the data made: ${s.outerHTML.slice(0, 160)}`);
  }
  for (const s of document.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      scan(JSON.stringify(JSON.parse(s.textContent)).replace(/\\"/g, '"'), 'JSON-LD');
    } catch (e) {
      problems.push(`JSON-LD that does not parse (${e.message}): ${s.textContent.slice(0, 160)}`);
    }
  }
  const made = 'iframe, frame, object, embed, base, img, svg, math, video, audio, form:not(.archive-search), meta[http-equiv]:not([http-equiv="Content-Security-Policy"])';
  for (const el of document.querySelectorAll(made)) problems.push(`an element the data made: ${el.outerHTML.slice(0, 160)}`);
  for (const el of document.querySelectorAll('*')) {
    for (const a of el.attributes) {
      if (/^on/i.test(a.name)) problems.push(`an event handler attribute: <${el.localName} ${a.name}="${a.value.slice(0, 80)}">`);
      if (/^(href|src|action|formaction|xlink:href|srcdoc|data|poster|background)$/i.test(a.name) && /^\s*(javascript|vbscript|data):/i.test(a.value)) {
        problems.push(`a script address: <${el.localName} ${a.name}="${a.value.slice(0, 80)}">`);
      }
      if (a.value.includes('⟦')) scan(a.value, `${el.localName}[${a.name}]`);
    }
  }
  const body = document.body?.textContent ?? '';
  if (/&lt;script|&quot;&gt;|&amp;lt;/.test(body)) problems.push(`escaped twice: …${body.match(/.{0,60}(&lt;script|&quot;&gt;|&amp;lt;).{0,20}/)?.[0]}…`);
  scan(body, 'text');
  scan(document.title, 'title');
  return {
    problems,
    tags,
    title: document.title,
    // What the heading shows as laid out (innerText: rendered, visible;
    // it lays the page out, so only when asked).
    heading: heading ? ((document.querySelector('#okuma-app h1') ?? document.querySelector('h1'))?.innerText ?? '') : '',
    ran: html === undefined ? (window.__hostile?.ran ?? []) : [],
    violations: html === undefined ? (window.__hostile?.violations ?? []) : [],
    url: here,
  };
}

/**
 * Opens every note and mention preview of the page, one after the other
 * (one is open at a time), and reads each as `inspect` does its page.
 */
async function openPreviews() {
  // The app draws a preview in a task it queues on the click.
  const frame = () => new Promise((r) => setTimeout(r, 0));
  const controls = [...document.querySelectorAll('#okuma-app sup.note-ref a, #okuma-app button.mention')];
  const previews = [];
  for (const control of controls) {
    control.click();
    let preview = null;
    const until = performance.now() + 2000;
    while (!(preview = document.getElementById(control.getAttribute('aria-controls'))) && performance.now() < until) await frame();
    if (!preview) {
      previews.push({ missing: control.outerHTML.slice(0, 120) });
      continue;
    }
    const hrefs = [...preview.querySelectorAll('[href]')].map((a) => a.getAttribute('href'));
    previews.push({ text: preview.textContent, hrefs, kind: control.localName === 'button' ? 'mention' : 'note' });
  }
  if (controls.length) {
    controls[controls.length - 1].click();
    await frame();
  }
  return { controls: controls.length, previews };
}

/** The page for JavaScript-on visits, with what it records of each visit. */
async function readerPage(options = {}) {
  const context = await site.browser.newContext({ locale: 'en-US', ...options });
  const host = new URL(site.base).host;
  const log = { ran: [], dialogs: [], errors: [], offsite: [] };
  if (options.javaScriptEnabled !== false) {
    await context.exposeBinding('__hostileRan', ({ frame }, what) => log.ran.push(`${frame.url()}: ${what}`));
    await context.addInitScript(trap);
  }
  const page = await context.newPage();
  page.on('dialog', (d) => {
    log.dialogs.push(`${d.type()}: ${d.message()}`);
    d.dismiss().catch(() => {});
  });
  page.on('pageerror', (e) => log.errors.push(`uncaught: ${e}`));
  page.on('console', (m) => m.type() === 'error' && log.errors.push(`console: ${m.text()}`));
  page.on('request', (r) => {
    const url = new URL(r.url());
    if ((/^https?:$/.test(url.protocol) && url.host !== host) || /\/x$/.test(url.pathname)) log.offsite.push(r.url());
  });
  return { page, context, log };
}

/** Everything a visit left wrong, as lines, and the tags it read. */
function judge(label, result, log, { expectTitle, heading = false, missing = false } = {}) {
  const problems = result.problems.map((p) => `${label}: ${p}`);
  // A missing page's own 404 (and its entry file's) is what it is.
  if (missing) log.errors = log.errors.filter((e) => !/status of 404/.test(e));
  for (const r of [...result.ran, ...log.ran.splice(0)]) problems.push(`${label}: a payload ran: ${r.slice(0, 300)}`);
  for (const d of log.dialogs.splice(0)) problems.push(`${label}: a dialog opened: ${d}`);
  for (const v of result.violations) problems.push(`${label}: the policy blocked something the page tried: ${v}`);
  for (const e of log.errors.splice(0)) problems.push(`${label}: ${e.slice(0, 300)}`);
  for (const u of log.offsite.splice(0)) problems.push(`${label}: a request the data made: ${u}`);
  for (const t of result.tags) {
    // A truncated text (a search snippet) ends early; it never shows the
    // payload differently from how it was written.
    if (!t.whole && t.next && !/^[…\s]/.test(t.next)) problems.push(`${label}: ⟦${t.tag}⟧ in ${t.where} reads differently after ${t.same} characters: “${t.next}”`);
  }
  if (expectTitle && !result.tags.some((t) => t.where === 'title' && t.whole && t.tag === expectTitle)) {
    problems.push(`${label}: the document title does not read ⟦${expectTitle}⟧ and the whole payload: “${result.title.slice(0, 200)}”`);
  }
  if (heading && !result.heading.includes(PAYLOAD)) problems.push(`${label}: the heading on screen does not show the payload: “${result.heading.slice(0, 200)}”`);
  // Text on the page and its title count as read; attributes and JSON-LD do not.
  note(result.tags.filter((t) => t.where === 'text' || t.where === 'title'), label);
  return problems;
}

/**
 * Fails with every problem found (the first ones, if there are many; all
 * of them in target/e2e/hostile-problems.txt).
 */
function assertNone(problems) {
  if (problems.length) {
    mkdirSync('target/e2e', { recursive: true });
    appendFileSync('target/e2e/hostile-problems.txt', `${problems.join('\n')}\n`);
  }
  const shown = problems.slice(0, 40).join('\n');
  assert.equal(problems.length, 0, `${problems.length} problem(s):\n${shown}${problems.length > 40 ? '\n…' : ''}`);
}

const url = (rest) => `${site.base}/${rest}`;

test('with JavaScript: every entry in every language, its previews open, and its parallel view: nothing runs, the text reads as written', async () => {
  const { page, context, log } = await readerPage();
  const problems = [];
  let previews = 0;
  let loads = 0;
  // Where the time goes (printed): a release's suite runs this twice.
  const spent = {};
  const timed = async (what, run) => {
    const started = Date.now();
    try {
      return await run();
    } finally {
      spent[what] = (spent[what] ?? 0) + Date.now() - started;
    }
  };
  const readPreviews = async (label) => {
    const opened = await timed('previews', () => page.evaluate(openPreviews));
    previews += opened.previews.length;
    for (const p of opened.previews) {
      if (p.missing) problems.push(`${label}: no preview opened for ${p.missing}`);
      else {
        const tags = tagsIn(p.text);
        if (!tags.some((t) => t.whole)) problems.push(`${label}: a ${p.kind} preview shows no payload as text: ${p.text.slice(0, 120)}`);
        note(tags, `${label} (preview)`);
        for (const href of p.hrefs) if (/^\s*(javascript|vbscript|data):/i.test(href)) problems.push(`${label}: a preview links to ${href}`);
      }
    }
  };
  const shown = (slug, lang) =>
    page.waitForFunction(
      ([lang, tag]) => !document.getElementById('okuma-prerendered') && document.documentElement.lang === lang && document.title.includes(tag) && document.querySelector('#okuma-app h1#entry-title'),
      [lang, `⟦${slug}.${lang}.title⟧`],
      { timeout: 15000 },
    );
  try {
    for (const [i, slug] of slugs.entries()) {
      // Each entry is loaded in one language (its pre-rendered page taken
      // over; the languages take turns), then read in the others as a
      // reader switches to them, then beside another in the parallel view.
      const has = entryLangs.get(slug);
      const order = [...has.slice(i % has.length), ...has.slice(0, i % has.length)];
      for (const [k, lang] of order.entries()) {
        const label = `/${lang}/entries/${slug}/${k ? ' (switched to)' : ''}`;
        if (k === 0) {
          loads++;
          await timed('load', async () => {
            await page.goto(url(`${lang}/entries/${slug}/`));
            await shown(slug, lang);
          });
        } else {
          await timed('switch', async () => {
            await page.locator(`#okuma-app .language-switcher a[hreflang="${lang}"]`).click();
            await shown(slug, lang);
          });
        }
        if (i === 0) {
          // As a reader with the keyboard: the first note, then the first
          // mention (the 500-character language names make the sticky
          // header tall enough to cover the text under a mouse). The rest
          // are opened in the page, one after the other.
          await page.locator('#okuma-app sup.note-ref a').first().focus();
          await page.keyboard.press('Enter');
          const notePreview = page.locator('#okuma-app .note-preview').first();
          await notePreview.waitFor();
          if (!(await notePreview.innerText()).includes(PAYLOAD.slice(0, 60))) problems.push(`${label}: the note preview does not show its source's text`);
          await page.keyboard.press('Escape');
          await page.locator('#okuma-app button.mention').first().focus();
          await page.keyboard.press('Space');
          await page.locator('#okuma-app .mention-preview').first().waitFor();
          await page.keyboard.press('Escape');
        }
        await readPreviews(label);
        problems.push(...judge(label, await timed('inspect', () => page.evaluate(inspect, { PAYLOAD, heading: true })), log, { expectTitle: `${slug}.${lang}.title`, heading: true }));
      }
      // The parallel view, as a reader chooses it: the first language beside the last.
      if (order.length > 1) {
        const [other, lang] = [order[0], order[order.length - 1]];
        const label = `/${lang}/entries/${slug}/?with=${other}`;
        await timed('parallel', async () => {
          await page.locator('#okuma-app select#parallel-with').selectOption(other);
          await page.waitForFunction(() => document.querySelector('#okuma-app .entry-body.parallel'), null, { timeout: 15000 });
        });
        await readPreviews(label);
        problems.push(...judge(label, await timed('inspect', () => page.evaluate(inspect, { PAYLOAD })), log));
      }
    }
  } finally {
    await context.close();
  }
  const seconds = Object.entries(spent).map(([what, ms]) => `${what} ${(ms / 1000).toFixed(1)} s`);
  console.log(`# ${[...entryLangs.values()].flat().length} entry pages (${loads} loaded, the others switched to) and ${slugs.length} parallel views, ${previews} previews opened (${seconds.join(', ')})`);
  assertNone(problems);
});

test('with JavaScript: the archive of every language, searched, filtered and typed into, the root and not-found pages', async () => {
  const { page, context, log } = await readerPage();
  const problems = [];
  const hostileQuery = encodeURIComponent(`"><svg onload=window.__pwned=1> <script>window.__pwned=1</script>`);
  const hostileValue = encodeURIComponent(`"><img src=x onerror=window.__pwned=1>`);
  // (No `.` in it: the server answers a path with an extension as a missing file.)
  const hostileSlug = encodeURIComponent(`"><svg onload=alert(1)>`);
  const visit = async (rest, ready, options) => {
    await page.goto(url(rest));
    await takenOver(page);
    await ready();
    problems.push(...judge(`/${rest}`, await page.evaluate(inspect, { PAYLOAD }), log, options));
  };
  const notFound = () => page.locator('#okuma-app .not-found').waitFor();
  // A wait that says, when it times out, what the page showed instead.
  const until = (fn, what) =>
    page.waitForFunction(fn, null, { timeout: 15000, polling: 100 }).catch(async (err) => {
      const shown = await page.evaluate(() => ({
        url: location.href,
        query: document.querySelector('#okuma-app #results')?.dataset.query?.slice(0, 60),
        count: document.querySelector('#okuma-app #results')?.dataset.count,
        prerendered: Boolean(document.getElementById('okuma-prerendered')),
        alert: document.querySelector('[role="alert"]')?.textContent,
      }));
      throw new Error(`${what}: ${err.message}; the page: ${JSON.stringify(shown)}`);
    });
  const results = () => until(() => document.querySelector('#okuma-app #results')?.dataset.count !== undefined, 'results');
  const anyResults = () => until(() => Number(document.querySelector('#okuma-app #results')?.dataset.count) > 0, 'some results');
  try {
    for (const lang of langs) {
      await visit(`${lang}/`, anyResults, { expectTitle: `site.title.${lang}` });
      // A reader shows every facet's values, chooses one, and types the
      // payload into the search box.
      // (The facets are drawn once their counts are in.)
      await until(() => document.querySelector('#okuma-app .facet-panel input[type="checkbox"]'), 'the facets');
      // Each "show all" pressed until it says so (again if the panel was
      // redrawn under it, never twice within a second).
      await until(() => {
        const pressed = (window.__hostilePressed ??= new WeakMap());
        const collapsed = [...document.querySelectorAll('#okuma-app button.facet-more[aria-expanded="false"]')];
        for (const button of collapsed) {
          if (performance.now() - (pressed.get(button) ?? -1e9) < 1000) continue;
          pressed.set(button, performance.now());
          button.click();
        }
        return collapsed.length === 0;
      }, 'every facet value shown');
      // Values are named as the search worker's answer comes in (years have no names).
      await until(() => [...document.querySelectorAll('#okuma-app .facet-panel fieldset:not(#facet-year) .facet-name')].every((n) => n.textContent.includes('⟦')), 'named facet values');
      problems.push(...judge(`/${lang}/ (every facet value shown)`, await page.evaluate(inspect, { PAYLOAD }), log));
      // (With the keyboard: the tall sticky header may cover it for a mouse.)
      await page.locator('#okuma-app .facet-panel input[type="checkbox"]').first().focus();
      await page.keyboard.press('Space');
      await page.waitForURL(/\?/);
      await anyResults();
      problems.push(...judge(`/${lang}/ (a facet chosen)`, await page.evaluate(inspect, { PAYLOAD }), log));
      await page.locator('#okuma-app #archive-search').fill(PAYLOAD.slice(0, 200));
      await until(() => document.querySelector('#okuma-app #results')?.dataset.query, 'results for the typed words');
      await results();
      problems.push(...judge(`/${lang}/ (the payload typed)`, await page.evaluate(inspect, { PAYLOAD }), log));
      await visit(`${lang}/?q=pwned&all=1&sort=date`, anyResults);
      await visit(`${lang}/?topic=security&country=kazakhstan&values=name`, anyResults);
      // Hostile words and facet values in the address, shown back to the reader.
      await visit(`${lang}/?q=${hostileQuery}&topic=${hostileValue}&kind=${hostileValue}`, results);
      await visit(`${lang}/entries/${hostileSlug}/`, notFound, { missing: true });
      await visit(`${lang}/no/such/page/`, notFound, { missing: true });
    }
    // The root leads to an archive; a card leads to its entry, in the app.
    await page.goto(url(''));
    await page.waitForURL(new RegExp(`/(${langs.join("|")})/$`));
    await anyResults();
    // (Clicked in the page: the tall sticky header covers them for a mouse.)
    await page.locator('#okuma-app #results .entry-card h3 a').first().evaluate((a) => a.click());
    await page.locator('#okuma-app h1#entry-title').waitFor();
    const other = page.locator('#okuma-app .language-switcher a[hreflang]:not([aria-current])').first();
    const otherLang = await other.getAttribute('hreflang');
    await other.evaluate((a) => a.click());
    await page.waitForFunction((l) => document.documentElement.lang === l, otherLang);
    await page.locator('#okuma-app h1#entry-title').waitFor();
    problems.push(...judge('/ → a card → another language', await page.evaluate(inspect, { PAYLOAD }), log));
  } finally {
    await context.close();
  }
  assertNone(problems);
});

/** Every pre-rendered page of the hostile site, as `{ rel, path }`. */
function prerenderedPages() {
  const out = [];
  const walk = (dir) => {
    for (const name of readdirSync(dir)) {
      const file = join(dir, name);
      if (statSync(file).isDirectory()) {
        if (name !== 'data' && name !== 'search') walk(file);
      } else if (name.endsWith('.html') && name !== 'app.html') {
        const rel = relative(hostile.site, file);
        out.push({ rel, path: rel.replace(/(^|\/)index\.html$/, '$1') });
      }
    }
  };
  walk(hostile.site);
  return out.sort((a, b) => a.rel.localeCompare(b.rel));
}

test('without JavaScript: every pre-rendered page shows the payloads as text and holds nothing the data made', async () => {
  const problems = [];
  const pages = prerenderedPages();
  const expected = (rel) => {
    const entry = rel.match(/^([^/]+)\/entries\/([^/]+)\/index\.html$/);
    const archive = rel.match(/^(?:([^/]+)\/)?index\.html$/);
    return entry ? `${entry[2]}.${entry[1]}.title` : archive ? `site.title.${archive[1] ?? defaultLang}` : undefined;
  };
  // Every page as served, parsed as a browser without JavaScript parses it.
  const { page, context, log } = await readerPage();
  try {
    for (const { rel, path } of pages) {
      const html = await (await fetch(url(path))).text();
      const result = await page.evaluate(inspect, { PAYLOAD, html, url: url(path) });
      problems.push(...judge(`${rel} parsed without JavaScript`, result, log, { expectTitle: expected(rel) }));
    }
  } finally {
    await context.close();
  }
  // Some of them opened in a browser with JavaScript off: the root, and
  // each language's archive, first entry and not-found page.
  const opened = pages.filter(({ rel }) => rel === 'index.html' || langs.some((l) => [`${l}/index.html`, `${l}/entries/${slugs[0]}/index.html`, `${l}/404.html`].includes(rel)));
  const off = await readerPage({ javaScriptEnabled: false });
  try {
    for (const { rel, path } of opened) {
      await off.page.goto(url(path));
      problems.push(...judge(`${rel} without JavaScript`, await off.page.evaluate(inspect, { PAYLOAD }), off.log, { expectTitle: expected(rel), missing: rel.endsWith('404.html') }));
    }
  } finally {
    await off.context.close();
  }
  console.log(`# ${pages.length} pre-rendered pages parsed as without JavaScript, ${opened.length} of them opened so`);
  assertNone(problems);
});

test('the pre-rendered HTML as served: as many <script> and <title> tags as the normal build, its JSON-LD parses and carries the text', async () => {
  const problems = [];
  const count = (html, re) => (html.match(re) ?? []).length;
  const pages = prerenderedPages();
  for (const { rel, path } of pages) {
    const html = await (await fetch(url(path))).text();
    const normalFile = join(DIST, rel);
    if (existsSync(normalFile)) {
      const normal = readFileSync(normalFile, 'utf8');
      for (const [name, re] of [
        ['<script', /<script\b/gi],
        ['</script>', /<\/script\s*>/gi],
        ['<title', /<title\b/gi],
        ['</title>', /<\/title\s*>/gi],
        ['<meta', /<meta\b/gi],
        ['<style', /<style\b/gi],
        ['<iframe', /<iframe\b/gi],
        ['<img', /<img\b/gi],
        ['<svg', /<svg\b/gi],
        ['<base', /<base\b/gi],
      ]) {
        if (count(html, re) !== count(normal, re)) problems.push(`${rel}: ${count(html, re)} × ${name}, the normal build has ${count(normal, re)}`);
      }
    }
    for (const m of html.matchAll(/<script\b[^>]*type="application\/ld\+json"[^>]*>([\s\S]*?)<\/script>/gi)) {
      try {
        const data = JSON.parse(m[1]);
        if (!JSON.stringify(data).includes(JSON.stringify(PAYLOAD).slice(1, -1))) problems.push(`${rel}: the JSON-LD lacks the payload text`);
        if (/[<>]/.test(m[1])) problems.push(`${rel}: the JSON-LD has a raw < or >`);
      } catch (e) {
        problems.push(`${rel}: JSON-LD that does not parse: ${e.message}`);
      }
    }
  }
  assertNone(problems);
});

test('every language\'s feed stays well-formed with the payloads in its text', async () => {
  const { page, context } = await readerPage({ javaScriptEnabled: true });
  const problems = [];
  try {
    for (const lang of langs) {
      const xml = await (await fetch(url(`${lang}/feed.xml`))).text();
      const read = await page.evaluate(
        ([xml, PAYLOAD]) => {
          const doc = new DOMParser().parseFromString(xml, 'application/xml');
          if (doc.querySelector('parsererror')) return { error: doc.querySelector('parsererror').textContent };
          const texts = [...doc.querySelectorAll('title, summary, name')].map((e) => e.textContent);
          return {
            entries: doc.querySelectorAll('entry').length,
            withPayload: texts.filter((t) => t.includes(PAYLOAD)).length,
            markup: doc.querySelectorAll('[type="html"], [type="xhtml"], script').length,
          };
        },
        [xml, PAYLOAD],
      );
      if (read.error) problems.push(`${lang}/feed.xml does not parse: ${read.error.slice(0, 200)}`);
      else {
        if (read.entries === 0) problems.push(`${lang}/feed.xml has no entries`);
        if (read.withPayload < read.entries) problems.push(`${lang}/feed.xml: ${read.withPayload} texts with the payload for ${read.entries} entries`);
        if (read.markup) problems.push(`${lang}/feed.xml: ${read.markup} element(s) with markup content`);
      }
    }
  } finally {
    await context.close();
  }
  assertNone(problems);
});

test('a dataset edited by hand, past okuma check: javascript: links are not linked, a hostile explainer slug stays an address', async () => {
  const slug = slugs[0];
  const lang = entryLangs.get(slug)[0];
  const original = readFileSync(join(hostile.site, 'data', 'entries', `${slug}.json`), 'utf8');
  const edits = {
    // An entry with such links is malformed: the app refuses it (its alert).
    'javascript: links': (entry) => {
      const relink = (node) => {
        if (Array.isArray(node)) node.forEach(relink);
        else if (node && typeof node === 'object') {
          if (node.type === 'link') node.href = 'javascript:window.__pwned=1';
          Object.values(node).forEach(relink);
        }
      };
      relink(entry.translations);
      for (const source of entry.sources) if (source.title) source.url = ' JAVASCRIPT:window.__pwned=1';
    },
    // Explainer slugs are not an entry's to check: the previews link them.
    'hostile explainer slugs': (entry) => {
      for (const record of Object.values(entry.entities)) record.explainer = `"><svg onload=window.__pwned=1>`;
    },
  };
  const problems = [];
  for (const [what, edit] of Object.entries(edits)) {
    const entry = JSON.parse(original);
    edit(entry);
    const { page, context, log } = await readerPage();
    try {
      await page.route(`**/data/entries/${slug}.json`, (route) =>
        route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(entry) }),
      );
      await page.goto(url(`${lang}/entries/${slug}/`));
      // Refused as malformed (an alert over the pre-rendered page), or
      // drawn: either way nothing links to script.
      await page.locator('#okuma-app [role="alert"], #okuma-app:not([hidden]) h1#entry-title').first().waitFor();
      const refused = (await page.locator('#okuma-app [role="alert"]').count()) > 0;
      let previews = { previews: [] };
      if (!refused) previews = await page.evaluate(openPreviews);
      for (const p of previews.previews) {
        for (const href of p.hrefs ?? []) if (/^\s*(javascript|vbscript|data):/i.test(href)) problems.push(`${what}: a preview links to ${href}`);
      }
      const result = await page.evaluate(inspect, { PAYLOAD });
      console.log(`# ${what}: the edited entry was ${refused ? 'refused (the app shows its alert)' : `drawn, ${previews.previews.length} previews opened`}`);
      if (refused) log.errors.splice(0); // the refusal logs why
      problems.push(...judge(`/${lang}/entries/${slug}/ (${what} edited in)`, result, log));
    } finally {
      await context.close();
    }
  }
  assertNone(problems);
});

test('every hostile field reached some page as text', () => {
  const missing = [...hostile.tags].filter((tag) => !seen.has(tag)).sort();
  assert.deepEqual(missing, [], `${missing.length} of ${hostile.tags.size} fields never read as text:\n${missing.slice(0, 60).join('\n')}`);
});
