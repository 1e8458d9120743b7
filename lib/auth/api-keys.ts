import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { Ratelimit } from '@upstash/ratelimit';
import { and, desc, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { apiKeys, type ApiKeyRow } from '@/db/schema/auth';
import { changes, recordAudit, recordAuditAfter } from '@/lib/platform/audit';
import { config } from '@/lib/platform/config';
import { withTenant } from '@/lib/platform/db';
import { AppError, notFound } from '@/lib/platform/errors';
import { logger } from '@/lib/platform/logger';
import { metrics } from '@/lib/platform/metrics';
import { redis, tenantKey } from '@/lib/platform/redis';
import { annotateContext } from '@/lib/platform/request-context';
import type { TenantInfo } from '@/lib/tenancy';
import { countKeyRead } from './api-key-reads';
import { permissionsOf, SCOPES, scopesGranting } from './api-scopes';
import { hostTenant, resolveStaff, type RequestSource, type TenantContext } from './context';
import { can, type Permission } from './permissions';

/**
 * API keys (issue 17, docs/api.md): `Authorization: Bearer tw_live_<prefix>_<random>` on the
 * business's own host goes through the same seam as a session — host tenant first, then the key
 * looked up under that tenant's RLS (another business's key is simply not there: 401), revoked
 * or expired → 401, then the route's permission against the key's scopes (403 naming the scope).
 *
 * The secret is 256 random bits; only its SHA-256 is stored. A slow password hash (argon2) is
 * for secrets a person chose, which can be guessed; nobody can enumerate 2^256 values however
 * fast the hash, and a key is checked on every request, where argon2's ~20 ms of CPU per call
 * would be a cost and a denial-of-service lever. The prefix (48 bits) finds the row and is shown.
 */
const SECRET = /^tw_live_([0-9a-f]{12})_([A-Za-z0-9_-]{43})$/;
export const DEFAULT_RATE_LIMIT_PER_MINUTE = 600;

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

function newSecret(): { secret: string; prefix: string } {
  const prefix = randomBytes(6).toString('hex');
  return { prefix, secret: `tw_live_${prefix}_${randomBytes(32).toString('base64url')}` };
}

export const apiKeyInputSchema = z.object({
  name: z.string().trim().min(1, 'Enter a name').max(80, 'Use at most 80 characters'),
  scopes: z
    .array(z.enum(SCOPES, { message: 'Choose scopes from the list' }))
    .min(1, 'Choose at least one scope')
    .max(SCOPES.length)
    .transform((s) => [...new Set(s)].sort()),
  /** null: never expires. */
  expiresAt: z.iso
    .datetime({ offset: true, message: 'Give the expiry as a date and time' })
    .transform((s) => new Date(s))
    .refine((d) => d.getTime() > Date.now(), 'The expiry must be in the future')
    .nullable()
    .optional(),
  /** null: the default, DEFAULT_RATE_LIMIT_PER_MINUTE. */
  rateLimitPerMinute: z.number().int().min(1).max(100_000).nullable().optional(),
});
/** A key's settings as apiKeyInputSchema gives them (route handlers and the form's action parse with it). */
export type ApiKeyInput = z.output<typeof apiKeyInputSchema>;

/** An edit: any of a key's settings, the same rules; what is left out stays as it is. */
export const apiKeyPatchSchema = apiKeyInputSchema
  .partial()
  .refine((patch) => Object.values(patch).some((v) => v !== undefined), 'Change at least one of name, scopes, expiresAt, rateLimitPerMinute');
export type ApiKeyPatch = z.output<typeof apiKeyPatchSchema>;

/** A key as the owner sees it: never its secret or hash. */
export type ApiKeyView = {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  rateLimitPerMinute: number;
  expiresAt: Date | null;
  createdBy: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  status: 'active' | 'expired' | 'revoked';
};

const viewColumns = {
  id: apiKeys.id,
  name: apiKeys.name,
  prefix: apiKeys.prefix,
  scopes: apiKeys.scopes,
  rateLimitPerMinute: apiKeys.rateLimitPerMinute,
  expiresAt: apiKeys.expiresAt,
  createdBy: apiKeys.createdBy,
  createdAt: apiKeys.createdAt,
  lastUsedAt: apiKeys.lastUsedAt,
  revokedAt: apiKeys.revokedAt,
};
type ViewRow = { [K in keyof typeof viewColumns]: ApiKeyRow[K] };

const statusOf = (row: Pick<ApiKeyRow, 'revokedAt' | 'expiresAt'>, now = Date.now()): ApiKeyView['status'] =>
  row.revokedAt ? 'revoked' : row.expiresAt && row.expiresAt.getTime() <= now ? 'expired' : 'active';

const view = (row: ViewRow): ApiKeyView => ({ ...row, rateLimitPerMinute: row.rateLimitPerMinute ?? DEFAULT_RATE_LIMIT_PER_MINUTE, status: statusOf(row) });

/** Managing keys is for a signed-in owner: a key never lists, mints or revokes keys, whatever its scopes. */
function assertManager(ctx: TenantContext): void {
  if (ctx.apiKey) throw new AppError('forbidden', 'An API key cannot manage API keys: sign in as an owner');
  if (!can(ctx, 'apikeys:manage')) throw new AppError('forbidden', 'Only an owner manages API keys');
}

export async function listApiKeys(ctx: TenantContext): Promise<ApiKeyView[]> {
  assertManager(ctx);
  const rows = await withTenant(ctx.tenantId, (tx) => tx.select(viewColumns).from(apiKeys).orderBy(desc(apiKeys.createdAt), desc(apiKeys.id)));
  return rows.map(view);
}

/** Creates a key; the answer is the only time its secret exists outside the caller's hands. */
export async function createApiKey(ctx: TenantContext, data: ApiKeyInput): Promise<{ key: ApiKeyView; secret: string }> {
  assertManager(ctx);
  const { secret, prefix } = newSecret();
  const row = await withTenant(ctx.tenantId, async (tx) => {
    const [created] = await tx
      .insert(apiKeys)
      .values({
        tenantId: ctx.tenantId,
        name: data.name,
        prefix,
        secretHash: sha256(secret),
        scopes: data.scopes,
        rateLimitPerMinute: data.rateLimitPerMinute ?? null,
        expiresAt: data.expiresAt ?? null,
        createdBy: ctx.userId,
      })
      .returning(viewColumns);
    await recordAudit(tx, ctx.tenantId, {
      actorUserId: ctx.userId,
      action: 'api_key.created',
      entityType: 'api_key',
      entityId: created!.id,
      after: { name: data.name, prefix, scopes: data.scopes, expiresAt: data.expiresAt?.toISOString() ?? null, rateLimitPerMinute: data.rateLimitPerMinute ?? null },
    });
    return created!;
  });
  return { key: view(row), secret };
}

/** A key of the business (404 for any other id, another business's included). */
export async function getApiKey(ctx: TenantContext, id: string): Promise<ApiKeyView> {
  assertManager(ctx);
  if (!z.uuid().safeParse(id).success) throw notFound('API key');
  const [row] = await withTenant(ctx.tenantId, (tx) => tx.select(viewColumns).from(apiKeys).where(eq(apiKeys.id, id)));
  if (!row) throw notFound('API key');
  return view(row);
}

/** The settings an edit may change, as the audit row records them (dates as ISO text). */
const settingsOf = (row: Pick<ApiKeyRow, 'name' | 'scopes' | 'expiresAt' | 'rateLimitPerMinute'>) => ({
  name: row.name,
  scopes: [...row.scopes].sort(),
  expiresAt: row.expiresAt?.toISOString() ?? null,
  rateLimitPerMinute: row.rateLimitPerMinute,
});

/**
 * Changes a key's name, scopes, expiry or rate limit in one transaction with its audit row
 * (`api_key.updated`, the changed fields before and after). A revoked key stays as it was (409).
 * After commit every instance is told (markChanged): the old scopes stop at the next request.
 * Setting what a key already has changes nothing and records nothing.
 */
export async function updateApiKey(ctx: TenantContext, id: string, patch: ApiKeyPatch): Promise<ApiKeyView> {
  assertManager(ctx);
  if (!z.uuid().safeParse(id).success) throw notFound('API key');
  const { row, changed } = await withTenant(ctx.tenantId, async (tx) => {
    const [current] = await tx.select(viewColumns).from(apiKeys).where(eq(apiKeys.id, id)).for('update');
    if (!current) throw notFound('API key');
    if (current.revokedAt) throw new AppError('conflict', 'This API key was revoked: it cannot be changed');
    const next = {
      name: patch.name ?? current.name,
      scopes: patch.scopes ?? current.scopes,
      expiresAt: patch.expiresAt === undefined ? current.expiresAt : patch.expiresAt,
      rateLimitPerMinute: patch.rateLimitPerMinute === undefined ? current.rateLimitPerMinute : patch.rateLimitPerMinute,
    };
    const diff = changes(settingsOf(current), settingsOf(next));
    if (!diff.after || Object.keys(diff.after).length === 0) return { row: current, changed: false };
    const [updated] = await tx.update(apiKeys).set(next).where(eq(apiKeys.id, id)).returning(viewColumns);
    await recordAudit(tx, ctx.tenantId, {
      actorUserId: ctx.userId,
      action: 'api_key.updated',
      entityType: 'api_key',
      entityId: id,
      before: diff.before,
      after: diff.after,
      details: { name: updated!.name, prefix: updated!.prefix },
    });
    return { row: updated!, changed: true };
  });
  // Committed: told to every instance before the owner is told it is done.
  if (changed) await markChanged(ctx.tenantId, row.prefix);
  return view(row);
}

/** Revokes a key: refused at once on this instance, from the next request on the others (and through the row's copy within KEY_TTL_MS should Redis have lost the mark). */
export async function revokeApiKey(ctx: TenantContext, id: string): Promise<ApiKeyView> {
  assertManager(ctx);
  if (!z.uuid().safeParse(id).success) throw notFound('API key');
  const { row, revokedNow } = await withTenant(ctx.tenantId, async (tx) => {
    const [revoked] = await tx
      .update(apiKeys)
      .set({ revokedAt: new Date(), revokedBy: ctx.userId })
      .where(and(eq(apiKeys.id, id), isNull(apiKeys.revokedAt)))
      .returning(viewColumns);
    if (!revoked) {
      const [existing] = await tx.select(viewColumns).from(apiKeys).where(eq(apiKeys.id, id));
      if (!existing) throw notFound('API key');
      return { row: existing, revokedNow: false }; // revoked already: the same answer again
    }
    await recordAudit(tx, ctx.tenantId, { actorUserId: ctx.userId, action: 'api_key.revoked', entityType: 'api_key', entityId: id, details: { name: revoked.name, prefix: revoked.prefix } });
    return { row: revoked, revokedNow: true };
  });
  // Committed: told to every instance before the owner is told it is done.
  if (revokedNow) await markChanged(ctx.tenantId, row.prefix);
  return view(row);
}

/**
 * The "changed" mark of a key, per prefix (what a request names): a new random value at every
 * edit and revocation. Each instance reads it on every request, before the row (see keyRow), and
 * drops its copy of the row when the mark is not the one it loaded the row under.
 */
const changedKey = (tenantId: string, prefix: string) => tenantKey(tenantId, 'apikey', prefix, 'changed');
/** How long a mark is kept: far longer than a per-process copy of the row lives (KEY_TTL_MS), which is all it must outlive. */
const CHANGED_MARK_SECONDS = 600;

async function markChanged(tenantId: string, prefix: string): Promise<void> {
  keyRows.delete(cacheKey(tenantId, prefix)); // this instance knows at once
  try {
    await (await redis()).set(changedKey(tenantId, prefix), randomUUID(), { ex: CHANGED_MARK_SECONDS });
  } catch (err) {
    logger.warn({ err, apiKeyPrefix: prefix }, 'API key change not copied to Redis; other instances see it within seconds');
  }
}

/** The key's current mark: null when it has none, UNREAD when Redis did not answer. */
const UNREAD = Symbol('unread');
async function changeMark(tenantId: string, prefix: string): Promise<string | null | typeof UNREAD> {
  try {
    const mark = await (await redis()).get<string>(changedKey(tenantId, prefix));
    return mark === null ? null : String(mark);
  } catch (err) {
    logger.warn({ err }, 'API key change marks unreadable; checking the database copy only');
    return UNREAD;
  }
}

/**
 * The key rows, cached per process for a few seconds: the lookup is on every API request. An
 * edit or revocation reaches the other instances at their next request through the change mark
 * in Redis (markChanged) and, should Redis have lost it or be away, through this copy expiring.
 * Misses are cached too (a flood of made-up keys costs one query per prefix and TTL).
 */
const KEY_TTL_MS = 5000;
const MAX_ROWS = 10_000;
type KeyRow = Pick<ApiKeyRow, 'id' | 'name' | 'prefix' | 'secretHash' | 'scopes' | 'rateLimitPerMinute' | 'expiresAt' | 'revokedAt' | 'createdBy' | 'lastUsedAt'>;
const keyRows = new Map<string, { row: KeyRow | null; until: number; mark: string | null | typeof UNREAD }>();
const cacheKey = (tenantId: string, prefix: string) => `${tenantId}:${prefix}`;

async function keyRow(tenantId: string, prefix: string): Promise<KeyRow | null> {
  const key = cacheKey(tenantId, prefix);
  // The mark first, then the row: a mark set after a change's commit means the row read after it is the changed one.
  const mark = await changeMark(tenantId, prefix);
  const cached = keyRows.get(key);
  if (cached && cached.until > Date.now() && (mark === UNREAD || cached.mark === mark)) return cached.row;
  // Under the host tenant's RLS: another business's key is not found, whatever its prefix.
  const [row] = await withTenant(tenantId, (tx) =>
    tx
      .select({
        id: apiKeys.id,
        name: apiKeys.name,
        prefix: apiKeys.prefix,
        secretHash: apiKeys.secretHash,
        scopes: apiKeys.scopes,
        rateLimitPerMinute: apiKeys.rateLimitPerMinute,
        expiresAt: apiKeys.expiresAt,
        revokedAt: apiKeys.revokedAt,
        createdBy: apiKeys.createdBy,
        lastUsedAt: apiKeys.lastUsedAt,
      })
      .from(apiKeys)
      .where(eq(apiKeys.prefix, prefix)),
  );
  if (keyRows.size >= MAX_ROWS) keyRows.clear(); // a bound, not a policy
  keyRows.set(key, { row: row ?? null, until: Date.now() + KEY_TTL_MS, mark });
  return row ?? null;
}

/** "Last used" is written at most once a minute per key and instance: a write per request would be the hot path's cost. */
const LAST_USED_EVERY_MS = 60_000;
const touched = new Map<string, number>();

async function touch(tenantId: string, row: KeyRow): Promise<void> {
  const now = Date.now();
  const last = Math.max(touched.get(row.id) ?? 0, row.lastUsedAt?.getTime() ?? 0);
  if (now - last < LAST_USED_EVERY_MS) return;
  if (touched.size >= MAX_ROWS) touched.clear();
  touched.set(row.id, now);
  try {
    await withTenant(tenantId, (tx) => tx.update(apiKeys).set({ lastUsedAt: new Date(now) }).where(eq(apiKeys.id, row.id)));
  } catch (err) {
    logger.warn({ err, apiKeyId: row.id }, 'could not record when an API key was last used');
  }
}

export type RateLimitState = { limit: number; remaining: number; reset: number };

/** The two limits a key's request is counted against: the key's own, then its business's (all its keys together). */
const LIMITS = {
  key: { prefix: 'p:apikey:limit', metric: 'api-key' },
  business: { prefix: 'p:apikey:business-limit', metric: 'api-key-business' },
} as const;
type LimitName = keyof typeof LIMITS;

const limiters = new Map<string, Ratelimit>();
async function limiterFor(name: LimitName, perMinute: number): Promise<Ratelimit> {
  let limiter = limiters.get(`${name}:${perMinute}`);
  if (!limiter) {
    // One prefix per limit; the id names the tenant (and key). timeout 0: no racing Redis with a timer.
    limiter = new Ratelimit({ redis: await redis(), limiter: Ratelimit.slidingWindow(perMinute, '1 m'), prefix: LIMITS[name].prefix, ephemeralCache: false, timeout: 0 });
    limiters.set(`${name}:${perMinute}`, limiter);
  }
  return limiter;
}

const stateOf = (perMinute: number, result: { remaining: number; reset: number }): RateLimitState => ({
  limit: perMinute,
  remaining: Math.max(0, result.remaining),
  reset: Math.max(0, Math.ceil((result.reset - Date.now()) / 1000)),
});

/** A 429 naming the limit that refused (`details.limit`: `key` or `business`). */
function refused(name: LimitName, state: RateLimitState): AppError {
  metrics().rateLimitRefusals.inc({ limit: LIMITS[name].metric });
  const retryAfterSeconds = Math.max(1, state.reset);
  const message =
    name === 'key'
      ? `This API key made more than ${state.limit} requests a minute. Try again in ${retryAfterSeconds} s.`
      : `This business's API keys together made more than ${state.limit} requests a minute. Try again in ${retryAfterSeconds} s.`;
  return new AppError('rate_limited', message, { limit: name, limitPerMinute: state.limit, retryAfterSeconds }, {
    headers: { ...rateLimitHeaders(state), 'retry-after': String(retryAfterSeconds) },
  });
}

/**
 * Takes one request from the key's minute, then from its business's minute
 * (API_BUSINESS_RATE_LIMIT_PER_MINUTE): sliding windows in Redis, shared by every instance. The
 * key's own comes first, so a key past its limit spends none of the business's; a request the
 * business's limit refuses is handed back to the key. The headers tell the nearer of the two.
 * With Redis away the request is let through (logged, no headers): these limits share out
 * capacity fairly, they guard no secret, and the key was checked already.
 */
async function takeRequest(tenantId: string, row: KeyRow): Promise<RateLimitState | null> {
  const perMinute = row.rateLimitPerMinute ?? DEFAULT_RATE_LIMIT_PER_MINUTE;
  const businessPerMinute = config().API_BUSINESS_RATE_LIMIT_PER_MINUTE;
  const keyId = tenantKey(tenantId, 'apikey', row.id);
  try {
    const own = await limiterFor('key', perMinute);
    const mine = await own.limit(keyId);
    const keyState = stateOf(perMinute, mine);
    if (!mine.success) throw refused('key', keyState);
    const business = await (await limiterFor('business', businessPerMinute)).limit(tenantKey(tenantId, 'apikey', 'business'));
    const businessState = stateOf(businessPerMinute, business);
    if (!business.success) {
      await own.limit(keyId, { rate: -1 }).catch(() => undefined); // not counted against the key
      throw refused('business', businessState);
    }
    return businessState.remaining < keyState.remaining ? businessState : keyState;
  } catch (err) {
    if (err instanceof AppError) throw err;
    logger.warn({ err, apiKeyId: row.id }, 'API key rate limit unavailable; request let through');
    return null;
  }
}

export const rateLimitHeaders = (s: RateLimitState): Record<string, string> => ({
  'ratelimit-limit': String(s.limit),
  'ratelimit-remaining': String(s.remaining),
  'ratelimit-reset': String(s.reset),
});

const unauthorized = (message: string) => new AppError('unauthorized', message);

/** A key's context: the key is the principal (context.ts › ApiKeyPrincipal says what each field means). */
export type ApiKeyContext = TenantContext & { apiKey: NonNullable<TenantContext['apiKey']>; rateLimit: RateLimitState | null };

/**
 * The seam for a Bearer token: the host's tenant (404), the key of that same tenant, not revoked
 * or expired (401), within its rate limit (429), whose scopes grant `permission` (403).
 */
export async function resolveApiKey(headers: Headers, token: string, permission?: Permission): Promise<ApiKeyContext> {
  const tenant = await hostTenant(headers);
  const parts = SECRET.exec(token);
  if (!parts) throw unauthorized('The API key is not valid');
  const row = await keyRow(tenant.id, parts[1]!);
  const given = Buffer.from(sha256(token), 'hex');
  if (!row || !timingSafeEqual(given, Buffer.from(row.secretHash, 'hex'))) throw unauthorized('The API key is not valid');
  if (row.revokedAt) throw unauthorized('This API key was revoked');
  if (row.expiresAt && row.expiresAt.getTime() <= Date.now()) throw unauthorized('This API key has expired');
  annotateContext({ apiKeyId: row.id, apiKeyName: row.name, userId: row.createdBy });
  const rateLimit = await takeRequest(tenant.id, row);
  await touch(tenant.id, row);
  const ctx = keyContext(tenant, row, rateLimit);
  if (permission && !can(ctx, permission)) {
    const scopes = scopesGranting(permission);
    throw new AppError(
      'forbidden',
      scopes.length
        ? `This API key lacks the ${scopes.map((s) => `"${s}"`).join(' or ')} scope this needs (permission ${permission})`
        : `API keys cannot do this (permission ${permission}): sign in as a person`,
      { requiredScopes: scopes, permission },
      { headers: rateLimit ? rateLimitHeaders(rateLimit) : {} },
    );
  }
  return ctx;
}

function keyContext(tenant: TenantInfo, row: KeyRow, rateLimit: RateLimitState | null): ApiKeyContext {
  const now = Date.now();
  return {
    tenant,
    tenantId: tenant.id,
    userId: row.createdBy,
    role: 'cashier',
    name: row.name,
    email: '',
    sessionId: row.id,
    authTime: now,
    expiresAt: Math.floor(now / 1000) + 60,
    apiKey: { id: row.id, name: row.name, prefix: row.prefix, scopes: row.scopes, permissions: permissionsOf(row.scopes) },
    rateLimit,
  };
}

/** The token of `Authorization: Bearer …`, or null when the request carries none (a session's, then). */
export function bearerToken(headers: Headers): string | null {
  const value = headers.get('authorization');
  if (value === null) return null;
  const match = /^Bearer[ \t]+(\S*)\s*$/i.exec(value);
  return match ? match[1]! : null;
}

/**
 * Who a tenant route answers for: the API key when the request carries `Authorization: Bearer`
 * (then only the key: a cookie beside it is not looked at), else the session (resolveStaff).
 */
export function resolveCaller(source: RequestSource, permission?: Permission): Promise<TenantContext | ApiKeyContext> {
  const token = bearerToken(source.headers);
  return token === null ? resolveStaff(source, permission) : resolveApiKey(source.headers, token, permission);
}

const MUTATIONS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * The answer to a key's request: its rate limit headers, and for a change an audit row naming the
 * key (`api_key.request`: method, path, status); a read is counted into the key's summary row a
 * minute instead (api-key-reads.ts says why). Modules' own audit rows name the key too
 * (audit.ts reads it from the request context). A session's answer passes untouched.
 */
export async function answeredForKey(ctx: TenantContext | ApiKeyContext, req: Request, response: Response): Promise<Response> {
  if (!ctx.apiKey) return response;
  const state = 'rateLimit' in ctx ? ctx.rateLimit : null;
  if (state) for (const [name, value] of Object.entries(rateLimitHeaders(state))) response.headers.set(name, value);
  if (MUTATIONS.has(req.method)) {
    await recordAuditAfter(ctx.tenantId, {
      actorUserId: ctx.userId,
      action: 'api_key.request',
      entityType: 'api_key',
      entityId: ctx.apiKey.id,
      details: { method: req.method, path: new URL(req.url).pathname, status: response.status },
    });
  } else {
    countKeyRead({ tenantId: ctx.tenantId, actorUserId: ctx.userId, apiKey: { id: ctx.apiKey.id, name: ctx.apiKey.name }, method: req.method, path: new URL(req.url).pathname, status: response.status });
  }
  return response;
}

/** For tests: forget the per-process copies (another instance's view). */
export function forgetApiKeyCache(): void {
  keyRows.clear();
  touched.clear();
}
