import { eq } from 'drizzle-orm';
import { tenants } from '@/db/schema/tenancy';
import { afterCommit, withPlatform, type Tx } from '@/lib/platform/db';

/**
 * The narrow platform path to the tenants table (no RLS: it is the list of tenants itself).
 * Reads return only public fields; writes happen inside the caller's platform transaction.
 */
export type TenantInfo = { id: string; slug: string; name: string; currency: string; timeZone: string };

const publicColumns = {
  id: tenants.id,
  slug: tenants.slug,
  name: tenants.name,
  currency: tenants.currency,
  timeZone: tenants.timeZone,
};

/**
 * Every request resolves its host's tenant, so found tenants are kept per process for a
 * minute. Only hits are kept: a slug unknown here may have just signed up on another instance,
 * and caching that miss would 404 the new store's first page. A hit cannot go stale, as
 * tenants rows are never updated or deleted (db/policies.sql revokes both); the TTL bounds how
 * long a change made behind the app's back (by an operator) can take to show.
 */
const TENANT_TTL_MS = 60_000;
const bySlug = new Map<string, { tenant: TenantInfo; expires: number }>();

function remember(tenant: TenantInfo): TenantInfo {
  const frozen = Object.freeze({ ...tenant }); // shared by every request: nobody may change it
  bySlug.set(tenant.slug, { tenant: frozen, expires: Date.now() + TENANT_TTL_MS });
  return frozen;
}

export async function findTenantBySlug(slug: string): Promise<TenantInfo | null> {
  if (!/^[a-z0-9-]{1,63}$/.test(slug)) return null;
  const cached = bySlug.get(slug);
  if (cached && cached.expires > Date.now()) return cached.tenant;
  const [row] = await withPlatform((tx) => tx.select(publicColumns).from(tenants).where(eq(tenants.slug, slug)));
  if (!row) {
    bySlug.delete(slug);
    return null;
  }
  return remember(row);
}

export async function isSlugTaken(slug: string): Promise<boolean> {
  return (await findTenantBySlug(slug)) !== null;
}

/** Inserts a tenant in the caller's platform transaction (sign-up adds its owner in the same one). */
export async function insertTenant(
  tx: Tx,
  input: { slug: string; name: string; currency: string; timeZone: string },
): Promise<TenantInfo> {
  const [row] = await tx.insert(tenants).values(input).returning(publicColumns);
  afterCommit(tx, () => remember(row!)); // the new store's first request here is a hit (and never a stale miss)
  return row!;
}

/** Every tenant id, for platform jobs that run per tenant (e.g. purging expired keys). */
export async function listTenantIds(): Promise<string[]> {
  const rows = await withPlatform((tx) => tx.select({ id: tenants.id }).from(tenants));
  return rows.map((r) => r.id);
}
