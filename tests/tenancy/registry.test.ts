import { describe, expect, it } from 'vitest';
import { findTenantBySlug, isSlugTaken, listTenantIds } from '@/lib/tenancy/registry';
import { createTenant } from '../helpers';

/** The platform path: the only reader of the tenants table. */
describe('tenant registry', () => {
  it('finds a tenant by slug with public fields only', async () => {
    const { tenant } = await createTenant();
    const found = await findTenantBySlug(tenant.slug);
    expect(found).toEqual({ id: tenant.id, slug: tenant.slug, name: tenant.name, currency: 'USD', timeZone: 'UTC' });
    expect(await isSlugTaken(tenant.slug)).toBe(true);
    expect(await listTenantIds()).toContain(tenant.id);
  });

  it('answers null for unknown or malformed slugs without querying odd input', async () => {
    expect(await findTenantBySlug('no-such-tenant')).toBeNull();
    expect(await findTenantBySlug("x' or '1'='1")).toBeNull();
    expect(await findTenantBySlug('a.b')).toBeNull();
    expect(await findTenantBySlug('')).toBeNull();
  });
});
