// A small static server for dist/, answering as the static hosts in
// docs/deploy.md do: correct types (wasm streams), a directory's
// index.html (`/tr/entries/x` is redirected to `/tr/entries/x/`, as GitHub
// Pages and nginx do), and for an address with no file the nearest
// not-found page (`/tr/404.html`, else `/404.html`) with status 404; the app
// in it routes the address. A build without pre-rendered pages answers
// with index.html instead (the SPA fallback). `make serve` and the e2e
// tests use it. `base` serves the site under a sub-path (`/okuma/`), as a
// GitHub Pages project site is.
//
// Options, for the search benchmark (bench/search.mjs): `mounts` maps URL
// prefixes to other directories (`{'/data/': 'target/bench/gen10k'}`; a
// missing file under a mount is a 404, never the SPA page), and `gzip`
// answers with `Content-Encoding: gzip` when the browser accepts it: text,
// JSON and wasm are compressed once (level 6) and kept in memory, and a
// request for X is answered with X.gz when only that exists. Without
// options the behaviour is the plain one above.
//
//   node scripts/serve.mjs DIR [PORT] [--gzip] [--base /okuma/] [--mount /data/=DIR]…
import { createServer as createHttpServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { gzip as gzipCallback, gunzip as gunzipCallback } from 'node:zlib';

const gzip = promisify(gzipCallback);
const gunzip = promisify(gunzipCallback);

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

/** Types worth compressing (images are compressed already). */
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.wasm', '.css', '.json', '.svg', '.txt']);

const within = (root, file) => file === root || file.startsWith(root.endsWith(sep) ? root : root + sep);

/**
 * A server for `dir`; call `.listen(port, host)` on it.
 * `options`: `{ mounts: { '/prefix/': otherDir }, gzip: true }`, both optional.
 */
export function createServer(dir, options = {}) {
  const root = resolve(dir);
  // Longest prefix first, so that /data/x/ wins over /data/.
  const mounts = Object.entries(options.mounts ?? {})
    .map(([prefix, target]) => [prefix.endsWith('/') ? prefix : `${prefix}/`, resolve(target)])
    .sort((a, b) => b[0].length - a[0].length);
  const compressed = new Map(); // file → { mtimeMs, size, body }
  const basePath = `/${(options.base ?? '/').replace(/^\/+|\/+$/g, '')}/`.replace('//', '/');

  async function gzipped(file, info, body) {
    const hit = compressed.get(file);
    if (hit && hit.mtimeMs === info.mtimeMs && hit.size === info.size) return hit.body;
    const out = await gzip(body, { level: 6 });
    compressed.set(file, { mtimeMs: info.mtimeMs, size: info.size, body: out });
    return out;
  }

  return createHttpServer(async (req, res) => {
    try {
      const url = new URL(req.url, 'http://localhost');
      if (!url.pathname.startsWith(basePath) && `${url.pathname}/` !== basePath) {
        res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found');
        return;
      }
      let path = normalize(decodeURIComponent(url.pathname.slice(basePath.length - 1) || '/'));
      if (path.includes('\0')) throw new Error('bad path');
      let base = root;
      let spa = true;
      const mount = mounts.find(([prefix]) => path.startsWith(prefix));
      if (mount) {
        base = mount[1];
        path = path.slice(mount[0].length - 1);
        spa = false;
      }
      let file = join(base, path);
      if (!within(base, file)) {
        res.writeHead(403).end('forbidden');
        return;
      }
      let info = await stat(file).catch(() => null);
      if (info?.isDirectory()) {
        if (!url.pathname.endsWith('/')) {
          res.writeHead(301, { location: `${url.pathname}/${url.search}` }).end();
          return;
        }
        file = join(file, 'index.html');
        info = await stat(file).catch(() => null);
      }
      let status = 200;
      const acceptsGzip = /\bgzip\b/.test(req.headers['accept-encoding'] ?? '');
      let precompressed = null;
      if (!info && options.gzip) {
        precompressed = await stat(`${file}.gz`).catch(() => null);
      }
      if (!info && !precompressed) {
        // Paths without an extension are app routes; anything else is missing.
        if (!spa || extname(path) !== '') {
          res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found');
          return;
        }
        // The not-found page of the address's language, else the site's;
        // without pre-rendered pages, the app itself.
        const lang = path.split('/')[1] ?? '';
        const candidates = [join(root, lang, '404.html'), join(root, '404.html')];
        const notFound = [];
        for (const candidate of candidates) {
          if (within(root, candidate) && (await stat(candidate).catch(() => null))?.isFile()) notFound.push(candidate);
        }
        if (notFound.length > 0) {
          file = notFound[0];
          status = 404;
        } else {
          file = join(root, 'index.html');
        }
        info = await stat(file);
      }
      const type = TYPES[extname(file)] ?? 'application/octet-stream';
      const headers = { 'content-type': type, 'cache-control': 'no-cache' };
      let body;
      if (precompressed) {
        body = await readFile(`${file}.gz`);
        if (acceptsGzip) headers['content-encoding'] = 'gzip';
        else body = await gunzip(body);
      } else {
        body = await readFile(file);
        if (options.gzip && acceptsGzip && COMPRESSIBLE.has(extname(file))) {
          body = await gzipped(file, info, body);
          headers['content-encoding'] = 'gzip';
        }
      }
      if (options.gzip) headers.vary = 'accept-encoding';
      headers['content-length'] = body.length;
      res.writeHead(status, headers);
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch {
      res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' }).end('bad request');
    }
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const options = { mounts: {}, gzip: false };
  const positional = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--gzip') options.gzip = true;
    else if (args[i] === '--base') options.base = args[++i];
    else if (args[i] === '--mount') {
      const [prefix, target] = (args[++i] ?? '').split('=');
      if (!prefix || !target) throw new Error('--mount wants /prefix/=DIR');
      options.mounts[prefix] = target;
    } else positional.push(args[i]);
  }
  const dir = positional[0] ?? 'dist';
  const port = Number(positional[1] ?? process.env.PORT ?? 8080);
  const host = process.env.HOST ?? '127.0.0.1';
  createServer(dir, options).listen(port, host, () => {
    console.log(`okuma: serving ${dir} at http://${host}:${port}/ (Ctrl+C stops)`);
  });
}
