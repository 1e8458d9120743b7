import { appendEvents } from '@/lib/events';
import { recordAudit } from '@/lib/platform/audit';
import { enterTenant, withPlatform, type Tx } from '@/lib/platform/db';
import { AppError, pgErrorCode } from '@/lib/platform/errors';
import { insertTenant, type TenantInfo } from '@/lib/tenancy';
import type { SignUpInput } from './schemas';
import { hashSecret } from './secrets';
import { insertStaff, type StaffMember } from './staff';

/**
 * Creates a business and its owner in one transaction: either both exist afterwards or
 * neither does (a half-created tenant would hold its slug forever with nobody to sign in).
 */
export async function signUpBusiness(
  input: SignUpInput,
  /** The business's first-day set-up (lib/onboarding), in the same transaction, with the tenant set. */
  setUp?: (tx: Tx, created: { tenant: TenantInfo; owner: StaffMember }) => Promise<void>,
): Promise<{ tenant: TenantInfo; owner: StaffMember }> {
  const passwordHash = await hashSecret(input.password);
  try {
    return await withPlatform(async (tx) => {
      const tenant = await insertTenant(tx, {
        slug: input.slug,
        name: input.businessName,
        currency: input.currency,
        timeZone: input.timeZone,
      });
      await enterTenant(tx, tenant.id);
      const owner = await insertStaff(tx, tenant.id, { name: input.ownerName, email: input.email, role: 'owner', passwordHash });
      await appendEvents(tx, tenant.id, [{ type: 'TenantCreated', payload: { slug: tenant.slug, name: tenant.name } }]);
      await recordAudit(tx, tenant.id, {
        actorUserId: owner.id,
        action: 'tenant.created',
        entityType: 'tenant',
        entityId: tenant.id,
        details: { slug: tenant.slug, name: tenant.name },
      });
      await setUp?.(tx, { tenant, owner });
      return { tenant, owner };
    });
  } catch (err) {
    if (pgErrorCode(err) === '23505') {
      throw new AppError('conflict', 'This address is already taken', [{ path: 'slug', message: 'This address is already taken' }], { words: { key: 'addressTaken' }, fieldWords: { slug: { key: 'addressTaken' } } });
    }
    throw err;
  }
}
