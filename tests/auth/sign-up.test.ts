import { eq } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { tenants } from '@/db/schema/tenancy';
import { signUpBusiness, signUpSchema } from '@/lib/auth';
import { withPlatform } from '@/lib/platform/db';
import { findTenantBySlug } from '@/lib/tenancy/registry';
import { PASSWORD, uniqueSlug } from '../helpers';

const input = (slug: string) => ({
  businessName: 'Corner Café',
  slug,
  currency: 'MMK',
  timeZone: 'Asia/Yangon',
  ownerName: 'Aung',
  email: `aung@${slug}.test`,
  password: PASSWORD,
});

describe('sign-up', () => {
  it('creates the business and its owner together', async () => {
    const slug = uniqueSlug('cafe');
    const { tenant, owner } = await signUpBusiness(signUpSchema.parse(input(slug)));
    expect(tenant).toMatchObject({ slug, name: 'Corner Café', currency: 'MMK', timeZone: 'Asia/Yangon' });
    expect(owner).toMatchObject({ role: 'owner', email: `aung@${slug}.test`, active: true });
    expect(await findTenantBySlug(slug)).toEqual(tenant);
  });

  it('refuses a taken address with a field error, leaving the first business untouched', async () => {
    const slug = uniqueSlug('taken');
    await signUpBusiness(input(slug));
    await expect(signUpBusiness({ ...input(slug), email: 'someone@else.test' })).rejects.toMatchObject({
      code: 'conflict',
      details: [{ path: 'slug' }],
    });
    const rows = await withPlatform((tx) => tx.select().from(tenants).where(eq(tenants.slug, slug)));
    expect(rows).toHaveLength(1);
  });

  it('validates slug, currency, time zone and password before anything is written', () => {
    const result = signUpSchema.safeParse({ ...input('admin'), currency: 'XXQ', timeZone: 'Mars/Base', password: 'short' });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.path[0]).sort()).toEqual(['currency', 'password', 'slug', 'timeZone']);
  });

  it('leaves no tenant behind when creating the owner fails', async () => {
    const staff = await import('@/lib/auth/staff');
    const spy = vi.spyOn(staff, 'insertStaff').mockRejectedValueOnce(new Error('disk full'));
    const slug = uniqueSlug('atomic');
    await expect(signUpBusiness(input(slug))).rejects.toThrow('disk full');
    spy.mockRestore();
    expect(await findTenantBySlug(slug)).toBeNull();
    await expect(signUpBusiness(input(slug))).resolves.toMatchObject({ tenant: { slug } });
  });
});
