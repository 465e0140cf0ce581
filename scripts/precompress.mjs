// Writes X.br and X.gz next to every text asset of a built site (HTML, JS,
// wasm, CSS, JSON, SVG, XML, text), for hosts and CDNs that serve
// precompressed files (nginx gzip_static/brotli_static, Netlify, S3 with
// Content-Encoding). Brotli at its best quality, gzip at 9: done once at
// build time, not per request. Stale .br/.gz of files that are gone are
// removed.
//
//   node scripts/precompress.mjs dist
import { readdirSync, readFileSync, statSync, unlinkSync, writeFileSync, existsSync } from 'node:fs';
import { extname, join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

export const TEXT = new Set(['.html', '.js', '.mjs', '.wasm', '.css', '.json', '.svg', '.xml', '.txt', '.webmanifest']);

function* files(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else yield path;
  }
}

export function precompress(dir) {
  let written = 0;
  for (const path of files(dir)) {
    if (path.endsWith('.br') || path.endsWith('.gz')) {
      const source = path.slice(0, -3);
      if (!existsSync(source)) unlinkSync(path);
      continue;
    }
    if (!TEXT.has(extname(path))) continue;
    const body = readFileSync(path);
    writeFileSync(`${path}.br`, brotliCompressSync(body, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length },
    }));
    writeFileSync(`${path}.gz`, gzipSync(body, { level: 9 }));
    written += 1;
  }
  return written;
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop())) {
  const dir = process.argv[2] ?? 'dist';
  const n = precompress(dir);
  console.log(`okuma: ${n} files precompressed in ${dir} (.br and .gz beside each)`);
}
