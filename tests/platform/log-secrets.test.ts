import { encode } from 'next-auth/jwt';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as approvals from '@/app/api/v1/approvals/route';
import * as metricsRoute from '@/app/api/metrics/route';
import * as me from '@/app/api/v1/me/route';
import * as orders from '@/app/api/v1/orders/route';
import * as lock from '@/app/api/v1/register/lock/route';
import type { Gateway } from '@/gateway/server';
import { authOptionsFor, createSignInHandoff, updateStaff } from '@/lib/auth';
import { REGISTER_LOCK_COOKIE } from '@/lib/auth/register-lock';
import type { SignedInUser } from '@/lib/auth/credentials';
import { SESSION_COOKIE } from '@/lib/auth/session';
import { receiveStock } from '@/lib/inventory';
import { config } from '@/lib/platform/config';
import { logger } from '@/lib/platform/logger';
import { requestContextFrom, runWithContext } from '@/lib/platform/request-context';
import { apiRequest, contextOf, createStockedProduct, createTenant, mainLocation, noParams, PASSWORD, startGateway, type TestTenant } from '../helpers';

/**
 * What the app writes to its log while people sign in (wrongly, rightly, by PIN), sell for cash
 * and card, and call the API with their session cookie: the production logger itself (its
 * redaction and context mixin), at level trace, writing into a buffer instead of stdout. The
 * stream is swapped on the one instance (setup files load modules before any vi.mock could).
 */
const captured: string[] = [];
const stdout = (logger as unknown as Record<symbol, unknown>)[pino.symbols.streamSym];
const level = logger.level;

const WRONG_PASSWORD = 'Wrong-Horse-Battery-9';
const MANAGER_PIN = '507193';
const WRONG_PIN = '618204';
const WRONG_METRICS_TOKEN = 'not-the-metrics-token-not-the-metrics-token';

let gateway: Gateway;
let t: TestTenant;
let item: string;
/** Every secret the flows below handled: none may be in the log. */
const secrets: string[] = [];

beforeAll(async () => {
  process.env.METRICS_TOKEN = 'vitest-metrics-token-vitest-metrics-token';
  gateway = await startGateway(); // and reads the environment again
  t = await createTenant();
  await updateStaff(contextOf(t), t.manager.id, { pin: MANAGER_PIN });
  const product = await createStockedProduct(t);
  item = product.variants[0]!.id;
  await receiveStock(contextOf(t), { locationId: await mainLocation(t), supplier: null, note: null, lines: [{ variantId: item, quantity: 50 }] });
  (logger as unknown as Record<symbol, unknown>)[pino.symbols.streamSym] = { write: (line: string) => void captured.push(line) };
  logger.level = 'trace';
});

afterAll(async () => {
  (logger as unknown as Record<symbol, unknown>)[pino.symbols.streamSym] = stdout;
  logger.level = level;
  await gateway.close();
});

type Authorize = (credentials: Record<string, string>, req: { headers: Record<string, string> }) => Promise<SignedInUser>;

/**
 * A sign-in as next-auth's callback route makes it (its handler needs a running Next server): the
 * host tenant's provider's own `authorize`, in the request context the route sets, then the
 * session cookie from the options' `jwt` callback, encoded as next-auth encodes it.
 */
async function signIn(provider: 'credentials' | 'pin' | 'handoff', credentials: Record<string, string>, cookie = ''): Promise<{ user: SignedInUser; cookie: string }> {
  const options = authOptionsFor(t.tenant);
  // Credentials() keeps what it was given in `options` (next-auth merges it in when it runs).
  const providers = options.providers as unknown as { options: { id: string; authorize: Authorize } }[];
  const { authorize } = providers.find((p) => p.options.id === provider)!.options;
  const headers = { cookie, 'x-forwarded-for': '203.0.113.9', 'user-agent': 'vitest' };
  const user = await runWithContext(requestContextFrom(new Headers(headers)), () => authorize(credentials, { headers }));
  const token = await options.callbacks!.jwt!({ token: {}, user: user as never, account: null, trigger: 'signIn' });
  const session = await encode({ token, secret: options.secret!, maxAge: options.jwt!.maxAge });
  return { user, cookie: `${SESSION_COOKIE}=${session}` };
}

