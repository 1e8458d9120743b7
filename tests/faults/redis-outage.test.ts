/**
 * Redis stopped mid-stream of checkouts (SIGKILL, nothing persisted): sales go on; what lives
 * in Redis degrades as docs/faults.md says — readiness reports it, password sign-in and the
 * register's lock are refused (fail closed: a brute-force limit or a sign-out that cannot be
 * recorded is not skipped), a deactivated person's session still ends (the database's copy) —
 * and once Redis is back (empty) all of it works again without restarting the app.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { sessionCookie } from '@/scripts/app-server';
import { cashCheckout, eventually, ok, send, startHarness, type Harness, type Outcome, type Shop } from './harness';

const METRICS_TOKEN = randomUUID() + randomUUID();
let h: Harness;
let shop: Shop;

beforeAll(async () => {
  h = await startHarness({ appEnv: { METRICS_TOKEN } });
  shop = await h.shop();
});

afterAll(async () => {
  await h?.stop();
});

/** next-auth's own flow on the tenant host: csrf token, then the credentials callback. */
async function signIn(email: string, password: string): Promise<Outcome & { session: boolean }> {
  const csrf = await h.request(shop, 'GET', '/api/auth/csrf', { as: null });
  const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
  const cookie = (csrf.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]).join('; ');
  const form = new URLSearchParams({ csrfToken, email, password, json: 'true' }).toString();
  let session = false;
  const outcome = await send(async () => {
    const answer = await h.request(shop, 'POST', '/api/auth/callback/credentials', {
      as: null,
      rawBody: form,
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': `2001:db8:fa::${Math.floor(Math.random() * 65535).toString(16)}` },
    });
    session = (answer.headers['set-cookie'] ?? []).some((c) => /session-token=[^;]+/.test(c));
    return answer;
  });
  return { ...outcome, session };
}

const ready = () => h.request(shop, 'GET', '/api/ready', { as: null, headers: { authorization: `Bearer ${METRICS_TOKEN}` } });

it('keeps selling while Redis is down, degrades as documented, and resumes by itself', async () => {
  const pid = h.server.pid;
  const { addStaff, contextFor, findTenantBySlug } = await import('@/lib/auth').then(async (auth) => ({ ...auth, findTenantBySlug: (await import('@/lib/tenancy')).findTenantBySlug }));
  const tenant = (await findTenantBySlug(shop.slug))!;
  const owner = contextFor(tenant, shop.staff.owner);
  const leaving = await addStaff(owner, { name: 'Leaving', email: `leaving@${shop.slug}.test`, role: 'cashier', password: 'bench-password' });
  const locker = await addStaff(owner, { name: 'Locker', email: `locker@${shop.slug}.test`, role: 'cashier', password: 'bench-password' });
  const leavingCookie = await sessionCookie(h.secret, shop.tenantId, leaving);
  const lockerCookie = await sessionCookie(h.secret, shop.tenantId, locker);

  expect((await signIn(`c@${shop.slug}.test`, 'bench-password')).session).toBe(true);
  expect((await ready()).status).toBe(200);

  const outcomes: Outcome[] = [];
  let stop = false;
  let n = 0;
  const worker = async () => {
    while (!stop) outcomes.push(await cashCheckout(h, shop, n++));
  };
  const workers = [worker(), worker()];
  expect(await eventually(() => outcomes.length >= 20, 60)).toBe(true);

  await h.redis.stop();
  const during = outcomes.length;
  // Sales go on: 20 more answered, every one a sale.
  expect(await eventually(() => outcomes.length >= during + 20, 60)).toBe(true);
  expect(outcomes.slice(during).filter((o) => !ok(o)).map((o) => [o.status, o.body])).toEqual([]);
  // Readiness says what is missing.
  const notReady = await ready();
  expect(notReady.status).toBe(503);
  expect(JSON.parse(notReady.body)).toMatchObject({ status: 'not_ready', checks: { database: { status: 'up' }, redis: { status: 'down' } } });
  // Sign-in cannot count attempts, so it is refused rather than let unlimited guesses through.
  const refusedSignIn = await signIn(`c@${shop.slug}.test`, 'bench-password');
  expect(typeof refusedSignIn.status).toBe('number');
  expect(refusedSignIn.session).toBe(false);
  // Locking the register cannot record the sign-out: refused (503), not reported as done.
  const lock = await send(() => h.request(shop, 'POST', '/api/v1/register/lock', { as: null, headers: { cookie: lockerCookie } }));
  expect(lock.status).toBe(503);
  expect(lock.body).toMatchObject({ error: { code: 'unavailable' } });
  // A person deactivated now is signed out at once: the database holds the revocation too.
  const deactivate = await send(() => h.request(shop, 'PATCH', `/api/v1/staff/${leaving.id}`, { as: 'owner', body: { active: false } }));
  expect(deactivate.status).toBe(200);
  expect((await send(() => h.request(shop, 'GET', '/api/v1/me', { as: null, headers: { cookie: leavingCookie } }))).status).toBe(401);

  await h.redis.start();
  const back = outcomes.length;
  expect(await eventually(async () => (await ready()).status === 200, 30)).toBe(true);
  expect(await eventually(async () => (await signIn(`c@${shop.slug}.test`, 'bench-password')).session, 30)).toBe(true);
  const relock = await send(() => h.request(shop, 'POST', '/api/v1/register/lock', { as: null, headers: { cookie: lockerCookie } }));
  expect(relock.status).toBe(200);
  expect((await send(() => h.request(shop, 'GET', '/api/v1/me', { as: null, headers: { cookie: lockerCookie } }))).status).toBe(401);
  expect(await eventually(() => outcomes.length >= back + 20, 60)).toBe(true);
  stop = true;
  await Promise.all(workers);

  expect(h.server.pid).toBe(pid);
  expect(outcomes.filter((o) => !ok(o)).map((o) => [o.status, o.body])).toEqual([]);
});
