// Service worker of Sổ tay chi bộ: keeps the app working with no signal.
//
// scripts/post_build.py fills in BUILD_VERSION (a hash of every built file) and PRECACHE
// (exactly the files of this build), so any change to any asset changes this file and the
// browser installs the new worker. The new worker waits until the user accepts the update
// (the app posts {type: 'SKIP_WAITING'}); old caches are deleted only once it is active.
const BUILD_VERSION = '%BUILD_VERSION%';
const PRECACHE = JSON.parse('%PRECACHE%');
// The browser keys caches by origin, not by path: two deployments on one origin (two
// folders of one GitHub Pages site) share them. Each deployment's caches carry its scope,
// and a worker deletes only its own deployment's old caches.
const SCOPE = new URL(self.registration.scope).pathname;
const CACHE_PREFIX = 'sotay-' + SCOPE + '-';
const CACHE_NAME = CACHE_PREFIX + BUILD_VERSION;
// Caches named before scopes were part of the name ('sotay-' and the build hash).
const LEGACY_CACHE = /^sotay-[0-9a-f]{16}$/;
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
  if (kept && await isWhatItClaims(path, kept.clone())) return cache.put(url, kept);
  let response = await fetch(new Request(url, { cache: hashed ? 'force-cache' : 'reload' }));
  if (hashed && !(response.ok && await isWhatItClaims(path, response.clone()))) {
    response = await fetch(new Request(url, { cache: 'reload' }));
  }
  // One missing or wrong file fails the install: this version is then not used, the old
  // one stays. A host that answers a missing file with a 200 HTML page is caught here.
  if (!response.ok) throw new Error(`precache: ${path} answered ${response.status}`);
  if (!await isWhatItClaims(path, response.clone())) throw new Error(`precache: ${path} is not what its name says`);
  await cache.put(url, response);
}

// Whether an answer is the file its name says: a wasm module starts with the wasm magic
// bytes; a script, stylesheet or JSON file is not an HTML page; the start page is this
// build's own (it names BUILD_VERSION), so the worker never keeps the start page of
// another build (an old index.html from a stale cache, or one uploaded before its files).
async function isWhatItClaims(path, response) {
  const type = (response.headers.get('content-type') || '').toLowerCase();
  if (path === './') {
    // The page's <meta name="sotay-build" content="…">, its attributes in any order, quoted or
    // not (release builds minify the page).
    const meta = (await response.text()).match(/<meta\b[^>]*\bname=["']?sotay-build(?=["'\s>])[^>]*>/);
    return meta !== null && new RegExp(`\\bcontent=["']?${BUILD_VERSION}(?=["'\\s>])`).test(meta[0]);
  }
  if (/\.wasm$/.test(path)) {
    const bytes = new Uint8Array(await response.arrayBuffer());
    return bytes.length >= 4 && bytes[0] === 0 && bytes[1] === 0x61 && bytes[2] === 0x73 && bytes[3] === 0x6d;
  }
  if (/\.(js|css|json|webmanifest)$/.test(path)) {
    if (type.includes('text/html')) return false;
    const start = (await response.text()).trimStart().slice(0, 15).toLowerCase();
    return !start.startsWith('<!doctype') && !start.startsWith('<html');
  }
  return true;
}

self.addEventListener('install', (event) => {
  event.waitUntil(Promise.all([
    caches.open(CACHE_NAME)
      .then((cache) => Promise.all(PRECACHE.map((path) => precache(cache, path))))
      // A refused install leaves nothing behind: its half-filled cache goes.
      .catch((error) => caches.delete(CACHE_NAME).then(() => { throw error; })),
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
      .then((names) => Promise.all(names.map(async (name) => {
        if (name === CACHE_NAME) return;
        if (name.startsWith(CACHE_PREFIX) || (LEGACY_CACHE.test(name) && await holdsThisScope(name))) {
          await caches.delete(name);
        }
      })))
      .then(() => self.clients.claim())
  );
});

// A cache named the old way belongs to this deployment when it holds this scope's files.
async function holdsThisScope(name) {
  const keys = await (await caches.open(name)).keys();
  return keys.some((request) => request.url === SHELL);
}

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
