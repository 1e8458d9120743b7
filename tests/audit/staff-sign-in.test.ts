import { beforeAll, describe, expect, it } from 'vitest';
import * as staffItem from '@/app/api/v1/staff/[id]/route';
import * as staffList from '@/app/api/v1/staff/route';
import { updateStaff, verifyPasswordSignIn } from '@/lib/auth';
import { authOptionsFor } from '@/lib/auth/next-auth-options';
import { LIMITS } from '@/lib/auth/rate-limits';
import { SESSION_COOKIE } from '@/lib/auth/session';
import { resetConfigForTests } from '@/lib/platform/config';
import { requestContextFrom, runWithContext } from '@/lib/platform/request-context';
import { apiRequest, contextOf, createTenant, json, noParams, PASSWORD, segment, sessionTokenFor, type TestTenant } from '../helpers';
import { auditRowsOf, CLIENT, clientHeaders, theAuditRowOf } from './audit-helpers';

// The slow path's delay is real in the app (3 s); here it is off, so nothing waits.
process.env.SIGN_IN_SLOW_PATH_MS = '0';
resetConfigForTests();

let t: TestTenant;
beforeAll(async () => {
  t = await createTenant();
});

/** No secret reaches the log: not the text typed, not a hash. */
const expectNoSecrets = (row: object, ...typed: string[]) => {
  const text = JSON.stringify(row);
  expect(text).not.toMatch(/argon2|hash/i);
  for (const secret of typed) expect(text).not.toContain(secret);
};

describe('staff changes', () => {
  it('adding someone over the API: one row with what they were given (the PIN only as "set"), address and device', async () => {
    let id = '';
    const row = await theAuditRowOf(t, async () => {
      const body = { name: 'Pat Part-timer', email: 'pat@audit.test', role: 'cashier', password: 'pat-password-1', pin: '4821' };
      const res = await json(await staffList.POST(await apiRequest('POST', '/api/v1/staff', { host: t.tenant, as: t.manager, body, headers: clientHeaders }), noParams));
      expect(res.status).toBe(201);
      id = res.body.id;
    });
    expect(row).toMatchObject({
      action: 'staff.added',
      actorUserId: t.manager.id,
      entityType: 'user',
      entityId: id,
      before: null,
      after: { name: 'Pat Part-timer', email: 'pat@audit.test', role: 'cashier', active: true, pin: 'set' },
      ip: CLIENT.ip,
      userAgent: CLIENT.userAgent,
    });
    expectNoSecrets(row, 'pat-password-1', '4821');
  });

  it('each change is one row named for what changed, with before/after and never the secret', async () => {
    const member = (await json(await staffList.POST(await apiRequest('POST', '/api/v1/staff', { host: t.tenant, as: t.owner, body: { name: 'Sam', email: 'sam@audit.test', role: 'cashier', password: 'sam-password-1' } }), noParams))).body;
    const owner = contextOf(t);
    const change = (patch: Parameters<typeof updateStaff>[2]) => theAuditRowOf(t, () => updateStaff(owner, member.id, patch));

    expect(await change({ name: 'Sam Smith' })).toMatchObject({ action: 'staff.updated', before: { name: 'Sam' }, after: { name: 'Sam Smith' } });
    expect(await change({ role: 'manager' })).toMatchObject({ action: 'staff.role_changed', before: { role: 'cashier' }, after: { role: 'manager' } });
    const pinSet = await change({ pin: '7391' });
    expect(pinSet).toMatchObject({ action: 'staff.pin_set', before: { pin: 'none' }, after: { pin: 'set' } });
    const pinNew = await change({ pin: '7392' });
    expect(pinNew).toMatchObject({ action: 'staff.pin_set', before: { pin: 'set' }, after: { pin: 'new' } });
    expect(await change({ pin: null })).toMatchObject({ action: 'staff.pin_cleared', before: { pin: 'set' }, after: { pin: 'none' } });
    const password = await change({ password: 'another-password-2' });
    expect(password).toMatchObject({ action: 'staff.password_changed', before: {}, after: {}, details: { passwordChanged: true } });
    expect(await change({ active: false, name: 'Sam S.' })).toMatchObject({ action: 'staff.deactivated', before: { active: true, name: 'Sam Smith' }, after: { active: false, name: 'Sam S.' } });
    expect(await change({ active: true })).toMatchObject({ action: 'staff.reactivated', before: { active: false }, after: { active: true } });
    for (const row of [pinSet, pinNew, password]) expectNoSecrets(row, '7391', '7392', 'another-password-2');
  });

  it('a refused change (a manager touching an owner) writes nothing', async () => {
    const rows = await auditRowsOf(t, async () => {
      const res = await staffItem.PATCH(await apiRequest('PATCH', `/api/v1/staff/${t.owner.id}`, { host: t.tenant, as: t.manager, body: { name: 'Not yours' } }), segment({ id: t.owner.id }));
      expect(res.status).toBe(403);
    });
    expect(rows).toEqual([]);
  });
});

/** A next-auth provider's authorize, called as next-auth's route calls it: inside the request's context (address, device), with its headers. */
function authorize(id: 'credentials' | 'pin', credentials: Record<string, string>, headers: Record<string, string> = {}) {
  type Provider = { options: { id: string; authorize: (c: Record<string, string>, req: { headers: Record<string, string> }) => Promise<unknown> } };
  const provider = (authOptionsFor(t.tenant).providers as unknown as Provider[]).find((p) => p.options.id === id)!;
  const all = { ...clientHeaders, ...headers };
  return runWithContext(requestContextFrom(new Headers(all)), () =>
    provider.options.authorize(credentials, { headers: all }).then(
      () => 'signed in',
      (e: Error) => e.message,
    ),
  );
}

