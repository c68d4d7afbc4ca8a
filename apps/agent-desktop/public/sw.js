// Agent desktop app shell: network first (always the freshest build), the cache when the
// network is down. Only the desktop's own files: the feed and GraphQL are never cached here
// (the rulebook client keeps its own verified copy).
const CACHE = 'pepite-desktop-shell-v1';
const SCOPE = new URL(self.registration.scope).pathname; // "/desktop/"

async function precache() {
  const cache = await caches.open(CACHE);
  const response = await fetch(SCOPE, { cache: 'no-cache' });
  if (!response.ok) return;
  const html = await response.clone().text();
  await cache.put(SCOPE, response);
  // The hashed script and style the page names.
  const assets = [...html.matchAll(/(?:src|href)="([^"]+)"/g)]
    .map((match) => match[1])
    .filter((url) => url.startsWith(`${SCOPE}assets/`));
  await cache.addAll([...new Set(assets)]);
  const config = await fetch(`${SCOPE}config.json`, { cache: 'no-cache' }).catch(() => undefined);
  if (config && config.ok) await cache.put(`${SCOPE}config.json`, config);
}

self.addEventListener('install', (event) => {
  event.waitUntil(precache().then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((key) => key !== CACHE).map((key) => caches.delete(key))))
      .then(() => self.clients.claim()),
  );
});

async function networkFirst(request, fallbackKey) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    if (response.ok && response.type === 'basic') await cache.put(fallbackKey ?? request, response.clone());
    return response;
  } catch (error) {
    const cached = await cache.match(fallbackKey ?? request);
    if (cached) return cached;
    throw error;
  }
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || !url.pathname.startsWith(SCOPE) || url.pathname === `${SCOPE}sw.js`)
    return;
  // Client-side routes all answer with the one page.
  event.respondWith(networkFirst(request, request.mode === 'navigate' ? SCOPE : undefined));
});
