import type { TenantContext } from '@/lib/auth';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '@/db/schema/platform';
import type { Gateway } from '@/gateway/server';
import { grantApproval } from '@/lib/auth/approvals';
import { createLocation } from '@/lib/inventory';
import { addCashMovement, closeShift, createOrder, createOrderSchema, getOrder, openShift, payOrder, refundOrder, shiftReport } from '@/lib/orders';
import { withTenant } from '@/lib/platform/db';
import { updateTenantSettings } from '@/lib/tenancy/settings';
import { createStockedProduct, createTenant, mainLocation, contextOf, sessionContextOf, startGateway, type TestStaff, type TestTenant } from '../helpers';

/**
 * Security review item 3: cash goes only to an open drawer of the order's location; cash
 * out above the tenant's limit and closing someone else's shift need a manager.
 */
let gateway: Gateway;
let t: TestTenant;
let other: TestTenant;
let cashier: TenantContext;
let manager: TenantContext;
let item: string;
let elsewhere: string;
let register = 0;

const ctxOf = async (tt: TestTenant, staff: TestStaff): Promise<TenantContext> => (await sessionContextOf(tt, staff));
const newShift = (ctx: TenantContext, locationId?: string) => openShift(ctx, { registerName: `Till ${++register}`, locationId, openingFloat: 1_000 });
const newOrder = (shiftId: string | null = null, park = false) => createOrder(cashier, createOrderSchema.parse({ type: 'retail', shiftId, park, lines: [{ variantId: item, quantity: 1 }] }));
const managerApproval = async (ctx: TenantContext) => ({ token: (await grantApproval(ctx, { userId: t.manager.id, pin: '2222', permission: 'shift:manage' })).token });
const needsManager = { code: 'forbidden', details: [{ path: 'approval' }] };

beforeAll(async () => {
  gateway = await startGateway();
  t = await createTenant();
  other = await createTenant();
  await mainLocation(t);
  await mainLocation(other);
  elsewhere = (await createLocation(contextOf(t), { name: 'Second store', address: null })).id;
  cashier = await ctxOf(t, t.cashier);
  manager = await ctxOf(t, t.manager);
  item = (await createStockedProduct(t, { trackStock: false })).variants[0]!.id;
});

afterAll(async () => {
  await gateway.close();
});

describe('a tender goes only to an open drawer of the order’s location', () => {
  it('refuses cash booked to a closed shift, another location’s shift, an unknown or another tenant’s shift — nothing is written', async () => {
    const id = await newOrder();
    const closed = await newShift(cashier);
    await closeShift(cashier, closed.id, 1_000);
    const otherStore = await newShift(cashier, elsewhere);
    const otherTenants = await newShift(await ctxOf(other, other.cashier));

    await expect(payOrder(cashier, id, { tender: 'cash', tendered: 100 }, closed.id)).rejects.toMatchObject({ code: 'conflict' });
    await expect(payOrder(cashier, id, { tender: 'cash', tendered: 100 }, otherStore.id)).rejects.toMatchObject({ code: 'unprocessable', message: 'The shift belongs to another location' });
    await expect(payOrder(cashier, id, { tender: 'cash', tendered: 100 }, crypto.randomUUID())).rejects.toMatchObject({ code: 'unprocessable', details: [{ path: 'shiftId' }] });
    await expect(payOrder(cashier, id, { tender: 'cash', tendered: 100 }, otherTenants.id)).rejects.toMatchObject({ code: 'unprocessable', details: [{ path: 'shiftId' }] });
    expect(await getOrder({ tenantId: t.tenant.id }, id)).toMatchObject({ status: 'placed', paidTotal: 0, payments: [] });
    expect((await shiftReport({ tenantId: t.tenant.id }, otherStore.id)).expectedCash).toBe(1_000);
  });

  it('refuses a card booked to a closed shift before charging anything', async () => {
    const id = await newOrder();
    const closed = await newShift(cashier);
    await closeShift(cashier, closed.id, 1_000);
    const captures = gateway.ledger().length;
    await expect(payOrder(cashier, id, { tender: 'card', source: 'tok_visa' }, closed.id)).rejects.toMatchObject({ code: 'conflict' });
    expect(gateway.ledger()).toHaveLength(captures);
    expect((await getOrder({ tenantId: t.tenant.id }, id)).payments).toEqual([]);
  });

  it('books to the order’s own shift only while it is open', async () => {
    const shift = await newShift(cashier);
    const parked = await newOrder(shift.id, true); // a parked order does not keep its shift from closing
    await closeShift(cashier, shift.id, 1_000);
    const { payment } = await payOrder(cashier, parked, { tender: 'cash', tendered: 100 });
    expect(payment.shiftId).toBeNull();
    expect((await shiftReport({ tenantId: t.tenant.id }, shift.id)).byTender[0]).toMatchObject({ tender: 'cash', taken: 0 });
  });

  it('refuses a refund paid out of a closed or another location’s drawer, and leaves the order as it was', async () => {
    const shift = await newShift(cashier);
    const id = await newOrder(shift.id);
    await payOrder(cashier, id, { tender: 'cash', tendered: 100 }, shift.id);
    const line = (await getOrder({ tenantId: t.tenant.id }, id)).lines[0]!;
    const closed = await newShift(cashier);
    await closeShift(cashier, closed.id, 1_000);
    const otherStore = await newShift(cashier, elsewhere);
    const input = { reason: 'Wrong item', restock: false, lines: [{ lineId: line.id, quantity: 1 }], approval: null };
    await expect(refundOrder(manager, id, input, closed.id)).rejects.toMatchObject({ code: 'conflict' });
    await expect(refundOrder(manager, id, input, otherStore.id)).rejects.toMatchObject({ code: 'unprocessable' });
    expect(await getOrder({ tenantId: t.tenant.id }, id)).toMatchObject({ status: 'completed', refundedTotal: 0, refundDocuments: [] });
    await refundOrder(manager, id, input, shift.id);
    expect((await shiftReport({ tenantId: t.tenant.id }, shift.id)).byTender[0]).toMatchObject({ tender: 'cash', refunded: 100 });
  });
});

