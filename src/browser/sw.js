// okuma's service worker: the reader keeps what they opened when the
// network goes. `make build` writes it to the site as `sw.js`
// (scripts/offline.mjs fills in the build id and the app's files); the app
// registers it (src/browser/offline.rs). A plain script, no framework.
//
// One cache per deploy, `okuma-<build>`, and only that deploy's files go in
// it: the app's files when the worker installs, each page as the reader
// opens it, and each data file the app fetched (the app keeps those
// itself, in the cache of its page's build: data requests never pass
// through here). So what is read offline is always one deploy's app with
// that deploy's data, never a mix.
//
// - Pages come from the network while there is one (a reader online
//   always gets the current deploy) and from the cache without it; a page
//   never opened falls back to the app's empty page (`app.html`), which
//   draws it from the kept data or says what it cannot show.
// - The app's files (hashed names, the search engine) come from the cache;
//   the search engine is fetched and kept the first time it is needed.
// - A new deploy installs a new worker, which opens again from the network
//   everything the reader had kept and takes over the open pages at once,
//   telling each its build: a page of another build reloads (offline.rs),
//   so the reader never runs an old app on new data.
// - A first visit is not taken over: the page that registered the worker
//   runs as it would without one, and the next one it opens is kept.
'use strict';

const BUILD = '__OKUMA_BUILD__';
/** The app's files every page needs, relative to the scope. */
const APP = __OKUMA_APP__;
/** The search engine's files: kept when a page first starts it. */
const SEARCH = __OKUMA_SEARCH__;
const PREFIX = 'okuma-';
const CACHE = PREFIX + BUILD;
const SCOPE = new URL(self.registration.scope);
const at = (path) => new URL(path, SCOPE).href;
const SHELL = at('app.html');
const DATA = at('data/');
const SELF = at('sw.js');
/** The app's files by address without query (the engine's carry `?v=`). */
const APP_FILES = new Set([...APP, ...SEARCH].filter((path) => !path.startsWith('data/')).map(at));

const withoutQuery = (href) => {
  const url = new URL(href);
  url.search = '';
  url.hash = '';
  return url.href;
};
const isHtml = (response) => (response.headers.get('content-type') || '').includes('html');

/** The build a page says it is of (`<meta name="okuma-build">`). */
async function buildOfPage(response) {
  const text = await response.text();
  return /<meta name="okuma-build" content="([A-Za-z0-9._-]{1,64})"/.exec(text)?.[1];
}

/** Fetches `href` from the network into this deploy's cache, if it is of it. */
async function keep(cache, href) {
  try {
    const response = await fetch(href, { cache: 'no-cache' });
    if (!response.ok) return;
    if (isHtml(response)) {
      if ((await buildOfPage(response.clone())) !== BUILD) return;
    } else if (!href.startsWith(DATA)) {
      return;
    }
    await cache.put(href, response);
  } catch {
    // Offline or gone: it is simply not kept.
  }
}

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      // Hashed files may come from the HTTP cache (they never change);
      // the others are asked of the server again.
      const fresh = (path) => new Request(at(path), { cache: /-[0-9a-f]{16}[._]/.test(path) ? 'default' : 'no-cache' });
      await cache.addAll([...APP, 'app.html'].map(fresh));
      // What the reader kept under older deploys, opened again from this
      // one, four at a time.
      const kept = [];
      for (const name of await caches.keys()) {
        if (!name.startsWith(PREFIX) || name === CACHE) continue;
        const old = await caches.open(name);
        for (const request of await old.keys()) {
          if (!APP_FILES.has(withoutQuery(request.url)) && request.url !== SHELL) kept.push(request.url);
        }
      }
      const todo = [...new Set(kept)];
      await Promise.all(
        Array.from({ length: 4 }, async () => {
          while (todo.length) await keep(cache, todo.pop());
        }),
      );
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith(PREFIX) && name !== CACHE) await caches.delete(name);
      }
      for (const client of await self.clients.matchAll({ type: 'window', includeUncontrolled: true })) {
        client.postMessage({ type: 'okuma-build', build: BUILD });
      }
    })(),
  );
});

async function page(event) {
  const cache = await caches.open(CACHE);
  const key = withoutQuery(event.request.url);
  let response;
  try {
    response = await fetch(event.request);
  } catch (error) {
    const kept = (await cache.match(key)) || (await cache.match(SHELL));
    if (!kept) throw error;
    return kept;
  }
  if (response.ok && isHtml(response)) {
    const copy = response.clone();
    event.waitUntil(
      (async () => {
        if ((await buildOfPage(copy.clone())) === BUILD) await cache.put(key, copy);
      })(),
    );
  }
  return response;
}

async function appFile(request) {
  const cache = await caches.open(CACHE);
  const kept = await cache.match(request, { ignoreSearch: true });
  if (kept) return kept;
  const response = await fetch(request);
  if (response.ok) await cache.put(withoutQuery(request.url), response.clone());
  return response;
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || !request.url.startsWith(SCOPE.href)) return;
  const href = withoutQuery(request.url);
  if (href === SELF) return;
  if (request.mode === 'navigate') event.respondWith(page(event));
  else if (APP_FILES.has(href)) event.respondWith(appFile(request));
});
