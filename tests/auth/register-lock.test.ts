import { beforeAll, describe, expect, it } from 'vitest';
import * as lockRoute from '@/app/api/v1/register/lock/route';
import * as lockClockIn from '@/app/api/v1/register/lock/clock-in/route';
import * as lockClockOut from '@/app/api/v1/register/lock/clock-out/route';
import * as clockedInRoute from '@/app/api/v1/time-clock/route';
import * as meRoute from '@/app/api/v1/me/route';
import { authOptionsFor } from '@/lib/auth/next-auth-options';
import { LIMITS } from '@/lib/auth/rate-limits';
import { REGISTER_LOCK_COOKIE, registerLockOf } from '@/lib/auth/register-lock';
import { SESSION_COOKIE } from '@/lib/auth/session';
import { requestContextFrom, runWithContext } from '@/lib/platform/request-context';
import { getTenantSettings, settingsPatchSchema } from '@/lib/tenancy/settings';
import { apiRequest, createTenant, json, noParams, PASSWORD, sessionTokenFor, type TestTenant } from '../helpers';

let a: TestTenant;
let b: TestTenant;
beforeAll(async () => {
  [a, b] = await Promise.all([createTenant(), createTenant()]);
});

/** A provider's authorize, as next-auth's route calls it with the browser's cookies. */
function pinSignIn(t: TestTenant, credentials: Record<string, string>, cookie: string) {
  return signInAs(t, 'pin', credentials, cookie);
}

function signInAs(t: TestTenant, id: 'pin' | 'credentials', credentials: Record<string, string>, cookie: string) {
  type Provider = { options: { id: string; authorize: (c: Record<string, string>, req: { headers: Record<string, string> }) => Promise<{ id: string }> } };
  const provider = (authOptionsFor(t.tenant).providers as unknown as Provider[]).find((p) => p.options.id === id)!;
  const headers = { cookie, 'x-forwarded-for': '198.51.100.9' };
  return runWithContext(requestContextFrom(new Headers(headers)), () =>
    provider.options.authorize(credentials, { headers }).then(
      (user) => `signed in as ${user.id}`,
      (e: Error) => e.message,
    ),
  );
}

/** Locks a register signed in as the cashier: the old session's token and the lock cookie it got. */
async function lockedRegister(t: TestTenant) {
  const token = await sessionTokenFor(t.cashier);
  const res = await lockRoute.POST(await apiRequest('POST', '/api/v1/register/lock', { host: t.tenant, as: token }), noParams);
  expect(res.status).toBe(200);
  const cookies = res.headers.getSetCookie();
  const lock = cookies.find((c) => c.startsWith(`${REGISTER_LOCK_COOKIE}=`))!;
  expect(lock).toMatch(/HttpOnly/);
  expect(cookies).toContainEqual(expect.stringMatching(new RegExp(`^${SESSION_COOKIE.replace('.', '\\.')}=; Max-Age=0`)));
  return { token, lockCookie: lock.split(';')[0]! };
}

const me = async (t: TestTenant, token: string) => (await meRoute.GET(await apiRequest('GET', '/api/v1/me', { host: t.tenant, as: token }), noParams)).status;

describe('the idle lock', () => {
  it('ends the session server-side: the locked token is refused (401) from then on', async () => {
    const { token } = await lockedRegister(a);
    expect(await me(a, token)).toBe(401);
  });

  it('needs a session to lock (the lock cookie is no session)', async () => {
    const res = await lockRoute.POST(await apiRequest('POST', '/api/v1/register/lock', { host: a.tenant }), noParams);
    expect(res.status).toBe(401);
  });

  it('lets the PIN screen sign someone in once through the lock cookie, and the new session works', async () => {
    const { lockCookie } = await lockedRegister(a);
    expect(await pinSignIn(a, { userId: a.manager.id, pin: '2222' }, lockCookie)).toBe(`signed in as ${a.manager.id}`);
    // Used up: the same cookie signs nobody in again.
    expect(await pinSignIn(a, { userId: a.cashier.id, pin: '3333' }, lockCookie)).toBe('Sign in first; then switch staff by PIN.');
  });

  it('lets the person who was locked out come back by PIN', async () => {
    const { lockCookie } = await lockedRegister(a);
    expect(await pinSignIn(a, { userId: a.cashier.id, pin: '3333' }, lockCookie)).toBe(`signed in as ${a.cashier.id}`);
  });

  it('is spent by a password sign-in on the locked register too', async () => {
    const { lockCookie } = await lockedRegister(a);
    expect(await signInAs(a, 'credentials', { email: a.manager.email, password: PASSWORD }, lockCookie)).toBe(`signed in as ${a.manager.id}`);
    expect(await pinSignIn(a, { userId: a.cashier.id, pin: '3333' }, lockCookie)).toBe('Sign in first; then switch staff by PIN.');
  });

  it('keeps the lock after a wrong PIN, and counts tries against the locked session', async () => {
    const { lockCookie } = await lockedRegister(a);
    for (let i = 0; i < LIMITS.pinPerSession; i++) expect(await pinSignIn(a, { userId: a.manager.id, pin: '0000' }, lockCookie)).toBe('Wrong PIN.');
    expect(await pinSignIn(a, { userId: a.manager.id, pin: '2222' }, lockCookie)).toMatch(/^Too many wrong PINs/);
  });

  it("is worth nothing on another tenant's host", async () => {
    const { lockCookie } = await lockedRegister(a);
    expect(await pinSignIn(b, { userId: b.manager.id, pin: '2222' }, lockCookie)).toBe('Sign in first; then switch staff by PIN.');
    expect(await registerLockOf(b.tenant.id, lockCookie.split('=')[1])).toBeNull();
  });

  it('without a session or a lock, PIN sign-in is refused as before', async () => {
    expect(await pinSignIn(a, { userId: a.manager.id, pin: '2222' }, `${REGISTER_LOCK_COOKIE}=made-up`)).toBe('Sign in first; then switch staff by PIN.');
  });
});

