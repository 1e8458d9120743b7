import postgres from 'postgres';
import { TEST_DATABASE, testDatabaseUrl } from './test-database';

/** With a real Postgres: drop and recreate the scratch database, then migrate it once. */
export default async function globalSetup(): Promise<void> {
  const given = process.env.DATABASE_URL;
  if (!given) return;
  const admin = postgres(testDatabaseUrl(given, 'postgres'), { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`drop database if exists ${TEST_DATABASE} with (force)`);
    await admin.unsafe(`create database ${TEST_DATABASE}`);
  } finally {
    await admin.end();
  }
  process.env.DATABASE_URL = testDatabaseUrl(given);
  const { migrateDatabase } = await import('@/db/migrate');
  const { databaseSettings } = await import('@/lib/platform/db');
  await migrateDatabase(databaseSettings());
  const { closeDatabase } = await import('@/db/client');
  await closeDatabase();
}
