import { createHash, randomBytes } from 'node:crypto';
import { eq, type SQL } from 'drizzle-orm';
import { users } from '@/db/schema/auth';
import { withTenant } from '@/lib/platform/db';
import { AppError } from '@/lib/platform/errors';
import { platformKey, redis } from '@/lib/platform/redis';
import { getTenantSettings } from '@/lib/tenancy';
import type { Role } from './permissions';
import { backfillPinSeed } from './offline-pins';
import { takePasswordAttempt, takePinAttempt, type AttemptSource } from './rate-limits';
import { decoyHash, verifySecret } from './secrets';
import { auditSignIn, auditSignInIn, type SignInAudit } from './sign-in-audit';

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
  pinSeed: users.pinSeed,
};

type Candidate = SignedInUser & { active: boolean; hash: string | null; seeded: boolean };

async function findUser(tenantId: string, where: SQL, secret: 'passwordHash' | 'pinHash'): Promise<Candidate | undefined> {
  const [u] = await withTenant(tenantId, (tx) => tx.select(userColumns).from(users).where(where));
  return u && { id: u.id, tenantId: u.tenantId, role: u.role, name: u.name, email: u.email, active: u.active, hash: u[secret], seeded: u.pinSeed !== null };
}

/** Always one argon2 verify: against a decoy when there is no such user or no secret, so timing tells nothing. */
async function secretMatches(user: Candidate | undefined, secret: string): Promise<boolean> {
  const matches = await verifySecret(user?.hash ?? (await decoyHash()), secret);
  return matches && Boolean(user?.hash);
}

const signedIn = (user: Candidate): SignedInUser => ({ id: user.id, tenantId: user.tenantId, role: user.role, name: user.name, email: user.email });

/** A match: refused if deactivated (audited as `failed`), else signed in, stamped and audited in one transaction. */
async function recordSignIn(user: Candidate, audit: SignInAudit, failed: SignInAudit): Promise<SignedInUser> {
  if (!user.active) {
    await auditSignIn(user.tenantId, { ...failed, details: { ...failed.details, reason: 'deactivated' } });
    throw new AppError('forbidden', 'This account is deactivated. Ask an owner or manager.');
  }
  await withTenant(user.tenantId, async (tx) => {
    await tx.update(users).set({ lastSignInAt: new Date() }).where(eq(users.id, user.id));
    await auditSignInIn(tx, user.tenantId, audit);
  });
  return signedIn(user);
}

/** Rate-limited before the check: audited as a lockout (naming the account when there is one), then rethrown. */
async function lockedOut<T>(tenantId: string, take: () => Promise<T>, target: () => Promise<Candidate | undefined>, details: Record<string, unknown>, actorUserId: string | null = null): Promise<T> {
  try {
    return await take();
  } catch (err) {
    if (err instanceof AppError && err.code === 'rate_limited') {
      await auditSignIn(tenantId, { action: 'auth.locked_out', actorUserId, userId: (await target())?.id ?? null, details });
    }
    throw err;
  }
}

/** Email and password. Attempts are counted before the verify (see rate-limits.ts); every outcome is audited. */
export async function verifyPasswordSignIn(tenantId: string, email: string, password: string, ip: string | null = null): Promise<SignedInUser> {
  const lookup = () => findUser(tenantId, eq(users.email, email), 'passwordHash');
  const attempt = await lockedOut(tenantId, () => takePasswordAttempt(tenantId, email, ip), lookup, { method: 'password', email });
  const user = await lookup();
  if (!user || !(await secretMatches(user, password))) {
    const reason = user ? 'wrong_password' : 'unknown_email';
    await auditSignIn(tenantId, { action: 'auth.sign_in_failed', actorUserId: null, userId: user?.id ?? null, details: { method: 'password', email, reason } });
    throw new AppError('unauthorized', 'Wrong email or password.');
  }
  await attempt.succeeded();
  return recordSignIn(
    user,
    { action: 'auth.signed_in', actorUserId: user.id, userId: user.id, details: { method: 'password' } },
    { action: 'auth.sign_in_failed', actorUserId: null, userId: user.id, details: { method: 'password', email } },
  );
}

/**
 * The shared start of every PIN check: the tenant's minimum length, one attempt taken from the
 * source's and the target's buckets, one argon2 verify. The caller decides what a match is
 * worth and hands the attempt back (`attempt.succeeded()`) only when it accepts it.
 */
export async function checkPin(tenantId: string, userId: string, pin: string, source: AttemptSource, user?: Candidate) {
  const { minPinLength } = await getTenantSettings({ tenantId });
  if (pin.length < minPinLength) {
    const message = `PINs here have at least ${minPinLength} digits; ask a manager to set you a new one.`;
    throw new AppError('unprocessable', message, [{ path: 'pin', message }], { words: { key: 'pinTooShortAsk', values: { minimum: minPinLength } }, fieldWords: { pin: { key: 'pinDigits', values: { minimum: minPinLength } } } });
  }
  const attempt = await takePinAttempt(tenantId, userId, source);
  const target = user ?? (await findUser(tenantId, eq(users.id, userId), 'pinHash'));
  const matches = await secretMatches(target, pin);
  // A PIN set before offline seeds existed gets its seed the first time it is typed right.
  if (matches && target && !target.seeded) await backfillPinSeed(tenantId, target.id, pin);
  return { user: target, matches, attempt };
}

/**
 * "Switch staff" at the register. Owners may be switched to only where the tenant allows it:
 * refused before the PIN is checked, so it costs none of the owner's attempts and says
 * nothing about the PIN (that someone is an owner is no secret: the staff list shows roles).
 * Every outcome is audited: the switch (by the person switched to, from `switchingFrom`), a
 * failure (by whoever stood at the register) or a lockout.
 */
export async function verifyPinSignIn(
  tenantId: string,
  userId: string,
  pin: string,
  source: AttemptSource & { switchingFrom?: string } = {},
): Promise<SignedInUser> {
  const from = source.switchingFrom ?? null;
  const failed = (reason: string): SignInAudit => ({ action: 'auth.pin_switch_failed', actorUserId: from, userId, details: { method: 'pin', reason } });
  const user = await findUser(tenantId, eq(users.id, userId), 'pinHash');
  if (user?.role === 'owner' && !(await getTenantSettings({ tenantId })).pinSwitchToOwner) {
    await auditSignIn(tenantId, failed('owner_needs_password'));
    throw new AppError('forbidden', 'Owners sign in with their email and password here.');
  }
  const check = await lockedOut(tenantId, () => checkPin(tenantId, userId, pin, source, user), async () => user, { method: 'pin' }, from).catch(async (err: unknown) => {
    if (err instanceof AppError && err.code === 'unprocessable') await auditSignIn(tenantId, failed('pin_too_short'));
    throw err;
  });
  if (!check.user || !check.matches) {
    await auditSignIn(tenantId, failed(check.user ? 'wrong_pin' : 'unknown_person'));
    throw new AppError('unauthorized', 'Wrong PIN.', undefined, { words: { key: 'wrongPin' } });
  }
  await check.attempt.succeeded();
  return recordSignIn(check.user, { action: 'auth.pin_switched', actorUserId: userId, userId, details: { method: 'pin', fromUserId: from } }, failed('deactivated'));
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
  const user = await findUser(tenantId, eq(users.id, grant.userId), 'passwordHash');
  if (!user || !user.active) throw new AppError('unauthorized', 'This sign-in link is no longer valid.');
  await auditSignIn(tenantId, { action: 'auth.signed_in', actorUserId: user.id, userId: user.id, details: { method: 'sign_up' } });
  return signedIn(user);
}