describe('log output', () => {
  it('of sign-ins (failed, password, PIN, locked register, sign-up handoff), approvals, checkouts and API calls carries no password, PIN, token, cookie, key or card source', async () => {
    // A failed sign-in, then a successful one.
    await expect(signIn('credentials', { email: t.cashier.email, password: WRONG_PASSWORD })).rejects.toThrow('Wrong email or password.');
    const cashier = await signIn('credentials', { email: t.cashier.email, password: PASSWORD });
    expect(cashier.user.id).toBe(t.cashier.id);
    secrets.push(cashier.cookie, cashier.cookie.split('=')[1]!);

    // API calls with that cookie: who am I, a manager's PIN wrongly and rightly for an approval.
    const cookie = { cookie: cashier.cookie };
    expect((await me.GET(await apiRequest('GET', '/api/v1/me', { host: t.tenant, headers: cookie }), noParams)).status).toBe(200);
    const approve = async (pin: string) =>
      approvals.POST(await apiRequest('POST', '/api/v1/approvals', { host: t.tenant, headers: cookie, body: { userId: t.manager.id, pin, permission: 'order:void' } }), noParams);
    expect((await approve(WRONG_PIN)).status).toBe(403);
    const approval = await approve(MANAGER_PIN);
    expect(approval.status).toBe(201);
    secrets.push((await approval.json()).token);

    // Checkouts: cash, card, a declined card, and a card the gateway fails on (warnings logged).
    const checkout = async (payment: Record<string, unknown>) =>
      orders.POST(await apiRequest('POST', '/api/v1/orders', { host: t.tenant, headers: cookie, body: { type: 'retail', lines: [{ variantId: item, quantity: 1 }], payments: [payment] } }), noParams);
    expect((await checkout({ tender: 'cash', tendered: 1000 })).status).toBe(201);
    expect(await (await checkout({ tender: 'card', source: 'tok_visa' })).json()).toMatchObject({ status: 'completed' });
    expect(await (await checkout({ tender: 'card', source: 'tok_declined' })).json()).toMatchObject({ paymentError: { code: 'payment_declined' } });
    gateway.control.failNext = 3;
    expect(await (await checkout({ tender: 'card', source: 'tok_visa' })).json()).toMatchObject({ paymentError: { code: 'payment_pending' } });

    // A tampered cookie is refused.
    const tampered = `${cashier.cookie.slice(0, -4)}AAAA`;
    secrets.push(tampered);
    expect((await me.GET(await apiRequest('GET', '/api/v1/me', { host: t.tenant, headers: { cookie: tampered } }), noParams)).status).toBe(401);

    // Switch staff by PIN at the register: wrongly, then rightly (a new session replaces the old).
    await expect(signIn('pin', { userId: t.manager.id, pin: WRONG_PIN }, cashier.cookie)).rejects.toThrow('Wrong PIN.');
    const manager = await signIn('pin', { userId: t.manager.id, pin: MANAGER_PIN }, cashier.cookie);
    expect(manager.user.id).toBe(t.manager.id);
    secrets.push(manager.cookie);
    // The switch ended the cashier's session: its cookie is refused now.
    expect((await me.GET(await apiRequest('GET', '/api/v1/me', { host: t.tenant, headers: cookie }), noParams)).status).toBe(401);

    // The register locks itself (its session ends, a lock token is left) and is unlocked by PIN.
    const locked = await lock.POST(await apiRequest('POST', '/api/v1/register/lock', { host: t.tenant, headers: { cookie: manager.cookie } }), noParams);
    expect(locked.status).toBe(200);
    const lockCookie = locked.headers.getSetCookie().find((c) => c.startsWith(`${REGISTER_LOCK_COOKIE}=`))!.split(';')[0]!;
    secrets.push(lockCookie, lockCookie.split('=')[1]!);
    secrets.push((await signIn('pin', { userId: t.manager.id, pin: MANAGER_PIN }, lockCookie)).cookie);

    // Sign-up's one-time handoff token, redeemed on the new store's host.
    const handoff = await createSignInHandoff(t.tenant.id, t.owner.id);
    secrets.push(handoff, (await signIn('handoff', { token: handoff })).cookie);
    await expect(signIn('handoff', { token: handoff })).rejects.toThrow('expired');

    // The operator's token on /api/metrics, and a wrong one.
    for (const bearer of [config().METRICS_TOKEN!, WRONG_METRICS_TOKEN]) {
      const res = await metricsRoute.GET(new Request('http://app.test/api/metrics', { headers: { authorization: `Bearer ${bearer}` } }));
      expect(res.status).toBe(bearer === WRONG_METRICS_TOKEN ? 401 : 200);
      secrets.push(bearer);
    }

    const text = captured.join('');
    expect(captured.length).toBeGreaterThan(10);
    expect(text).toContain('"msg":"api request"'); // the capture sees the app's lines
    expect(text).toContain('card gateway call failed');
    secrets.push(PASSWORD, WRONG_PASSWORD, 'tok_visa', 'tok_declined', config().authSecret, config().PAYMENT_GATEWAY_KEY);
    for (const secret of secrets) {
      expect(secret.length).toBeGreaterThan(7);
      expect(text, `a secret starting ${secret.slice(0, 4)}… is in the log`).not.toContain(secret);
    }
    // PINs are short digit strings: look for them outside ids and times, which may hold any digits.
    const words = text.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, '<id>').replace(/"time":"[^"]*"/g, '').replace(/"ms":\d+/g, '');
    for (const pin of [MANAGER_PIN, WRONG_PIN]) expect(words).not.toContain(pin);
  });
});
