import { useSyncExternalStore } from 'react';

/**
 * Whether the register can reach its server: the browser says it is online (navigator.onLine)
 * AND the last request to the server got an answer. api.ts reports every outcome it sees
 * (`reportReachable`), so the normal sale path costs no extra request; only while the server is
 * unreachable does `probe` ask GET /api/health now and then to notice it is back.
 */
let serverReachable = true;
const listeners = new Set<() => void>();
const emit = () => listeners.forEach((l) => l());

export function reportReachable(reachable: boolean): void {
  if (serverReachable === reachable) return;
  serverReachable = reachable;
  emit();
}

const browserOnline = () => typeof navigator === 'undefined' || navigator.onLine !== false;
export const isOnline = () => browserOnline() && serverReachable;

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener('online', listener);
  window.addEventListener('offline', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('online', listener);
    window.removeEventListener('offline', listener);
  };
}

/** True while the server answers (the server render assumes it does). */
export function useOnline(): boolean {
  return useSyncExternalStore(subscribe, isOnline, () => true);
}

/** One cheap question to the server (its health check, never cached): does it answer? */
export async function probe(): Promise<boolean> {
  if (!browserOnline()) return false;
  try {
    const res = await fetch('/api/health', { cache: 'no-store', signal: AbortSignal.timeout(5_000) });
    // Anything the app itself answers counts (a 503 health check is still the server speaking).
    reportReachable(res.status !== 502 && res.status !== 504);
  } catch {
    reportReachable(false);
  }
  return isOnline();
}
