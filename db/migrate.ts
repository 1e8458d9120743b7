import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { database, type DatabaseSettings } from './client';

const migrationsFolder = path.join(process.cwd(), 'db/migrations');
/** Serialises migration runs of several app instances starting at once (any constant works). */
const MIGRATION_LOCK = 7_311_902_118;

/**
 * Applies drizzle-kit's SQL migrations, then db/policies.sql (role, grants, forced RLS), as the
 * database owner. Safe to run at every start: both steps are idempotent.
 */
export async function migrateDatabase(settings: DatabaseSettings): Promise<void> {
  const policies = await readFile(path.join(process.cwd(), 'db/policies.sql'), 'utf8');
  const { url } = settings;
  if (!url) {
    const handle = await database(settings);
    if (handle.kind !== 'pglite') throw new Error('expected the embedded database');
    const { migrate } = await import('drizzle-orm/pglite/migrator');
    const { drizzle } = await import('drizzle-orm/pglite');
    await migrate(drizzle(handle.client), { migrationsFolder });
    await handle.client.exec(policies);
    return;
  }
  await ensureDatabaseExists(url);
  const { default: postgres } = await import('postgres');
  const { migrate } = await import('drizzle-orm/postgres-js/migrator');
  const { drizzle } = await import('drizzle-orm/postgres-js');
  const owner = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await owner`select pg_advisory_lock(${MIGRATION_LOCK})`;
    await migrate(drizzle(owner), { migrationsFolder });
    await owner.unsafe(policies);
  } finally {
    await owner.end(); // closing the session releases the advisory lock
  }
}

/** A fresh machine has the server but not our database: create it through `postgres`. */
async function ensureDatabaseExists(url: string): Promise<void> {
  const { default: postgres } = await import('postgres');
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  if (!name || name === 'postgres') return;
  target.pathname = '/postgres';
  const admin = postgres(target.toString(), { max: 1, onnotice: () => {} });
  try {
    const rows = await admin`select 1 from pg_database where datname = ${name}`;
    if (rows.length === 0) {
      await admin.unsafe(`create database "${name.replaceAll('"', '""')}"`).catch((err: { code?: string }) => {
        // Created by a concurrent starter (two instances on an empty server): Postgres reports it
        // as 42P04, or as 23505 on pg_database's name index when both inserts race.
        if (err.code !== '42P04' && err.code !== '23505') throw err;
      });
    }
  } finally {
    await admin.end();
  }
}
