import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { users } from '@/db/schema/auth';
import { updateStaff, verifyPinSignIn } from '@/lib/auth';
import { attributeOfflineSale, pinVerifiersFor, rotateOfflinePinKey } from '@/lib/auth/offline-pins';
import { checkPinOffline, saleProof } from '@/lib/auth/pin-verifier';
import { withTenant } from '@/lib/platform/db';
import { contextOf, createTenant, type TestTenant } from '../helpers';

/**
 * Offline PIN switching (issue 16, docs/security.md › Offline PIN switching): the verifiers a
 * register is given check the right PIN and only it, on that device only, stop counting when the
 * tenant's key rotates or the PIN changes, and the proof a checked PIN makes is what the server
 * accepts as "this person rang up that sale".
 */
let t: TestTenant;
let other: TestTenant;
const DEVICE = 'device-aaaaaaaaaaaaaaaaaaaaaaaa';
const OTHER_DEVICE = 'device-bbbbbbbbbbbbbbbbbbbbbbbb';

const entryOf = async (tenant: TestTenant, userId: string, device = DEVICE) => {
  const v = await pinVerifiersFor(contextOf(tenant), device);
  const person = v.staff.find((s) => s.id === userId);
  return person && { tenantId: tenant.tenant.id, userId, verifier: person.verifier, salt: v.salt, iterations: v.iterations };
};

beforeAll(async () => {
  t = await createTenant();
  other = await createTenant();
});

describe('offline PIN verifiers', () => {
  it('check the right PIN and refuse a wrong one, with nothing of the PIN or its hashes in them', async () => {
    const v = await pinVerifiersFor(contextOf(t), DEVICE);
    // Manager and cashier have PINs; the owner has none (and owners need their password unless allowed).
    expect(v.staff.map((s) => s.id).sort()).toEqual([t.manager.id, t.cashier.id].sort());
    expect(v.iterations).toBeGreaterThanOrEqual(600_000);
    const text = JSON.stringify(v);
    const [row] = await withTenant(t.tenant.id, (tx) => tx.select({ pinHash: users.pinHash, pinSeed: users.pinSeed }).from(users).where(eq(users.id, t.cashier.id)));
    expect(text).not.toContain(row!.pinHash!);
    expect(text).not.toContain(row!.pinSeed!.split('.')[3]!);

    const cashier = (await entryOf(t, t.cashier.id))!;
    expect(await checkPinOffline(cashier, '3333')).toBeInstanceOf(Uint8Array);
    expect(await checkPinOffline(cashier, '3334')).toBeNull();
    expect(await checkPinOffline(cashier, '2222')).toBeNull(); // the manager's PIN is not the cashier's
  });

  it('are per device: one device’s verifier does not check the PIN with another device’s salt, and each device gets its own', async () => {
    const here = (await entryOf(t, t.cashier.id))!;
    const there = (await entryOf(t, t.cashier.id, OTHER_DEVICE))!;
    expect(there.verifier).not.toBe(here.verifier);
    expect(there.salt).not.toBe(here.salt);
    expect(await checkPinOffline({ ...here, salt: there.salt }, '3333')).toBeNull();
  });

  it('name nobody of another business: the same ids on another tenant get no verifier', async () => {
    const v = await pinVerifiersFor(contextOf(other), DEVICE);
    expect(v.staff.some((s) => [t.manager.id, t.cashier.id].includes(s.id))).toBe(false);
  });

  it('go when a PIN changes or is removed, and with the person when deactivated', async () => {
    const fresh = await createTenant();
    const ctx = contextOf(fresh, fresh.owner);
    const before = (await entryOf(fresh, fresh.cashier.id))!;
    await updateStaff(ctx, fresh.cashier.id, { pin: '4444' });
    const after = (await entryOf(fresh, fresh.cashier.id))!;
    expect(after.verifier).not.toBe(before.verifier);
    expect(await checkPinOffline(after, '3333')).toBeNull();
    expect(await checkPinOffline(after, '4444')).not.toBeNull();

    await updateStaff(ctx, fresh.cashier.id, { pin: null });
    expect(await entryOf(fresh, fresh.cashier.id)).toBeUndefined();
    await updateStaff(ctx, fresh.manager.id, { active: false });
    expect(await entryOf(fresh, fresh.manager.id)).toBeUndefined();
  });

  it('stop counting once the tenant’s key rotates: the old verifier and its proofs are refused, new ones work', async () => {
    const fresh = await createTenant();
    const old = (await entryOf(fresh, fresh.cashier.id))!;
    const oldKey = (await checkPinOffline(old, '3333'))!;
    const saleKey = crypto.randomUUID();
    const claim = { userId: fresh.cashier.id, device: DEVICE, proof: await saleProof(oldKey, saleKey) };
    const session = contextOf(fresh, fresh.manager);
    expect((await attributeOfflineSale(session, claim, saleKey)).accepted).toBe(true);

    expect(await rotateOfflinePinKey(contextOf(fresh, fresh.owner))).toEqual({ epoch: 1 });
    const now = (await entryOf(fresh, fresh.cashier.id))!;
    expect(now.verifier).not.toBe(old.verifier);
    expect(now.salt).not.toBe(old.salt);
    const refused = await attributeOfflineSale(session, claim, saleKey);
    expect([refused.accepted, refused.reason, refused.ctx.userId]).toEqual([false, 'wrong_proof', fresh.manager.id]);
    const newKey = (await checkPinOffline(now, '3333'))!;
    expect((await attributeOfflineSale(session, { ...claim, proof: await saleProof(newKey, saleKey) }, saleKey)).ctx.userId).toBe(fresh.cashier.id);
  });

  it('a proof is for one sale: another sale key, another person or a made-up proof is refused', async () => {
    const key = (await checkPinOffline((await entryOf(t, t.cashier.id))!, '3333'))!;
    const saleKey = crypto.randomUUID();
    const proof = await saleProof(key, saleKey);
    const session = contextOf(t, t.manager);
    expect((await attributeOfflineSale(session, { userId: t.cashier.id, device: DEVICE, proof }, crypto.randomUUID())).reason).toBe('wrong_proof');
    expect((await attributeOfflineSale(session, { userId: t.manager.id, device: DEVICE, proof }, saleKey)).reason).toBe('wrong_proof');
    expect((await attributeOfflineSale(session, { userId: t.cashier.id, device: OTHER_DEVICE, proof }, saleKey)).reason).toBe('wrong_proof');
    expect((await attributeOfflineSale(session, { userId: t.cashier.id, device: DEVICE, proof }, null)).reason).toBe('wrong_proof');
    expect((await attributeOfflineSale(session, { userId: other.cashier.id, device: DEVICE, proof }, saleKey)).reason).toBe('unknown_person');
    expect((await attributeOfflineSale(session, { userId: t.owner.id, device: DEVICE, proof }, saleKey)).reason).toBe('no_pin');
  });

  it('a PIN set before seeds existed gets its seed at its next PIN sign-in, and a verifier then', async () => {
    const fresh = await createTenant();
    await withTenant(fresh.tenant.id, (tx) => tx.update(users).set({ pinSeed: null }).where(eq(users.id, fresh.cashier.id)));
    expect(await entryOf(fresh, fresh.cashier.id)).toBeUndefined();
    await verifyPinSignIn(fresh.tenant.id, fresh.cashier.id, '3333', { sessionId: crypto.randomUUID() });
    expect(await checkPinOffline((await entryOf(fresh, fresh.cashier.id))!, '3333')).not.toBeNull();
  });
});
