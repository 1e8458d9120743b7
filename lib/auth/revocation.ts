import { eq } from 'drizzle-orm';
import { users } from '@/db/schema/auth';
import { expiringCopies } from '@/lib/platform/copies';
import { withTenant, type Tx } from '@/lib/platform/db';
import { logger } from '@/lib/platform/logger';
import { redis, tenantKey } from '@/lib/platform/redis';

/**
 * Sessions are stateless JWTs, so "sign out everywhere this cookie was copied" needs a
 * deny-list: a revoked session id is kept until the token would have expired anyway.
 * A per-user "valid after" time revokes every session of a user at once (deactivation,
 * role or password change). Redis answers that on every request; the user's row holds it
 * too (with `active`), so a Redis that lost it (restart without persistence, eviction,
 * failover) cannot bring such sessions back.
 */
const revokedKey = (tenantId: string, sessionId: string) => tenantKey(tenantId, 'session', 'revoked', sessionId);
const validAfterKey = (tenantId: string, userId: string) => tenantKey(tenantId, 'user', userId, 'sessions-valid-after');

export async function revokeSession(tenantId: string, sessionId: string, expiresAtSeconds: number): Promise<void> {
  const ttl = Math.ceil(expiresAtSeconds - Date.now() / 1000);
  if (ttl > 0) await (await redis()).set(revokedKey(tenantId, sessionId), 1, { ex: ttl });
}

/**
 * Ends every session of `userId` signed in until now, in the transaction of the change that
 * warrants it. Returns what to run after commit: the same in Redis, for the other instances.
 */
export async function revokeUserSessions(
  tx: Tx,
  tenantId: string,
  userId: string,
  maxSessionSeconds: number,
): Promise<() => Promise<void>> {
  const now = Date.now();
  await tx.update(users).set({ sessionsValidAfter: new Date(now) }).where(eq(users.id, userId));
  return async () => {
    userStates.delete(stateKey(tenantId, userId)); // this instance knows at once
    try {
      await (await redis()).set(validAfterKey(tenantId, userId), now, { ex: maxSessionSeconds });
    } catch (err) {
      // Committed already, and the row's copy holds it on every instance within STATE_TTL_MS.
      logger.warn({ err, userId }, 'session revocation not copied to Redis');
    }
  };
}

/** Whether the session `sessionId` of `userId`, signed in at `authTimeMs`, was revoked. */
export async function isSessionRevoked(
  tenantId: string,
  userId: string,
  sessionId: string,
  authTimeMs: number,
): Promise<boolean> {
  let revoked: number | null = null;
  let validAfter: number | null = null;
  try {
    [revoked, validAfter] = await (await redis()).mget<[number | null, number | null]>(revokedKey(tenantId, sessionId), validAfterKey(tenantId, userId));
  } catch (err) {
    // Redis is down: the row's copy still ends deactivated and re-roled people's sessions, and
    // the register keeps selling; a single signed-out session's deny-list entry is not seen
    // until Redis is back (docs/faults.md, docs/security.md › Known limits).
    logger.warn({ err }, 'session deny-list unreadable; checking the database copy only');
  }
  if (revoked !== null || (validAfter !== null && authTimeMs <= validAfter)) return true;
  const user = await userState(tenantId, userId);
  return !user || !user.active || (user.validAfter !== null && authTimeMs <= user.validAfter);
}

/**
 * The row's copy, cached per process for a few seconds so that most requests cost no query:
 * it only matters when Redis lost a revocation, and then a session survives at most
 * STATE_TTL_MS on another instance (this one forgets its entry at the revocation).
 */
const STATE_TTL_MS = 5000;
type UserState = { active: boolean; validAfter: number | null } | null;
const userStates = expiringCopies<UserState>(STATE_TTL_MS, 10_000); // staff of every tenant seen lately
const stateKey = (tenantId: string, userId: string) => `${tenantId}:${userId}`;

async function userState(tenantId: string, userId: string): Promise<UserState> {
  const key = stateKey(tenantId, userId);
  const cached = userStates.get(key);
  if (cached !== undefined) return cached;
  const [row] = await withTenant(tenantId, (tx) =>
    tx.select({ active: users.active, validAfter: users.sessionsValidAfter }).from(users).where(eq(users.id, userId)),
  );
  const state = row ? { active: row.active, validAfter: row.validAfter?.getTime() ?? null } : null;
  userStates.set(key, state);
  return state;
}
