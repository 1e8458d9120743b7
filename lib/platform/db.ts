import { sql } from 'drizzle-orm';
import { database, type Tx } from '@/db/client';
import { AppError } from './errors';

export type { Tx };

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
  const { db } = await database();
  return db.transaction(async (tx) => {
    await tx.execute(
      sql`select set_config('role', ${APP_ROLE}, true), set_config('app.tenant_id', ${tenantId}, true)`,
    );
    return fn(tx);
  });
}

/**
 * A transaction with no tenant set: tenant tables show no rows and reject writes. Only the
 * platform registry (lib/tenancy/registry.ts) uses it, to read and create tenants.
 */
export async function withPlatform<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
  const { db } = await database();
  return db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('role', ${APP_ROLE}, true), set_config('app.tenant_id', '', true)`);
    return fn(tx);
  });
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
