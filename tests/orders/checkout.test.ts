import type { TenantContext } from '@/lib/auth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outboxEvents } from '@/db/schema/events';
import type { Gateway } from '@/gateway/server';
import { modifierGroupService, taxClassService } from '@/lib/catalog/service';
import { levelsOf, receiveStock } from '@/lib/inventory';
import {
  addCashMovement,
  closeShift,
  createOrder,
  createOrderSchema,
  getOrder,
  openShift,
  payOrder,
  quoteOrder,
  quoteOrderSchema,
  refundOrder,
  renderReceipt,
  shiftReport,
  updateOpenOrder,
  updateOrderSchema,
  voidOrder,
} from '@/lib/orders';
import { withTenant } from '@/lib/platform/db';
import { createTable, listTables } from '@/lib/restaurant';
import { getTenantSettings, updateTenantSettings } from '@/lib/tenancy/settings';
import { createStockedProduct, createTenant, mainLocation, contextOf, sessionContextOf, startGateway, type TestStaff, type TestTenant } from '../helpers';
import { grantApproval } from '@/lib/auth/approvals';
import type { ApprovablePermission } from '@/lib/auth/schemas';

let gateway: Gateway;
let t: TestTenant;
let location: string;
let cashier: TenantContext;
let manager: TenantContext;
let tea: { variantId: string; productId: string };
let cake: { variantId: string };
let milkGroup: { id: string; oat: string; soy: string };

const ctxOf = async (tt: TestTenant, staff: TestStaff): Promise<TenantContext> => sessionContextOf(tt, staff);
/** The manager's PIN (2222) typed at `ctx`'s register, exchanged for an approval token. */
const approvalOf = async (ctx: TenantContext, permission: ApprovablePermission) => ({
  token: (await grantApproval(ctx, { userId: t.manager.id, pin: '2222', permission })).token,
});
const order = (input: Record<string, unknown>) => createOrderSchema.parse({ type: 'takeaway', ...input });
const stockOf = async (variantId: string) => (await levelsOf({ tenantId: t.tenant.id }, [variantId], location))[0]?.quantity ?? 0;
const eventsFor = async (orderId: string) =>
  (await withTenant(t.tenant.id, (tx) => tx.select().from(outboxEvents))).filter((e) => (e.payload as { orderId?: string }).orderId === orderId).map((e) => e.type);

beforeAll(async () => {
  gateway = await startGateway();
  t = await createTenant();
  location = await mainLocation(t);
  cashier = await ctxOf(t, t.cashier);
  manager = await ctxOf(t, t.manager);
  const vat = await taxClassService.create(contextOf(t), { name: 'VAT 10%', rateBasisPoints: 1000 });
  const milk = await modifierGroupService.create(contextOf(t), {
    name: 'Milk',
    minSelect: 1,
    maxSelect: 1,
    options: [
      { name: 'Oat', priceDelta: 50 },
      { name: 'Soy', priceDelta: 30 },
    ],
  });
  milkGroup = { id: milk.id, oat: milk.options[0]!.id, soy: milk.options[1]!.id };
  const { createProduct } = await import('@/lib/catalog/service');
  const { productInputSchema } = await import('@/lib/catalog/schemas');
  const teaProduct = await createProduct(
    contextOf(t),
    productInputSchema.parse({ name: 'Milk tea', taxClassId: vat.id, modifierGroupIds: [milk.id], trackStock: false, variants: [{ sku: 'T-1', price: 400 }] }),
  );
  tea = { variantId: teaProduct.variants[0]!.id, productId: teaProduct.id };
  const cakeProduct = await createStockedProduct(t, { name: 'Cake' });
  cake = { variantId: cakeProduct.variants[0]!.id };
  await receiveStock(contextOf(t), { locationId: location, supplier: null, note: null, lines: [{ variantId: cake.variantId, quantity: 50 }] });
});

afterAll(async () => {
  await gateway.close();
});

