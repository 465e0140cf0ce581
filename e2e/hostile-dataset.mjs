// A hostile archive for e2e/hostile.test.mjs: content/ with every string a
// reader sees carrying script, markup, event-handler, `javascript:` and
// template payloads, built by the publisher's tool (`okuma build`), put in
// a copy of a release build in place of its dataset, pre-rendered from it
// (okuma-render) and given its Content Security Policy (scripts/csp.mjs),
// as `make build` does. Each string is `original ⟦tag⟧ PAYLOAD`: the tag
// names the field, so a test can tell which fields reached the page as
// text. Nothing here must ever run: the payloads set `window.__pwned`.
//
//   node e2e/hostile-dataset.mjs OUT   the hostile site in OUT (for a person)
//
// The build and base path are the e2e suite's ($OKUMA_DIST, $OKUMA_BASE_PATH);
// $OKUMA_RENDER names a pre-render binary built for that base path and
// $OKUMA_CLI an okuma binary (both made from the build's sources).
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** The payloads, each a way text could become markup or code. */
export const PAYLOADS = [
  '<script>window.__pwned=1</script>',
  '<img src=x onerror="window.__pwned=1">',
  '"><svg onload=window.__pwned=1>',
  '<svg><animate onbegin="alert(1)" attributeName=x dur=1s></svg> <details open ontoggle=alert(1)>',
  "'><iframe srcdoc='<script>parent.__pwned=1</script>'>",
  'javascript:window.__pwned=1',
  '<a href="javascript:window.__pwned=1">link</a>',
  '</title><script>window.__pwned=1</script>',
  // Would close the JSON-LD block, or (with `<!--<script`) keep it open.
  '</script><script>window.__pwned=1</script>',
  '<!--<script>',
  '</style></noscript></textarea><script>window.__pwned=1</script>',
  '<base href="https://evil.example/"><meta http-equiv="refresh" content="0;url=javascript:window.__pwned=1">',
  '{{constructor.constructor("window.__pwned=1")()}} ${window.__pwned=1} <%= window.__pwned %>',
  // Entities stay as written: no second decoding.
  '&lt;b&gt;&amp;amp;&#x3C;',
];

/** What every hostile string ends with. */
export const PAYLOAD = PAYLOADS.join(' ');

/** The text a field carries: its original text, its tag, the payload. */
export const hostile = (original, tag) => `${original} ⟦${tag}⟧ ${PAYLOAD}`;

/** Tags in a text (or attribute), each with whether the whole payload follows it. */
export function tagsIn(text) {
  const out = [];
  for (const m of text.matchAll(/⟦([^⟦⟧]+)⟧ /g)) {
    const at = m.index + m[0].length;
    out.push({ tag: m[1], whole: text.slice(at, at + PAYLOAD.length) === PAYLOAD });
  }
  return out;
}

/** Markdown for literal text: every ASCII punctuation mark escaped. */
const md = (text) => text.replace(/[!-/:-@[-`{-~]/g, '\\$&');

/** A link destination that breaks out of an attribute if it is not escaped. */
export const HOSTILE_HREF = `https://example.org/?q="><svg/onload=window.__pwned=1>&x='onmouseover='window.__pwned=1`;
export const HOSTILE_MAILTO = `mailto:reader@example.org?subject="><script>window.__pwned=1</script>`;

const KEY = /^([A-Za-z_][A-Za-z0-9_-]*)\s*=\s*"((?:[^"\\]|\\.)*)"\s*$/;
const TABLE = /^\[\[?\s*([^\]]+?)\s*\]\]?\s*$/;

/**
 * Rewrites TOML `key = "…"` lines: `pick(table, key, state)` gives the tag
 * of a value to make hostile (or nothing); `state` remembers the table's
 * other keys read so far (a language's `code`, a source's `number`).
 */
function rewriteToml(text, pick, tags) {
  let table = '';
  let state = {};
  return text
    .split('\n')
    .map((line) => {
      const header = line.match(TABLE);
      if (header) {
        table = header[1];
        state = {};
        return line;
      }
      const m = line.match(KEY);
      if (!m) return line;
      const [, key, raw] = m;
      const value = JSON.parse(`"${raw}"`);
      state[key] = value;
      const tag = pick(table, key, state);
      if (!tag) return line;
      tags.add(tag);
      return `${key} = ${JSON.stringify(hostile(value, tag))}`;
    })
    .join('\n');
}

