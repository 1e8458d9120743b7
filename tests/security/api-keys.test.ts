import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import * as keysRoute from '@/app/api/v1/api-keys/route';
import * as keyRoute from '@/app/api/v1/api-keys/[id]/route';
import * as categoriesRoute from '@/app/api/v1/categories/route';
import * as ordersRoute from '@/app/api/v1/orders/route';
import * as productsRoute from '@/app/api/v1/products/route';
import { createApiKey, listApiKeys, PERMISSIONS, revokeApiKey, SCOPES, scopesGranting, updateApiKey, type ApiScope, type Permission } from '@/lib/auth';
import { countKeyRead, READ_SUMMARY_ROUTES, writeReadSummaries } from '@/lib/auth/api-key-reads';
import { forgetApiKeyCache } from '@/lib/auth/api-keys';
import { receiveStock } from '@/lib/inventory';
import { withTenant } from '@/lib/platform/db';
import { redis, tenantKey } from '@/lib/platform/redis';
import { runWithContext } from '@/lib/platform/request-context';
import { apiRequest, contextOf, createStockedProduct, createTenant, json, mainLocation, noParams, rowsOf, segment, type TestTenant } from '../helpers';
import { findRoutes, PUBLIC_ROUTES } from './routes';

/**
 * API keys (issue 17, docs/api.md): a Bearer key goes through the tenant seam — host tenant,
 * the key of that tenant (else 401), not revoked or expired (401), within its rate limit (429),
 * the route's permission granted by its scopes (else 403) — and acts with its scopes only.
 */
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

/**
 * What only a person signed in at the business may do: no scope may ever grant these. The list
 * lives here, apart from API_SCOPES, so that widening a scope to one of them fails this file —
 * above all `apikeys:manage`: a key never lists, mints, edits or revokes keys. Every other
 * permission must be some scope's (the first test), so a new permission is put in one place or the other.
 */
const SESSION_ONLY = [
  'admin:access',
  'apikeys:manage',
  'assistant:use',
  'audit:read',
  'customer:privacy',
  'discount:override',
  'kitchen:use',
  'kitchen:write',
  'offline:resolve',
  'register:use',
  'settings:write',
  'shift:manage',
  'staff:manage-owners',
  'staff:write',
  'timeclock:manage',
  'timeclock:use',
] as const satisfies readonly Permission[];
const sessionOnly = (p: Permission) => (SESSION_ONLY as readonly Permission[]).includes(p);
type Handler = ((req: unknown, seg: unknown) => Promise<Response>) & { permission?: Permission };

const keyRequest = (t: TestTenant, key: string, method: string, path: string, options: { body?: unknown; headers?: Record<string, string> } = {}) =>
  apiRequest(method, path, { host: t.tenant, body: options.body, headers: { authorization: `Bearer ${key}`, ...options.headers } });

async function newKey(t: TestTenant, scopes: readonly ApiScope[], extra: { expiresAt?: Date; rateLimitPerMinute?: number; name?: string } = {}) {
  return createApiKey(contextOf(t), { name: extra.name ?? `key ${scopes.join(' ')}`.slice(0, 80), scopes: [...scopes], ...extra });
}

/** Every route a key could call: tenantRoute handlers, which declare their permission (the locked register's take a device's lock token). */
async function* keyRoutes() {
  for (const route of findRoutes().filter((r) => !(r.path in PUBLIC_ROUTES))) {
    const handlers = (await import(/* @vite-ignore */ route.file)) as Record<string, Handler | undefined>;
    for (const method of METHODS) {
      const handler = handlers[method];
      if (!handler?.permission) continue;
      const params = Object.fromEntries(route.params.map((p) => [p, p === 'name' ? 'sales' : crypto.randomUUID()]));
      const path = route.path.replace(/\[([^\]]+)\]/g, (_, p: string) => params[p]!);
      yield { route, method, handler, permission: handler.permission, params, path };
    }
  }
}