describe('checkout', () => {
  it('prices on the server, takes stock, takes cash with change, completes, and numbers orders per day', async () => {
    const before = await stockOf(cake.variantId);
    const id = await createOrder(cashier, order({ lines: [{ variantId: tea.variantId, quantity: 2, modifierOptionIds: [milkGroup.oat], note: 'less sugar' }, { variantId: cake.variantId, quantity: 1 }] }));
    let view = await getOrder({ tenantId: t.tenant.id }, id);
    // Tea (400 + 50 oat) × 2 = 900, cake 100; prices include tax (10 % on tea only).
    expect(view).toMatchObject({ status: 'placed', subtotal: 1000, discountTotal: 0, taxTotal: 82, total: 1000, stockReserved: true, currency: 'USD' });
    expect(view.lines[0]).toMatchObject({ productName: 'Milk tea', modifiers: [{ optionName: 'Oat', priceDelta: 50 }], note: 'less sugar', taxRateBasisPoints: 1000 });
    expect(await stockOf(cake.variantId)).toBe(before - 1);

    await payOrder(cashier, id, { tender: 'cash', tendered: 2000 });
    view = await getOrder({ tenantId: t.tenant.id }, id);
    expect(view).toMatchObject({ status: 'completed', paidTotal: 1000, balanceDue: 0, changeGiven: 1000 });
    expect(await eventsFor(id)).toEqual(expect.arrayContaining(['OrderPlaced', 'PaymentCaptured', 'OrderPaid']));

    const next = await createOrder(cashier, order({ lines: [{ variantId: cake.variantId, quantity: 1 }] }));
    expect((await getOrder({ tenantId: t.tenant.id }, next)).number).toBe(view.number + 1);

    const html = renderReceipt(view, t.tenant, await getTenantSettings({ tenantId: t.tenant.id }), 'Cas Cashier');
    expect(html).toContain(`Order #${view.number}`);
    expect(html).toContain('2 × Milk tea');
    expect(html).toContain('+ Oat');
    expect(html).toContain('$10.00');
  });

  it('refuses, with a 422 and nothing written, an order too large for its amounts to be stored (found by the schema fuzz)', async () => {
    const { createProduct } = await import('@/lib/catalog/service');
    const { productInputSchema } = await import('@/lib/catalog/schemas');
    const gold = await createProduct(contextOf(t), productInputSchema.parse({ name: 'Gold bar', trackStock: false, variants: [{ sku: 'GOLD-1', price: 1_000_000_000 }] }));
    const lines = [{ variantId: gold.variants[0]!.id, quantity: 3 }];
    await expect(createOrder(cashier, order({ lines }))).rejects.toMatchObject({ code: 'unprocessable', message: expect.stringMatching(/too large/) });
    await expect(quoteOrder(cashier, quoteOrderSchema.parse({ type: 'takeaway', lines }))).rejects.toMatchObject({ code: 'unprocessable' });
    expect((await createOrder(cashier, order({ lines: [{ ...lines[0], quantity: 2 }] })))).toEqual(expect.any(String));
  });

  it('refuses a total that differs from what the register showed, and invalid modifier choices', async () => {
    await expect(createOrder(cashier, order({ expectedTotal: 999, lines: [{ variantId: cake.variantId, quantity: 1 }] }))).rejects.toMatchObject({ code: 'unprocessable', details: [{ path: 'expectedTotal' }] });
    await expect(createOrder(cashier, order({ lines: [{ variantId: tea.variantId, quantity: 1 }] }))).rejects.toMatchObject({ details: [{ path: 'lines.0.modifierOptionIds', message: 'Milk tea: choose Milk' }] });
    await expect(createOrder(cashier, order({ lines: [{ variantId: tea.variantId, quantity: 1, modifierOptionIds: [milkGroup.oat, milkGroup.soy] }] }))).rejects.toMatchObject({ code: 'unprocessable' });
    await expect(createOrder(cashier, order({ lines: [{ variantId: tea.variantId, quantity: 1, modifierOptionIds: [crypto.randomUUID()] }] }))).rejects.toMatchObject({ code: 'unprocessable' });
  });

  it('needs a manager for discounts over the limit', async () => {
    const discounted = { lines: [{ variantId: cake.variantId, quantity: 2, discount: { kind: 'percent', basisPoints: 5000 } }] };
    await expect(createOrder(cashier, order(discounted))).rejects.toMatchObject({ code: 'forbidden' });
    await expect(createOrder(cashier, order({ ...discounted, approval: { token: 'not-a-token-not-a-token' } }))).rejects.toMatchObject({
      code: 'forbidden',
      details: [{ path: 'approval' }],
    });
    // An approval for something else (a void) does not approve a discount.
    await expect(createOrder(cashier, order({ ...discounted, approval: await approvalOf(cashier, 'order:void') }))).rejects.toMatchObject({ code: 'forbidden' });
    const id = await createOrder(cashier, order({ ...discounted, approval: await approvalOf(cashier, 'discount:override') }));
    expect((await getOrder({ tenantId: t.tenant.id }, id)).lines[0]).toMatchObject({ lineDiscount: 100, discount: { kind: 'percent', approvedBy: t.manager.id } });
    // Within the limit (10 %) no approval is needed; a manager never needs one.
    await createOrder(cashier, order({ lines: [{ variantId: cake.variantId, quantity: 1, discount: { kind: 'percent', basisPoints: 1000 } }] }));
    await createOrder(manager, order(discounted));
  });

  it('splits between cash and card and captures the card once', async () => {
    const id = await createOrder(cashier, order({ lines: [{ variantId: cake.variantId, quantity: 5 }] }));
    await payOrder(cashier, id, { tender: 'cash', amount: 200, tendered: 200 });
    expect((await getOrder({ tenantId: t.tenant.id }, id))).toMatchObject({ status: 'partially_paid', balanceDue: 300 });
    const { payment } = await payOrder(cashier, id, { tender: 'card', source: 'tok_visa' });
    expect(payment).toMatchObject({ tender: 'card', status: 'captured', amount: 300, gatewayPaymentId: expect.stringMatching(/^pay_/) });
    expect(await getOrder({ tenantId: t.tenant.id }, id)).toMatchObject({ status: 'completed', paidTotal: 500 });
    expect(gateway.ledger().filter((e) => e.type === 'capture' && e.paymentId === payment.gatewayPaymentId)).toHaveLength(1);
    await expect(payOrder(cashier, id, { tender: 'cash', tendered: 100 })).rejects.toMatchObject({ code: 'conflict' });
  });

  it('keeps a declined order unpaid and payable by cash', async () => {
    const id = await createOrder(cashier, order({ lines: [{ variantId: cake.variantId, quantity: 1 }] }));
    await expect(payOrder(cashier, id, { tender: 'card', source: 'tok_insufficient_funds' })).rejects.toMatchObject({
      code: 'payment_declined',
      message: 'The card was declined: insufficient funds.',
    });
    expect(await getOrder({ tenantId: t.tenant.id }, id)).toMatchObject({ status: 'placed', paidTotal: 0, payments: [{ status: 'failed', failureCode: 'insufficient_funds' }] });
    expect(await eventsFor(id)).toContain('PaymentFailed');
    await payOrder(cashier, id, { tender: 'cash', tendered: 100 });
    expect((await getOrder({ tenantId: t.tenant.id }, id)).status).toBe('completed');
  });

  it('parks an order without taking stock, then resumes, changes and pays it', async () => {
    const before = await stockOf(cake.variantId);
    const id = await createOrder(cashier, order({ park: true, customerName: 'Aung', lines: [{ variantId: cake.variantId, quantity: 1 }] }));
    expect(await getOrder({ tenantId: t.tenant.id }, id)).toMatchObject({ status: 'open', stockReserved: false });
    expect(await stockOf(cake.variantId)).toBe(before);
    await updateOpenOrder(cashier, id, updateOrderSchema.parse({ type: 'takeaway', customerName: 'Aung', lines: [{ variantId: cake.variantId, quantity: 3 }] }));
    expect((await getOrder({ tenantId: t.tenant.id }, id)).total).toBe(300);
    await payOrder(cashier, id, { tender: 'cash', tendered: 300 });
    expect(await getOrder({ tenantId: t.tenant.id }, id)).toMatchObject({ status: 'completed', stockReserved: true });
    expect(await stockOf(cake.variantId)).toBe(before - 3);
    await expect(updateOpenOrder(cashier, id, updateOrderSchema.parse({ type: 'takeaway', lines: [{ variantId: cake.variantId, quantity: 1 }] }))).rejects.toMatchObject({ code: 'conflict' });
  });

  it('keeps a dine-in tab open on its table until paid', async () => {
    const table = await createTable(contextOf(t), { name: `T${Date.now()}`, seats: 4, area: 'Main', position: 0 });
    const id = await createOrder(cashier, order({ type: 'dine_in', tableId: table.id, covers: 3, park: true, lines: [{ variantId: cake.variantId, quantity: 2 }] }));
    const seated = (await listTables({ tenantId: t.tenant.id })).find((x) => x.id === table.id);
    expect(seated).toMatchObject({ status: 'occupied', covers: 3 });
    await payOrder(cashier, id, { tender: 'cash', tendered: 500 });
    expect((await listTables({ tenantId: t.tenant.id })).find((x) => x.id === table.id)).toMatchObject({ status: 'needs_cleaning', covers: 0 });
    expect(() => order({ type: 'dine_in', lines: [{ variantId: cake.variantId, quantity: 1 }] })).toThrow('Choose a table for dine-in');
  });

  it('voids an unpaid order (stock back) — a cashier needs a manager', async () => {
    const before = await stockOf(cake.variantId);
    const id = await createOrder(cashier, order({ lines: [{ variantId: cake.variantId, quantity: 4 }] }));
    expect(await stockOf(cake.variantId)).toBe(before - 4);
    await expect(voidOrder(cashier, id, { reason: 'Customer left', approval: null })).rejects.toMatchObject({ code: 'forbidden' });
    await voidOrder(cashier, id, { reason: 'Customer left', approval: await approvalOf(cashier, 'order:void') });
    expect(await getOrder({ tenantId: t.tenant.id }, id)).toMatchObject({ status: 'voided', voidReason: 'Customer left', stockReserved: false });
    expect(await stockOf(cake.variantId)).toBe(before);
    await expect(voidOrder(manager, id, { reason: 'Again', approval: null })).rejects.toMatchObject({ code: 'conflict' });

    const paid = await createOrder(cashier, order({ lines: [{ variantId: cake.variantId, quantity: 1 }] }));
    await payOrder(cashier, paid, { tender: 'cash', tendered: 100 });
    await expect(voidOrder(manager, paid, { reason: 'Too late', approval: null })).rejects.toMatchObject({ code: 'conflict' });
  });

  it('refunds lines back to their tenders, optionally restocking', async () => {
    const id = await createOrder(cashier, order({ lines: [{ variantId: cake.variantId, quantity: 3 }, { variantId: tea.variantId, quantity: 1, modifierOptionIds: [milkGroup.soy] }] }));
    await payOrder(cashier, id, { tender: 'cash', amount: 300, tendered: 300 });
    const { payment: card } = await payOrder(cashier, id, { tender: 'card', source: 'tok_mastercard' });
    const view = await getOrder({ tenantId: t.tenant.id }, id);
    const cakeLine = view.lines.find((l) => l.variantId === cake.variantId)!;
    const before = await stockOf(cake.variantId);

    await expect(refundOrder(cashier, id, { reason: 'Stale', restock: true, lines: [{ lineId: cakeLine.id, quantity: 1 }], approval: null })).rejects.toMatchObject({ code: 'forbidden' });
    const first = await refundOrder(manager, id, { reason: 'Stale', restock: true, lines: [{ lineId: cakeLine.id, quantity: 1 }], approval: null });
    expect(first).toMatchObject({ amount: 100, status: 'settled' });
    expect(await stockOf(cake.variantId)).toBe(before + 1);
    // The latest tender (the card, 430) is refunded first.
    expect(gateway.ledger().filter((e) => e.type === 'refund' && e.paymentId === card.gatewayPaymentId).map((e) => e.amount)).toEqual([100]);
    expect(await getOrder({ tenantId: t.tenant.id }, id)).toMatchObject({ status: 'partially_refunded', refundedTotal: 100 });

    await expect(refundOrder(manager, id, { reason: 'Too many', restock: false, lines: [{ lineId: cakeLine.id, quantity: 3 }], approval: null })).rejects.toMatchObject({
      code: 'unprocessable',
      details: [{ path: 'lines.0.quantity', message: 'Only 2 left to refund' }],
    });
    const rest = view.lines.map((l) => ({ lineId: l.id, quantity: l.quantity - (l.id === cakeLine.id ? 1 : 0) }));
    const second = await refundOrder(cashier, id, { reason: 'Whole order', restock: false, lines: rest, approval: await approvalOf(cashier, 'refund:create') });
    expect(first.amount + second.amount).toBe(view.total);
    const after = await getOrder({ tenantId: t.tenant.id }, id);
    expect(after).toMatchObject({ status: 'refunded', refundedTotal: view.total });
    expect(after.refunds.map((r) => r.tender).sort()).toEqual(['card', 'card', 'cash']);
    expect(await stockOf(cake.variantId)).toBe(before + 1);
  });
});

