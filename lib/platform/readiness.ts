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
