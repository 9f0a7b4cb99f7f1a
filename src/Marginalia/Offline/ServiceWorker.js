// Marginalia's service worker: the site, readable offline. sw.js is this code below two constants the build writes,
// VERSION (a hash of every file's revision and of this code) and FILES ([url, revision] for every file of the site).
//
// - install: fill a cache named for VERSION with every file. A file an older cache of this site holds at the same
//   revision is copied from there; only new and changed files are fetched.
// - activate: delete this site's older caches, take control of open pages and tell them they can be read offline.
// - fetch: a page the reader navigates to comes from the network while it answers (an online reader sees the newest
//   build at once), else from the cache; every other file of the site comes from the cache, where it never goes stale
//   because a new build means a new cache. Anything else is left to the browser.
//
// Strict mode: the generated file's first line says 'use strict', where a directive takes effect.

const SCOPE = self.registration.scope;

// Scoped, so two sites on one origin never delete each other's caches.
const PREFIX = `marginalia ${SCOPE} `;
const CACHE = PREFIX + VERSION;
const REVISION_HEADER = 'X-Marginalia-Revision';
const NOT_FOUND = new URL('404.html', SCOPE).href;

// How long a page may take from the network before the cached copy is shown instead (a connection that is there
// but barely). A network that is plainly gone fails at once and the cache answers at once.
const NETWORK_PATIENCE_MS = 4000;

const revisions = new Map(FILES.map(([url, revision]) => [new URL(url, SCOPE).href, revision]));

self.addEventListener('install', event => {
  event.waitUntil(precache().then(() => self.skipWaiting()));
});

self.addEventListener('activate', event => {
  event.waitUntil((async () => {
    const older = (await caches.keys()).filter(name => name.startsWith(PREFIX) && name !== CACHE);
    await Promise.all(older.map(name => caches.delete(name)));
    await self.clients.claim();
    for (const client of await self.clients.matchAll({ type: 'window' })) {
      client.postMessage({ type: 'marginalia-offline', version: VERSION });
    }
  })());
});

// A page asks whether it can be read offline; the answer comes only when every file is in the cache.
self.addEventListener('message', event => {
  if (!event.data || event.data.type !== 'marginalia-offline-status' || !event.source) return;
  event.waitUntil(complete().then(ready => {
    if (ready) event.source.postMessage({ type: 'marginalia-offline', version: VERSION });
  }));
});

self.addEventListener('fetch', event => {
  const request = event.request;
  if (request.method !== 'GET' || request.headers.has('range')) return;
  const url = new URL(request.url);
  if (!url.href.startsWith(SCOPE)) return;
  const key = keyOf(url);
  if (request.mode === 'navigate') {
    event.respondWith(page(request, key));
  } else if (key) {
    event.respondWith(file(request, key));
  }
});

async function precache() {
  const cache = await caches.open(CACHE);
  const names = (await caches.keys()).filter(name => name.startsWith(PREFIX));
  await Promise.all([...revisions].map(async ([url, revision]) => {
    for (const name of names) {
      const kept = await caches.match(url, { cacheName: name });
      if (kept && kept.headers.get(REVISION_HEADER) === revision) {
        if (name !== CACHE) await cache.put(url, kept);
        return;
      }
    }

    // reload: straight from the server, never the HTTP cache, not even revalidated: a validator made of a file's
    // time and length (as some servers make them) can match an older build's file, and that copy would then be
    // stored as this revision. Only new and changed files get here, so bypassing the cache costs little.
    const response = await fetch(url, { cache: 'reload' });
    if (!response.ok) throw new Error(`offline copy: ${url} answered ${response.status}`);
    await cache.put(url, await stamped(response, revision));
  }));
}

// The response with its revision in a header. Made anew, it also loses the "redirected" mark a host's redirect
// (a folder URL to its index) leaves, which a browser refuses in answer to a navigation.
async function stamped(response, revision) {
  const headers = new Headers(response.headers);
  headers.set(REVISION_HEADER, revision);
  return new Response(await response.blob(), { status: response.status, statusText: response.statusText, headers });
}

async function complete() {
  if (!(await caches.has(CACHE))) return false;
  const cached = new Set((await (await caches.open(CACHE)).keys()).map(request => request.url));
  return [...revisions.keys()].every(url => cached.has(url));
}

// The cache key of a URL: the file itself, or the index.html of a folder URL; the query and fragment do not count,
// as they do not for the static host. Null for anything the site does not have.
function keyOf(url) {
  const bare = url.origin + url.pathname;
  if (revisions.has(bare)) return bare;
  if (bare.endsWith('/') && revisions.has(bare + 'index.html')) return bare + 'index.html';
  return null;
}

function fromCache(key) {
  return caches.match(key, { cacheName: CACHE });
}

async function file(request, key) {
  return (await fromCache(key)) || fetch(request);
}

async function page(request, key) {
  try {
    return await (key ? withPatience(fetch(request)) : fetch(request));
  } catch (error) {
    const copy = key ? await fromCache(key) : await notFound();
    if (copy) return copy;
    throw error;
  }
}

// The site's own 404 page, with its status, for an address it does not have while the network is away.
async function notFound() {
  const cached = await fromCache(NOT_FOUND);
  if (!cached) return undefined;
  return new Response(await cached.blob(), { status: 404, statusText: 'Not Found', headers: cached.headers });
}

function withPatience(pending) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the network is too slow')), NETWORK_PATIENCE_MS);
    pending.then(
      response => { clearTimeout(timer); resolve(response); },
      error => { clearTimeout(timer); reject(error); });
  });
}
