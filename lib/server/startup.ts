import { migrateDatabase } from '@/db/migrate';
import { rebuildWhereNeeded } from '@/lib/analytics';
import { READ_SUMMARY_EVERY_MS, writeReadSummaries } from '@/lib/auth';
import { sweepUnusedPhotos } from '@/lib/catalog';
import { config } from '@/lib/platform/config';
import { databaseSettings } from '@/lib/platform/db';
import { purgeExpiredIdempotencyKeys } from '@/lib/platform/idempotency';
import { every } from '@/lib/platform/jobs';
import { logger } from '@/lib/platform/logger';
import { perProcessStateWarning } from '@/lib/platform/readiness';
import { listTenantIds } from '@/lib/tenancy';

const HOUR = 3600_000;

/**
 * Fails fast on bad configuration, brings the schema up to date, starts periodic jobs. Part of
 * the composition root (called from instrumentation.ts): it wires modules to the platform, so it
 * cannot live in lib/platform, the floor that imports no module.
 */
export async function startServer(): Promise<void> {
  const { ROOT_DOMAIN, DATABASE_URL, NODE_ENV } = config();
  await migrateDatabase(databaseSettings());
  logger.info({ rootDomain: ROOT_DOMAIN, database: DATABASE_URL ? 'postgres' : 'pglite' }, 'tillwise ready');
  // Config refuses production without Redis unless one instance (or the demo) was declared.
  const warning = NODE_ENV === 'production' ? perProcessStateWarning() : undefined;
  if (warning) logger.warn(`${warning}. Run exactly one instance, or set REDIS_URL.`);
  // Photos no product names any more (replaced, or their product deleted), a day after they were stored.
  every(6 * HOUR, 'delete unused product photos', async () => {
    let deleted = 0;
    for (const tenantId of await listTenantIds()) deleted += (await sweepUnusedPhotos({ tenantId })).deleted;
    if (deleted > 0) logger.info({ deleted }, 'deleted unused product photos');
  });
  // Reads made with API keys: one audit row per key a minute (api-key-reads.ts: a row per read would be a write on the hot path).
  every(READ_SUMMARY_EVERY_MS, 'write API key read summaries', async () => {
    await writeReadSummaries();
  });
  every(HOUR, 'purge expired idempotency keys', async () => {
    let purged = 0;
    for (const tenantId of await listTenantIds()) purged += await purgeExpiredIdempotencyKeys(tenantId);
    if (purged > 0) logger.info({ purged }, 'purged expired idempotency keys');
  });
  // Report rollups missing (history from before analytics) or cut with an old day start are
  // rebuilt in the background (lib/tenancy, which owns the setting, cannot call analytics).
  every(
    5 * 60_000,
    'rebuild analytics where needed',
    async () => {
      await rebuildWhereNeeded();
    },
    true,
  );
}
