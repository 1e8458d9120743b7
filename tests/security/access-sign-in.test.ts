import { beforeAll, describe, expect, it } from 'vitest';
import { verifyPasswordSignIn } from '@/lib/auth';
import { authOptionsFor } from '@/lib/auth/next-auth-options';
import { clientIp, LIMITS, takeSignUpAttempt } from '@/lib/auth/rate-limits';
import { SESSION_COOKIE } from '@/lib/auth/session';
import { resetConfigForTests } from '@/lib/platform/config';
import { createTenant, PASSWORD, sessionTokenFor, type TestTenant } from '../helpers';

// The slow path's delay is real in the app (3 s); here it is off, so nothing waits.
process.env.SIGN_IN_SLOW_PATH_MS = '0';
resetConfigForTests();

/** A network address of its own per test run: per-network limits are platform-wide and outlive a run on a real Redis. */
const randomIp = () => `2001:db8:${crypto.randomUUID().slice(0, 4)}::${crypto.randomUUID().slice(0, 4)}`;
const codeOf = (p: Promise<unknown>) => p.then(() => 'signed in', (e: { code?: string }) => e.code ?? String(e));
const signIn = (t: TestTenant, email: string, password: string, ip: string | null) => codeOf(verifyPasswordSignIn(t.tenant.id, email, password, ip));
const failTimes = async (n: number, t: TestTenant, email: string, ip: string | null) => {
  for (let i = 0; i < n; i++) expect(await signIn(t, email, `wrong-${i}`, ip)).toBe('unauthorized');
};

describe('account lockout is no weapon (item 6)', () => {
  let t: TestTenant;
  beforeAll(async () => {
    t = await createTenant();
  });

  it('after 10 failures the owner still signs in with the right password, from their own network and from the attacker’s', async () => {
    const attacker = randomIp();
    await failTimes(LIMITS.passwordPerAccount, t, t.owner.email, attacker);
    expect(await signIn(t, t.owner.email, PASSWORD, randomIp())).toBe('signed in');
    expect(await signIn(t, t.owner.email, PASSWORD, attacker)).toBe('signed in');
  });

  it('past the limit each network gets a few slow tries on the account; the owner’s network keeps its own', async () => {
    const fresh = await createTenant();
    const attacker = randomIp();
    await failTimes(LIMITS.passwordPerAccount, fresh, fresh.owner.email, attacker);
    await failTimes(LIMITS.slowPathPerAccountNetwork, fresh, fresh.owner.email, attacker);
    expect(await signIn(fresh, fresh.owner.email, 'wrong-again', attacker)).toBe('rate_limited');
    expect(await signIn(fresh, fresh.owner.email, PASSWORD, attacker)).toBe('rate_limited');
    expect(await signIn(fresh, fresh.owner.email, PASSWORD, randomIp())).toBe('signed in');
    // Other accounts of the business are untouched.
    expect(await signIn(fresh, fresh.manager.email, PASSWORD, attacker)).toBe('signed in');
  });

  it('a burst of 100 concurrent guesses on one account from one network gets 13 verified at most', async () => {
    const fresh = await createTenant();
    const attacker = randomIp();
    const codes = await Promise.all(Array.from({ length: 100 }, (_, i) => signIn(fresh, fresh.manager.email, `guess-${i}`, attacker)));
    expect(codes.filter((c) => c === 'unauthorized').length).toBe(LIMITS.passwordPerAccount + LIMITS.slowPathPerAccountNetwork);
    expect(codes.filter((c) => c === 'rate_limited').length).toBe(100 - LIMITS.passwordPerAccount - LIMITS.slowPathPerAccountNetwork);
  });

  it('limits failed sign-ins per network across accounts and businesses', async () => {
    const a = await createTenant();
    const b = await createTenant();
    const ip = randomIp();
    for (let i = 0; i < LIMITS.signInPerNetwork; i++) {
      expect(await signIn(i % 2 ? a : b, `nobody-${i}@example.test`, `wrong-${i}`, ip)).toBe('unauthorized');
    }
    await expect(verifyPasswordSignIn(a.tenant.id, a.owner.email, PASSWORD, ip)).rejects.toMatchObject({
      code: 'rate_limited',
      message: expect.stringMatching(/^Too many sign-in attempts\. Try again in \d+ minutes?\.$/),
    });
    expect(await signIn(a, a.owner.email, PASSWORD, randomIp())).toBe('signed in');
  });
});

