import { contextFor, signUpBusiness, type StaffMember } from '@/lib/auth';
import { createStarterCatalog, type SampleKind } from '@/lib/catalog';
import { logger } from '@/lib/platform/logger';
import { createStarterFloor } from '@/lib/restaurant';
import { insertInitialSettings, type BusinessType, type TenantInfo } from '@/lib/tenancy';
import type { BusinessSignUpInput } from './schemas';

/** The sample catalogs a business type starts with, when the owner asks for one. */
export const SAMPLES_FOR: Record<BusinessType, SampleKind[]> = { restaurant: ['cafe'], shop: ['shop'], both: ['cafe', 'shop'] };

/**
 * Signs a business up with the defaults its type calls for, in the sign-up's one transaction:
 * - settings: the business type, the receipt's address and phone line, and stock tracking on
 *   for new products of a shop (a café's drinks are sellable at once);
 * - a restaurant (or both) gets dine-in: a starter floor of six tables (the register offers
 *   dine-in as soon as a table exists);
 * - the tax class the owner named (the only class is every new product's default), and the
 *   sample catalog when asked for — in the same transaction on Postgres; MongoDB cannot join it,
 *   so there they follow the commit (a failure is logged and the business stands without them).
 */
export async function signUpWithDefaults(input: BusinessSignUpInput): Promise<{ tenant: TenantInfo; owner: StaffMember }> {
  let afterCommit = async () => {};
  const created = await signUpBusiness(input, async (tx, { tenant, owner }) => {
    const type = input.businessType;
    await insertInitialSettings(tx, tenant.id, {
      businessType: type,
      trackStockByDefault: type !== 'restaurant',
      address: input.address,
      phone: input.phone,
    });
    if (type !== 'shop') await createStarterFloor(tx, tenant.id);
    const taxClass = input.taxName && input.taxRate !== null ? { name: input.taxName, rateBasisPoints: input.taxRate } : null;
    afterCommit = await createStarterCatalog(contextFor(tenant, owner), { taxClass, samples: input.sampleCatalog ? SAMPLES_FOR[type] : [] }, tx);
  });
  await afterCommit().catch((err: unknown) => logger.error({ err, tenantId: created.tenant.id }, 'starter catalog not written'));
  return created;
}
