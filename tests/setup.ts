import { afterAll, beforeAll, inject } from 'vitest';
import { closeDatabase } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { closeLiveEvents } from '@/lib/events/live';
import { databaseSettings } from '@/lib/platform/db';
import { resetConfigForTests } from '@/lib/platform/config';
import { closeRedis } from '@/lib/platform/redis';
import { testDatabaseUrl, workerDatabase, workerRedisUrl } from './test-database';

// Same environment the app would have, minus anything that would reach a user's data.
process.env.NEXTAUTH_SECRET = 'vitest-secret-vitest-secret-vitest-secret-0123';
if (process.env.DATABASE_URL) {
  // This worker's own copy of the migrated database, and its own Redis database: files run at
  // once on real servers share nothing (a dispatcher would lease another file's outbox events).
  process.env.DATABASE_URL = testDatabaseUrl(process.env.DATABASE_URL, workerDatabase());
  if (process.env.REDIS_URL) process.env.REDIS_URL = workerRedisUrl(process.env.REDIS_URL);
} else {
  // Every file has its own in-memory database, loaded from the run's migrated template.
  process.env.PGLITE_DIR = 'memory://';
  const template = inject('pgliteTemplate');
  if (template) process.env.PGLITE_TEMPLATE = template;
}
resetConfigForTests();

beforeAll(async () => {
  // The global setup migrated the database (Postgres) or the template (PGlite); a file run
  // without it (vitest's --no-globalSetup, an editor's single test) migrates its own.
  if (!process.env.DATABASE_URL && !process.env.PGLITE_TEMPLATE) await migrateDatabase(databaseSettings());
});

afterAll(async () => {
  await closeLiveEvents();
  await closeDatabase();
  await closeRedis();
});