/** An entry body with every block, list item and mention made hostile. */
function hostileBody(body, prefix, tags) {
  let mention = 0;
  const inline = (text) =>
    text.replace(/\[([^\]]+)\]\((@[a-z0-9-]+)\)/g, (_, words, target) => {
      const tag = `${prefix}.mention${++mention}`;
      tags.add(tag);
      return `[${words} ⟦${md(tag)}⟧ ${md(PAYLOAD)}](${target})`;
    });
  const add = (line, tag) => {
    tags.add(tag);
    return `${line} ⟦${md(tag)}⟧ ${md(PAYLOAD)}`;
  };
  return body
    .trim()
    .split(/\n\s*\n/)
    .map((chunk, b) => {
      const lines = chunk.split('\n').map(inline);
      const tag = `${prefix}.block${b + 1}`;
      if (lines.every((l) => /^(- |\d+\. )/.test(l))) return lines.map((l, i) => add(l, `${tag}.item${i + 1}`)).join('\n');
      lines[lines.length - 1] = add(lines[lines.length - 1], tag);
      return lines.join('\n');
    })
    .join('\n\n');
}

/**
 * What every language file of every entry gets at its end (the same
 * blocks in each, so translations stay aligned): a heading, a list, a
 * quotation, emphasis, a link and a mail link with hostile addresses, a
 * mention and two notes (the second "ibid.").
 */
function hostileSection(prefix, tags) {
  const t = (name) => {
    const tag = `${prefix}.${name}`;
    tags.add(tag);
    return `⟦${md(tag)}⟧ ${md(PAYLOAD)}`;
  };
  return [
    `## ${t('heading')}`,
    `- ${t('item')}\n- *${t('emphasis-item')}*`,
    `> ${t('quote')}`,
    `*${t('emphasis')}* [${t('link')}](${HOSTILE_HREF}) [${t('mail')}](${HOSTILE_MAILTO}) [${t('mention')}](@kazakhstan).[^90] Again.[^91]`,
  ].join('\n\n');
}

/** The two sources every hostile entry cites (notes 90 and 91). */
function hostileSources(slug, tags) {
  for (const field of ['title', 'publisher']) tags.add(`${slug}.source90.${field}`);
  return [
    '',
    '[[sources]]',
    'number = 90',
    `title = ${JSON.stringify(hostile('A source', `${slug}.source90.title`))}`,
    'lang = "en"',
    `publisher = ${JSON.stringify(hostile('A publisher', `${slug}.source90.publisher`))}`,
    `url = ${JSON.stringify(HOSTILE_HREF)}`,
    'accessed = "2022-12-14"',
    '',
    '[[sources]]',
    'number = 91',
    'ibid = 90',
    '',
  ].join('\n');
}

const LANG_KEY = /^[a-z]{2,3}(-[A-Za-z0-9]+)*$/;

/**
 * Copies the content directory `from` to `to` with every reader-visible
 * string made hostile. Returns the set of tags written.
 */
export function writeHostileContent(from, to) {
  const tags = new Set();
  rmSync(to, { recursive: true, force: true });
  cpSync(from, to, { recursive: true });
  const edit = (path, change) => writeFileSync(path, change(readFileSync(path, 'utf8')));

  edit(join(to, 'site.toml'), (text) =>
    rewriteToml(text, (table, key, state) => {
      if (table === 'title' && LANG_KEY.test(key)) return `site.title.${key}`;
      if (table.startsWith('kinds.') && LANG_KEY.test(key)) return `kind.${table.slice(6)}.${key}`;
      if (table === 'languages' && key === 'name') return `language.${state.code}`;
    }, tags),
  );
  edit(join(to, 'topics.toml'), (text) =>
    rewriteToml(text, (table, key) => (LANG_KEY.test(key) ? `topic.${table}.${key}` : undefined), tags),
  );
  for (const [dir, fields] of [
    ['people', ['name', 'bio']],
    ['entities', ['name', 'description']],
  ]) {
    for (const file of readdirSync(join(to, dir))) {
      const id = file.replace(/\.toml$/, '');
      edit(join(to, dir, file), (text) =>
        rewriteToml(text, (table, key) =>
          fields.includes(table) && LANG_KEY.test(key) ? `${dir === 'people' ? 'person' : 'entity'}.${id}.${table}.${key}` : undefined,
        tags),
      );
    }
  }
  for (const slug of readdirSync(join(to, 'entries'))) {
    for (const file of readdirSync(join(to, 'entries', slug))) {
      const lang = file.match(/^index\.(.+)\.md$/)?.[1];
      if (!lang) continue;
      edit(join(to, 'entries', slug, file), (text) => {
        const [, front, body] = text.match(/^\+\+\+\n([\s\S]*?\n)\+\+\+\n([\s\S]*)$/);
        let matter = rewriteToml(front, (table, key, state) => {
          if (!table && (key === 'title' || key === 'summary')) return `${slug}.${lang}.${key}`;
          if (table === 'sources' && (key === 'title' || key === 'publisher')) return `${slug}.source${state.number}.${key}`;
        }, tags);
        if (/^original\s*=\s*true/m.test(matter)) matter += hostileSources(slug, tags);
        const prefix = `${slug}.${lang}`;
        return `+++\n${matter}+++\n\n${hostileBody(body, prefix, tags)}\n\n${hostileSection(prefix, tags)}\n`;
      });
    }
  }
  return tags;
}