describe('shifts', () => {
  it('opens once per register, counts cash in and out, and closes with a Z report', async () => {
    const shift = await openShift(cashier, { registerName: 'Till 9', openingFloat: 10_000 });
    await expect(openShift(manager, { registerName: 'Till 9', openingFloat: 0 })).rejects.toMatchObject({ code: 'conflict' });
    const cash = await createOrder(cashier, order({ shiftId: shift.id, lines: [{ variantId: cake.variantId, quantity: 2 }] }));
    await payOrder(cashier, cash, { tender: 'cash', tendered: 500 }, shift.id);
    const card = await createOrder(cashier, order({ shiftId: shift.id, lines: [{ variantId: cake.variantId, quantity: 1 }] }));
    await payOrder(cashier, card, { tender: 'card', source: 'tok_visa' }, shift.id);
    await addCashMovement(manager, shift.id, { kind: 'out', amount: 1_000, reason: 'Milk from the market' }); // cash out needs a manager
    await addCashMovement(cashier, shift.id, { kind: 'in', amount: 300, reason: 'Change from the bank' });
    const refundLine = (await getOrder({ tenantId: t.tenant.id }, cash)).lines[0]!;
    await refundOrder(manager, cash, { reason: 'Dropped', restock: false, lines: [{ lineId: refundLine.id, quantity: 1 }], approval: null }, shift.id);

    const x = await shiftReport({ tenantId: t.tenant.id }, shift.id);
    expect(x).toMatchObject({
      orders: { count: 2, total: 300 },
      cashIn: 300,
      cashOut: 1_000,
      // float 10 000 + cash 200 − refund 100 + in 300 − out 1 000
      expectedCash: 9_400,
      byTender: [
        { tender: 'cash', taken: 200, refunded: 100, net: 100, count: 1 },
        { tender: 'card', taken: 100, refunded: 0, net: 100, count: 1 },
      ],
    });
    const z = await closeShift(cashier, shift.id, 9_350);
    expect(z).toMatchObject({ expectedCash: 9_400, countedCash: 9_350, difference: -50 });
    expect(await shiftReport({ tenantId: t.tenant.id }, shift.id)).toMatchObject({ countedCash: 9_350, difference: -50 });
    await expect(addCashMovement(cashier, shift.id, { kind: 'in', amount: 1, reason: 'Late' })).rejects.toMatchObject({ code: 'conflict' });
    await expect(createOrder(cashier, order({ shiftId: shift.id, lines: [{ variantId: cake.variantId, quantity: 1 }] }))).rejects.toMatchObject({ code: 'conflict' });
  });
});

