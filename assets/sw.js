// Service worker of Sổ tay chi bộ: keeps the app working with no signal.
//
// scripts/post_build.py fills in BUILD_VERSION (a hash of every built file) and PRECACHE
// (exactly the files of this build), so any change to any asset changes this file and the
// browser installs the new worker. The new worker waits until the user accepts the update
// (the app posts {type: 'SKIP_WAITING'}); old caches are deleted only once it is active.
const BUILD_VERSION = '%BUILD_VERSION%';
const PRECACHE = JSON.parse('%PRECACHE%');
const CACHE_PREFIX = 'sotay-';
const CACHE_NAME = CACHE_PREFIX + BUILD_VERSION;
const SHELL = new URL('./', self.registration.scope).href;

// Files whose names carry a content hash (the wasm modules, the JS glue and split loader, the
// CSS, the built-in handbook pack) never change under
// that name, so any good copy is the right one, however old: one still in the previous
// version's cache (a new version re-downloads only what changed), or the copy the page has just
// downloaded, taken from the HTTP cache with 'force-cache' (so a first visit downloads the wasm
// once, whatever cache headers the host sends). A failed answer kept in the HTTP cache (a 404
// while the files were being uploaded, say) is never taken: the server is asked again. The
// other files (index.html, boot.js, the manifest, icons) skip the HTTP cache, so no stale copy
// enters a new version.
// Trunk writes the hash as hex without leading zeros: 16 digits or fewer.
const HASHED = /-[0-9a-f]{8,16}(_bg)?\.(wasm|js|css|json)$/;

async function precache(cache, path) {
  const url = new URL(path, self.registration.scope);
  const hashed = HASHED.test(path);
  const kept = hashed ? await caches.match(url) : undefined;
  if (kept) return cache.put(url, kept);
  let response = await fetch(new Request(url, { cache: hashed ? 'force-cache' : 'reload' }));
  if (!response.ok && hashed) response = await fetch(new Request(url, { cache: 'reload' }));
  // One missing file fails the install: this version is then not used, the old one stays.
  if (!response.ok) throw new Error(`precache: ${path} answered ${response.status}`);
  await cache.put(url, response);
}

self.addEventListener('install', (event) => {
  event.waitUntil(Promise.all([
    caches.open(CACHE_NAME).then((cache) => Promise.all(PRECACHE.map((path) => precache(cache, path)))),
    routeAroundTheWorker(event),
  ]));
});

// The static routing API (Chrome 123+) lets the browser answer this build's own requests from
// its cache without starting the worker: opening the app after the browser has stopped the
// idle worker, the navigation and each file waited for it to start (~130 ms of a warm start at
// 4× CPU, BENCHMARKS.md). The routes give what the fetch handler below gives: the app shell for
// the page itself, then this version's cached copy or the network. Other navigations (a
// search string, index.html) still go to the handler, which answers them with the shell. A
// browser without the API, or with an older one that refuses a part of it, keeps using the
// handler for everything.
function routeAroundTheWorker(event) {
  if (typeof event.addRoutes !== 'function') return Promise.resolve();
  const here = new URL(self.registration.scope);
  const origin = { protocol: here.protocol.replace(/:$/, ''), hostname: escapePattern(here.hostname), port: here.port };
  const scopePath = escapePattern(here.pathname);
  const fromThisVersion = { cacheName: CACHE_NAME };
  return event.addRoutes([
    { condition: { urlPattern: { ...origin, pathname: scopePath, search: '' }, requestMethod: 'GET' }, source: fromThisVersion },
    { condition: { requestMode: 'navigate' }, source: 'fetch-event' },
    { condition: { urlPattern: { ...origin, pathname: `${scopePath}*` }, requestMethod: 'GET' }, source: fromThisVersion },
  ]).catch(() => {});
}

// URL patterns give meaning to these characters; a scope path or host name means them literally.
function escapePattern(text) {
  return text.replace(/[\\:*?+(){}]/g, '\\$&');
}

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((names) => Promise.all(
        names.filter((name) => name.startsWith(CACHE_PREFIX) && name !== CACHE_NAME)
          .map((name) => caches.delete(name))
      ))
      .then(() => self.clients.claim())
  );
});

self.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'SKIP_WAITING') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    // Every screen lives in the one page (hash routes), so navigations get the app shell.
    event.respondWith(fromCacheThenNetwork(SHELL, request));
    return;
  }
  event.respondWith(fromCacheThenNetwork(request, request));
});

async function fromCacheThenNetwork(cacheKey, request) {
  const cache = await caches.open(CACHE_NAME);
  const cached = await cache.match(cacheKey, { ignoreSearch: true });
  return cached || fetch(request);
}
