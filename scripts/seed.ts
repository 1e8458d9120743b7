// npm run db:seed — migrates, then adds the demo tenants (idempotent).
import { closeDatabase } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { databaseSettings } from '@/lib/platform/db';
import { closeLiveEvents } from '@/lib/events/live';
import { closeRedis } from '@/lib/platform/redis';
import { DEMO_TENANTS, seedDemo, seedDemoTenant } from './seed/seed';

/**
 * SEED_TWINS=demo2,demo3 also seeds copies of the demo café under those slugs (staff at
 * <role>@<slug>.test): the browser tests give each Playwright worker a café of its own.
 */
async function seedTwins(): Promise<void> {
  const twins = (process.env.SEED_TWINS ?? '').split(',').filter(Boolean);
  for (const slug of twins) await seedDemoTenant({ ...DEMO_TENANTS[0], slug, domain: `${slug}.test` });
}

migrateDatabase(databaseSettings())
  .then(seedDemo)
  .then(seedTwins)
  .then(() => console.log('Demo data is in place.'))
  .catch((err) => {
    console.error(err);
    process.exitCode = 1;
  })
  .finally(async () => {
    await closeLiveEvents(); // seeding appends events: their Redis wake-up connections must close too
    await closeDatabase();
    await closeRedis();
  });
