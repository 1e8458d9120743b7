import { createHash, randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { users } from '@/db/schema/auth';
import { withTenant } from '@/lib/platform/db';
import { AppError } from '@/lib/platform/errors';
import { platformKey, redis } from '@/lib/platform/redis';
import { clearFailures, lockedForSeconds, recordFailure, type LockSubject } from './lockout';
import { can, type Permission, type Role } from './permissions';
import { decoyHash, verifySecret } from './secrets';

/** The identity a successful sign-in yields; next-auth turns it into session claims. */
export type SignedInUser = { id: string; tenantId: string; role: Role; name: string; email: string };

const userColumns = {
  id: users.id,
  tenantId: users.tenantId,
  role: users.role,
  name: users.name,
  email: users.email,
  active: users.active,
  passwordHash: users.passwordHash,
  pinHash: users.pinHash,
};

function lockedError(seconds: number): AppError {
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  return new AppError('locked', `Too many failed attempts. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`);
}

/**
 * Shared shape of password and PIN checks: refuse while locked, compare against the stored
 * hash (or a decoy, so unknown accounts take as long), count failures, clear them on success.
 */
async function verifyAgainst(
  tenantId: string,
  subject: LockSubject,
  find: () => Promise<(SignedInUser & { active: boolean; hash: string | null }) | undefined>,
  secret: string,
  wrongMessage: string,
  signsIn = true,
): Promise<SignedInUser> {
  const locked = await lockedForSeconds(tenantId, subject);
  if (locked) throw lockedError(locked);
  const user = await find();
  const matches = await verifySecret(user?.hash ?? (await decoyHash()), secret);
  if (!user || !user.hash || !matches) {
    if (await recordFailure(tenantId, subject)) throw lockedError(await lockedForSeconds(tenantId, subject));
    throw new AppError('unauthorized', wrongMessage);
  }
  if (!user.active) throw new AppError('forbidden', 'This account is deactivated. Ask an owner or manager.');
  await clearFailures(tenantId, subject);
  if (signsIn) await withTenant(tenantId, (tx) => tx.update(users).set({ lastSignInAt: new Date() }).where(eq(users.id, user.id)));
  return { id: user.id, tenantId: user.tenantId, role: user.role, name: user.name, email: user.email };
}

export function verifyPasswordSignIn(tenantId: string, email: string, password: string): Promise<SignedInUser> {
  return verifyAgainst(
    tenantId,
    { kind: 'email', email },
    async () => {
      const [u] = await withTenant(tenantId, (tx) => tx.select(userColumns).from(users).where(eq(users.email, email)));
      return u && { ...u, hash: u.passwordHash };
    },
    password,
    'Wrong email or password.',
  );
}

export function verifyPinSignIn(tenantId: string, userId: string, pin: string): Promise<SignedInUser> {
  return verifyPin(tenantId, userId, pin, true);
}

/**
 * A manager's approval at the register (a discount above the limit, a void, a refund): the
 * manager's PIN, with the same lockout, and a role that `can(permission)`. Not a sign-in.
 */
export async function verifyApproval(tenantId: string, approval: { userId: string; pin: string }, permission: Permission): Promise<SignedInUser> {
  // A wrong approval PIN is not the session's problem: 403 on the PIN field, not 401.
  const approver = await verifyPin(tenantId, approval.userId, approval.pin, false).catch((err: unknown) => {
    if (err instanceof AppError && err.code === 'unauthorized') {
      throw new AppError('forbidden', err.message, [{ path: 'approval.pin', message: err.message }]);
    }
    throw err;
  });
  if (!can(approver.role, permission)) throw new AppError('forbidden', `${approver.name} cannot approve this; ask a manager or owner.`);
  return approver;
}

function verifyPin(tenantId: string, userId: string, pin: string, signsIn: boolean): Promise<SignedInUser> {
  return verifyAgainst(
    tenantId,
    { kind: 'pin', userId },
    async () => {
      const [u] = await withTenant(tenantId, (tx) => tx.select(userColumns).from(users).where(eq(users.id, userId)));
      return u && { ...u, hash: u.pinHash };
    },
    pin,
    'Wrong PIN.',
    signsIn,
  );
}

/**
 * Sign-up happens on the root domain but the session cookie must be set on the new tenant's
 * host. The root domain issues a one-time handoff token (2 minutes, stored hashed); the tenant
 * host redeems it through next-auth's `handoff` provider.
 */
const HANDOFF_SECONDS = 120;
const handoffKey = (token: string) => platformKey('handoff', createHash('sha256').update(token).digest('hex'));

export async function createSignInHandoff(tenantId: string, userId: string): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await (await redis()).set(handoffKey(token), { tenantId, userId }, { ex: HANDOFF_SECONDS });
  return token;
}

export async function redeemSignInHandoff(tenantId: string, token: string): Promise<SignedInUser> {
  const grant = await (await redis()).getdel<{ tenantId: string; userId: string }>(handoffKey(token));
  if (!grant || grant.tenantId !== tenantId) throw new AppError('unauthorized', 'This sign-in link has expired. Sign in with your email and password.');
  const [u] = await withTenant(tenantId, (tx) => tx.select(userColumns).from(users).where(eq(users.id, grant.userId)));
  if (!u || !u.active) throw new AppError('unauthorized', 'This sign-in link is no longer valid.');
  return { id: u.id, tenantId: u.tenantId, role: u.role, name: u.name, email: u.email };
}
