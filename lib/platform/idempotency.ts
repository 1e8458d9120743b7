import { createHash } from 'node:crypto';
import { lt } from 'drizzle-orm';
import { idempotencyKeys } from '@/db/schema/platform';
import { callTenantFunction, withTenant } from './db';
import { AppError } from './errors';

/**
 * Idempotency-Key for mutating API calls, scoped by tenant:
 * - first request: the key is claimed (`in_flight`), the handler runs, its response is stored;
 * - replay with the same request: the stored status and body are returned, nothing runs again;
 * - same key while the first is still running: 409; same key, different request: 422;
 * - a 5xx is not stored (the client should retry), and a key whose request died mid-way is
 *   taken over after IN_FLIGHT_SECONDS. Keys live KEY_TTL_HOURS, then are purged.
 *
 * A keyed request spends 2 statements on its key: the claim and the completion (or release),
 * each one call of a function of db/policies.sql through callTenantFunction. It was 8: the
 * claim and the completion each in a withTenant transaction of their own (begin, set_config,
 * insert, [select for update, update], commit; begin, set_config, update, commit). Times come
 * from the database's clock, so several app instances agree on when a lock runs out.
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
  await callTenantFunction('idempotency_complete', tenantId, [
    key,
    response.status,
    await response.clone().text(),
    response.headers.get('content-type'),
    response.headers.get('location'),
  ]);
  return response;
}

type ClaimRow = {
  outcome: 'owned' | 'replay' | 'mismatch' | 'in_flight' | 'vanished';
  status: number | null;
  body: string | null;
  content_type: string | null;
  location: string | null;
};

/**
 * Every rule of the claim (fresh, expired, other request, completed, in flight, lock run out)
 * is decided inside `idempotency_claim` (db/policies.sql), with the row locked, in one statement.
 */
async function claimKey(tenantId: string, key: string, fingerprint: string): Promise<Claim> {
  const [row] = await callTenantFunction<ClaimRow>('idempotency_claim', tenantId, [key, fingerprint, IN_FLIGHT_SECONDS, KEY_TTL_HOURS]);
  switch (row?.outcome) {
    case 'owned':
      return { kind: 'owned' };
    case 'replay': {
      const headers = new Headers({ [REPLAY_HEADER]: 'true' });
      if (row.content_type) headers.set('content-type', row.content_type);
      if (row.location) headers.set('location', row.location);
      return { kind: 'replay', response: new Response(row.body, { status: row.status ?? 200, headers }) };
    }
    case 'mismatch':
      throw new AppError('unprocessable', 'This Idempotency-Key was already used with a different request');
    case 'in_flight':
      throw new AppError('conflict', 'A request with this Idempotency-Key is still in progress; retry shortly');
    default:
      throw new AppError('conflict', 'The Idempotency-Key changed state during the request; retry it');
  }
}

async function releaseKey(tenantId: string, key: string): Promise<void> {
  await callTenantFunction('idempotency_release', tenantId, [key]);
}

/** Deletes one tenant's expired keys; returns how many. Run periodically for every tenant. */
export async function purgeExpiredIdempotencyKeys(tenantId: string, now = new Date()): Promise<number> {
  const rows = await withTenant(tenantId, (tx) =>
    tx.delete(idempotencyKeys).where(lt(idempotencyKeys.expiresAt, now)).returning({ key: idempotencyKeys.key }),
  );
  return rows.length;
}
