import { and, asc, desc, eq, inArray, ne, sql } from 'drizzle-orm';
import { users } from '@/db/schema/auth';
import { changes, recordAudit, type AuditAction } from '@/lib/platform/audit';
import { withTenant, type Tx } from '@/lib/platform/db';
import { AppError, notFound, pgErrorCode } from '@/lib/platform/errors';
import { getTenantSettings } from '@/lib/tenancy';
import { can, type Role } from './permissions';
import { revokeUserSessions } from './revocation';
import type { AddStaffInput, UpdateStaffInput } from './schemas';
import { sealPinSeed } from './offline-pins';
import { hashSecret } from './secrets';
import { sessionMaxAgeSeconds } from './session';
import type { TenantContext, TenantScope } from './context';


export type StaffMember = {
  id: string;
  name: string;
  email: string;
  role: Role;
  active: boolean;
  hasPin: boolean;
  lastSignInAt: Date | null;
  createdAt: Date;
};

const staffColumns = {
  id: users.id,
  name: users.name,
  email: users.email,
  role: users.role,
  active: users.active,
  hasPin: sql<boolean>`${users.pinHash} is not null`.as('has_pin'),
  lastSignInAt: users.lastSignInAt,
  createdAt: users.createdAt,
};

export async function listStaff({ tenantId }: TenantScope): Promise<StaffMember[]> {
  return withTenant(tenantId, (tx) =>
    tx.select(staffColumns).from(users).orderBy(desc(users.active), asc(users.name)),
  );
}

export async function getStaffMember({ tenantId }: TenantScope, id: string): Promise<StaffMember> {
  const [row] = await withTenant(tenantId, (tx) => tx.select(staffColumns).from(users).where(eq(users.id, id)));
  if (!row) throw notFound('Staff member');
  return row;
}

/** The name of staff member `id` (deactivated ones too: old receipts still name them), or null when there is none. */
/** Names of staff members by id, inside the caller's transaction (a Z report names who opened and closed). */
export async function staffNamesIn(tx: Tx, ids: readonly (string | null)[]): Promise<Record<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => !!id))];
  if (wanted.length === 0) return {};
  const rows = await tx.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, wanted));
  return Object.fromEntries(rows.map((r) => [r.id, r.name]));
}

export async function staffNameOf({ tenantId }: TenantScope, id: string | null): Promise<string | null> {
  if (!id) return null;
  const [row] = await withTenant(tenantId, (tx) => tx.select({ name: users.name }).from(users).where(eq(users.id, id)));
  return row?.name ?? null;
}

type PinStaff = Pick<StaffMember, 'id' | 'name' | 'role'>;

/** Active staff who can be switched to at the register (those with a PIN); in the caller's tenant transaction `tx` when given. */
export async function listPinStaff({ tenantId }: TenantScope, tx?: Tx): Promise<PinStaff[]> {
  const read = (tx: Tx) =>
    tx
      .select({ id: users.id, name: users.name, role: users.role })
      .from(users)
      .where(and(eq(users.active, true), sql`${users.pinHash} is not null`))
      .orderBy(asc(users.name));
  return tx ? read(tx) : withTenant(tenantId, read);
}

/** Who may approve at a register (a discount, a void, a refund, a shift decision): managers and owners with a PIN. */
export async function listApprovers(scope: TenantScope, tx?: Tx): Promise<PinStaff[]> {
  return (await listPinStaff(scope, tx)).filter((s) => s.role === 'manager' || s.role === 'owner');
}

/** staffToSwitchTo from PIN staff and settings already read (the register page reads both in its one transaction). */
export const switchTargetsAmong = (pinStaff: readonly PinStaff[], settings: { pinSwitchToOwner: boolean }, signedInUserId: string | null): PinStaff[] =>
  pinStaff.filter((s) => s.id !== signedInUserId && (s.role !== 'owner' || settings.pinSwitchToOwner));

