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
 * SEED_HISTORY_DAYS (default 60) is how many days of past orders each business gets: the browser
 * tests look at a week at most, and a fortnight seeds in a quarter of the time.
 */
const historyDays = process.env.SEED_HISTORY_DAYS ? Number(process.env.SEED_HISTORY_DAYS) : undefined;
if (historyDays !== undefined && !(Number.isInteger(historyDays) && historyDays >= 0)) throw new Error('SEED_HISTORY_DAYS: a whole number of days');
const twins = (process.env.SEED_TWINS ?? '').split(',').filter(Boolean);

migrateDatabase(databaseSettings())
  .then(() => seedDemo({ historyDays }))
  .then(async () => {
    for (const slug of twins) await seedDemoTenant({ ...DEMO_TENANTS[0], slug, domain: `${slug}.test`, historyDays });
  })
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
