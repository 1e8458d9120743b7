import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import * as orders from '@/app/api/v1/orders/route';
import * as verifiersRoute from '@/app/api/v1/register/pin-verifiers/route';
import * as rotateRoute from '@/app/api/v1/register/pin-verifiers/rotate/route';
import { orders as orderRows } from '@/db/schema/orders';
import { auditEvents } from '@/db/schema/platform';
import { receiveStock } from '@/lib/inventory';
import { checkPinOffline, saleProof } from '@/lib/auth/pin-verifier';
import { withTenant } from '@/lib/platform/db';
import { apiRequest, contextOf, createStockedProduct, createTenant, json, mainLocation, noParams, sessionTokenFor, type TestStaff, type TestTenant } from '../helpers';

/**
 * GET /api/v1/register/pin-verifiers and the offline sale's named cashier (issue 16): a signed-in
 * register of this business only; a sale names its cashier only offline (`placedAt`), and the
 * server records it as theirs only with their proof, else as the session's person's — audited
 * either way. Another business's person is never accepted.
 */
let t: TestTenant;
let other: TestTenant;
let item: string;
let location: string;
const DEVICE = 'register-device-0123456789abcdef';

const verifiers = async (as: TestStaff | string | undefined, host = t.tenant, device: string = DEVICE) =>
  json(await verifiersRoute.GET(await apiRequest('GET', `/api/v1/register/pin-verifiers?device=${encodeURIComponent(device)}`, { host, as }), noParams));
const sale = (extra: Record<string, unknown>) => ({
  type: 'retail',
  locationId: location,
  lines: [{ variantId: item, quantity: 1 }],
  payments: [{ tender: 'cash', tendered: 100_000 }],
  placedAt: new Date(Date.now() - 60_000).toISOString(),
  ...extra,
});
const checkout = async (body: unknown, key: string, as: TestStaff = t.manager) =>
  json(await orders.POST(await apiRequest('POST', '/api/v1/orders', { host: t.tenant, as, body, headers: { 'idempotency-key': key } }), noParams));
const cashierOf = async (orderId: string) => (await withTenant(t.tenant.id, (tx) => tx.select({ by: orderRows.createdBy }).from(orderRows).where(eq(orderRows.id, orderId))))[0]?.by;
const attributionAudit = async (orderId: string) =>
  withTenant(t.tenant.id, (tx) => tx.select().from(auditEvents).where(and(eq(auditEvents.action, 'order.offline_attributed'), eq(auditEvents.entityId, orderId))));
/** The cashier's key on DEVICE, as the register derives it from the PIN typed. */
const cashierKey = async (pin = '3333') => {
  const v = (await verifiers(t.manager)).body;
  const entry = v.staff.find((s: { id: string }) => s.id === t.cashier.id);
  return checkPinOffline({ tenantId: t.tenant.id, userId: t.cashier.id, verifier: entry.verifier, salt: v.salt, iterations: v.iterations }, pin);
};

beforeAll(async () => {
  t = await createTenant();
  other = await createTenant();
  location = await mainLocation(t);
  item = (await createStockedProduct(t)).variants[0]!.id;
  await receiveStock(contextOf(t), { locationId: location, supplier: null, note: null, lines: [{ variantId: item, quantity: 50 }] });
});

describe('GET /api/v1/register/pin-verifiers', () => {
  it('answers a signed-in register of this business its verifiers, never cached, with no PIN material but hashes of keys', async () => {
    const res = await verifiersRoute.GET(await apiRequest('GET', `/api/v1/register/pin-verifiers?device=${DEVICE}`, { host: t.tenant, as: t.cashier }), noParams);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const body = await res.json();
    expect(Object.keys(body).sort()).toEqual(['epoch', 'iterations', 'salt', 'staff']);
    expect(body.staff.map((s: { id: string }) => s.id).sort()).toEqual([t.manager.id, t.cashier.id].sort());
    for (const s of body.staff) expect(Object.keys(s).sort()).toEqual(['id', 'name', 'role', 'verifier']);
  });

  it('refuses the signed out (401), another business’s session on this host (401), and a bad device id (422)', async () => {
    expect((await verifiers(undefined)).status).toBe(401);
    expect((await verifiers(await sessionTokenFor(other.cashier))).status).toBe(401);
    expect((await verifiers(other.cashier, t.tenant)).status).toBe(401);
    const bad = await verifiers(t.cashier, t.tenant, 'short');
    expect([bad.status, bad.body.error.code]).toEqual([422, 'unprocessable']);
  });

  it('for another business: its own staff only, whatever the device id', async () => {
    const theirs = (await verifiers(other.cashier, other.tenant)).body;
    expect(theirs.staff.map((s: { id: string }) => s.id).sort()).toEqual([other.manager.id, other.cashier.id].sort());
    expect(theirs.salt).not.toBe((await verifiers(t.cashier)).body.salt);
  });
});