/** The publisher's tool: $OKUMA_CLI, else the debug binary when built, else through cargo. */
export function okuma(args, options = {}) {
  const [cmd, pre] = process.env.OKUMA_CLI
    ? [process.env.OKUMA_CLI, []]
    : existsSync('target/debug/okuma')
      ? ['target/debug/okuma', []]
      : ['cargo', ['run', '--quiet', '-p', 'okuma-cli', '--']];
  return spawnSync(cmd, [...pre, ...args], { encoding: 'utf8', ...options });
}

/**
 * The pre-render of `dir` for `basePath`: $OKUMA_RENDER, else the binary
 * `make build` left in target/render (when it was built for this base
 * path), else built through cargo for it, as the Makefile's $(RENDER) does.
 */
function render(dir, publicUrl, basePath) {
  const env = { ...process.env, OKUMA_PUBLIC_URL: publicUrl, OKUMA_BASE_PATH: basePath };
  const built = 'target/render/okuma-render';
  const run = (cmd, args) => spawnSync(cmd, [...args, dir], { encoding: 'utf8', env });
  let out = process.env.OKUMA_RENDER ? run(process.env.OKUMA_RENDER, []) : existsSync(built) ? run(built, []) : null;
  // A binary built for another base path says so and writes nothing.
  if (!process.env.OKUMA_RENDER && (!out || (out.status !== 0 && /OKUMA_BASE_PATH/.test(out.stderr)))) {
    out = run('cargo', ['run', '--quiet', '--profile', 'render', '-p', 'okuma', '--no-default-features', '--features', 'ssr', '--bin', 'okuma-render', '--']);
  }
  if (out.status !== 0) throw new Error(`okuma-render ${dir} failed (${out.status}):\n${out.stdout}\n${out.stderr}`);
}

/**
 * Builds the hostile site in `work`: `work/content` (the hostile
 * content), `work/data` (its dataset) and `work/site` (the release build
 * `dist`, made for `basePath`, with that dataset, pre-rendered and with
 * its policy). Returns `{ site, content, tags }`.
 */
export function buildHostileSite({ dist, basePath, work, content = 'content' }) {
  mkdirSync(work, { recursive: true });
  const hostileContent = join(work, 'content');
  const tags = writeHostileContent(content, hostileContent);
  const data = join(work, 'data');
  const built = okuma(['build', hostileContent, '-o', data]);
  if (built.status !== 0) throw new Error(`okuma build of the hostile content failed:\n${built.stdout}\n${built.stderr}`);
  // The dataset must be one the build's app reads: a tool built from
  // other sources than the build may write another search index.
  const analysis = (dir) => {
    const lang = readdirSync(join(dir, 'search')).sort()[0];
    return JSON.parse(readFileSync(join(dir, 'search', lang, 'terms.json'), 'utf8')).analysis;
  };
  if (analysis(data) !== analysis(join(dist, 'data'))) {
    throw new Error(
      `the okuma tool writes search indexes with text analysis ${analysis(data)}, the build in ${dist} reads ${analysis(join(dist, 'data'))}: ` +
        'rebuild the one that is behind (make build, cargo build -p okuma-cli) or name a matching tool in $OKUMA_CLI',
    );
  }
  const site = join(work, 'site');
  rmSync(site, { recursive: true, force: true });
  // The precompressed copies would be of the pages before the pre-render.
  cpSync(dist, site, { recursive: true, filter: (path) => !/\.(br|gz)$/.test(path) && !path.endsWith('/data') });
  cpSync(data, join(site, 'data'), { recursive: true });
  const publicUrl = readFileSync(join(dist, '.built'), 'utf8').trim();
  render(site, publicUrl, basePath);
  execFileSync(process.execPath, ['scripts/csp.mjs', site], { stdio: 'ignore' });
  return { site, content: hostileContent, tags };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const out = process.argv[2];
  if (!out) {
    console.error('usage: node e2e/hostile-dataset.mjs OUT');
    process.exit(2);
  }
  const dist = process.env.OKUMA_DIST || 'dist';
  const basePath = `/${(process.env.OKUMA_BASE_PATH || '/').replace(/^\/+|\/+$/g, '')}/`.replace('//', '/');
  const started = Date.now();
  const { site, tags } = buildHostileSite({ dist, basePath, work: out });
  console.log(`hostile site in ${site}: ${tags.size} hostile fields, ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
