import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import { database, type DatabaseSettings, type Tx } from '@/db/client';
import { config } from './config';
import { AppError } from './errors';
import { metrics, poolTransaction } from './metrics';
import { inSpan } from './tracing';

export type { Tx };

/** Rows of a raw `tx.execute` result: postgres.js returns an array, PGlite `{ rows }`. */
export function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

/** Where the database is, from config: db/ takes it as an argument (migrations, the raw handle). */
export function databaseSettings(): DatabaseSettings {
  const { DATABASE_URL, DATABASE_APP_URL, DATABASE_PREPARE, PGLITE_DIR, PGLITE_TEMPLATE } = config();
  return {
    url: DATABASE_URL,
    appUrl: DATABASE_APP_URL,
    prepare: DATABASE_PREPARE,
    pgliteDir: PGLITE_DIR,
    pgliteTemplate: PGLITE_TEMPLATE,
    onQuery: countQuery,
  };
}

const countQuery = () => metrics().dbQueries.inc();

/** The role every app query runs as: owns no table, no BYPASSRLS (see db/policies.sql). */
const APP_ROLE = 'tillwise_app';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The one way to touch tenant tables: a transaction whose settings (role and tenant) are
 * transaction-local, so they never leak to the next user of a pooled connection. Row-level
 * security then limits every statement inside to `tenantId`'s rows.
 *
 * Do not call withTenant inside another withTenant: pass `tx` down instead (PGlite has a
 * single connection, so a nested transaction would wait for the outer one forever).
 */
export async function withTenant<T>(tenantId: string, fn: (tx: Tx) => Promise<T>): Promise<T> {
  if (!UUID.test(tenantId)) throw new AppError('internal', 'withTenant needs a tenant id');
  return transaction(sql`select set_config('role', ${APP_ROLE}, true), set_config('app.tenant_id', ${tenantId}, true)`, fn, tenantId);
}

const commitCallbacks = new WeakMap<Tx, (() => void)[]>();

/** Runs `fn` once the transaction `tx` has committed (never if it rolls back). */
export function afterCommit(tx: Tx, fn: () => void): void {
  const callbacks = commitCallbacks.get(tx);
  if (callbacks) callbacks.push(fn);
  else commitCallbacks.set(tx, [fn]);
}

/**
 * Rows a transaction gathers and writes in one statement just before it commits (the outbox:
 * a sale's order, stock and payment events in one insert, not three). `rows` answers this
 * transaction's list for `kind`, to push onto; `flush` writes a whole list and is called once per
 * kind at commit, inside the transaction. A savepoint's rows join its parent's when it is
 * released and are dropped with it when it rolls back. Nothing written this way is visible to
 * the transaction's own later reads.
 */
export type DeferredRows<T> = { rows(tx: Tx): T[] };
type Deferred = { flush: (tx: Tx, rows: unknown[]) => Promise<unknown>; byTx: WeakMap<Tx, unknown[]> };
const deferredKinds: Deferred[] = [];
/** Transactions and savepoints this module opened: only these flush deferred rows. */
const flushing = new WeakSet<Tx>();

export function deferredRows<T>(flush: (tx: Tx, rows: T[]) => Promise<unknown>): DeferredRows<T> {
  const kind: Deferred = { flush: flush as Deferred['flush'], byTx: new WeakMap() };
  deferredKinds.push(kind);
  return {
    rows(tx) {
      // Rows pushed for a transaction that never flushes would be lost without a word.
      if (!flushing.has(tx)) throw new AppError('internal', 'deferred rows need a transaction of withTenant, withPlatform or withSavepoint');
      let rows = kind.byTx.get(tx);
      if (!rows) kind.byTx.set(tx, (rows = []));
      return rows as T[];
    },
  };
}

async function flushDeferred(tx: Tx): Promise<void> {
  for (const kind of deferredKinds) {
    const rows = kind.byTx.get(tx);
    if (rows?.length) {
      kind.byTx.delete(tx);
      await kind.flush(tx, rows);
    }
  }
}

/**
 * A savepoint in `tx`: if `fn` throws, only its work is undone and the transaction goes on.
 * What `fn` registers with afterCommit waits for the outer commit, and its deferred rows join
 * the outer transaction's.
 */
export async function withSavepoint<T>(tx: Tx, fn: (sp: Tx) => Promise<T>): Promise<T> {
  let released: Tx | undefined;
  const value = await tx.transaction(async (sp) => {
    flushing.add(sp);
    const result = await fn(sp);
    released = sp;
    return result;
  });
  if (!released) return value;
  for (const callback of commitCallbacks.get(released) ?? []) afterCommit(tx, callback);
  for (const kind of deferredKinds) {
    const rows = kind.byTx.get(released);
    if (rows?.length) kind.byTx.set(tx, [...(kind.byTx.get(tx) ?? []), ...rows]);
  }
  return value;
}

/**
 * How long a transaction may wait to start on Postgres (a pooled connection and its BEGIN).
 * After Postgres restarts, postgres.js 3.4.9 can leave a BEGIN queued during the outage
 * unanswered for ever (tests/faults/postgres-restart.test.ts, docs/faults.md): without a bound
 * that request hangs. Far above a busy pool's wait; PGlite (one connection, a queue by design)
 * is not bounded.
 */
const BEGIN_TIMEOUT_MS = 10_000;

/**
 * `start()`, but on Postgres a 503 once BEGIN_TIMEOUT_MS pass without an answer; what it does
 * after that is nobody's. `start` may call `answered()` once the database has answered, to stop
 * the clock: false means the caller already has its 503.
 */
