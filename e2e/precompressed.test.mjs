// The build writes .br and .gz beside every text asset (scripts/precompress.mjs),
// for hosts that serve precompressed files: each must decompress to exactly
// the file beside it, and none may be missing or left over.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { TEXT } from '../scripts/precompress.mjs';

const DIST = process.env.OKUMA_DIST ?? 'dist';

function* files(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else yield path;
  }
}

test('every text asset of the build has a .br and a .gz that decompress to it', () => {
  let checked = 0;
  const kinds = new Set();
  for (const path of files(DIST)) {
    if (path.endsWith('.br') || path.endsWith('.gz')) {
      assert.ok(existsSync(path.slice(0, -3)), `${path} has no source file`);
      continue;
    }
    if (!TEXT.has(extname(path))) continue;
    const body = readFileSync(path);
    assert.ok(brotliDecompressSync(readFileSync(`${path}.br`)).equals(body), `${path}.br`);
    assert.ok(gunzipSync(readFileSync(`${path}.gz`)).equals(body), `${path}.gz`);
    kinds.add(extname(path));
    checked += 1;
  }
  for (const kind of ['.html', '.js', '.wasm', '.css', '.json']) assert.ok(kinds.has(kind), `no ${kind} checked`);
  assert.ok(checked > 80, `${checked} files`);
});
