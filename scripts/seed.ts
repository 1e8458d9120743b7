// npm run db:seed — migrates, then adds the demo tenants (idempotent).
import { closeDatabase } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { databaseSettings } from '@/lib/platform/db';
import { closeLiveEvents } from '@/lib/events/live';
import { closeRedis } from '@/lib/platform/redis';
import { seedDemo } from './seed/seed';

migrateDatabase(databaseSettings())
  .then(seedDemo)
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
