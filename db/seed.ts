import { addStaff, signUpBusiness, updateStaff } from '@/lib/auth';
import { findTenantBySlug } from '@/lib/tenancy/registry';
import { logger } from '@/lib/platform/logger';

export const DEMO_PASSWORD = 'tillwise-demo';

/** The demo businesses everyone can try; listed in the README and printed by `npm run demo`. */
export const DEMO_TENANTS = [
  { slug: 'demo', businessName: 'Golden Cup Tea House', currency: 'MMK', timeZone: 'Asia/Yangon', domain: 'demo.test', kind: 'café' },
  { slug: 'acme', businessName: 'Acme Hardware & Supply', currency: 'USD', timeZone: 'America/New_York', domain: 'acme.test', kind: 'shop' },
] as const;

export const DEMO_STAFF = [
  { role: 'owner', name: 'Daw Aye Aye', pin: '1111' },
  { role: 'manager', name: 'Ko Min Thu', pin: '2222' },
  { role: 'cashier', name: 'Ma Su Su', pin: '3333' },
] as const;

/** Creates the demo tenants and staff; a tenant that already exists is left as it is. */
export async function seedDemo(): Promise<void> {
  for (const t of DEMO_TENANTS) {
    if (await findTenantBySlug(t.slug)) continue;
    const [owner, ...others] = DEMO_STAFF;
    const { tenant, owner: ownerRow } = await signUpBusiness({
      businessName: t.businessName,
      slug: t.slug,
      currency: t.currency,
      timeZone: t.timeZone,
      ownerName: owner.name,
      email: `owner@${t.domain}`,
      password: DEMO_PASSWORD,
    });
    const actor = { tenantId: tenant.id, userId: ownerRow.id, role: 'owner' as const };
    await updateStaff(actor, ownerRow.id, { pin: owner.pin });
    for (const s of others) {
      await addStaff(actor, { name: s.name, email: `${s.role}@${t.domain}`, role: s.role, password: DEMO_PASSWORD, pin: s.pin });
    }
    logger.info({ tenant: t.slug }, 'seeded demo tenant');
  }
}
