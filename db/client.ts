import { mkdir } from 'node:fs/promises';
import type { PGlite } from '@electric-sql/pglite';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { config } from '@/lib/platform/config';
import * as schema from './schema';

/**
 * The raw database handle. Only lib/platform/db.ts (withTenant / withPlatform), db/migrate.ts
 * and readiness checks may use it — tests/platform/architecture.test.ts enforces that — because
 * queries made on it directly run without a tenant and, on PGlite, as a superuser.
 */
export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;

export type DatabaseHandle = {
  db: Db;
  close(): Promise<void>;
} & ({ kind: 'postgres' } | { kind: 'pglite'; client: PGlite });

const globalForDb = globalThis as typeof globalThis & { __tillwiseDb?: Promise<DatabaseHandle> };

export function database(): Promise<DatabaseHandle> {
  globalForDb.__tillwiseDb ??= open().catch((err) => {
    globalForDb.__tillwiseDb = undefined;
    throw err;
  });
  return globalForDb.__tillwiseDb;
}

export async function closeDatabase(): Promise<void> {
  const handle = globalForDb.__tillwiseDb;
  globalForDb.__tillwiseDb = undefined;
  if (handle) await (await handle).close();
}

/** The app's own connection: the owner URL with the login role `tillwise_app` unless given. */
export function appDatabaseUrl(): string {
  const { DATABASE_URL, DATABASE_APP_URL } = config();
  if (DATABASE_APP_URL) return DATABASE_APP_URL;
  if (!DATABASE_URL) throw new Error('DATABASE_URL is not set');
  const url = new URL(DATABASE_URL);
  url.username = 'tillwise_app';
  url.password = '';
  return url.toString();
}

async function open(): Promise<DatabaseHandle> {
  const { DATABASE_URL, PGLITE_DIR } = config();
  if (DATABASE_URL) {
    const { default: postgres } = await import('postgres');
    const { drizzle } = await import('drizzle-orm/postgres-js');
    const client = postgres(appDatabaseUrl(), { max: 10, onnotice: () => {} });
    return {
      kind: 'postgres',
      db: drizzle(client, { schema }) as unknown as Db,
      close: () => client.end(),
    };
  }
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  if (!PGLITE_DIR.startsWith('memory://')) await mkdir(PGLITE_DIR, { recursive: true });
  const client = await PGlite.create(PGLITE_DIR);
  return {
    kind: 'pglite',
    client,
    db: drizzle(client, { schema }) as unknown as Db,
    close: () => client.close(),
  };
}