describe('POST /api/v1/register/pin-verifiers/rotate', () => {
  it('is for staff managers (403 for a cashier) of this business (401 across), audited, and gives every device a new salt', async () => {
    const before = (await verifiers(t.cashier)).body;
    expect((await json(await rotateRoute.POST(await apiRequest('POST', '/api/v1/register/pin-verifiers/rotate', { host: t.tenant, as: t.cashier }), noParams))).status).toBe(403);
    expect((await json(await rotateRoute.POST(await apiRequest('POST', '/api/v1/register/pin-verifiers/rotate', { host: t.tenant, as: other.owner }), noParams))).status).toBe(401);
    const rotated = await json(await rotateRoute.POST(await apiRequest('POST', '/api/v1/register/pin-verifiers/rotate', { host: t.tenant, as: t.manager }), noParams));
    expect([rotated.status, rotated.body.epoch]).toEqual([200, before.epoch + 1]);
    const after = (await verifiers(t.cashier)).body;
    expect(after.salt).not.toBe(before.salt);
    const rows = await withTenant(t.tenant.id, (tx) => tx.select().from(auditEvents).where(eq(auditEvents.action, 'offline_pins.rotated')));
    expect(rows.map((r) => [r.actorUserId, r.after])).toEqual([[t.manager.id, { epoch: before.epoch + 1 }]]);
    expect((await verifiers(other.cashier, other.tenant)).body.epoch).toBe(0);
  });
});

describe('an offline sale naming its cashier', () => {
  it('is theirs with their proof for this sale, sent by another person’s session; audited as accepted; one order when sent again', async () => {
    const key = crypto.randomUUID();
    const proof = await saleProof((await cashierKey())!, key);
    const body = sale({ offlineCashier: { userId: t.cashier.id, device: DEVICE, proof } });
    const sent = await checkout(body, key);
    expect(sent.status).toBe(201);
    expect(await cashierOf(sent.body.id)).toBe(t.cashier.id);
    const again = await checkout(body, key);
    expect(again.body.id).toBe(sent.body.id);
    const audit = await attributionAudit(sent.body.id);
    expect(audit.map((r) => [r.actorUserId, r.after, (r.details as { accepted: boolean }).accepted, (r.details as { reason: string }).reason])).toEqual([
      [t.manager.id, { cashierId: t.cashier.id }, true, 'accepted'],
    ]);
  });

  it('is the session person’s with a wrong proof, another business’s person, or someone without a PIN; audited as refused', async () => {
    const cases = [
      { userId: t.cashier.id, proof: await saleProof((await cashierKey())!, 'another sale'), reason: 'wrong_proof' },
      { userId: other.cashier.id, proof: 'A'.repeat(43), reason: 'unknown_person' },
      { userId: t.owner.id, proof: 'A'.repeat(43), reason: 'no_pin' },
    ];
    for (const c of cases) {
      const key = crypto.randomUUID();
      const sent = await checkout(sale({ offlineCashier: { userId: c.userId, device: DEVICE, proof: c.proof } }), key);
      expect(sent.status).toBe(201);
      expect(await cashierOf(sent.body.id)).toBe(t.manager.id);
      const [row] = await attributionAudit(sent.body.id);
      expect([row?.after, (row?.details as { accepted: boolean }).accepted, (row?.details as { reason: string }).reason, (row?.details as { claimedCashierId: string }).claimedCashierId]).toEqual([
        { cashierId: t.manager.id },
        false,
        c.reason,
        c.userId,
      ]);
    }
  });

  it('is refused (422) without `placedAt`: only a sale made offline names its cashier', async () => {
    const key = crypto.randomUUID();
    const { placedAt: _, ...online } = sale({ offlineCashier: { userId: t.cashier.id, device: DEVICE, proof: await saleProof((await cashierKey())!, key) } });
    const sent = await checkout(online, key);
    expect([sent.status, sent.body.error.details?.[0]?.path]).toEqual([422, 'offlineCashier']);
  });
});
