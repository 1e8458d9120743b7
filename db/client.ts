import { mkdir, readFile } from 'node:fs/promises';
import type { PGlite } from '@electric-sql/pglite';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
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

/**
 * Where the database is, passed in by the caller (lib/platform/db.ts reads it from config):
 * db/ is the ground floor and imports nothing from lib/.
 */
export type DatabaseSettings = {
  /** The owner's Postgres URL; unset means the embedded PGlite in `pgliteDir`. */
  url?: string;
  /** The app's own login; defaults to `url` with the user `tillwise_app`. */
  appUrl?: string;
  pgliteDir: string;
  /**
   * A PGlite data-directory tarball (`dumpDataDir`) a `memory://` database starts from instead
   * of running initdb: the test suite migrates one once and every test file loads it (≈ 4 s less
   * per file on 2 cores).
   */
  pgliteTemplate?: string;
  /**
   * Named prepared statements on the app's connection (default true). A transaction pooler hands
   * each transaction to any server connection, where a statement prepared on another does not
   * exist: PgBouncer 1.18 answers `prepared statement "…" does not exist`. `false` sends every
   * query unnamed (parse, bind, execute in one go), which any pooler carries.
   */
  prepare?: boolean;
  /** Called once per statement sent to Postgres (the SQL round-trip count in /api/metrics). */
  onQuery?: (statement: string) => void;
};

const globalForDb = globalThis as typeof globalThis & { __tillwiseDb?: Promise<DatabaseHandle> };

/** One handle per process: the first call opens it with its settings, later calls share it. */
export function database(settings: DatabaseSettings): Promise<DatabaseHandle> {
  globalForDb.__tillwiseDb ??= open(settings).catch((err) => {
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
export function appDatabaseUrl({ url: ownerUrl, appUrl }: DatabaseSettings): string {
  if (appUrl) return appUrl;
  if (!ownerUrl) throw new Error('DATABASE_URL is not set');
  const url = new URL(ownerUrl);
  url.username = 'tillwise_app';
  url.password = '';
  return url.toString();
}

async function open(settings: DatabaseSettings): Promise<DatabaseHandle> {
  if (settings.url) {
    const { default: postgres } = await import('postgres');
    const { drizzle } = await import('drizzle-orm/postgres-js');
    const { onQuery, prepare = true } = settings;
    const client = postgres(appDatabaseUrl(settings), { max: 10, prepare, onnotice: () => {}, ...(onQuery && { debug: (_connection: number, statement: string) => onQuery(statement) }) });
    return {
      kind: 'postgres',
      db: drizzle(client, { schema }) as unknown as Db,
      close: () => client.end(),
    };
  }
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  const { pgliteDir, pgliteTemplate } = settings;
  const inMemory = pgliteDir.startsWith('memory://');
  if (!inMemory) await mkdir(pgliteDir, { recursive: true });
  const loadDataDir = inMemory && pgliteTemplate ? new Blob([await readFile(pgliteTemplate)]) : undefined;
  const client = await PGlite.create(pgliteDir, { loadDataDir });
  return {
    kind: 'pglite',
    client,
    db: drizzle(client, { schema }) as unknown as Db,
    close: () => client.close(),
  };
}