async function boundedOnPostgres<T>(kind: 'postgres' | 'pglite', start: (answered: () => boolean) => Promise<T>): Promise<T> {
  if (kind !== 'postgres') return start(() => true);
  let timer: NodeJS.Timeout | undefined;
  let gaveUp = false;
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      gaveUp = true;
      reject(new AppError('unavailable', 'The database is not answering right now. Try again in a moment.'));
    }, BEGIN_TIMEOUT_MS);
  });
  const answered = () => {
    clearTimeout(timer);
    return !gaveUp;
  };
  const run = start(answered);
  run.catch(() => {}); // once given up on, its late failure is nobody's
  try {
    return await Promise.race([run, timedOut]);
  } finally {
    clearTimeout(timer);
  }
}

/** One span per transaction, from asking for a connection to its commit (none per statement: the hot path). */
function transaction<T>(setup: SQL, fn: (tx: Tx) => Promise<T>, tenantId?: string): Promise<T> {
  return inSpan('db.transaction', (span) => {
    if (span.isRecording()) span.setAttributes({ 'db.system.name': 'postgresql', ...(tenantId && { 'tenant.id': tenantId }) });
    return untracedTransaction(setup, fn);
  });
}

async function untracedTransaction<T>(setup: SQL, fn: (tx: Tx) => Promise<T>): Promise<T> {
  const { db, kind } = await database(databaseSettings());
  let committed: Tx | undefined;
  // Only the start is bounded: a transaction under way takes as long as its work.
  const result = await boundedOnPostgres(kind, (answered) =>
    poolTransaction((body: (tx: Tx) => Promise<T>) => db.transaction(body), async (tx) => {
      // A BEGIN answered after its caller got a 503 must not do the caller's work behind its back.
      if (!answered()) throw new AppError('unavailable', 'transaction started after its caller gave up');
      await tx.execute(setup);
      flushing.add(tx);
      const value = await fn(tx);
      await flushDeferred(tx);
      committed = tx;
      return value;
    }),
  );
  for (const callback of (committed && commitCallbacks.get(committed)) ?? []) callback();
  return result;
}

/**
 * A transaction with no tenant set: tenant tables show no rows and reject writes. Only the
 * platform registry (lib/tenancy/registry.ts) uses it, to read and create tenants, and
 * claimOutboxBatch below.
 */
export async function withPlatform<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
  return transaction(sql`select set_config('role', ${APP_ROLE}, true), set_config('app.tenant_id', '', true)`, fn);
}

/**
 * Leases up to `batch` due outbox events of every tenant for `leaseSeconds` and returns only
 * their keys. Finding them needs to see past RLS, which only the definer function
 * `claim_outbox_batch` (db/policies.sql) may; reading and marking each event is withTenant's.
 */
export async function claimOutboxBatch(batch: number, leaseSeconds: number): Promise<{ tenantId: string; id: string }[]> {
  const result = await withPlatform((tx) =>
    tx.execute(sql`select tenant_id as "tenantId", id from claim_outbox_batch(${batch}, ${leaseSeconds})`),
  );
  return rowsOf<{ tenantId: string; id: string }>(result);
}

/**
 * The functions of db/policies.sql that set the role and tenant themselves, from their first
 * argument, with set_config(…, true): only these may run through callTenantFunction.
 */
export type TenantFunction = 'idempotency_claim' | 'idempotency_complete' | 'idempotency_release';

/**
 * One statement for `tenantId`, in no transaction of its own: `select * from fn(tenantId, …args)`.
 * A statement outside an explicit transaction is its own transaction, so the settings the
 * function makes end with it and never reach the next user of the pooled connection (or of
 * PGlite's one connection, where the statement waits for any open transaction to end first).
 * 1 statement where withTenant costs 3 more (begin, set_config, commit). Only for the functions
 * named in TenantFunction: any other SQL here would run without a tenant, and on PGlite as a
 * superuser. Bounded on Postgres like a transaction's start (boundedOnPostgres); a statement
 * answered after its caller got the 503 may still have run.
 */
export async function callTenantFunction<T>(fn: TenantFunction, tenantId: string, args: unknown[]): Promise<T[]> {
  if (!UUID.test(tenantId)) throw new AppError('internal', 'callTenantFunction needs a tenant id');
  const { db, kind } = await database(databaseSettings());
  const call = sql`select * from ${sql.identifier(fn)}(${sql.join([tenantId, ...args].map((a) => sql`${a}`), sql`, `)})`;
  // Counted in use from request to answer: postgres.js does not say when it got a connection.
  const pool = metrics().dbPool;
  pool.inUse++;
  try {
    return rowsOf<T>(await boundedOnPostgres(kind, () => Promise.resolve(db.execute(call))));
  } finally {
    pool.inUse--;
  }
}

/** Inside a platform transaction that just created a tenant, act as that tenant (sign-up). */
export async function enterTenant(tx: Tx, tenantId: string): Promise<void> {
  if (!UUID.test(tenantId)) throw new AppError('internal', 'enterTenant needs a tenant id');
  await tx.execute(sql`select set_config('app.tenant_id', ${tenantId}, true)`);
}

/** Readiness probe: one round trip as the app role. */
export async function pingDatabase(): Promise<void> {
  await withPlatform((tx) => tx.execute(sql`select 1`));
}

/**
 * The tenants with webhook deliveries due at `at` (the webhook worker's clock), at most `cap`:
 * only the definer function `webhook_tenants_due` (db/policies.sql) sees past RLS to find them;
 * leasing and sending each tenant's deliveries is withTenant's.
 */
export async function webhookTenantsDue(at: Date, cap: number): Promise<string[]> {
  const result = await withPlatform((tx) => tx.execute(sql`select tenant_id as "tenantId" from webhook_tenants_due(${at.toISOString()}::timestamptz, ${cap})`));
  return rowsOf<{ tenantId: string }>(result).map((r) => r.tenantId);
}