describe('the time clock on the PIN screen', () => {
  const punch = async (route: typeof lockClockIn, t: TestTenant, cookie: string | null, body: unknown, headers: Record<string, string> = {}) =>
    json(
      await route.POST(
        await apiRequest('POST', '/api/v1/register/lock/clock', { host: t.tenant, body, headers: { ...(cookie && { cookie }), ...headers } }),
        noParams,
      ),
    );
  const whoIsIn = async (t: TestTenant) =>
    (await json(await clockedInRoute.GET(await apiRequest('GET', '/api/v1/time-clock', { host: t.tenant, as: t.owner }), noParams))).body.data.map((e: { userId: string }) => e.userId);

  it('clocks someone in and out by their own PIN through the lock cookie, without signing anyone in', async () => {
    const { token, lockCookie } = await lockedRegister(a);
    const key = { 'idempotency-key': crypto.randomUUID() };
    const res = await punch(lockClockIn, a, lockCookie, { userId: a.manager.id, pin: '2222' }, key);
    expect(res).toMatchObject({ status: 201, body: { userId: a.manager.id, clockedOutAt: null } });
    expect(await punch(lockClockIn, a, lockCookie, { userId: a.manager.id, pin: '2222' }, key)).toEqual(res);
    expect(await whoIsIn(a)).toContain(a.manager.id);
    expect(await punch(lockClockIn, a, lockCookie, { userId: a.manager.id, pin: '2222' })).toMatchObject({ status: 409 });
    const out = await punch(lockClockOut, a, lockCookie, { userId: a.manager.id, pin: '2222' });
    expect(out).toMatchObject({ status: 200, body: { id: res.body.id, clockedOutAt: expect.any(String) } });
    expect(await whoIsIn(a)).not.toContain(a.manager.id);
    // Still locked: the old session stays dead, and the lock still signs in (once) by PIN.
    expect(await me(a, token)).toBe(401);
    expect(await pinSignIn(a, { userId: a.cashier.id, pin: '3333' }, lockCookie)).toBe(`signed in as ${a.cashier.id}`);
    // Used up by that sign-in: no more clocking through it.
    expect((await punch(lockClockIn, a, lockCookie, { userId: a.manager.id, pin: '2222' })).status).toBe(401);
  });

  it('refuses a wrong PIN (403), bad input (422), no lock (401), and counts wrong PINs against the locked session', async () => {
    const { lockCookie } = await lockedRegister(a);
    expect(await punch(lockClockIn, a, lockCookie, { userId: a.cashier.id, pin: '9999' })).toMatchObject({ status: 403, body: { error: { message: 'Wrong PIN.' } } });
    expect((await punch(lockClockIn, a, lockCookie, { pin: '3333' })).status).toBe(422);
    expect((await punch(lockClockIn, a, null, { userId: a.cashier.id, pin: '3333' })).status).toBe(401);
    expect((await punch(lockClockIn, a, `${REGISTER_LOCK_COOKIE}=made-up`, { userId: a.cashier.id, pin: '3333' })).status).toBe(401);
    for (let i = 1; i < LIMITS.pinPerSession; i++) expect((await punch(lockClockOut, a, lockCookie, { userId: a.cashier.id, pin: '9999' })).status).toBe(403);
    // The session's bucket is empty: even the right PIN waits, for clocking and for signing in alike.
    expect((await punch(lockClockIn, a, lockCookie, { userId: a.cashier.id, pin: '3333' })).status).toBe(429);
    expect(await pinSignIn(a, { userId: a.cashier.id, pin: '3333' }, lockCookie)).toMatch(/^Too many wrong PINs/);
    expect(await whoIsIn(a)).not.toContain(a.cashier.id);
  });

  it("is worth nothing on another tenant's host, and clocks nobody in there", async () => {
    const { lockCookie } = await lockedRegister(a);
    expect((await punch(lockClockIn, b, lockCookie, { userId: b.manager.id, pin: '2222' })).status).toBe(401);
    expect((await punch(lockClockIn, b, lockCookie, { userId: a.manager.id, pin: '2222' })).status).toBe(401);
    expect(await whoIsIn(b)).toEqual([]);
  });

  it('refuses a request from another origin', async () => {
    const { lockCookie } = await lockedRegister(a);
    const res = await punch(lockClockIn, a, lockCookie, { userId: a.cashier.id, pin: '3333' }, { origin: 'https://evil.example' });
    expect(res.status).toBe(403);
    expect(await whoIsIn(a)).not.toContain(a.cashier.id);
  });
});

describe('the idle lock setting', () => {
  it('defaults to 5 minutes and takes 0 (never) to 240', async () => {
    expect((await getTenantSettings({ tenantId: b.tenant.id })).idleLockMinutes).toBe(5);
    const tenantSettingsPatch = (patch: object) => settingsPatchSchema.safeParse(patch);
    expect(tenantSettingsPatch({ idleLockMinutes: 0 }).success).toBe(true);
    expect(tenantSettingsPatch({ idleLockMinutes: 240 }).success).toBe(true);
    for (const bad of [-1, 241, 2.5, '5']) expect(tenantSettingsPatch({ idleLockMinutes: bad }).success).toBe(false);
  });
});
