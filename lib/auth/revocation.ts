import { redis, tenantKey } from '@/lib/platform/redis';

/**
 * Sessions are stateless JWTs, so "sign out everywhere this cookie was copied" needs a
 * deny-list: a revoked session id is kept until the token would have expired anyway.
 * A per-user "valid after" time revokes every session of a user at once (deactivation,
 * role or password change).
 */
const revokedKey = (tenantId: string, sessionId: string) => tenantKey(tenantId, 'session', 'revoked', sessionId);
const validAfterKey = (tenantId: string, userId: string) => tenantKey(tenantId, 'user', userId, 'sessions-valid-after');

export async function revokeSession(tenantId: string, sessionId: string, expiresAtSeconds: number): Promise<void> {
  const ttl = Math.ceil(expiresAtSeconds - Date.now() / 1000);
  if (ttl > 0) await (await redis()).set(revokedKey(tenantId, sessionId), 1, { ex: ttl });
}

export async function revokeUserSessions(tenantId: string, userId: string, maxSessionSeconds: number): Promise<void> {
  await (await redis()).set(validAfterKey(tenantId, userId), Date.now(), { ex: maxSessionSeconds });
}

/** Whether the session `sessionId` of `userId`, signed in at `authTimeMs`, was revoked. */
export async function isSessionRevoked(
  tenantId: string,
  userId: string,
  sessionId: string,
  authTimeMs: number,
): Promise<boolean> {
  const [revoked, validAfter] = await (await redis()).mget<[number | null, number | null]>(
    revokedKey(tenantId, sessionId),
    validAfterKey(tenantId, userId),
  );
  return revoked !== null || (validAfter !== null && authTimeMs <= validAfter);
}
