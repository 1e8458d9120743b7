import { randomUUID } from 'node:crypto';
import { onEvents } from '@/lib/events';
import { config } from '@/lib/platform/config';
import { logger } from '@/lib/platform/logger';
import { metrics } from '@/lib/platform/metrics';
import { redis, tenantKey } from '@/lib/platform/redis';

/**
 * The assistant's cache of tool results (docs/assistant.md › Cache), in Redis, per tenant +
 * tool + arguments + the tenant's cache version. The version is bumped when the tenant's report
 * figures change, so an entry is never read after a change has been delivered; the TTL only
 * bounds how long a missed bump could serve old figures. Only for results that depend on the
 * tenant and the arguments alone (not on the role, the user or the clock).
 *
 * A lookup reads the version, then the entry; a miss computes and writes under the version it
 * read. A change landing in between is bumped after it committed, so that entry sits under a
 * version nobody reads any more: stale entries are written, never served.
 */
type Redis = Awaited<ReturnType<typeof redis>>;
type Result = 'hit' | 'miss' | 'unavailable';

const versionKey = (tenantId: string) => tenantKey(tenantId, 'assistant', 'cache-version');

/** Keys sorted at every level: the same arguments are the same entry, whatever their order. */
const stableJson = (value: unknown) =>
  JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1))) : v,
  );

/**
 * A version is a random token, not a counter: a version key that was lost (evicted, flushed)
 * and started again can never repeat one already used, so entries written under an old version
 * cannot be served again.
 */
const freshVersion = () => randomUUID();

async function currentVersion(r: Redis, tenantId: string): Promise<string> {
  const key = versionKey(tenantId);
  const version = await r.get<string>(key);
  if (version !== null) return version;
  await r.set(key, freshVersion(), { nx: true }); // another instance may start it first
  const started = await r.get<string>(key);
  if (started === null) throw new Error('the cache version vanished as it was set');
  return started;
}

/** Ends every cached result of the tenant: its version moves on. */
export async function bumpCacheVersion(tenantId: string): Promise<void> {
  await (await redis()).set(versionKey(tenantId), freshVersion());
}

// Report figures change when lib/analytics has counted a sale, refund or void: this event
// commits with the rollups, so the lookup after the bump reads the new figures. (OrderPaid
// itself arrives before analytics has counted it.) A failed bump throws: the dispatcher retries.
// One bump for a batch of changes: the version only has to move past all of them.
onEvents('SalesFiguresChanged', 'assistant.cache-version', (_tx, events) => bumpCacheVersion(events[0]!.tenantId));

const count = (tool: string, result: Result) => metrics().assistantCache.inc({ tool, result });

let unavailable = false;

/** Redis failed: the answer goes on without the cache; said once per outage. */
function warnOnce(tool: string, err: unknown): void {
  if (!unavailable) logger.warn({ err, tool }, 'assistant cache unavailable: answering without it');
  unavailable = true;
}

async function lookUp<T>(tenantId: string, tool: string, args: unknown): Promise<{ hit: T | null; key: string; r: Redis } | null> {
  try {
    const r = await redis();
    const key = tenantKey(tenantId, 'assistant', 'cache', await currentVersion(r, tenantId), tool, stableJson(args));
    const hit = await r.get<T>(key);
    unavailable = false;
    return { hit, key, r };
  } catch (err) {
    warnOnce(tool, err);
    return null;
  }
}

/**
 * `compute()`'s result for this tenant, tool and arguments, from the cache when it holds one.
 * A throw is not cached (it propagates); Redis failing never fails the lookup.
 */
export async function cachedResult<T>(tenantId: string, tool: string, args: unknown, compute: () => Promise<T>): Promise<T> {
  const entry = await lookUp<T>(tenantId, tool, args);
  if (!entry) {
    count(tool, 'unavailable');
    return compute();
  }
  if (entry.hit !== null) {
    count(tool, 'hit');
    return entry.hit;
  }
  count(tool, 'miss');
  const result = await compute();
  await entry.r.set(entry.key, result, { ex: config().ASSISTANT_CACHE_TTL_SECONDS }).catch((err: unknown) => warnOnce(tool, err));
  return result;
}
