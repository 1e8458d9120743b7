import { beforeAll, describe, expect, it, vi } from 'vitest';
import * as approvalsRoute from '@/app/api/v1/approvals/route';
import * as quoteRoute from '@/app/api/v1/orders/quote/route';
import { updateStaff } from '@/lib/auth';
import { authorise, grantApproval } from '@/lib/auth/approvals';
import { verifyPinSignIn } from '@/lib/auth/credentials';
import { LIMITS } from '@/lib/auth/rate-limits';
import type { ApprovablePermission } from '@/lib/auth/schemas';
import { verifySecret } from '@/lib/auth/secrets';
import type { TenantContext } from '@/lib/auth';
import { updateTenantSettings } from '@/lib/tenancy/settings';
import { apiRequest, createStockedProduct, createTenant, json, noParams, contextOf, sessionContextOf, sessionTokenFor, type TestTenant } from '../helpers';

// The real argon2 verify, counted: "at most N verified" is then a fact, not an inference.
vi.mock('@/lib/auth/secrets', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/lib/auth/secrets')>();
  return { ...real, verifySecret: vi.fn(real.verifySecret) };
});
const verifies = () => vi.mocked(verifySecret).mock.calls.length;

/** A fresh session (a register) of `staff`, as tenantRoute would hand it to a module. */
const sessionOf = sessionContextOf;
const codeOf = (p: Promise<unknown>) => p.then(() => 'granted', (e: { code?: string }) => e.code ?? String(e));
const tally = (codes: string[]) => codes.reduce<Record<string, number>>((n, c) => ({ ...n, [c]: (n[c] ?? 0) + 1 }), {});
const wrongPin = (session: TenantContext, userId: string, ip: string | null = null, permission: ApprovablePermission = 'discount:override') =>
  codeOf(grantApproval(session, { userId, pin: '0000', permission }, ip));

let t: TestTenant;
let other: TestTenant;
beforeAll(async () => {
  t = await createTenant();
  other = await createTenant();
});

