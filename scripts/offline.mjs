// Makes a built site readable offline and says which deploy it is. Run by
// `make build` after the pre-render and the Content Security Policy, before
// precompressing:
//
// - the build id: a hash of every file of the site, so any change to the
//   app, the pages or the data is a new deploy;
// - stamped into the dataset (`data/site.json`'s `build`) and every page
//   (`<meta name="okuma-build">`): the app compares the two and reloads
//   when they differ (src/browser/offline.rs);
// - `sw.js`, the service worker (src/browser/sw.js), with that id and the
//   app's files to keep.
//
//   node scripts/offline.mjs DIST           stamp DIST, write DIST/sw.js
//   node scripts/offline.mjs --print DIST   the build id DIST would get
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const TEMPLATE = fileURLToPath(new URL('../src/browser/sw.js', import.meta.url));
const META = /\n[ \t]*<meta name="okuma-build" content="[^"]*">/;

function* files(dir) {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else yield path;
  }
}

const relativePath = (dist, path) => relative(dist, path).split(sep).join('/');
/** What the build id is made of: every file but compressed copies and what this script writes. */
const source = (rel) => !/\.(br|gz)$/.test(rel) && rel !== 'sw.js' && rel !== '.built';

/**
 * The deploy's id: 16 hex digits of SHA-256 over every file's path and
 * content, as they were before stamping (stamps are taken out again, so
 * running this twice gives the same id).
 */
export function buildId(dist) {
  const hash = createHash('sha256');
  for (const path of files(dist)) {
    const rel = relativePath(dist, path);
    if (!source(rel)) continue;
    let body = readFileSync(path);
    if (rel.endsWith('.html')) body = Buffer.from(body.toString('utf8').replace(META, ''));
    if (rel === 'data/site.json') {
      const site = JSON.parse(body.toString('utf8'));
      delete site.build;
      body = Buffer.from(JSON.stringify(site));
    }
    hash.update(rel).update('\0').update(body).update('\0');
  }
  return hash.digest('hex').slice(0, 16);
}

/**
 * The app's files: `reading`, what every page needs, kept when the worker
 * installs; `search`, the search engine, kept the first time a page starts
 * it (a reader who only reads never downloads it).
 */
export function appFiles(dist) {
  const rels = [...files(dist)].map((path) => relativePath(dist, path)).filter(source);
  return {
    reading: [...rels.filter((rel) => /^[^/]+\.(js|wasm|css|svg)$/.test(rel)), 'data/site.json'],
    search: rels.filter((rel) => /^search\/[^/]+\.(js|wasm)$/.test(rel)),
  };
}

export function stamp(dist) {
  const build = buildId(dist);
  const meta = `<meta name="okuma-build" content="${build}">`;
  let pages = 0;
  for (const path of files(dist)) {
    const rel = relativePath(dist, path);
    if (!rel.endsWith('.html')) continue;
    const html = readFileSync(path, 'utf8').replace(META, '');
    // Right after the policy (or <meta charset>): early, before any script.
    const at = /<meta http-equiv="Content-Security-Policy"[^>]*>/i.exec(html) ?? /<meta charset="utf-8">/i.exec(html);
    if (!at) throw new Error(`${rel}: no <meta charset> to put the build id after`);
    const end = at.index + at[0].length;
    writeFileSync(path, `${html.slice(0, end)}\n    ${meta}${html.slice(end)}`);
    pages += 1;
  }
  const sitePath = join(dist, 'data', 'site.json');
  const site = JSON.parse(readFileSync(sitePath, 'utf8'));
  site.build = build;
  writeFileSync(sitePath, JSON.stringify(site));
  const worker = readFileSync(TEMPLATE, 'utf8')
    .replace("'__OKUMA_BUILD__'", JSON.stringify(build))
    .replace('__OKUMA_APP__', JSON.stringify(appFiles(dist).reading))
    .replace('__OKUMA_SEARCH__', JSON.stringify(appFiles(dist).search));
  writeFileSync(join(dist, 'sw.js'), worker);
  return { build, pages };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const print = args[0] === '--print';
  const dist = (print ? args[1] : args[0]) ?? 'dist';
  if (print) {
    console.log(buildId(dist));
  } else {
    const { build, pages } = stamp(dist);
    console.log(`offline: build ${build}, ${pages} pages stamped, sw.js written`);
  }
}
