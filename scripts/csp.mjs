// Writes a Content Security Policy into every page of a build, as a
// <meta http-equiv> right after <meta charset> (static hosts cannot always
// set headers; docs/deploy.md gives the same policy as a header, with
// frame-ancestors, which a <meta> cannot carry).
//
// Scripts and styles load only from the site. The few inline ones are
// allowed by hash, computed here from each page as built: Trunk's module
// loader, the <noscript> style of a pre-rendered page and the reading
// progress bar's first style attribute. WebAssembly may be compiled
// ('wasm-unsafe-eval'); nothing may be eval'd, no inline script without
// its hash runs, no plugin loads, and <base> cannot point elsewhere.
//
//   node scripts/csp.mjs DIST        every .html under DIST
//   node scripts/csp.mjs --print DIST the policy of DIST/index.html
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** `'sha256-…'` of a string, as CSP wants it (UTF-8, base64). */
const hash = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/** The text of an attribute value as the browser sees it (entities decoded). */
function decode(value) {
  return value
    .replace(/&#x([0-9a-f]+);/gi, (_, h) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d) => String.fromCodePoint(Number(d)))
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

const EXECUTABLE = new Set(['', 'module', 'text/javascript', 'application/javascript']);

/**
 * Trunk's module loader, the one inline script a page may have: it
 * imports the app's glue and starts the wasm. Anything else inline that
 * would run is a fault of the build (text from the data written as
 * markup), and hashing it would let it run: the build stops instead.
 */
const TRUNK_LOADER = /^\s*import init, \* as bindings from '[^'\s]+\.js';\s*const wasm = await init\(\{ module_or_path: '[^'\s]+\.wasm' \}\);[\s\S]*TrunkApplicationStarted[\s\S]*$/;

/** The policy for one page's HTML. */
export function policyFor(html) {
  const scripts = new Set();
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const attrs = m[1];
    if (/\bsrc\s*=/.test(attrs)) continue;
    const type = (attrs.match(/\btype\s*=\s*"([^"]*)"/i)?.[1] ?? '').trim().toLowerCase();
    if (!EXECUTABLE.has(type)) continue;
    if (!TRUNK_LOADER.test(m[2]) || m[2].length > 2000) {
      throw new Error(`an inline script that is not Trunk's loader: ${m[0].slice(0, 120)}`);
    }
    scripts.add(hash(m[2]));
  }
  const styles = new Set();
  for (const m of html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gi)) styles.add(hash(m[1]));
  const attributes = new Set();
  for (const m of html.matchAll(/\sstyle\s*=\s*"([^"]*)"/gi)) attributes.add(hash(decode(m[1])));
  const style = ["'self'", ...styles, ...(attributes.size ? ["'unsafe-hashes'", ...attributes] : [])];
  return [
    "default-src 'self'",
    `script-src 'self' 'wasm-unsafe-eval' ${[...scripts].join(' ')}`.trim(),
    `style-src ${style.join(' ')}`,
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ');
}

const META = /<meta http-equiv="Content-Security-Policy" content="[^"]*">\n?/i;

/** The page with its policy in place (replacing an earlier one). */
export function withPolicy(html) {
  const bare = html.replace(META, '');
  const meta = `<meta http-equiv="Content-Security-Policy" content="${policyFor(bare).replace(/"/g, '&quot;')}">`;
  const charset = bare.match(/<meta charset="[^"]*">/i);
  if (!charset) throw new Error('no <meta charset> to put the policy after');
  const at = charset.index + charset[0].length;
  return `${bare.slice(0, at)}\n    ${meta}${bare.slice(at)}`;
}

function* pages(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* pages(path);
    else if (name.endsWith('.html')) yield path;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const print = args[0] === '--print';
  const dist = print ? args[1] : args[0];
  if (!dist) {
    console.error('usage: node scripts/csp.mjs [--print] DIST');
    process.exit(2);
  }
  if (print) {
    console.log(policyFor(readFileSync(join(dist, 'index.html'), 'utf8').replace(META, '')));
  } else {
    let n = 0;
    for (const page of pages(dist)) {
      try {
        writeFileSync(page, withPolicy(readFileSync(page, 'utf8')));
      } catch (error) {
        console.error(`okuma: ${page}: ${error.message}`);
        process.exit(1);
      }
      n++;
    }
    console.error(`okuma: a Content Security Policy in ${n} pages of ${dist}`);
  }
}
