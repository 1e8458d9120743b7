import { afterAll, beforeAll } from 'vitest';
import { closeDatabase } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { closeLiveEvents } from '@/lib/events/live';
import { databaseSettings } from '@/lib/platform/db';
import { resetConfigForTests } from '@/lib/platform/config';
import { closeRedis } from '@/lib/platform/redis';
import { testDatabaseUrl } from './test-database';

// Same environment the app would have, minus anything that would reach a user's data.
process.env.NEXTAUTH_SECRET = 'vitest-secret-vitest-secret-vitest-secret-0123';
if (process.env.DATABASE_URL) process.env.DATABASE_URL = testDatabaseUrl(process.env.DATABASE_URL);
else process.env.PGLITE_DIR = 'memory://';
resetConfigForTests();

beforeAll(async () => {
  // On Postgres the global setup migrated already; on PGlite every file has a fresh database.
  if (!process.env.DATABASE_URL) await migrateDatabase(databaseSettings());
});

afterAll(async () => {
  await closeLiveEvents();
  await closeDatabase();
  await closeRedis();
});