describe('PIN brute force (item 5)', () => {
  it(`200 concurrent wrong PINs from one register: ${LIMITS.pinPerSession} are verified, the rest refused before the hash`, async () => {
    const fresh = await createTenant();
    const register = await sessionOf(fresh, fresh.cashier);
    const before = verifies();
    const codes = await Promise.all(Array.from({ length: 200 }, () => wrongPin(register, fresh.manager.id, '10.0.0.1')));
    expect(tally(codes)).toEqual({ forbidden: LIMITS.pinPerSession, rate_limited: 200 - LIMITS.pinPerSession });
    expect(verifies() - before).toBe(LIMITS.pinPerSession);
    // The manager's PIN is not locked for everyone: another register on another network approves.
    const elsewhere = await sessionOf(fresh, fresh.cashier);
    await expect(grantApproval(elsewhere, { userId: fresh.manager.id, pin: '2222', permission: 'order:void' }, '10.0.0.2')).resolves.toMatchObject({
      approver: { id: fresh.manager.id, name: 'Mo Manager' },
    });
  });

  it(`200 concurrent wrong PINs from 200 sessions on one network: ${LIMITS.pinPerNetwork} verified; the shop next door is unaffected`, async () => {
    const fresh = await createTenant();
    const registers = await Promise.all(Array.from({ length: 200 }, () => sessionOf(fresh, fresh.cashier)));
    const before = verifies();
    const codes = await Promise.all(registers.map((r) => wrongPin(r, fresh.manager.id, '10.0.1.1')));
    expect(tally(codes)).toEqual({ forbidden: LIMITS.pinPerNetwork, rate_limited: 200 - LIMITS.pinPerNetwork });
    expect(verifies() - before).toBe(LIMITS.pinPerNetwork);
    await expect(grantApproval(await sessionOf(fresh, fresh.cashier), { userId: fresh.manager.id, pin: '2222', permission: 'order:void' }, '10.0.1.2')).resolves.toBeTruthy();
  });

  it('200 concurrent wrong PINs from 200 sessions on 200 networks: at most 10 verified, then that PIN waits', async () => {
    const fresh = await createTenant();
    const registers = await Promise.all(Array.from({ length: 200 }, () => sessionOf(fresh, fresh.cashier)));
    const before = verifies();
    const codes = await Promise.all(registers.map((r, i) => wrongPin(r, fresh.manager.id, `10.1.${i >> 8}.${i & 255}`)));
    expect(tally(codes)).toEqual({ forbidden: LIMITS.pinPerTarget, rate_limited: 200 - LIMITS.pinPerTarget });
    expect(verifies() - before).toBe(LIMITS.pinPerTarget);
    await expect(grantApproval(await sessionOf(fresh, fresh.cashier), { userId: fresh.manager.id, pin: '2222', permission: 'order:void' }, '10.2.0.1')).rejects.toMatchObject({
      code: 'rate_limited',
      message: expect.stringMatching(/^Too many wrong PINs\. Try again in \d+ minutes?\.$/),
    });
    // Another person's PIN is untouched.
    await expect(grantApproval(await sessionOf(fresh, fresh.cashier), { userId: fresh.owner.id, pin: '1111', permission: 'order:void' }, '10.2.0.1')).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('counts failures only: a right PIN costs no attempt, and does not wipe the failures before it', async () => {
    const register = await sessionOf(t, t.cashier);
    const right = () => codeOf(grantApproval(register, { userId: t.manager.id, pin: '2222', permission: 'discount:override' }));
    for (let i = 0; i < LIMITS.pinPerSession - 1; i++) expect(await wrongPin(register, t.manager.id)).toBe('forbidden');
    for (let i = 0; i < 5; i++) expect(await right()).toBe('granted');
    expect(await wrongPin(register, t.manager.id)).toBe('forbidden'); // the last failure this register may make
    expect(await right()).toBe('rate_limited');
  });

  it('answers a wrong PIN, an unknown person, a deactivated one and one who cannot approve the same, after one verify each', async () => {
    const fresh = await createTenant();
    const ask = async (userId: string, pin: string) => {
      const before = verifies();
      const req = await apiRequest('POST', '/api/v1/approvals', { host: fresh.tenant, as: fresh.cashier, body: { userId, pin, permission: 'order:void' } });
      const answer = await json(await approvalsRoute.POST(req, noParams));
      expect(verifies() - before).toBe(1);
      return answer;
    };
    const answers = [
      await ask(fresh.manager.id, '0000'), // wrong PIN
      await ask(crypto.randomUUID(), '2222'), // nobody
      await ask(other.manager.id, '2222'), // another business's manager, with their right PIN
      await ask(fresh.cashier.id, '3333'), // the right PIN, but a cashier cannot approve
    ];
    await updateStaff(contextOf(fresh), fresh.manager.id, { active: false });
    answers.push(await ask(fresh.manager.id, '2222')); // the right PIN of someone deactivated
    for (const answer of answers) {
      expect(answer).toEqual({ status: 403, body: { error: { code: 'forbidden', message: 'Wrong PIN.', details: [{ path: 'pin', message: 'Wrong PIN.' }] } } });
    }
  });

  it('the quote endpoint takes no PIN at all: no oracle', async () => {
    const item = await createStockedProduct(t);
    const body = (pin: string) => ({
      type: 'retail',
      lines: [{ variantId: item.variants[0]!.id, quantity: 1, discount: { kind: 'percent', basisPoints: 5000 } }],
      approval: { userId: t.manager.id, pin },
    });
    const before = verifies();
    const quote = async (pin: string) =>
      json(await quoteRoute.POST(await apiRequest('POST', '/api/v1/orders/quote', { host: t.tenant, as: t.cashier, body: body(pin) }), noParams));
    const [right, wrong] = [await quote('2222'), await quote('0000')];
    expect(right.status).toBe(422);
    expect(right).toEqual(wrong);
    expect(verifies()).toBe(before);
  });

  it('requires the tenant minimum PIN length to verify, and to set one', async () => {
    const fresh = await createTenant();
    await updateTenantSettings({ tenantId: fresh.tenant.id, userId: fresh.owner.id }, { minPinLength: 6 });
    const before = verifies();
    await expect(grantApproval(await sessionOf(fresh, fresh.cashier), { userId: fresh.manager.id, pin: '2222', permission: 'order:void' })).rejects.toMatchObject({
      code: 'unprocessable',
      details: [{ path: 'pin', message: 'PINs here have at least 6 digits; ask a manager to set you a new one.' }],
    });
    expect(verifies()).toBe(before);
    await expect(updateStaff(contextOf(fresh), fresh.manager.id, { pin: '1234' })).rejects.toMatchObject({ code: 'unprocessable', details: [{ path: 'pin' }] });
    await updateStaff(contextOf(fresh), fresh.manager.id, { pin: '246810' });
    await expect(grantApproval(await sessionOf(fresh, fresh.cashier), { userId: fresh.manager.id, pin: '246810', permission: 'order:void' })).resolves.toBeTruthy();
  });

  it('switches staff to an owner by PIN only where the tenant allows it, and says so without checking the PIN', async () => {
    const fresh = await createTenant();
    await updateStaff(contextOf(fresh), fresh.owner.id, { pin: '1111' });
    const before = verifies();
    await expect(verifyPinSignIn(fresh.tenant.id, fresh.owner.id, '1111')).rejects.toMatchObject({ code: 'forbidden', message: 'Owners sign in with their email and password here.' });
    await expect(verifyPinSignIn(fresh.tenant.id, fresh.owner.id, '9999')).rejects.toMatchObject({ message: 'Owners sign in with their email and password here.' });
    expect(verifies()).toBe(before);
    await expect(verifyPinSignIn(fresh.tenant.id, fresh.manager.id, '2222')).resolves.toMatchObject({ role: 'manager' });
    await updateTenantSettings({ tenantId: fresh.tenant.id, userId: fresh.owner.id }, { pinSwitchToOwner: true });
    await expect(verifyPinSignIn(fresh.tenant.id, fresh.owner.id, '1111')).resolves.toMatchObject({ role: 'owner' });
  });
});

describe('approval tokens (item 13)', () => {
  let register: TenantContext;
  beforeAll(async () => {
    register = await sessionOf(t, t.cashier);
  });
  const grant = (permission: ApprovablePermission, session = register) => grantApproval(session, { userId: t.manager.id, pin: '2222', permission });

  it('POST /api/v1/approvals exchanges the PIN for a token: 201, short-lived, naming the approver, never the PIN', async () => {
    const req = await apiRequest('POST', '/api/v1/approvals', { host: t.tenant, as: t.cashier, body: { userId: t.manager.id, pin: '2222', permission: 'discount:override' } });
    const res = await json(await approvalsRoute.POST(req, noParams));
    expect(res).toEqual({
      status: 201,
      body: { token: expect.stringMatching(/^[\w-]{43}$/), permission: 'discount:override', approver: { id: t.manager.id, name: 'Mo Manager' }, expiresAt: expect.any(String) },
    });
    const minutes = (Date.parse(res.body.expiresAt) - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(9);
    expect(minutes).toBeLessThanOrEqual(10);
    expect(JSON.stringify(res.body)).not.toContain('2222');
  });

  it('approves only its permission, for its own session, in its own business', async () => {
    const discount = await grant('discount:override');
    await expect(authorise(register, 'discount:override', discount)).resolves.toBe(t.manager.id);
    await expect(authorise(register, 'order:void', discount)).rejects.toMatchObject({ code: 'forbidden', details: [{ path: 'approval' }] });
    await expect(authorise(await sessionOf(t, t.cashier), 'discount:override', discount)).rejects.toMatchObject({ code: 'forbidden' });
    // The same token on another business's host: that business has no such grant.
    const foreign = await sessionOf(other, other.cashier);
    await expect(authorise(foreign, 'discount:override', discount)).rejects.toMatchObject({ code: 'forbidden' });
    const req = await apiRequest('POST', '/api/v1/approvals', { host: other.tenant, as: t.cashier, body: { userId: t.manager.id, pin: '2222', permission: 'order:void' } });
    expect((await approvalsRoute.POST(req, noParams)).status).toBe(401);
  });

  it('a discount approval serves the whole sale (re-quoted on every change); a void approval serves one void', async () => {
    const discount = await grant('discount:override');
    for (let i = 0; i < 3; i++) await expect(authorise(register, 'discount:override', discount)).resolves.toBe(t.manager.id);
    const voiding = await grant('order:void');
    const twice = await Promise.all([authorise(register, 'order:void', voiding), authorise(register, 'order:void', voiding)].map(codeOf));
    expect(twice.sort()).toEqual(['forbidden', 'granted']);
  });

  it('dies with the approver: a deactivated or demoted manager approves nothing more', async () => {
    const fresh = await createTenant();
    const cashier = await sessionOf(fresh, fresh.cashier);
    const discount = await grantApproval(cashier, { userId: fresh.manager.id, pin: '2222', permission: 'discount:override' });
    await expect(authorise(cashier, 'discount:override', discount)).resolves.toBe(fresh.manager.id);
    await updateStaff(contextOf(fresh), fresh.manager.id, { role: 'cashier' });
    await expect(authorise(cashier, 'discount:override', discount)).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('the quote takes a discount token instead of a PIN', async () => {
    const item = await createStockedProduct(t);
    const quote = async (approval: unknown) =>
      json(
        await quoteRoute.POST(
          await apiRequest('POST', '/api/v1/orders/quote', {
            host: t.tenant,
            as: await sessionTokenFor(t.cashier, { sid: register.sessionId, authTime: register.authTime }),
            body: { type: 'retail', lines: [{ variantId: item.variants[0]!.id, quantity: 1, discount: { kind: 'percent', basisPoints: 5000 } }], approval },
          }),
          noParams,
        ),
      );
    expect(await quote(null)).toMatchObject({ status: 403, body: { error: { details: [{ path: 'approval' }] } } });
    const { token } = await grant('discount:override');
    expect(await quote({ token })).toMatchObject({ status: 200, body: { discountTotal: 50, lines: [{ discount: { approvedBy: t.manager.id } }] } });
  });
});
