import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import type { TestProject } from 'vitest/node';
import { TEST_DATABASE, testDatabaseUrl, workerDatabase } from './test-database';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The migrated PGlite data directory every test file's in-memory database starts from. */
    pgliteTemplate?: string;
  }
}

/**
 * Migrates once for the whole run. With a real Postgres: drop and recreate the scratch database,
 * migrate it, and copy it (`create database … template`) into one database per worker. On
 * PGlite: migrate an in-memory database and dump its data directory, which each test file then
 * loads instead of running initdb and the migrations again.
 */
export default async function globalSetup(project: TestProject): Promise<(() => Promise<void>) | void> {
  const given = process.env.DATABASE_URL;
  if (!given) return pgliteTemplate(project);
  const workers = Array.from({ length: project.config.maxWorkers }, (_, i) => workerDatabase(String(i + 1)));
  const admin = postgres(testDatabaseUrl(given, 'postgres'), { max: 1, onnotice: () => {} });
  try {
    for (const name of [TEST_DATABASE, ...workers]) await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.unsafe(`create database ${TEST_DATABASE}`);
    process.env.DATABASE_URL = testDatabaseUrl(given);
    await migrated();
    for (const name of workers) await admin.unsafe(`create database ${name} template ${TEST_DATABASE}`);
  } finally {
    await admin.end();
  }
}

async function pgliteTemplate(project: TestProject): Promise<() => Promise<void>> {
  process.env.PGLITE_DIR = 'memory://';
  const dump = await migrated(async (h) => {
    if (h.kind !== 'pglite') throw new Error('expected the embedded database');
    return h.client.dumpDataDir('none');
  });
  const dir = await mkdtemp(path.join(tmpdir(), 'tillwise-vitest-'));
  const file = path.join(dir, 'pglite.tar');
  await writeFile(file, Buffer.from(await dump.arrayBuffer()));
  project.provide('pgliteTemplate', file);
  return () => rm(dir, { recursive: true, force: true });
}

/** Runs the app's own migration step on the configured database, then `then` with its handle. */
async function migrated<T>(then?: (handle: import('@/db/client').DatabaseHandle) => Promise<T>): Promise<T> {
  const { migrateDatabase } = await import('@/db/migrate');
  const { databaseSettings } = await import('@/lib/platform/db');
  const { closeDatabase, database } = await import('@/db/client');
  try {
    await migrateDatabase(databaseSettings());
    return (await then?.(await database(databaseSettings()))) as T;
  } finally {
    await closeDatabase();
  }
}
