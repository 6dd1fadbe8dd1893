// Latent Lab's service worker: after the first visit the app works with no network.
//
// scripts/seal_dist.py writes the two lines marked below at build time: the build's version (a hash
// of every file's contents) and every file of the build with its SHA-256 digest. A new build is a
// new sw.js, so the browser installs it beside the running one; it only takes over when the page
// asks (the "update ready — reload" notice), so a page never runs old code against new files.
'use strict';

const VERSION = 'unsealed'; // @version (written by scripts/seal_dist.py)
const FILES = []; // @files (written by scripts/seal_dist.py): [url relative to this file, 'sha256-…']

const SCOPE = new URL('./', self.location).href;
// Cache storage is shared by the whole origin: the scope in the name keeps copies of the app under
// other paths (two course years, other GitHub Pages projects) out of each other's way.
const PREFIX = 'latent-lab|' + SCOPE + '|';
const CACHE = PREFIX + VERSION;

// All or nothing: every file is fetched past the HTTP cache and checked against its digest (the
// browser's subresource-integrity check), so a half-deployed server (new wasm, old models) fails
// the install instead of being cached; the version already installed keeps serving meanwhile.
self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    if (FILES.length === 0) throw new Error('sw.js was not sealed by the build (scripts/seal_dist.py)');
    const cache = await caches.open(CACHE);
    try {
      await Promise.all(FILES.map(async ([url, integrity]) => {
        const response = await fetch(url, { cache: 'reload', integrity });
        if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
        await cache.put(url, response);
      }));
    } catch (error) {
      await caches.delete(CACHE);
      throw error;
    }
  })());
});

// Only once the page asked (or no older version runs): the older caches go.
self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    const names = await caches.keys();
    await Promise.all(names.filter((n) => n.startsWith(PREFIX) && n !== CACHE).map((n) => caches.delete(n)));
    await self.clients.claim();
  })());
});

self.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'latent-lab-skip-waiting') self.skipWaiting();
});

// Same-origin GETs come from this version's cache, anything else from the network. Opening the
// app (any #/route: the hash never reaches the server) is the cached './'.
self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  const isApp = request.mode === 'navigate' && (url.href.split(/[?#]/)[0] === SCOPE || url.pathname === new URL('index.html', SCOPE).pathname);
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    const hit = isApp ? await cache.match('./', { ignoreSearch: true }) : await cache.match(request);
    return hit || fetch(request);
  })());
});
