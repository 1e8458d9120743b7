import { createHash, timingSafeEqual } from 'node:crypto';
import { config } from './config';
import { pingDatabase } from './db';
import { logger } from './logger';
import { redis, redisTransport } from './redis';

type Check = { status: 'up' | 'down'; ms: number; detail?: string; error?: string };
export type ReadinessReport = { status: 'ready' | 'not_ready'; checks: Record<string, Check> };

const TIMEOUT_MS = 2000;

async function timed(name: string, probe: () => Promise<string | undefined>): Promise<Check> {
  const started = performance.now();
  try {
    const detail = await Promise.race([
      probe(),
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`timed out after ${TIMEOUT_MS} ms`)), TIMEOUT_MS).unref()),
    ]);
    return { status: 'up', ms: Math.round(performance.now() - started), ...(detail && { detail }) };
  } catch (err) {
    logger.warn({ err, check: name }, 'readiness check failed');
    // Name the failure without echoing driver messages (they can contain hosts and users).
    const error = err instanceof Error && err.message.startsWith('timed out') ? err.message : 'unreachable';
    return { status: 'down', ms: Math.round(performance.now() - started), error };
  }
}

export async function checkReadiness(): Promise<ReadinessReport> {
  const [database, cache] = await Promise.all([
    timed('database', async () => {
      await pingDatabase();
      return undefined;
    }),
    timed('redis', async () => {
      await (await redis()).ping();
      return await redisTransport();
    }),
  ]);
  const checks = { database, redis: cache };
  return { status: Object.values(checks).every((c) => c.status === 'up') ? 'ready' : 'not_ready', checks };
}

/**
 * Without Redis, revocation, lockouts and rate limits live in this process's memory: said at
 * start-up and by /api/ready, so nobody runs a second instance unaware.
 */
export function perProcessStateWarning(): string | undefined {
  const { REDIS_URL, UPSTASH_REDIS_REST_URL } = config();
  if (REDIS_URL || UPSTASH_REDIS_REST_URL) return undefined;
  return 'No Redis configured: session revocation, sign-in lockouts and rate limits are kept in this process only (lost on restart, not shared with other instances)';
}

/**
 * Whether `req` carries `Authorization: Bearer <METRICS_TOKEN>` (false when the token is not
 * configured). Compared as SHA-256 digests: equal lengths, in constant time.
 */
export function hasOpsToken(req: Request): boolean {
  const expected = config().METRICS_TOKEN;
  const given = /^Bearer\s+(\S+)$/i.exec(req.headers.get('authorization') ?? '')?.[1];
  if (!expected || !given) return false;
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(given), digest(expected));
}