describe('cash out of the drawer', () => {
  it('needs a manager above the tenant’s limit (0 by default), and records who approved it', async () => {
    const shift = await newShift(cashier);
    await expect(addCashMovement(cashier, shift.id, { kind: 'out', amount: 1, reason: 'Milk' })).rejects.toMatchObject(needsManager);
    // Cash in never needs one.
    expect(await addCashMovement(cashier, shift.id, { kind: 'in', amount: 500, reason: 'Change' })).toMatchObject({ approvedBy: null });

    const approved = await addCashMovement(cashier, shift.id, { kind: 'out', amount: 300, reason: 'Milk' }, await managerApproval(cashier));
    expect(approved).toMatchObject({ kind: 'out', amount: 300, approvedBy: t.manager.id });
    expect(await addCashMovement(manager, shift.id, { kind: 'out', amount: 200, reason: 'Bank' })).toMatchObject({ approvedBy: t.manager.id });
    expect((await shiftReport({ tenantId: t.tenant.id }, shift.id)).cashOut).toBe(500);
  });

  it('lets a cashier take out up to the limit alone', async () => {
    await updateTenantSettings(contextOf(t), { cashOutLimit: 1_000 });
    try {
      const shift = await newShift(cashier);
      expect(await addCashMovement(cashier, shift.id, { kind: 'out', amount: 1_000, reason: 'Milk' })).toMatchObject({ approvedBy: null });
      await expect(addCashMovement(cashier, shift.id, { kind: 'out', amount: 1_001, reason: 'Milk' })).rejects.toMatchObject(needsManager);
    } finally {
      await updateTenantSettings(contextOf(t), { cashOutLimit: 0 });
    }
  });
});

describe('closing a shift', () => {
  it('someone else’s shift needs a manager; the approver is recorded', async () => {
    const managers = await newShift(manager);
    await expect(closeShift(cashier, managers.id, 1_000)).rejects.toMatchObject(needsManager);
    expect((await shiftReport({ tenantId: t.tenant.id }, managers.id)).closedAt).toBeNull();

    await closeShift(cashier, managers.id, 1_000, await managerApproval(cashier));
    const audit = await withTenant(t.tenant.id, (tx) => tx.select().from(auditEvents).where(and(eq(auditEvents.action, 'shift.closed'), eq(auditEvents.entityId, managers.id))));
    expect(audit).toEqual([expect.objectContaining({ actorUserId: t.cashier.id, approverUserId: t.manager.id })]);

    // Their own shift a cashier closes alone; a manager closes anyone's.
    const own = await newShift(cashier);
    await closeShift(cashier, own.id, 1_000);
    const cashiers = await newShift(cashier);
    await closeShift(manager, cashiers.id, 1_000);
  });
});