describe('sign-up is rate-limited per network', () => {
  it(`allows ${LIMITS.signUpsPerNetworkPerHour} sign-ups an hour from one network, then says when to try again`, async () => {
    const ip = randomIp();
    for (let i = 0; i < LIMITS.signUpsPerNetworkPerHour; i++) await takeSignUpAttempt(ip);
    await expect(takeSignUpAttempt(ip)).rejects.toMatchObject({
      code: 'rate_limited',
      message: expect.stringMatching(/^Too many new businesses from this network\. Try again in \d+ minutes?\.$/),
    });
    await expect(takeSignUpAttempt(randomIp())).resolves.toBeUndefined();
  });
});

describe('next-auth passes who is asking to the limits', () => {
  /** A provider's authorize, called the way next-auth calls it (credentials and the request's headers). */
  const authorize = (t: TestTenant, id: 'credentials' | 'pin', credentials: Record<string, string>, headers: Record<string, string>) => {
    type Provider = { options: { id: string; authorize: (c: Record<string, string>, req: { headers: Record<string, string> }) => Promise<unknown> } };
    const provider = (authOptionsFor(t.tenant).providers as unknown as Provider[]).find((p) => p.options.id === id)!;
    return codeOfMessage(provider.options.authorize(credentials, { headers }));
  };
  const codeOfMessage = (p: Promise<unknown>) => p.then(() => 'signed in', (e: Error) => e.message);

  it('switch staff: wrong PINs count against the register’s session, and owners need their password', async () => {
    const t = await createTenant();
    const cookie = `${SESSION_COOKIE}=${await sessionTokenFor(t.cashier)}`;
    const headers = { cookie, 'x-forwarded-for': randomIp() };
    for (let i = 0; i < LIMITS.pinPerSession; i++) expect(await authorize(t, 'pin', { userId: t.manager.id, pin: '0000' }, headers)).toBe('Wrong PIN.');
    expect(await authorize(t, 'pin', { userId: t.manager.id, pin: '2222' }, headers)).toMatch(/^Too many wrong PINs/);
    const otherRegister = { cookie: `${SESSION_COOKIE}=${await sessionTokenFor(t.cashier)}`, 'x-forwarded-for': randomIp() };
    expect(await authorize(t, 'pin', { userId: t.owner.id, pin: '1111' }, otherRegister)).toBe('Owners sign in with their email and password here.');
    expect(await authorize(t, 'pin', { userId: t.manager.id, pin: '2222' }, otherRegister)).toBe('signed in');
  });

  it('password: the client address comes from X-Forwarded-For (first hop) or X-Real-IP', async () => {
    expect(clientIp(new Headers({ 'x-forwarded-for': '198.51.100.1, 10.0.0.1', 'x-real-ip': '10.0.0.2' }))).toBe('198.51.100.1');
    expect(clientIp({ 'x-real-ip': '198.51.100.2' })).toBe('198.51.100.2');
    expect(clientIp({})).toBeNull();
    const t = await createTenant();
    const headers = { 'x-forwarded-for': randomIp() };
    for (let i = 0; i < LIMITS.passwordPerAccount + LIMITS.slowPathPerAccountNetwork; i++) {
      expect(await authorize(t, 'credentials', { email: t.owner.email, password: 'wrong-wrong' }, headers)).toBe('Wrong email or password.');
    }
    expect(await authorize(t, 'credentials', { email: t.owner.email, password: PASSWORD }, headers)).toMatch(/^Too many sign-in attempts/);
    expect(await authorize(t, 'credentials', { email: t.owner.email, password: PASSWORD }, { 'x-forwarded-for': randomIp() })).toBe('signed in');
  });
});