describe('API keys', () => {
  let a: TestTenant;
  let b: TestTenant;

  beforeAll(async () => {
    [a, b] = await Promise.all([createTenant(), createTenant()]);
  }, 60_000);

  it('grants no key a SESSION_ONLY permission, and every other permission through some scope', () => {
    for (const permission of SESSION_ONLY) expect(scopesGranting(permission), permission).toEqual([]);
    expect(PERMISSIONS.filter((p) => !sessionOnly(p) && scopesGranting(p).length === 0), 'permissions neither in a scope nor in SESSION_ONLY').toEqual([]);
  });

  it('shows the secret once and keeps only its SHA-256: never in a list, a row or the audit log', async () => {
    const res = await keysRoute.POST(await apiRequest('POST', '/api/v1/api-keys', { host: a.tenant, as: a.owner, body: { name: 'Books sync', scopes: ['orders:read', 'catalog:read'] } }), noParams);
    const { status, body } = await json(res);
    expect(status).toBe(201);
    // Parsed by its format, not cut at underscores: base64url has '_' too, so the fourth piece was
    // only the random part up to its first '_' — empty, or a character or two, often enough to fail by chance.
    const [, prefix, secretPart] = /^tw_live_([0-9a-f]{12})_([A-Za-z0-9_-]{43})$/.exec(body.secret) ?? [];
    expect(prefix).toBe(body.prefix);
    expect(secretPart).toHaveLength(43); // the 256 random bits: never in a row or the audit log
    expect(body).toMatchObject({ name: 'Books sync', scopes: ['catalog:read', 'orders:read'], status: 'active', lastUsedAt: null, revokedAt: null });

    const list = await keysRoute.GET(await apiRequest('GET', '/api/v1/api-keys', { host: a.tenant, as: a.owner }), noParams);
    const listed = await list.text();
    expect(listed).toContain(body.prefix);
    expect(listed).not.toContain(body.secret);
    expect(listed).not.toMatch(/secret|hash/i);

    const [row] = rowsOf<Record<string, unknown>>(await withTenant(a.tenant.id, (tx) => tx.execute(sql`select * from api_keys where id = ${body.id}`)));
    expect(Object.values(row!).map(String).join(' ')).not.toContain(body.secret);
    expect(Object.values(row!).map(String).join(' ')).not.toContain(secretPart);
    expect(row!.secret_hash).toBe(createHash('sha256').update(body.secret).digest('hex'));
    const audit = rowsOf<{ text: string }>(await withTenant(a.tenant.id, (tx) => tx.execute(sql`select row_to_json(a)::text as text from audit_events a where entity_id = ${body.id}`)));
    expect(audit.length).toBe(1);
    expect(audit[0]!.text).not.toContain(secretPart);
  });

  it('works as the owner’s key on its own host, with the permissions of its scopes, and records its last use', async () => {
    const { key, secret } = await newKey(a, ['catalog:read']);
    const res = await productsRoute.GET(await keyRequest(a, secret, 'GET', '/api/v1/products'), noParams);
    expect(res.status).toBe(200);
    expect(res.headers.get('ratelimit-limit')).toBe('600');
    const [listed] = (await listApiKeys(contextOf(a))).filter((k) => k.id === key.id);
    expect(listed!.lastUsedAt).toBeInstanceOf(Date);
    // catalog:read is not catalog:write
    const write = await productsRoute.POST(await keyRequest(a, secret, 'POST', '/api/v1/products', { body: {} }), noParams);
    expect(write.status).toBe(403);
    expect((await write.json()).error).toMatchObject({ code: 'forbidden', message: expect.stringContaining('"catalog:write"') });
  });

  it('refuses tenant A’s key on B’s host (401) on every route', async () => {
    const { secret } = await newKey(a, SCOPES);
    let calls = 0;
    for await (const { route, method, handler, params, path } of keyRoutes()) {
      const res = await handler(await keyRequest(b, secret, method, path, { body: method === 'GET' ? undefined : {} }), segment(params));
      expect(res.status, `${method} ${route.path}`).toBe(401);
      await res.body?.cancel();
      calls++;
    }
    expect(calls).toBeGreaterThan(80);
  }, 120_000);

  it('enforces the route’s scope on every route: without it 403 naming the scope, with it never 401/403 from the key', async () => {
    const keys = new Map<string, { without: string; with: string | null }>();
    const checked: string[] = [];
    const refusedSessionOnly: string[] = [];
    for await (const { route, method, handler, permission, params, path } of keyRoutes()) {
      if (!keys.has(permission)) {
        const granting = scopesGranting(permission);
        const without = (await newKey(a, SCOPES.filter((s) => !granting.includes(s)), { name: `without ${permission}` })).secret;
        const withScope = granting.length ? (await newKey(a, granting, { name: `with ${permission}` })).secret : null;
        keys.set(permission, { without, with: withScope });
      }
      const { without, with: withScope } = keys.get(permission)!;
      const body = method === 'GET' ? undefined : {};
      const refused = await handler(await keyRequest(a, without, method, path, { body }), segment(params));
      expect(refused.status, `${method} ${route.path} without a scope granting ${permission}`).toBe(403);
      const error = (await refused.json()).error;
      expect(error.details).toMatchObject({ permission, requiredScopes: scopesGranting(permission) });
      for (const scope of scopesGranting(permission)) expect(error.message).toContain(`"${scope}"`);
      // A SESSION_ONLY route: refused above to a key holding every scope there is.
      if (sessionOnly(permission)) refusedSessionOnly.push(`${method} ${route.path}`);
      if (withScope) {
        const res = await handler(await keyRequest(a, withScope, method, path, { body }), segment(params));
        const answer = res.status >= 400 ? (await res.json()).error : null;
        await res.body?.cancel().catch(() => {});
        // A 403 that is not the key's (the CSV import's "send text/csv", a module's own refusal) would still name no scope.
        expect(res.status, `${method} ${route.path} with ${scopesGranting(permission).join(',')}: ${answer?.message}`).not.toBe(401);
        if (res.status === 403) expect(answer.details?.requiredScopes, `${method} ${route.path}: ${answer.message}`).toBeUndefined();
        checked.push(`${method} ${route.path} → ${res.status}`);
      }
    }
    expect(checked.length).toBeGreaterThan(60);
    expect(refusedSessionOnly).toEqual(expect.arrayContaining(['GET /api/v1/api-keys', 'POST /api/v1/api-keys', 'GET /api/v1/api-keys/[id]', 'PATCH /api/v1/api-keys/[id]', 'DELETE /api/v1/api-keys/[id]']));
    // Not vacuous: with the scope, reads of the collections answer 200.
    expect(checked).toEqual(expect.arrayContaining(['GET /api/v1/products → 200', 'GET /api/v1/orders → 200', 'GET /api/v1/inventory/levels → 200']));
    if (process.env.SHOW_SWEEP) console.log(checked.join('\n'));
  }, 240_000);

  it('refuses a revoked key (401) at once, and on an instance that had it cached within the cache’s life', async () => {
    const { key, secret } = await newKey(a, ['catalog:read']);
    const call = async () => (await productsRoute.GET(await keyRequest(a, secret, 'GET', '/api/v1/products'), noParams)).status;
    expect(await call()).toBe(200);
    const revoked = await revokeApiKey(contextOf(a), key.id);
    expect(revoked.status).toBe('revoked');
    expect(await call()).toBe(401);
    forgetApiKeyCache(); // another instance: reads the row
    const res = await productsRoute.GET(await keyRequest(a, secret, 'GET', '/api/v1/products'), noParams);
    expect(res.status).toBe(401);
    expect((await res.json()).error.message).toBe('This API key was revoked');
    // Revoking again answers the same; another business cannot revoke it (its id is not there).
    expect((await revokeApiKey(contextOf(a), key.id)).status).toBe('revoked');
    const other = await keyRoute.DELETE(await apiRequest('DELETE', `/api/v1/api-keys/${key.id}`, { host: b.tenant, as: b.owner }), segment({ id: key.id }));
    expect(other.status).toBe(404);
  });

  describe('editing a key (PATCH /api/v1/api-keys/{id})', () => {
    const patch = async (t: TestTenant, id: string, body: unknown, headers: Record<string, string> = {}) =>
      json(await keyRoute.PATCH(await apiRequest('PATCH', `/api/v1/api-keys/${id}`, { host: t.tenant, as: t.owner, body, headers }), segment({ id })));
    const products = async (secret: string) => (await productsRoute.GET(await keyRequest(a, secret, 'GET', '/api/v1/products'), noParams)).status;
    const orders = async (secret: string) => (await ordersRoute.GET(await keyRequest(a, secret, 'GET', '/api/v1/orders'), noParams)).status;
    const auditOf = async (t: TestTenant, id: string) =>
      rowsOf<{ action: string; before: Record<string, unknown> | null; after: Record<string, unknown> | null; details: Record<string, unknown> }>(
        await withTenant(t.tenant.id, (tx) => tx.execute(sql`select action, before, after, details from audit_events where entity_id = ${id} and action = 'api_key.updated' order by created_at, id`)),
      );

    it('changes name, scopes, expiry and rate limit in one audited step; the key acts with the new scopes from its next request', async () => {
      const { key, secret } = await newKey(a, ['catalog:read'], { name: 'Sync v1' });
      expect([await products(secret), await orders(secret)]).toEqual([200, 403]);
      const expiresAt = new Date(Date.now() + 86_400_000).toISOString();
      const { status, body } = await patch(a, key.id, { name: 'Sync v2', scopes: ['orders:read'], expiresAt, rateLimitPerMinute: 50 });
      expect(status).toBe(200);
      expect(body).toMatchObject({ id: key.id, name: 'Sync v2', scopes: ['orders:read'], expiresAt, rateLimitPerMinute: 50, status: 'active', prefix: key.prefix });
      expect(JSON.stringify(body)).not.toMatch(/secret|hash/i);
      expect([await products(secret), await orders(secret)]).toEqual([403, 200]);
      const res = await ordersRoute.GET(await keyRequest(a, secret, 'GET', '/api/v1/orders'), noParams);
      expect(res.headers.get('ratelimit-limit')).toBe('50');
      const [audit, ...more] = await auditOf(a, key.id);
      expect(more).toEqual([]);
      expect(audit).toMatchObject({
        before: { name: 'Sync v1', scopes: ['catalog:read'], expiresAt: null, rateLimitPerMinute: null },
        after: { name: 'Sync v2', scopes: ['orders:read'], expiresAt, rateLimitPerMinute: 50 },
        details: { name: 'Sync v2', prefix: key.prefix },
      });
      // Only what changed is recorded; back to the defaults with null; the same settings again record nothing.
      expect((await patch(a, key.id, { expiresAt: null, rateLimitPerMinute: null, name: 'Sync v2' })).body).toMatchObject({ expiresAt: null, rateLimitPerMinute: 600 });
      expect((await patch(a, key.id, { scopes: ['orders:read'] })).status).toBe(200);
      const audits = await auditOf(a, key.id);
      expect(audits.length).toBe(2);
      expect(audits[1]).toMatchObject({ before: { expiresAt, rateLimitPerMinute: 50 }, after: { expiresAt: null, rateLimitPerMinute: null } });
      expect(Object.keys(audits[1]!.after!)).toEqual(expect.not.arrayContaining(['name', 'scopes']));
    });

    it('reaches an instance holding the old row: the change mark in Redis makes it read the row again', async () => {
      const { key, secret } = await newKey(a, ['catalog:read']);
      expect(await products(secret)).toBe(200); // this instance holds the row now
      // Another instance's edit: the row changed in the database and the mark set, this instance's copy untouched.
      await withTenant(a.tenant.id, (tx) => tx.execute(sql`update api_keys set scopes = array['orders:read'] where id = ${key.id}`));
      await (await redis()).set(tenantKey(a.tenant.id, 'apikey', key.prefix, 'changed'), crypto.randomUUID());
      expect([await products(secret), await orders(secret)]).toEqual([403, 200]);
      // And another instance's revocation the same way.
      await withTenant(a.tenant.id, (tx) => tx.execute(sql`update api_keys set revoked_at = now() where id = ${key.id}`));
      await (await redis()).set(tenantKey(a.tenant.id, 'apikey', key.prefix, 'changed'), crypto.randomUUID());
      expect(await orders(secret)).toBe(401);
    });

    it('refuses what does not fit (422), a revoked key (409), an unknown id (404) and another business’s key (404, unchanged)', async () => {
      const { key } = await newKey(a, ['catalog:read'], { name: 'Edited badly' });
      for (const body of [{}, { scopes: [] }, { scopes: ['apikeys:manage'] }, { name: '' }, { expiresAt: '2001-01-01T00:00:00Z' }, { rateLimitPerMinute: 0 }, { rateLimitPerMinute: 1.5 }]) {
        const { status, body: answer } = await patch(a, key.id, body);
        expect([status, answer.error.code], JSON.stringify(body)).toEqual([422, 'unprocessable']);
      }
      expect((await patch(a, crypto.randomUUID(), { name: 'x' })).status).toBe(404);
      expect((await patch(a, 'not-a-uuid', { name: 'x' })).status).toBe(404);
      const theirs = (await newKey(b, ['orders:read'], { name: 'B’s key' })).key;
      expect((await patch(a, theirs.id, { scopes: SCOPES })).status).toBe(404);
      expect((await keyRoute.GET(await apiRequest('GET', `/api/v1/api-keys/${theirs.id}`, { host: a.tenant, as: a.owner }), segment({ id: theirs.id }))).status).toBe(404);
      expect((await listApiKeys(contextOf(b))).find((k) => k.id === theirs.id)).toMatchObject({ name: 'B’s key', scopes: ['orders:read'] });
      await revokeApiKey(contextOf(a), key.id);
      expect(await patch(a, key.id, { name: 'Back from the dead' })).toMatchObject({ status: 409, body: { error: { code: 'conflict' } } });
      expect(await auditOf(a, key.id)).toEqual([]);
    });

    it('honours Idempotency-Key: a replay answers the same and records once; another body with that key is 422', async () => {
      const { key } = await newKey(a, ['catalog:read']);
      const headers = { 'idempotency-key': `edit-${key.id}` };
      const first = await patch(a, key.id, { name: 'Renamed once' }, headers);
      await patch(a, key.id, { name: 'Renamed by someone else' }); // changed in between, without the key
      const replay = await patch(a, key.id, { name: 'Renamed once' }, headers);
      expect([first.status, replay.status]).toEqual([200, 200]);
      expect(replay.body).toEqual(first.body);
      expect((await patch(a, key.id, { name: 'Renamed twice' }, headers)).status).toBe(422);
      expect((await auditOf(a, key.id)).map((r) => r.after?.name)).toEqual(['Renamed once', 'Renamed by someone else']);
    });
  });

  it('refuses an expired key (401), a made-up one and a tampered one', async () => {
    const { secret } = await newKey(a, ['catalog:read'], { expiresAt: new Date(Date.now() - 1000) });
    const expired = await productsRoute.GET(await keyRequest(a, secret, 'GET', '/api/v1/products'), noParams);
    expect([expired.status, (await expired.json()).error.message]).toEqual([401, 'This API key has expired']);
    const live = (await newKey(a, ['catalog:read'])).secret;
    const tampered = live.slice(0, -1) + (live.endsWith('A') ? 'B' : 'A');
    for (const bad of [tampered, 'tw_live_000000000000_' + 'a'.repeat(43), 'nonsense', '']) {
      const res = await productsRoute.GET(await keyRequest(a, bad, 'GET', '/api/v1/products'), noParams);
      expect(res.status, bad).toBe(401);
    }
    // And the schema refuses an expiry in the past.
    const res = await keysRoute.POST(await apiRequest('POST', '/api/v1/api-keys', { host: a.tenant, as: a.owner, body: { name: 'x', scopes: ['orders:read'], expiresAt: '2001-01-01T00:00:00Z' } }), noParams);
    expect(res.status).toBe(422);
  });

  it('limits each key to its requests a minute: RateLimit-* headers, then 429 with Retry-After', async () => {
    const { secret } = await newKey(a, ['catalog:read'], { rateLimitPerMinute: 3 });
    const other = (await newKey(a, ['catalog:read'], { rateLimitPerMinute: 3 })).secret;
    const remaining: string[] = [];
    for (let i = 0; i < 3; i++) {
      const res = await productsRoute.GET(await keyRequest(a, secret, 'GET', '/api/v1/products'), noParams);
      expect(res.status).toBe(200);
      expect(res.headers.get('ratelimit-limit')).toBe('3');
      expect(Number(res.headers.get('ratelimit-reset'))).toBeGreaterThanOrEqual(0);
      remaining.push(res.headers.get('ratelimit-remaining')!);
    }
    expect(remaining).toEqual(['2', '1', '0']);
    const refused = await productsRoute.GET(await keyRequest(a, secret, 'GET', '/api/v1/products'), noParams);
    expect(refused.status).toBe(429);
    expect((await refused.json()).error.code).toBe('rate_limited');
    expect(refused.headers.get('ratelimit-remaining')).toBe('0');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    // Per key: another key of the same business still has its minute.
    expect((await productsRoute.GET(await keyRequest(a, other, 'GET', '/api/v1/products'), noParams)).status).toBe(200);
  });

  it('cannot list, create or revoke keys, whatever its scopes (a key never mints keys)', async () => {
    const { key, secret } = await newKey(a, SCOPES);
    const create = await keysRoute.POST(await keyRequest(a, secret, 'POST', '/api/v1/api-keys', { body: { name: 'mine', scopes: ['orders:read'] } }), noParams);
    expect(create.status).toBe(403);
    expect((await create.json()).error.message).toContain('sign in');
    expect((await keysRoute.GET(await keyRequest(a, secret, 'GET', '/api/v1/api-keys'), noParams)).status).toBe(403);
    expect((await keyRoute.DELETE(await keyRequest(a, secret, 'DELETE', `/api/v1/api-keys/${key.id}`), segment({ id: key.id }))).status).toBe(403);
    const edit = await keyRoute.PATCH(await keyRequest(a, secret, 'PATCH', `/api/v1/api-keys/${key.id}`, { body: { rateLimitPerMinute: 100_000 } }), segment({ id: key.id }));
    expect(edit.status).toBe(403);
    await expect(updateApiKey(contextOf(a), key.id, { name: 'x' }).then(() => 'changed')).resolves.toBe('changed'); // the owner can
    // Nor a manager or cashier signed in.
    for (const who of [a.manager, a.cashier]) {
      expect((await keysRoute.GET(await apiRequest('GET', '/api/v1/api-keys', { host: a.tenant, as: who }), noParams)).status).toBe(403);
      const edit = await keyRoute.PATCH(await apiRequest('PATCH', `/api/v1/api-keys/${key.id}`, { host: a.tenant, as: who, body: { scopes: ['orders:read'] } }), segment({ id: key.id }));
      expect(edit.status).toBe(403);
    }
    expect([...(await listApiKeys(contextOf(a))).find((k) => k.id === key.id)!.scopes].sort()).toEqual([...SCOPES].sort());
    expect((await listApiKeys(contextOf(a))).find((k) => k.id === key.id)!.status).toBe('active');
  });

  it('audits a change made with a key under the key’s name; no Origin check, Idempotency-Key honoured', async () => {
    const { key, secret } = await newKey(a, ['catalog:write'], { name: 'Menu importer' });
    const send = async () =>
      categoriesRoute.POST(
        await keyRequest(a, secret, 'POST', '/api/v1/categories', { body: { name: 'Imported drinks' }, headers: { origin: 'https://elsewhere.example', 'idempotency-key': 'import-1' } }),
        noParams,
      );
    const first = await send();
    expect(first.status).toBe(201);
    const created = await first.json();
    const again = await send();
    expect([again.status, (await again.json()).id]).toEqual([201, created.id]);
    const rows = rowsOf<{ action: string; actor_user_id: string; details: { apiKey?: { id: string; name: string }; status?: number } }>(
      await withTenant(a.tenant.id, (tx) => tx.execute(sql`select action, actor_user_id, details from audit_events where details->'apiKey'->>'id' = ${key.id} order by created_at, id`)),
    );
    const change = rows.find((r) => r.action === 'category.created');
    expect(change?.details.apiKey).toEqual({ id: key.id, name: 'Menu importer' });
    expect(change?.actor_user_id).toBe(a.owner.id); // the key's creator answers for it
    expect(rows.filter((r) => r.action === 'api_key.request').map((r) => r.details.status)).toEqual([201, 201]);
    expect(rowsOf(await withTenant(a.tenant.id, (tx) => tx.execute(sql`select 1 from categories where name = 'Imported drinks'`))).length).toBe(1);
  });

  it('audits a key’s reads in one summary row a minute under its name, not a row per read', async () => {
    await writeReadSummaries(); // what earlier cases read
    const { key, secret } = await newKey(a, ['catalog:read'], { name: 'Shelf reader' });
    for (let i = 0; i < 3; i++) expect((await productsRoute.GET(await keyRequest(a, secret, 'GET', '/api/v1/products'), noParams)).status).toBe(200);
    expect((await categoriesRoute.GET(await keyRequest(a, secret, 'GET', '/api/v1/categories'), noParams)).status).toBe(200);
    const auditOf = async () =>
      rowsOf<{ action: string; actor_user_id: string; details: Record<string, unknown> }>(
        await withTenant(a.tenant.id, (tx) => tx.execute(sql`select action, actor_user_id, details from audit_events where entity_id = ${key.id} and action <> 'api_key.created' order by created_at, id`)),
      );
    expect(await auditOf()).toEqual([]); // the reads wrote nothing on their way
    // Written from inside another key's request: the row still names its own key.
    await runWithContext({ requestId: 'another', apiKeyId: crypto.randomUUID(), apiKeyName: 'Someone else' }, () => writeReadSummaries());
    const [summary, ...more] = await auditOf();
    expect(more).toEqual([]);
    expect(summary).toMatchObject({ action: 'api_key.reads', actor_user_id: a.owner.id, details: { apiKey: { id: key.id, name: 'Shelf reader' }, requests: 4 } });
    expect(summary!.details.routes).toEqual(
      expect.arrayContaining([
        { method: 'GET', path: '/api/v1/products', status: 200, count: 3 },
        { method: 'GET', path: '/api/v1/categories', status: 200, count: 1 },
      ]),
    );
    expect(await writeReadSummaries()).toBe(0); // nothing read since
  });

  it('keeps a read summary to its first READ_SUMMARY_ROUTES lines, counting the rest', async () => {
    const apiKey = { id: crypto.randomUUID(), name: 'Crawler' };
    for (let i = 0; i <= READ_SUMMARY_ROUTES; i++) countKeyRead({ tenantId: a.tenant.id, actorUserId: a.owner.id, apiKey, method: 'GET', path: `/api/v1/orders/${i}`, status: 404 });
    await writeReadSummaries();
    const [row] = rowsOf<{ details: { requests: number; routes: unknown[]; otherRequests?: number } }>(
      await withTenant(a.tenant.id, (tx) => tx.execute(sql`select details from audit_events where entity_id = ${apiKey.id}`)),
    );
    expect(row!.details).toMatchObject({ requests: READ_SUMMARY_ROUTES + 1, otherRequests: 1 });
    expect(row!.details.routes).toHaveLength(READ_SUMMARY_ROUTES);
  });

  it('keeps costs from a key without costs:read, as from a cashier', async () => {
    await createStockedProduct(a, { name: 'Costed tea' });
    await withTenant(a.tenant.id, (tx) => tx.execute(sql`update product_variants set cost = 123`));
    const plain = (await newKey(a, ['catalog:read'])).secret;
    const costed = (await newKey(a, ['catalog:read', 'costs:read'])).secret;
    const text = async (key: string) => (await productsRoute.GET(await keyRequest(a, key, 'GET', '/api/v1/products'), noParams)).text();
    expect(await text(costed)).toMatch(/"cost":123/);
    expect(await text(plain)).not.toMatch(/"cost"/);
  });

  it('is judged by its scopes inside the modules too: a big discount needs a manager, as for a cashier, though its creator is the owner', async () => {
    const product = await createStockedProduct(a, { name: 'Discounted cake' });
    const variantId = product.variants[0]!.id;
    await receiveStock(contextOf(a), { locationId: await mainLocation(a), supplier: null, note: null, lines: [{ variantId, quantity: 5 }] });
    const body = { type: 'retail', lines: [{ variantId, quantity: 1 }], orderDiscount: { kind: 'percent', basisPoints: 5000, reason: 'Half off' } };
    const { secret } = await newKey(a, ['orders:write']);
    const byKey = await ordersRoute.POST(await keyRequest(a, secret, 'POST', '/api/v1/orders', { body }), noParams);
    expect(byKey.status).toBe(403);
    expect((await byKey.json()).error.message).toMatch(/approv|manager/i);
    const byOwner = await ordersRoute.POST(await apiRequest('POST', '/api/v1/orders', { host: a.tenant, as: a.owner, body }), noParams);
    expect(byOwner.status).toBe(201);
  });

  it('lists a business’s own keys only', async () => {
    const { key } = await newKey(b, ['orders:read'], { name: 'B only' });
    expect((await listApiKeys(contextOf(a))).some((k) => k.id === key.id)).toBe(false);
    expect((await listApiKeys(contextOf(b))).some((k) => k.id === key.id)).toBe(true);
  });
});
