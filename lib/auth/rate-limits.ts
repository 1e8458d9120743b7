import { Ratelimit } from '@upstash/ratelimit';
import { config } from '@/lib/platform/config';
import { AppError } from '@/lib/platform/errors';
import { metrics } from '@/lib/platform/metrics';
import { platformKey, redis, tenantKey } from '@/lib/platform/redis';

/**
 * Brute-force guards for passwords, PINs and sign-up (@upstash/ratelimit, sliding windows in
 * Redis, so every app instance shares them).
 *
 * An attempt is taken from its buckets atomically BEFORE the argon2 verify (a burst of
 * concurrent guesses cannot all pass a check made before and recorded after the ≈20 ms hash)
 * and handed back after a success, so the buckets count failures. Buckets are taken in order,
 * the attacker's own first (session, network), the target's last: a source that has used up
 * its attempts stops before it spends any of the target's, so one cashier cannot lock a
 * manager's PIN (or an owner's account) for everyone else.
 */
const WINDOW = '15 m';

export const LIMITS = {
  /** Wrong PINs from one session (a register), over every PIN it tries: room for honest typos. */
  pinPerSession: 5,
  /**
   * Wrong PINs from one network (a shop's registers share it). Below pinPerTarget, so one
   * shop's network can never lock a person's PIN for everyone else.
   */
  pinPerNetwork: 8,
  /** Wrong PINs on one person's PIN from anywhere: only reachable from two networks or more. */
  pinPerTarget: 10,
  /** Failed sign-ins from one network, over every account and business. */
  signInPerNetwork: 30,
  /** Failed sign-ins on one account before it takes the slow path. */
  passwordPerAccount: 10,
  /** On the slow path: failures per account and network, answered after a delay each. */
  slowPathPerAccountNetwork: 3,
  /** On the slow path: failures per account from all networks (a cap for spoofed addresses). */
  slowPathPerAccount: 30,
  /** Sign-ups from one network per hour that got past the form's checks (created or not). */
  signUpsPerNetworkPerHour: 10,
} as const;

/** Where an attempt comes from: the session making it (if any) and the client's address. */
export type AttemptSource = { sessionId?: string | null; ip?: string | null };

/** `name` is the limit's name (`pin-session`, …), the label of tillwise_rate_limit_refusals_total; the prefix holds the tenant. */
type Bucket = { name: string; prefix: string; id: string; max: number; window: typeof WINDOW | '1 h' };

/** Hands the attempt back after a success (the buckets count failures). */
export type Attempt = { succeeded(): Promise<void> };

/** The attempts taken so far, and the bucket that refused (null: all had room). */
type Taken = { attempt: Attempt; refused: Bucket | null; retryAfterSeconds: number };

function limiterFor(bucket: Bucket, client: Awaited<ReturnType<typeof redis>>) {
  // timeout 0: never let a request through because Redis is slow (the default fails open).
  return new Ratelimit({ redis: client, limiter: Ratelimit.slidingWindow(bucket.max, bucket.window), prefix: bucket.prefix, ephemeralCache: false, timeout: 0 });
}

/** Takes one attempt from each bucket in order and stops at the first that is used up. */
async function take(buckets: Bucket[]): Promise<Taken> {
  const client = await redis();
  const held: Bucket[] = [];
  const attempt: Attempt = {
    async succeeded() {
      await Promise.all(held.map((b) => limiterFor(b, client).limit(b.id, { rate: -1 })));
    },
  };
  for (const bucket of buckets) {
    const result = await limiterFor(bucket, client).limit(bucket.id);
    if (!result.success) return { attempt, refused: bucket, retryAfterSeconds: Math.ceil((result.reset - Date.now()) / 1000) };
    held.push(bucket);
  }
  return { attempt, refused: null, retryAfterSeconds: 0 };
}

const both = (a: Attempt, b: Attempt): Attempt => ({ succeeded: async () => void (await Promise.all([a.succeeded(), b.succeeded()])) });

const minutes = (seconds: number) => {
  const m = Math.max(1, Math.ceil(seconds / 60));
  return `${m} minute${m === 1 ? '' : 's'}`;
};

const tenantBucket = (tenantId: string, name: string, id: string, max: number): Bucket => ({ name, prefix: tenantKey(tenantId, 'auth', 'limit', name), id, max, window: WINDOW });
const platformBucket = (name: string, id: string, max: number, window: Bucket['window'] = WINDOW): Bucket => ({ name, prefix: platformKey('auth', 'limit', name), id, max, window });

/** A refusal (429) by `bucket`, counted for the operator by the limit's name. */
function refusal(bucket: Bucket, err: AppError): AppError {
  metrics().rateLimitRefusals.inc({ limit: bucket.name });
  return err;
}

/** A PIN check (approval or switch staff): per session, per network, then per target person. */
export async function takePinAttempt(tenantId: string, targetUserId: string, source: AttemptSource): Promise<Attempt> {
  const taken = await take([
    ...(source.sessionId ? [tenantBucket(tenantId, 'pin-session', source.sessionId, LIMITS.pinPerSession)] : []),
    ...(source.ip ? [tenantBucket(tenantId, 'pin-network', source.ip, LIMITS.pinPerNetwork)] : []),
    tenantBucket(tenantId, 'pin-target', targetUserId, LIMITS.pinPerTarget),
  ]);
  if (taken.refused) throw refusal(taken.refused, new AppError('rate_limited', `Too many wrong PINs. Try again in ${minutes(taken.retryAfterSeconds)}.`));
  return taken.attempt;
}

/**
 * A password sign-in. Past its failure limit an account is not refused from everywhere (that
 * would let anyone lock an owner out): each further try takes the slow path, a delay and a
 * few tries per network, so the right password from an address within its limit still works.
 */
export async function takePasswordAttempt(tenantId: string, email: string, ip: string | null): Promise<Attempt> {
  const account = email.toLowerCase();
  const accountBucket = tenantBucket(tenantId, 'password', account, LIMITS.passwordPerAccount);
  const fast = await take([...(ip ? [platformBucket('sign-in-network', ip, LIMITS.signInPerNetwork)] : []), accountBucket]);
  if (!fast.refused) return fast.attempt;
  if (fast.refused !== accountBucket) throw refusal(fast.refused, tooManySignIns(fast.retryAfterSeconds));
  const slow = await take([
    tenantBucket(tenantId, 'password-slow', `${account}|${ip ?? 'unknown'}`, LIMITS.slowPathPerAccountNetwork),
    tenantBucket(tenantId, 'password-slow-all', account, LIMITS.slowPathPerAccount),
  ]);
  if (slow.refused) throw refusal(slow.refused, tooManySignIns(slow.retryAfterSeconds));
  await new Promise((resolve) => setTimeout(resolve, config().SIGN_IN_SLOW_PATH_MS));
  return both(fast.attempt, slow.attempt);
}

const tooManySignIns = (seconds: number) => new AppError('rate_limited', `Too many sign-in attempts. Try again in ${minutes(seconds)}.`);

/** Sign-up creates a business: a few per network and hour. */
export async function takeSignUpAttempt(ip: string | null): Promise<void> {
  const taken = await take([platformBucket('sign-up-network', ip ?? 'unknown', LIMITS.signUpsPerNetworkPerHour, '1 h')]);
  if (taken.refused) {
    throw refusal(taken.refused, new AppError('rate_limited', `Too many new businesses from this network. Try again in ${minutes(taken.retryAfterSeconds)}.`));
  }
}

/** The client's address (lives with the request context, which the audit log reads too). */
export { clientIp } from '@/lib/platform/request-context';
