// The benchmark corpus: the generated 10,000-entry archive (okuma's own
// dataset, served to the app as /data/) and the same text as plain
// documents for the peer engines, one per (entry, language) that exists.
//
//   ensureArchive()  builds okuma-cli (a no-op when current) and runs
//                    `okuma gen --entries 10000 --seed 7` unless
//                    target/bench/gen10k/site.json is newer than the binary;
//                    `{ entries: N }` does the same for another size, in
//                    target/bench/genNk/ (bench/scale.mjs: 1k, 10k, 50k)
//   ensurePeers()    writes target/bench/peers/docs.json.gz (all documents,
//                    gzip, fetched by the MiniSearch and FlexSearch pages) and
//                    the Pagefind bundle target/bench/peers/pagefind/ (about
//                    4 minutes), unless they were made from an archive with
//                    the same content (a digest, so that regenerating an
//                    identical archive after a rebuild costs nothing)
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export const ENTRIES = 10000;
/** Where an archive of `entries` entries is kept: target/bench/gen10k for 10,000. */
export const archiveDir = (entries) => `target/bench/gen${entries % 1000 === 0 ? `${entries / 1000}k` : entries}`;
export const ARCHIVE = archiveDir(ENTRIES);
export const PEERS = 'target/bench/peers';
const SEED = 7;
const BINARY = 'target/release/okuma';

const mtime = (path) => (existsSync(path) ? statSync(path).mtimeMs : 0);

/**
 * Generates the archive when it is missing or older than the okuma binary:
 * the benchmark's (10,000 entries in ARCHIVE), or `{ entries }` in
 * archiveDir(entries). Returns its directory.
 */
export function ensureArchive(log = console.error, { entries = ENTRIES } = {}) {
  const dir = archiveDir(entries);
  const site = join(dir, 'site.json');
  // Build first (a no-op when current), as `cargo run` would, and compare
  // the archive against the result. A failed build (sources being edited)
  // keeps an existing archive.
  try {
    execFileSync('cargo', ['build', '--release', '--quiet', '-p', 'okuma-cli'], { stdio: 'inherit' });
  } catch (err) {
    if (!existsSync(site)) throw err;
    log(`okuma-cli did not build; using the existing ${dir}/`);
    return dir;
  }
  if (existsSync(site) && mtime(site) > mtime(BINARY)) {
    const { catalog } = JSON.parse(readFileSync(site, 'utf8'));
    if (catalog.entries === entries) return dir;
  }
  log(`generating ${entries} entries (seed ${SEED}) into ${dir}/ …`);
  rmSync(dir, { recursive: true, force: true });
  execFileSync(BINARY, ['gen', '--entries', String(entries), '--seed', String(SEED), '-o', dir], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return dir;
}

/** Plain text of a list of inline runs (notes dropped, marks' text kept). */
function inlineText(runs) {
  let out = '';
  for (const run of runs ?? []) {
    if (typeof run === 'string') out += run;
    else if (run.content) out += inlineText(run.content);
  }
  return out;
}

function blockText(block) {
  if (block.type === 'list') return block.items.map(inlineText).join('\n');
  return inlineText(block.content);
}

/** slug → archive number, from the catalog (every language lists every entry). */
function entryNumbers() {
  const site = JSON.parse(readFileSync(join(ARCHIVE, 'site.json'), 'utf8'));
  const lang = site.default_language;
  const numbers = new Map();
  for (let page = 1; page <= site.catalog.pages; page++) {
    const catalog = JSON.parse(readFileSync(join(ARCHIVE, 'catalog', lang, `${page}.json`), 'utf8'));
    for (const card of catalog.entries) numbers.set(card.slug, card.id);
  }
  return numbers;
}

/**
 * Every (entry, language) document, in archive order:
 * `{id: "42-tr", entry: 42, slug, lang, title, summary, body, entities}`,
 * `entities` being the names (in that language) of the entities the entry
 * mentions or is about.
 */
export function readDocuments() {
  const numbers = entryNumbers();
  const docs = [];
  for (const file of readdirSync(join(ARCHIVE, 'entries')).sort()) {
    const entry = JSON.parse(readFileSync(join(ARCHIVE, 'entries', file), 'utf8'));
    const number = numbers.get(entry.slug);
    if (number === undefined) throw new Error(`${entry.slug} is in no catalog page`);
    for (const [lang, t] of Object.entries(entry.translations)) {
      docs.push({
        id: `${number}-${lang}`,
        entry: number,
        slug: entry.slug,
        lang,
        title: t.title,
        summary: t.summary ?? '',
        body: t.body.map(blockText).join('\n'),
        entities: Object.values(entry.entities ?? {})
          .map((e) => e.name?.[lang])
          .filter(Boolean)
          .join(' · '),
      });
    }
  }
  docs.sort((a, b) => a.entry - b.entry || a.lang.localeCompare(b.lang));
  return docs;
}

let cached = null;
/** readDocuments(), read once. */
export function documents() {
  cached ??= readDocuments();
  return cached;
}

const DOCS = join(PEERS, 'docs.json.gz');
const PAGEFIND = join(PEERS, 'pagefind');
// Bump when what is written changes, so that older files are rewritten.
const DOCS_VERSION = 2;
const PAGEFIND_VERSION = 1;

let digest = null;
/**
 * A digest of what the peers' files are made from (site, catalog, entries),
 * so that regenerating an identical archive does not rebuild them.
 */
export function archiveDigest() {
  if (digest) return digest;
  const hash = createHash('sha256');
  const walk = (dir) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else {
        hash.update(`${path}\0`);
        hash.update(readFileSync(path));
      }
    }
  };
  hash.update(readFileSync(join(ARCHIVE, 'site.json')));
  walk(join(ARCHIVE, 'catalog'));
  walk(join(ARCHIVE, 'entries'));
  digest = hash.digest('hex');
  return digest;
}

