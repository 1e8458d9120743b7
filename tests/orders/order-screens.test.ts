import type { TenantContext } from '@/lib/auth';
import { beforeAll, describe, expect, it } from 'vitest';
import { receiveStock } from '@/lib/inventory';
import { checkout, countOrdersByStatus, createOrderSchema, loadOrderDetail, receiptOf, voidOrder } from '@/lib/orders';
import { createStockedProduct, createTenant, mainLocation, contextOf, sessionContextOf, type TestTenant } from '../helpers';

/** The orders module's answers for the order screens and the register's checkout. */
let t: TestTenant;
let other: TestTenant;
let manager: TenantContext;
let location: string;
let cake: string;

const sale = (input: Record<string, unknown> = {}) => createOrderSchema.parse({ type: 'takeaway', lines: [{ variantId: cake, quantity: 1 }], ...input });

beforeAll(async () => {
  [t, other] = await Promise.all([createTenant(), createTenant()]);
  manager = await sessionContextOf(t, t.manager);
  location = await mainLocation(t);
  cake = (await createStockedProduct(t, { name: 'Cake' })).variants[0]!.id;
  await receiveStock(contextOf(t), { locationId: location, supplier: null, note: null, lines: [{ variantId: cake, quantity: 50 }] });
});

describe('checkout', () => {
  it('answers the order with its tenders taken, and the first tender that failed beside it', async () => {
    const paid = await checkout(manager, sale({ payments: [{ tender: 'cash', tendered: 500 }] }));
    expect(paid.paymentError).toBeNull();
    expect(paid.order).toMatchObject({ status: 'completed', balanceDue: 0, changeGiven: 500 - paid.order.total });

    // The second tender finds nothing left to pay: the sale stands, the refusal is reported.
    const twice = await checkout(manager, sale({ payments: [{ tender: 'cash', tendered: 500 }, { tender: 'cash', tendered: 500 }] }));
    expect(twice.order.status).toBe('completed');
    expect(twice.paymentError).toMatchObject({ code: expect.stringMatching(/^(unprocessable|conflict)$/) });
  });
});

describe('order screens', () => {
  it('counts the orders of a day per status in one query, by location and number, for this tenant only', async () => {
    const since = new Date(Date.now() - 60_000).toISOString();
    const before = await countOrdersByStatus({ tenantId: t.tenant.id }, { from: since, location });
    const parked = await checkout(manager, sale({ park: true }));
    const placed = await checkout(manager, sale());
    await voidOrder(manager, placed.order.id, { reason: 'Changed their mind', approval: null });
    const after = await countOrdersByStatus({ tenantId: t.tenant.id }, { from: since, location });
    expect((after.open ?? 0) - (before.open ?? 0)).toBe(1);
    expect((after.voided ?? 0) - (before.voided ?? 0)).toBe(1);
    expect(await countOrdersByStatus({ tenantId: t.tenant.id }, { from: since, location, number: parked.order.number })).toEqual({ open: 1 });
    expect(await countOrdersByStatus({ tenantId: other.tenant.id }, { from: since })).toEqual({});
  });

  it('loads an order’s detail, and null for a malformed id or another tenant’s order', async () => {
    const { order } = await checkout(manager, sale({ payments: [{ tender: 'cash', tendered: 500 }] }));
    const detail = await loadOrderDetail({ tenantId: t.tenant.id }, order.id);
    expect(detail).toMatchObject({ order: { id: order.id }, staffNames: { [t.manager.id]: 'Mo Manager' }, tableName: null });
    expect(detail!.refundable).toHaveLength(1);
    expect(await loadOrderDetail({ tenantId: t.tenant.id }, 'not-an-id')).toBeNull();
    expect(await loadOrderDetail({ tenantId: other.tenant.id }, order.id)).toBeNull();
  });

  it('renders the receipt with the cashier’s name; another tenant’s order is not found', async () => {
    const { order } = await checkout(manager, sale({ payments: [{ tender: 'cash', tendered: 500 }] }));
    const html = await receiptOf(manager, order.id);
    expect(html).toContain(`Order #${order.number}`);
    expect(html).toContain('Mo Manager');
    await expect(receiptOf(contextOf(other), order.id)).rejects.toMatchObject({ code: 'not_found' });
  });
});
