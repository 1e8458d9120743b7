'use client';

import { useEffect } from 'react';
import { SerwistProvider } from '@serwist/turbopack/react';

/**
 * Registers the register's service worker (service-worker/sw.ts, served at /serwist/sw.js) and,
 * once it is active, asks it to keep `urls` — this page and the reads it starts with (the open
 * shift) — so a reload without the server finds them (docs/offline.md). Never reloads the page
 * itself when the connection returns: the queue drains in the background (use-offline-sync.ts).
 */
export function OfflineWorker({ urls }: { urls: string[] }) {
  const key = urls.join('\n');
  useEffect(() => {
    if (!('serviceWorker' in navigator) || !navigator.onLine) return;
    let cancelled = false;
    void navigator.serviceWorker.ready.then((registration) => {
      if (!cancelled) registration.active?.postMessage({ type: 'CACHE_URLS', payload: { urlsToCache: key.split('\n') } });
    });
    return () => {
      cancelled = true;
    };
  }, [key]);
  return <SerwistProvider swUrl="/serwist/sw.js" reloadOnOnline={false} cacheOnNavigation />;
}
