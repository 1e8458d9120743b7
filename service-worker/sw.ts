/// <reference lib="webworker" />
/**
 * The register's service worker (docs/offline.md), built by Serwist (@serwist/turbopack:
 * app/serwist/[path]/route.ts bundles this file at `next build`). It precaches the build's
 * static assets and caches, as they are fetched online, the pages (the register's app shell with
 * its catalog, prices, taxes and modifiers, which the page renders in) and the API reads the
 * register needs to start (its open shift): reloading /register offline finds them.
 *
 * A response answered from the cache carries `x-tillwise-from-cache`, so the register never takes a
 * cached answer for its server being back (components/register/connection.ts). The health check,
 * the live event stream and sign-in are never cached; writes (POST, PUT) never are.
 */
import { defaultCache } from '@serwist/turbopack/worker';
import { NetworkFirst, NetworkOnly, Serwist, type PrecacheEntry, type SerwistGlobalConfig, type SerwistPlugin } from 'serwist';

declare global {
  interface WorkerGlobalScope extends SerwistGlobalConfig {
    __SW_MANIFEST: (PrecacheEntry | string)[] | undefined;
  }
}
declare const self: ServiceWorkerGlobalScope;

export const FROM_CACHE_HEADER = 'x-tillwise-from-cache';

const markFromCache: SerwistPlugin = {
  cachedResponseWillBeUsed: async ({ cachedResponse }) => {
    if (!cachedResponse) return cachedResponse;
    const headers = new Headers(cachedResponse.headers);
    headers.set(FROM_CACHE_HEADER, '1');
    return new Response(cachedResponse.body, { status: cachedResponse.status, statusText: cachedResponse.statusText, headers });
  },
};

const serwist = new Serwist({
  precacheEntries: self.__SW_MANIFEST,
  skipWaiting: true,
  clientsClaim: true,
  navigationPreload: false,
  runtimeCaching: [
    // Never from a cache: health, the event stream, sign-in, and the offline PIN verifiers (kept in
    // IndexedDB only, and an old copy must never pass for a sync).
    {
      matcher: ({ url }) => url.pathname === '/api/health' || url.pathname === '/api/v1/events' || url.pathname.startsWith('/api/auth/') || url.pathname === '/api/v1/register/pin-verifiers',
      handler: new NetworkOnly(),
    },
    {
      // The register's reads (its shift above all): the network first, the last answer when there is none.
      matcher: ({ sameOrigin, url }) => sameOrigin && url.pathname.startsWith('/api/'),
      method: 'GET',
      handler: new NetworkFirst({ cacheName: 'tillwise-api', plugins: [markFromCache] }),
    },
    {
      // Pages (the register's HTML and its RSC payloads): the network first, else the last one seen.
      // (The register asks for /register by URL too, as a plain GET: components/register/offline-worker.tsx.)
      matcher: ({ request, sameOrigin, url }) => sameOrigin && (request.mode === 'navigate' || request.headers.get('RSC') === '1' || url.pathname === '/register'),
      handler: new NetworkFirst({ cacheName: 'tillwise-pages', plugins: [markFromCache] }),
    },
    ...defaultCache,
  ],
});

serwist.addEventListeners();