/**
 * Whom "Switch staff" at a register offers: staff with a PIN other than the one signed in,
 * and owners only where the tenant lets a PIN sign in as an owner (else the PIN sign-in would
 * refuse them anyway).
 */
export async function staffToSwitchTo({ tenantId }: TenantScope, signedInUserId: string | null): Promise<PinStaff[]> {
  const [staff, settings] = await Promise.all([listPinStaff({ tenantId }), getTenantSettings({ tenantId })]);
  return switchTargetsAmong(staff, settings, signedInUserId);
}

function assertMayManage(ctx: TenantContext, targetRole: Role): void {
  if (!can(ctx, 'staff:write')) throw new AppError('forbidden', 'You may not manage staff', undefined, { words: { key: 'staffForbidden' } });
  if (targetRole === 'owner' && !can(ctx, 'staff:manage-owners')) {
    throw new AppError('forbidden', 'Only an owner can add, change or make owners', undefined, { words: { key: 'ownersOnly' } });
  }
}

const duplicateEmail = () =>
  new AppError('conflict', 'A staff member with this email already exists', [{ path: 'email', message: 'Already in use' }], { words: { key: 'emailTaken' }, fieldWords: { email: { key: 'inUse' } } });

/** Inserts a staff member in the caller's transaction (sign-up creates the first owner this way). */
export async function insertStaff(
  tx: Tx,
  tenantId: string,
  input: { id?: string; name: string; email: string; role: Role; passwordHash: string; pinHash?: string | null; pinSeed?: string | null },
): Promise<StaffMember> {
  const [row] = await tx
    .insert(users)
    .values({ tenantId, ...input })
    .returning(staffColumns)
    .catch((err: unknown) => {
      throw pgErrorCode(err) === '23505' ? duplicateEmail() : err;
    });
  return row!;
}

/**
 * A new register PIN: at least the tenant's minimum length (4, or 6 where the owner asks for it).
 * Its argon2id hash checks it online; its sealed seed is what registers' offline verifiers are
 * derived from (offline-pins.ts) — fast to make, so setting a PIN costs what it did.
 */
async function hashPin(tenantId: string, userId: string, pin: string): Promise<{ pinHash: string; pinSeed: string }> {
  const { minPinLength } = await getTenantSettings({ tenantId });
  if (pin.length < minPinLength) {
    throw new AppError('unprocessable', `PINs here have at least ${minPinLength} digits`, [{ path: 'pin', message: `Use ${minPinLength} digits or more` }], { words: { key: 'pinTooShort', values: { minimum: minPinLength } }, fieldWords: { pin: { key: 'pinDigits', values: { minimum: minPinLength } } } });
  }
  const [pinHash, pinSeed] = await Promise.all([hashSecret(pin), sealPinSeed(tenantId, userId, pin)]);
  return { pinHash, pinSeed };
}

export async function addStaff(ctx: TenantContext, input: AddStaffInput): Promise<StaffMember> {
  assertMayManage(ctx, input.role);
  const id = crypto.randomUUID();
  const [passwordHash, pin] = await Promise.all([
    hashSecret(input.password),
    input.pin ? hashPin(ctx.tenantId, id, input.pin) : Promise.resolve({ pinHash: null, pinSeed: null }),
  ]);
  return withTenant(ctx.tenantId, async (tx) => {
    const member = await insertStaff(tx, ctx.tenantId, { id, name: input.name, email: input.email, role: input.role, passwordHash, ...pin });
    await recordAudit(tx, ctx.tenantId, {
      actorUserId: ctx.userId,
      action: 'staff.added',
      entityType: 'user',
      entityId: member.id,
      after: { name: member.name, email: member.email, role: member.role, active: member.active, pin: member.hasPin ? 'set' : 'none' },
    });
    return member;
  });
}

/**
 * Changes a staff member. Rules a shop expects: managers cannot touch owners or make one;
 * the last active owner cannot be demoted or deactivated (the business would be locked out);
 * a role change, deactivation or new password signs the person out everywhere.
 */
