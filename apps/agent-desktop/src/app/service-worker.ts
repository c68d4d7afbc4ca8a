/**
 * The app shell (page, script, style, config) is kept by a small service worker so the
 * desktop opens with the network down; the rulebook itself comes from the client's storage.
 * Built apps only: under the dev server (hot reload) the worker would pin modules. Not
 * `import.meta.env.PROD`, which follows NODE_ENV (a build run from jest says "test").
 */
export function registerServiceWorker(): void {
  if (import.meta.hot || !('serviceWorker' in navigator)) return;
  const base = import.meta.env.BASE_URL;
  navigator.serviceWorker.register(`${base}sw.js`, { scope: base }).catch((error: unknown) => {
    // Without a worker the desktop still works online; it just cannot open offline.
    console.warn('agent desktop: no offline start', error);
  });
}