describe('tax-exclusive pricing', () => {
  it('adds tax on top when the tenant prices without tax', async () => {
    const other = await createTenant();
    await mainLocation(other);
    await updateTenantSettings(contextOf(other), { pricesIncludeTax: false });
    const tax = await taxClassService.create(contextOf(other), { name: 'Sales', rateBasisPoints: 888 });
    const { createProduct } = await import('@/lib/catalog/service');
    const { productInputSchema } = await import('@/lib/catalog/schemas');
    const p = await createProduct(contextOf(other), productInputSchema.parse({ name: 'Hammer', taxClassId: tax.id, trackStock: false, variants: [{ sku: 'H', price: 1899 }] }));
    const ctx = await ctxOf(other, other.cashier);
    const id = await createOrder(ctx, order({ lines: [{ variantId: p.variants[0]!.id, quantity: 1 }] }));
    expect(await getOrder({ tenantId: other.tenant.id }, id)).toMatchObject({ subtotal: 1899, taxTotal: 169, total: 2068, pricesIncludeTax: false });
  });
});

describe('orders across tenants', () => {
  it('cannot touch another tenant’s order', async () => {
    const other = await createTenant();
    await mainLocation(other);
    const otherCtx = await ctxOf(other, other.owner);
    const id = await createOrder(cashier, order({ lines: [{ variantId: cake.variantId, quantity: 1 }] }));
    await expect(getOrder({ tenantId: other.tenant.id }, id)).rejects.toMatchObject({ code: 'not_found' });
    await expect(payOrder(otherCtx, id, { tender: 'cash', tendered: 100 })).rejects.toMatchObject({ code: 'not_found' });
    await expect(voidOrder(otherCtx, id, { reason: 'Not mine', approval: null })).rejects.toMatchObject({ code: 'not_found' });
    // And cannot sell another tenant's items.
    await expect(createOrder(otherCtx, order({ lines: [{ variantId: cake.variantId, quantity: 1 }] }))).rejects.toMatchObject({ details: [{ path: 'lines.0.variantId', message: 'No such item' }] });
    expect((await getOrder({ tenantId: t.tenant.id }, id)).status).toBe('placed');
  });
});
