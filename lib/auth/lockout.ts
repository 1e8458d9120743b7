import { redis, tenantKey } from '@/lib/platform/redis';

/**
 * Brute-force guard for passwords and PINs: the 10th consecutive failure on a subject (an
 * email, or a user's PIN) locks it for 15 minutes. Counters live in Redis so every app
 * instance sees them; a success clears the count.
 */
export const MAX_FAILED_ATTEMPTS = 10;
const LOCK_SECONDS = 15 * 60;

export type LockSubject = { kind: 'email'; email: string } | { kind: 'pin'; userId: string };

const subjectKey = (s: LockSubject) => (s.kind === 'email' ? `email:${s.email.toLowerCase()}` : `pin:${s.userId}`);
const failKey = (tenantId: string, s: LockSubject) => tenantKey(tenantId, 'auth', 'fail', subjectKey(s));
const lockKey = (tenantId: string, s: LockSubject) => tenantKey(tenantId, 'auth', 'lock', subjectKey(s));

/** Seconds until the subject may try again, or 0 when it is not locked. */
export async function lockedForSeconds(tenantId: string, subject: LockSubject): Promise<number> {
  const ttl = await (await redis()).ttl(lockKey(tenantId, subject));
  return ttl > 0 ? ttl : 0;
}

/** Records a failure; returns true when this failure locked the subject. */
export async function recordFailure(tenantId: string, subject: LockSubject): Promise<boolean> {
  const client = await redis();
  const key = failKey(tenantId, subject);
  // The window starts at the first failure; failures older than the lock time are forgotten.
  const [, count] = await client.multi().set(key, 0, { nx: true, ex: LOCK_SECONDS }).incr(key).exec<[unknown, number]>();
  if (count < MAX_FAILED_ATTEMPTS) return false;
  await client.multi().set(lockKey(tenantId, subject), 1, { ex: LOCK_SECONDS }).del(key).exec();
  return true;
}

export async function clearFailures(tenantId: string, subject: LockSubject): Promise<void> {
  await (await redis()).del(failKey(tenantId, subject));
}
