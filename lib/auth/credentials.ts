import { createHash, randomBytes } from 'node:crypto';
import { eq, type SQL } from 'drizzle-orm';
import { users } from '@/db/schema/auth';
import { withTenant } from '@/lib/platform/db';
import { AppError } from '@/lib/platform/errors';
import { platformKey, redis } from '@/lib/platform/redis';
import { getTenantSettings } from '@/lib/tenancy';
import type { Role } from './permissions';
import { takePasswordAttempt, takePinAttempt, type AttemptSource } from './rate-limits';
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

type Candidate = SignedInUser & { active: boolean; hash: string | null };

async function findUser(tenantId: string, where: SQL, secret: 'passwordHash' | 'pinHash'): Promise<Candidate | undefined> {
  const [u] = await withTenant(tenantId, (tx) => tx.select(userColumns).from(users).where(where));
  return u && { id: u.id, tenantId: u.tenantId, role: u.role, name: u.name, email: u.email, active: u.active, hash: u[secret] };
}

/** Always one argon2 verify: against a decoy when there is no such user or no secret, so timing tells nothing. */
async function secretMatches(user: Candidate | undefined, secret: string): Promise<boolean> {
  const matches = await verifySecret(user?.hash ?? (await decoyHash()), secret);
  return matches && Boolean(user?.hash);
}

const signedIn = (user: Candidate): SignedInUser => ({ id: user.id, tenantId: user.tenantId, role: user.role, name: user.name, email: user.email });

async function recordSignIn(user: Candidate): Promise<SignedInUser> {
  if (!user.active) throw new AppError('forbidden', 'This account is deactivated. Ask an owner or manager.');
  await withTenant(user.tenantId, (tx) => tx.update(users).set({ lastSignInAt: new Date() }).where(eq(users.id, user.id)));
  return signedIn(user);
}

/** Email and password. Attempts are counted before the verify (see rate-limits.ts). */
export async function verifyPasswordSignIn(tenantId: string, email: string, password: string, ip: string | null = null): Promise<SignedInUser> {
  const attempt = await takePasswordAttempt(tenantId, email, ip);
  const user = await findUser(tenantId, eq(users.email, email), 'passwordHash');
  if (!user || !(await secretMatches(user, password))) throw new AppError('unauthorized', 'Wrong email or password.');
  await attempt.succeeded();
  return recordSignIn(user);
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
    throw new AppError('unprocessable', message, [{ path: 'pin', message }]);
  }
  const attempt = await takePinAttempt(tenantId, userId, source);
  const target = user ?? (await findUser(tenantId, eq(users.id, userId), 'pinHash'));
  return { user: target, matches: await secretMatches(target, pin), attempt };
}

/**
 * "Switch staff" at the register. Owners may be switched to only where the tenant allows it:
 * refused before the PIN is checked, so it costs none of the owner's attempts and says
 * nothing about the PIN (that someone is an owner is no secret: the staff list shows roles).
 */
export async function verifyPinSignIn(tenantId: string, userId: string, pin: string, source: AttemptSource = {}): Promise<SignedInUser> {
  const user = await findUser(tenantId, eq(users.id, userId), 'pinHash');
  if (user?.role === 'owner' && !(await getTenantSettings({ tenantId })).pinSwitchToOwner) {
    throw new AppError('forbidden', 'Owners sign in with their email and password here.');
  }
  const check = await checkPin(tenantId, userId, pin, source, user);
  if (!check.user || !check.matches) throw new AppError('unauthorized', 'Wrong PIN.');
  await check.attempt.succeeded();
  return recordSignIn(check.user);
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
  return signedIn(user);
}
