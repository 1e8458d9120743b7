import { beforeAll, describe, expect, it } from 'vitest';
import { createSignInHandoff, updateStaff, verifyPasswordSignIn, verifyPinSignIn } from '@/lib/auth';
import { redeemSignInHandoff } from '@/lib/auth/credentials';
import { LIMITS } from '@/lib/auth/rate-limits';
import { contextOf, createTenant, PASSWORD, type TestTenant } from '../helpers';

describe('password sign-in', () => {
  let t: TestTenant;
  let other: TestTenant;
  beforeAll(async () => {
    t = await createTenant();
    other = await createTenant();
  });

  it('signs in with the right password and records the time', async () => {
    const user = await verifyPasswordSignIn(t.tenant.id, t.cashier.email, PASSWORD);
    expect(user).toMatchObject({ id: t.cashier.id, tenantId: t.tenant.id, role: 'cashier' });
  });

  it('refuses a wrong password and an unknown email with the same message', async () => {
    await expect(verifyPasswordSignIn(t.tenant.id, t.manager.email, 'wrong-password')).rejects.toMatchObject({
      code: 'unauthorized',
      message: 'Wrong email or password.',
    });
    await expect(verifyPasswordSignIn(t.tenant.id, 'nobody@nowhere.test', PASSWORD)).rejects.toMatchObject({
      code: 'unauthorized',
      message: 'Wrong email or password.',
    });
  });

  it('does not accept a staff member of another business on this host', async () => {
    await expect(verifyPasswordSignIn(t.tenant.id, other.owner.email, PASSWORD)).rejects.toMatchObject({ code: 'unauthorized' });
  });

  it('counts failures, not sign-ins: the right password costs no attempt', async () => {
    for (let i = 0; i < LIMITS.passwordPerAccount - 1; i++) {
      await expect(verifyPasswordSignIn(t.tenant.id, t.owner.email, 'nope-nope')).rejects.toMatchObject({ code: 'unauthorized' });
    }
    for (let i = 0; i < 5; i++) await verifyPasswordSignIn(t.tenant.id, t.owner.email, PASSWORD);
    await expect(verifyPasswordSignIn(t.tenant.id, t.owner.email, 'nope-nope')).rejects.toMatchObject({ code: 'unauthorized' });
  });

  it('refuses a deactivated account', async () => {
    const owner = contextOf(t);
    await updateStaff(owner, t.cashier.id, { active: false });
    await expect(verifyPasswordSignIn(t.tenant.id, t.cashier.email, PASSWORD)).rejects.toMatchObject({ code: 'forbidden' });
    await updateStaff(owner, t.cashier.id, { active: true });
  });
});

describe('PIN sign-in', () => {
  let t: TestTenant;
  beforeAll(async () => {
    t = await createTenant();
  });

  it('accepts the right PIN and refuses a wrong one', async () => {
    await expect(verifyPinSignIn(t.tenant.id, t.manager.id, '2222')).resolves.toMatchObject({ id: t.manager.id });
    await expect(verifyPinSignIn(t.tenant.id, t.manager.id, '9999')).rejects.toMatchObject({ message: 'Wrong PIN.' });
  });

  it('refuses a PIN after 10 failures on it', async () => {
    for (let i = 0; i < LIMITS.pinPerTarget; i++) {
      await expect(verifyPinSignIn(t.tenant.id, t.cashier.id, '0000')).rejects.toMatchObject({ code: 'unauthorized' });
    }
    await expect(verifyPinSignIn(t.tenant.id, t.cashier.id, '0000')).rejects.toMatchObject({ code: 'rate_limited' });
    await expect(verifyPinSignIn(t.tenant.id, t.cashier.id, '3333')).rejects.toMatchObject({ code: 'rate_limited' });
  });

  it('refuses someone without a PIN', async () => {
    await updateStaff(contextOf(t), t.manager.id, { pin: null });
    await expect(verifyPinSignIn(t.tenant.id, t.manager.id, '2222')).rejects.toMatchObject({ code: 'unauthorized' });
  });
});

describe('sign-up handoff', () => {
  it('is redeemable once, on its own tenant only', async () => {
    const t = await createTenant();
    const other = await createTenant();
    const token = await createSignInHandoff(t.tenant.id, t.owner.id);
    await expect(redeemSignInHandoff(other.tenant.id, token)).rejects.toMatchObject({ code: 'unauthorized' });
    const token2 = await createSignInHandoff(t.tenant.id, t.owner.id);
    await expect(redeemSignInHandoff(t.tenant.id, token2)).resolves.toMatchObject({ id: t.owner.id, role: 'owner' });
    await expect(redeemSignInHandoff(t.tenant.id, token2)).rejects.toMatchObject({ code: 'unauthorized' });
  });
});