/** Whether `file` was written from this archive by this code. */
function current(file, stamp, version) {
  return existsSync(file) && existsSync(stamp) && readFileSync(stamp, 'utf8') === `${version} ${archiveDigest()}`;
}

function stampNow(stamp, version) {
  writeFileSync(stamp, `${version} ${archiveDigest()}`);
}

/**
 * Writes the peers' files unless they are current; `docs: false` or
 * `pagefind: false` skips what no chosen engine reads.
 */
export async function ensurePeers(log = console.error, { docs: wantDocs = true, pagefind: wantPagefind = true } = {}) {
  mkdirSync(PEERS, { recursive: true });
  const docsStamp = join(PEERS, 'docs.stamp');
  if (wantDocs && !current(DOCS, docsStamp, DOCS_VERSION)) {
    const docs = documents();
    log(`writing ${docs.length} documents to ${DOCS} …`);
    const wire = docs.map(({ id, slug, lang, title, summary, body, entities }) => ({ id, slug, lang, title, summary, body, entities }));
    writeFileSync(DOCS, gzipSync(JSON.stringify(wire), { level: 6 }));
    stampNow(docsStamp, DOCS_VERSION);
  }
  const pagefindStamp = join(PEERS, 'pagefind.stamp');
  if (wantPagefind && !current(join(PAGEFIND, 'pagefind.js'), pagefindStamp, PAGEFIND_VERSION)) {
    await buildPagefind(documents(), log);
    stampNow(pagefindStamp, PAGEFIND_VERSION);
  }
}

/** The Pagefind bundle, through its Node API (one index per language). */
async function buildPagefind(docs, log) {
  log(`building the Pagefind bundle in ${PAGEFIND}/ (a few minutes) …`);
  rmSync(PAGEFIND, { recursive: true, force: true });
  const pagefind = await import('pagefind');
  const { index, errors } = await pagefind.createIndex({});
  if (errors.length) throw new Error(`pagefind: ${errors.join('; ')}`);
  // Requests are pipelined to the pagefind service, a batch at a time.
  for (let i = 0; i < docs.length; i += 64) {
    await Promise.all(
      docs.slice(i, i + 64).map(async (doc) => {
        // Title and summary lead the content so that they are searched too;
        // entity names close it.
        const res = await index.addCustomRecord({
          url: `/${doc.lang}/entries/${doc.slug}`,
          content: [doc.title, doc.summary, doc.body, doc.entities].join('\n'),
          language: doc.lang,
          meta: { title: doc.title },
        });
        if (res.errors.length) throw new Error(`pagefind ${doc.id}: ${res.errors.join('; ')}`);
      }),
    );
  }
  const written = await index.writeFiles({ outputPath: PAGEFIND });
  if (written.errors.length) throw new Error(`pagefind: ${written.errors.join('; ')}`);
  await pagefind.close();
}
