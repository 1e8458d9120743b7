import { migrateDatabase } from '@/db/migrate';
import { listTenantIds } from '@/lib/tenancy/registry';
import { config } from './config';
import { purgeExpiredIdempotencyKeys } from './idempotency';
import { every } from './jobs';
import { logger } from './logger';

const HOUR = 3600_000;

/** Fails fast on bad configuration, brings the schema up to date, starts periodic jobs. */
export async function startServer(): Promise<void> {
  const { ROOT_DOMAIN, DATABASE_URL } = config();
  await migrateDatabase();
  logger.info({ rootDomain: ROOT_DOMAIN, database: DATABASE_URL ? 'postgres' : 'pglite' }, 'tillwise ready');
  every(HOUR, 'purge expired idempotency keys', async () => {
    let purged = 0;
    for (const tenantId of await listTenantIds()) purged += await purgeExpiredIdempotencyKeys(tenantId);
    if (purged > 0) logger.info({ purged }, 'purged expired idempotency keys');
  });
}
