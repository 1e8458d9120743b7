import { createHash, randomBytes } from 'node:crypto';
import { AppError } from '@/lib/platform/errors';
import { redis, tenantKey } from '@/lib/platform/redis';
import type { TenantInfo } from '@/lib/tenancy';
import { hostTenant, type TenantContext } from './context';
import { endSession, SECURE_SESSION_COOKIE, SESSION_COOKIE, sessionMaxAgeSeconds } from './session';

/**
 * The register's idle lock. Locking ends the staff member's session for good (the same deny-list
 * as sign-out: the JWT and any copy of it are refused from then on) and leaves the device one
 * narrow capability instead: a random lock token (HttpOnly cookie, kept in Redis only as its
 * SHA-256) that lets this device's PIN screen sign someone in by PIN — nothing else. PIN tries
 * through it count against the locked session's bucket (5 per 15 minutes) as before the lock.
 * A PIN sign-in uses the token up; it lives no longer than the locked session could have.
 * The PIN screen's time clock (clock in or out by one's own PIN, without signing in to sell) is
 * the token's only other use, through the same PIN bucket; it does not use the token up.
 */
export const REGISTER_LOCK_COOKIE = 'tillwise.register-lock';

export type RegisterLock = { userId: string; sessionId: string; lockedAt: number };

const lockKey = (tenantId: string, token: string) => tenantKey(tenantId, 'register-lock', createHash('sha256').update(token).digest('hex'));

/** Ends `ctx`'s session and returns the lock token for the device, with how long it lasts (s). */
export async function lockRegister(ctx: TenantContext): Promise<{ token: string; maxAgeSeconds: number }> {
  await endSession(ctx);
  const token = randomBytes(32).toString('base64url');
  const maxAgeSeconds = sessionMaxAgeSeconds();
  const lock: RegisterLock = { userId: ctx.userId, sessionId: ctx.sessionId, lockedAt: Date.now() };
  await (await redis()).set(lockKey(ctx.tenantId, token), lock, { ex: maxAgeSeconds });
  return { token, maxAgeSeconds };
}

/** The lock a device's token stands for on this tenant, or null (none, expired, used, another tenant's). */
export async function registerLockOf(tenantId: string, token: string | undefined): Promise<RegisterLock | null> {
  if (!token || token.length > 100) return null;
  return (await redis()).get<RegisterLock>(lockKey(tenantId, token));
}

/**
 * A locked register, as its lock-screen routes act for it: the host's tenant and the locked
 * session (whose PIN bucket the tries count against) — no person is signed in, so it is not a
 * TenantContext and no module function that acts for staff accepts it. 401 without a valid lock.
 */
export type LockedRegister = { tenantId: string; tenant: TenantInfo; sessionId: string; lockedUserId: string };

export async function resolveLockedRegister(req: { headers: Headers; cookies: { get(name: string): { value: string } | undefined } }): Promise<LockedRegister> {
  const tenant = await hostTenant(req.headers);
  const lock = await registerLockOf(tenant.id, req.cookies.get(REGISTER_LOCK_COOKIE)?.value);
  if (!lock) throw new AppError('unauthorized', 'This register is not locked: sign in to use the time clock');
  return { tenantId: tenant.id, tenant, sessionId: lock.sessionId, lockedUserId: lock.userId };
}

/** Uses the token up (after a PIN sign-in through it). */
export async function releaseRegisterLock(tenantId: string, token: string): Promise<void> {
  await (await redis()).del(lockKey(tenantId, token));
}

/**
 * The Set-Cookie values of a lock: the device's lock token (host-only, HttpOnly, like the
 * session's), and the ended session's cookie cleared so the browser stops sending a dead token.
 */
export function registerLockCookies(token: string, maxAgeSeconds: number, secure: boolean): string[] {
  const attributes = `Path=/; HttpOnly; SameSite=Lax${secure ? '; Secure' : ''}`;
  return [
    `${REGISTER_LOCK_COOKIE}=${token}; Max-Age=${maxAgeSeconds}; ${attributes}`,
    ...(secure ? [SECURE_SESSION_COOKIE, SESSION_COOKIE] : [SESSION_COOKIE]).map((name) => `${name}=; Max-Age=0; ${attributes}`),
  ];
}
