import { createHash } from 'node:crypto';
import { and, eq, lt } from 'drizzle-orm';
import { idempotencyKeys } from '@/db/schema/platform';
import { withTenant } from './db';
import { AppError } from './errors';

/**
 * Idempotency-Key for mutating API calls, scoped by tenant:
 * - first request: the key is claimed (`in_flight`), the handler runs, its response is stored;
 * - replay with the same request: the stored status and body are returned, nothing runs again;
 * - same key while the first is still running: 409; same key, different request: 422;
 * - a 5xx is not stored (the client should retry), and a key whose request died mid-way is
 *   taken over after IN_FLIGHT_SECONDS. Keys live KEY_TTL_HOURS, then are purged.
 */
export const KEY_TTL_HOURS = 24;
export const IN_FLIGHT_SECONDS = 60;
export const REPLAY_HEADER = 'Idempotent-Replayed';

const KEY_FORMAT = /^[\x21-\x7e]{1,255}$/; // visible ASCII, like Stripe's keys

type Claim = { kind: 'owned' } | { kind: 'replay'; response: Response };

export function requestFingerprint(method: string, pathAndQuery: string, body: string): string {
  return createHash('sha256').update(`${method} ${pathAndQuery}\n${body}`).digest('hex');
}

export async function withIdempotency(
  tenantId: string,
  key: string,
  fingerprint: string,
  run: () => Promise<Response>,
): Promise<Response> {
  if (!KEY_FORMAT.test(key)) {
    throw new AppError('bad_request', 'Idempotency-Key must be 1–255 visible ASCII characters');
  }
  const claim = await claimKey(tenantId, key, fingerprint);
  if (claim.kind === 'replay') return claim.response;
  let response: Response;
  try {
    response = await run();
  } catch (err) {
    await releaseKey(tenantId, key);
    throw err;
  }
  if (response.status >= 500) {
    await releaseKey(tenantId, key);
    return response;
  }
  const stored = {
    state: 'completed' as const,
    responseStatus: response.status,
    responseBody: await response.clone().text(),
    responseContentType: response.headers.get('content-type'),
    responseLocation: response.headers.get('location'),
  };
  await withTenant(tenantId, (tx) => tx.update(idempotencyKeys).set(stored).where(eq(idempotencyKeys.key, key)));
  return response;
}

async function claimKey(tenantId: string, key: string, fingerprint: string): Promise<Claim> {
  return withTenant(tenantId, async (tx) => {
    const now = new Date();
    const lockedUntil = new Date(now.getTime() + IN_FLIGHT_SECONDS * 1000);
    const fresh = {
      requestHash: fingerprint,
      state: 'in_flight' as const,
      lockedUntil,
      createdAt: now,
      expiresAt: new Date(now.getTime() + KEY_TTL_HOURS * 3600 * 1000),
    };
    const inserted = await tx
      .insert(idempotencyKeys)
      .values({ tenantId, key, ...fresh })
      .onConflictDoNothing()
      .returning({ key: idempotencyKeys.key });
    if (inserted.length > 0) return { kind: 'owned' };

    const [row] = await tx.select().from(idempotencyKeys).where(eq(idempotencyKeys.key, key)).for('update');
    if (!row) throw new AppError('conflict', 'The Idempotency-Key changed state during the request; retry it');
    const take = async (): Promise<Claim> => {
      await tx
        .update(idempotencyKeys)
        .set({ ...fresh, responseStatus: null, responseBody: null, responseContentType: null, responseLocation: null })
        .where(eq(idempotencyKeys.key, key));
      return { kind: 'owned' };
    };
    if (row.expiresAt <= now) return take();
    if (row.requestHash !== fingerprint) {
      throw new AppError('unprocessable', 'This Idempotency-Key was already used with a different request');
    }
    if (row.state === 'completed') {
      const headers = new Headers({ [REPLAY_HEADER]: 'true' });
      if (row.responseContentType) headers.set('content-type', row.responseContentType);
      if (row.responseLocation) headers.set('location', row.responseLocation);
      return { kind: 'replay', response: new Response(row.responseBody, { status: row.responseStatus ?? 200, headers }) };
    }
    if (row.lockedUntil > now) {
      throw new AppError('conflict', 'A request with this Idempotency-Key is still in progress; retry shortly');
    }
    return take(); // the first request died without finishing: this retry takes over
  });
}

async function releaseKey(tenantId: string, key: string): Promise<void> {
  await withTenant(tenantId, (tx) =>
    tx.delete(idempotencyKeys).where(and(eq(idempotencyKeys.key, key), eq(idempotencyKeys.state, 'in_flight'))),
  );
}

/** Deletes one tenant's expired keys; returns how many. Run periodically for every tenant. */
export async function purgeExpiredIdempotencyKeys(tenantId: string, now = new Date()): Promise<number> {
  const rows = await withTenant(tenantId, (tx) =>
    tx.delete(idempotencyKeys).where(lt(idempotencyKeys.expiresAt, now)).returning({ key: idempotencyKeys.key }),
  );
  return rows.length;
}
