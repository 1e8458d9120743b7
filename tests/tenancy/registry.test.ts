import { describe, expect, it } from 'vitest';
import { signUpBusiness } from '@/lib/auth';
import { withPlatform } from '@/lib/platform/db';
import { findTenantBySlug, insertTenant, isSlugTaken, listTenantIds } from '@/lib/tenancy/registry';
import { createTenant, PASSWORD, uniqueSlug } from '../helpers';

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

describe('tenant cache', () => {
  it('answers a repeated lookup from the cache', async () => {
    const { tenant } = await createTenant();
    const first = await findTenantBySlug(tenant.slug);
    const second = await findTenantBySlug(tenant.slug);
    expect(second).toBe(first); // the same object: no second query built a new one
    expect(Object.isFrozen(second)).toBe(true);
  });

  it('never keeps a miss: a store signed up after a lookup is found at once', async () => {
    const slug = uniqueSlug();
    expect(await findTenantBySlug(slug)).toBeNull();
    const { tenant } = await signUpBusiness({
      businessName: 'Just Opened',
      slug,
      currency: 'EUR',
      timeZone: 'Europe/Paris',
      ownerName: 'Nia New',
      email: `owner@${slug}.test`,
      password: PASSWORD,
    });
    expect(await findTenantBySlug(slug)).toEqual(tenant);
  });

  it('keeps a sign-up that rolled back out of the cache', async () => {
    const slug = uniqueSlug();
    await expect(
      withPlatform(async (tx) => {
        await insertTenant(tx, { slug, name: 'Never', currency: 'USD', timeZone: 'UTC' });
        throw new Error('owner insert failed');
      }),
    ).rejects.toThrow('owner insert failed');
    expect(await findTenantBySlug(slug)).toBeNull();
  });
});
