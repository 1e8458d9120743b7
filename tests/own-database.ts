import postgres from 'postgres';
import { closeDatabase } from '@/db/client';
import { resetConfigForTests } from '@/lib/platform/config';
import { TEST_DATABASE, testDatabaseUrl } from './test-database';

/**
 * A scratch Postgres database for one test file alone, a copy of the run's migrated one: `<TEST_DATABASE>_<suffix>`
 * on the server DATABASE_URL names. For tests that need a database no earlier file in the same
 * worker has written to, or one of its own behind a pooler.
 *
 * `use(env)` points this process's app connection at it (closing the old one); `drop()` puts
 * the environment back and removes the database. `migrate: false` leaves it empty (a restore's target).
 */
export async function ownDatabase(suffix: string, { migrate = true }: { migrate?: boolean } = {}) {
  const given = process.env.DATABASE_URL;
  if (!given) throw new Error('ownDatabase needs DATABASE_URL (a real Postgres)');
  const name = `${TEST_DATABASE}_${suffix}`;
  const url = testDatabaseUrl(given, name);
  const admin = () => postgres(testDatabaseUrl(given, 'postgres'), { max: 1, onnotice: () => {} });
  const recreate = admin();
  try {
    await recreate.unsafe(`drop database if exists ${name} with (force)`);
    // The run's migrated scratch database is the template (tests/global-setup.ts); no one is
    // connected to it, each worker works in its own copy.
    await recreate.unsafe(migrate ? `create database ${name} template ${TEST_DATABASE}` : `create database ${name}`);
  } finally {
    await recreate.end();
  }

  const saved = new Map<string, string | undefined>();
  return {
    name,
    url,
    async use(env: Record<string, string>): Promise<void> {
      await closeDatabase();
      for (const [key, value] of Object.entries({ DATABASE_URL: url, ...env })) {
        if (!saved.has(key)) saved.set(key, process.env[key]);
        process.env[key] = value;
      }
      resetConfigForTests();
    },
    async drop(): Promise<void> {
      await closeDatabase();
      for (const [key, value] of saved) {
        if (value === undefined) delete process.env[key];
        else process.env[key] = value;
      }
      resetConfigForTests();
      const dropper = admin();
      try {
        await dropper.unsafe(`drop database if exists ${name} with (force)`);
      } finally {
        await dropper.end();
      }
    },
  };
}