export async function updateStaff(ctx: TenantContext, id: string, patch: UpdateStaffInput): Promise<StaffMember> {
  const [passwordHash, pin] = await Promise.all([
    patch.password ? hashSecret(patch.password) : Promise.resolve(undefined),
    patch.pin ? hashPin(ctx.tenantId, id, patch.pin) : Promise.resolve(patch.pin === null ? { pinHash: null, pinSeed: null } : undefined), // null clears, undefined keeps
  ]);
  const { member, signOut } = await withTenant(ctx.tenantId, async (tx) => {
    const [current] = await tx.select(staffColumns).from(users).where(eq(users.id, id)).for('update');
    if (!current) throw notFound('Staff member');
    assertMayManage(ctx, current.role);
    if (patch.role) assertMayManage(ctx, patch.role);

    const losesOwner = current.role === 'owner' && current.active && (patch.active === false || (patch.role && patch.role !== 'owner'));
    if (losesOwner) {
      const [{ others }] = (await tx
        .select({ others: sql<number>`count(*)::int` })
        .from(users)
        .where(and(eq(users.role, 'owner'), eq(users.active, true), ne(users.id, id)))) as [{ others: number }];
      if (others === 0) {
        throw new AppError('unprocessable', 'The business needs at least one active owner; make someone else an owner first', undefined, { words: { key: 'lastOwner' } });
      }
    }

    const [member] = await tx
      .update(users)
      .set({
        ...(patch.name !== undefined && { name: patch.name }),
        ...(patch.role !== undefined && { role: patch.role }),
        ...(patch.active !== undefined && { active: patch.active }),
        ...(pin !== undefined && pin),
        ...(passwordHash !== undefined && { passwordHash }),
        updatedAt: new Date(),
      })
      .where(eq(users.id, id))
      .returning(staffColumns);

    const changed = Object.fromEntries(
      Object.entries({ name: patch.name, role: patch.role, active: patch.active })
        .filter(([k, v]) => v !== undefined && v !== current[k as keyof StaffMember]),
    );
    await recordAudit(tx, ctx.tenantId, { actorUserId: ctx.userId, entityType: 'user', entityId: id, ...staffChange(current, patch) });
    const signOut = 'role' in changed || changed.active === false || passwordHash !== undefined;
    // In this transaction: the row's copy commits with the change, Redis's follows the commit.
    return { member: member!, signOut: signOut ? await revokeUserSessions(tx, ctx.tenantId, id, sessionMaxAgeSeconds()) : undefined };
  });
  await signOut?.();
  return member;
}

/** The PIN as the audit log may show it: whether there is one, and whether it was replaced (never the PIN or its hash). */
const pinState = (hasPin: boolean) => (hasPin ? 'set' : 'none');

/**
 * One audit row for one change of a staff member: before/after of what changed, named for
 * the weightiest part (deactivating over a role change over a PIN over a password).
 */
function staffChange(current: StaffMember, patch: UpdateStaffInput): { action: AuditAction; before: Record<string, unknown>; after: Record<string, unknown>; details: Record<string, unknown> } {
  const pinAfter = patch.pin === undefined ? pinState(current.hasPin) : patch.pin === null ? 'none' : current.hasPin ? 'new' : 'set';
  const { before, after } = changes(
    { name: current.name, role: current.role, active: current.active, pin: pinState(current.hasPin) },
    { name: patch.name ?? current.name, role: patch.role ?? current.role, active: patch.active ?? current.active, pin: pinAfter },
  );
  const action: AuditAction =
    after!.active === false ? 'staff.deactivated'
    : after!.active === true ? 'staff.reactivated'
    : 'role' in after! ? 'staff.role_changed'
    : after!.pin === 'none' ? 'staff.pin_cleared'
    : 'pin' in after! ? 'staff.pin_set'
    : patch.password ? 'staff.password_changed'
    : 'staff.updated';
  return { action, before: before!, after: after!, details: patch.password ? { passwordChanged: true } : {} };
}
