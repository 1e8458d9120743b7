import { forgetPinVerifiers } from './offline-pins';
import { announceQueueChange, forgetSynced, salesOf } from './offline-queue';

/**
 * What signing out on a register device leaves behind (docs/offline.md › Signing out). The session's
 * copies go: the pages and API reads the service worker kept (service-worker/sw.ts caches the
 * register's HTML, which carries the catalog and staff lists, and its reads), the local copies of
 * sales the server has, and the offline PIN verifiers. What the server does not have yet — unsent
 * and refused sales — stays on the device and is sent when someone signs in here again.
 */

/** Caches holding what the build ships (precache, static assets, fonts): no session's data, kept for the next one. */
const BUILD_CACHE = /precache|static|font|next-image/;

/** Sales this device holds that the server has not taken (queued or refused): signing out keeps them. */
export async function unsentOnDevice(tenantId: string): Promise<number> {
  try {
    return (await salesOf(tenantId)).filter((s) => s.state !== 'synced').length;
  } catch {
    return 0; // no IndexedDB: nothing was ever queued here
  }
}

/** Clears this session's copies on the device; never an unsent or refused sale. Each part is tried on its own. */
export async function forgetSessionOnDevice(tenantId: string): Promise<void> {
  const steps: Promise<unknown>[] = [forgetSynced(tenantId).then(announceQueueChange), forgetPinVerifiers(tenantId)];
  if (typeof caches !== 'undefined') {
    steps.push(caches.keys().then((names) => Promise.all(names.filter((n) => !BUILD_CACHE.test(n)).map((n) => caches.delete(n)))));
  }
  await Promise.allSettled(steps);
}