describe('sign-ins', () => {
  it('a sign-in: one row by the person, with address and device', async () => {
    const row = await theAuditRowOf(t, async () => expect(await authorize('credentials', { email: t.cashier.email, password: PASSWORD })).toBe('signed in'));
    expect(row).toMatchObject({ action: 'auth.signed_in', actorUserId: t.cashier.id, entityType: 'user', entityId: t.cashier.id, details: { method: 'password' }, ip: CLIENT.ip, userAgent: CLIENT.userAgent });
    expectNoSecrets(row, PASSWORD);
  });

  it('a wrong password and an unknown email: one failed row each, by nobody, naming the account (if any) and the email typed', async () => {
    const wrong = await theAuditRowOf(t, () => authorize('credentials', { email: t.manager.email, password: 'not-the-password' }));
    expect(wrong).toMatchObject({ action: 'auth.sign_in_failed', actorUserId: null, entityId: t.manager.id, details: { email: t.manager.email, reason: 'wrong_password' }, ip: CLIENT.ip });
    expectNoSecrets(wrong, 'not-the-password');
    const unknown = await theAuditRowOf(t, () => authorize('credentials', { email: 'ghost@audit.test', password: 'whatever-1' }));
    expect(unknown).toMatchObject({ action: 'auth.sign_in_failed', actorUserId: null, entityId: null, details: { email: 'ghost@audit.test', reason: 'unknown_email' } });
  });

  it('a deactivated account with the right password: a failed row, not a sign-in', async () => {
    const fresh = await createTenant();
    await updateStaff(contextOf(fresh), fresh.cashier.id, { active: false });
    const row = await theAuditRowOf(fresh, () => expect(verifyPasswordSignIn(fresh.tenant.id, fresh.cashier.email, PASSWORD)).rejects.toMatchObject({ code: 'forbidden' }));
    expect(row).toMatchObject({ action: 'auth.sign_in_failed', entityId: fresh.cashier.id, details: { reason: 'deactivated' } });
  });

  it('past the limits a try is refused before the password is checked: a lockout row, even for the right password', async () => {
    const fresh = await createTenant();
    const ip = `2001:db8:${crypto.randomUUID().slice(0, 4)}::1`;
    for (let i = 0; i < LIMITS.passwordPerAccount + LIMITS.slowPathPerAccountNetwork; i++) {
      await expect(verifyPasswordSignIn(fresh.tenant.id, fresh.owner.email, `wrong-${i}`, ip)).rejects.toMatchObject({ code: 'unauthorized' });
    }
    const row = await theAuditRowOf(fresh, () => expect(verifyPasswordSignIn(fresh.tenant.id, fresh.owner.email, PASSWORD, ip)).rejects.toMatchObject({ code: 'rate_limited' }));
    expect(row).toMatchObject({ action: 'auth.locked_out', actorUserId: null, entityId: fresh.owner.id, details: { method: 'password', email: fresh.owner.email } });
  });
});

describe('switching staff by PIN', () => {
  const registerOf = async (staff = t.cashier) => ({ cookie: `${SESSION_COOKIE}=${await sessionTokenFor(staff)}` });

  it('a switch: one row by the person switched to, naming whom they replaced, with address and device', async () => {
    const row = await theAuditRowOf(t, async () => expect(await authorize('pin', { userId: t.manager.id, pin: '2222' }, await registerOf())).toBe('signed in'));
    expect(row).toMatchObject({ action: 'auth.pin_switched', actorUserId: t.manager.id, entityId: t.manager.id, details: { method: 'pin', fromUserId: t.cashier.id }, ip: CLIENT.ip, userAgent: CLIENT.userAgent });
    expectNoSecrets(row, '2222');
  });

  it('a wrong PIN, and an owner where owners need their password: a failed row by whoever stood at the register', async () => {
    const register = await registerOf();
    const wrong = await theAuditRowOf(t, async () => expect(await authorize('pin', { userId: t.manager.id, pin: '9876' }, register)).toBe('Wrong PIN.'));
    expect(wrong).toMatchObject({ action: 'auth.pin_switch_failed', actorUserId: t.cashier.id, entityId: t.manager.id, details: { reason: 'wrong_pin' } });
    expectNoSecrets(wrong, '9876');
    const owner = await theAuditRowOf(t, () => authorize('pin', { userId: t.owner.id, pin: '1111' }, register));
    expect(owner).toMatchObject({ action: 'auth.pin_switch_failed', actorUserId: t.cashier.id, entityId: t.owner.id, details: { reason: 'owner_needs_password' } });
  });

  it('too many wrong PINs from one register: the next try is a lockout row', async () => {
    const register = await registerOf();
    const network = { 'x-forwarded-for': `2001:db8:${crypto.randomUUID().slice(0, 4)}::2` };
    for (let i = 0; i < LIMITS.pinPerSession; i++) expect(await authorize('pin', { userId: t.manager.id, pin: '0000' }, { ...register, ...network })).toBe('Wrong PIN.');
    const row = await theAuditRowOf(t, async () => expect(await authorize('pin', { userId: t.manager.id, pin: '2222' }, { ...register, ...network })).toMatch(/^Too many wrong PINs/));
    expect(row).toMatchObject({ action: 'auth.locked_out', actorUserId: t.cashier.id, entityId: t.manager.id, details: { method: 'pin' } });
  });
});
