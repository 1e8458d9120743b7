import { eq } from 'drizzle-orm';
import { tenants } from '@/db/schema/tenancy';
import { withPlatform, type Tx } from '@/lib/platform/db';

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

export async function findTenantBySlug(slug: string): Promise<TenantInfo | null> {
  if (!/^[a-z0-9-]{1,63}$/.test(slug)) return null;
  const [row] = await withPlatform((tx) => tx.select(publicColumns).from(tenants).where(eq(tenants.slug, slug)));
  return row ?? null;
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
  return row!;
}

/** Every tenant id, for platform jobs that run per tenant (e.g. purging expired keys). */
export async function listTenantIds(): Promise<string[]> {
  const rows = await withPlatform((tx) => tx.select({ id: tenants.id }).from(tenants));
  return rows.map((r) => r.id);
}
