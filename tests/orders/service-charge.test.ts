import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '@/db/schema/platform';
import type { TenantContext } from '@/lib/auth';
import { taxClassService } from '@/lib/catalog/service';
import { createOrder, createOrderSchema, getOrder, mergeOrder, payOrder, quoteOrder, receiptOf, refundOrder, startTab, updateOpenOrder, updateOrderSchema } from '@/lib/orders';
import { withTenant } from '@/lib/platform/db';
import { createTable } from '@/lib/restaurant';
import { getTenantSettings, updateTenantSettings } from '@/lib/tenancy/settings';
import * as quoteRoute from '@/app/api/v1/orders/quote/route';
import { apiRequest, contextOf, createTenant, json, mainLocation, noParams, sessionContextOf, type TestTenant } from '../helpers';

/**
 * Service charge (issue 12): a tenant's percentage on dine-in orders only, on what the items
 * come to after discounts, spread over the lines and taxed with them; in the order's total (the
 * house's money, unlike a tip), on the receipt, and given back with a refunded line's units.
 */
let t: TestTenant;
let cashier: TenantContext;
let manager: TenantContext;
let burger: string; // 10.00, 7 % tax added on top
let salad: string; // 15.00, no tax
const tables: string[] = [];

const dineInLines = () => [
  { variantId: burger, quantity: 2 },
  { variantId: salad, quantity: 1 },
];

beforeAll(async () => {
  t = await createTenant({ currency: 'USD' });
  await mainLocation(t);
  await updateTenantSettings(contextOf(t), { pricesIncludeTax: false, serviceChargeBasisPoints: 1000 });
  const tax = await taxClassService.create(contextOf(t), { name: 'Sales', rateBasisPoints: 700 });
  const { createProduct } = await import('@/lib/catalog/service');
  const { productInputSchema } = await import('@/lib/catalog/schemas');
  const product = (name: string, price: number, taxClassId: string | null) =>
    createProduct(contextOf(t), productInputSchema.parse({ name, taxClassId, trackStock: false, variants: [{ sku: name.toUpperCase(), price }] }));
  burger = (await product('Burger', 1000, tax.id)).variants[0]!.id;
  salad = (await product('Salad', 1500, null)).variants[0]!.id;
  for (const name of ['T1', 'T2', 'T3', 'T4']) tables.push((await createTable(contextOf(t), { name, seats: 4, area: 'Main', position: tables.length })).id);
  cashier = await sessionContextOf(t, t.cashier);
  manager = await sessionContextOf(t, t.manager);
});

describe('service charge on dine-in orders', () => {
  it('is a tenant setting, off by default, and its change is audited', async () => {
    const fresh = await createTenant();
    expect((await getTenantSettings({ tenantId: fresh.tenant.id })).serviceChargeBasisPoints).toBe(0);
    await updateTenantSettings(contextOf(fresh), { serviceChargeBasisPoints: 1250 });
    const rows = await withTenant(fresh.tenant.id, (tx) => tx.select().from(auditEvents).where(eq(auditEvents.action, 'settings.updated')));
    expect(rows.map((r) => [r.before, r.after])).toEqual([[{ serviceChargeBasisPoints: 0 }, { serviceChargeBasisPoints: 1250 }]]);
    // Another tenant's setting is its own.
    expect((await getTenantSettings({ tenantId: t.tenant.id })).serviceChargeBasisPoints).toBe(1000);
  });

  it('checks out a table with the service charge in the total and the tax; takeaway has none', async () => {
    const body = { type: 'dine_in', tableId: tables[0], covers: 2, lines: dineInLines(), orderDiscount: { kind: 'amount', amount: 500 } };
    // The register's quote shows what checkout will charge (a manager rings it up: 500 off is over the 10 % limit).
    const quote = await quoteOrder(manager, updateOrderSchema.parse(body));
    expect(quote).toMatchObject({ serviceChargeBasisPoints: 1000, subtotal: 3500, discountTotal: 500, serviceChargeTotal: 300, taxTotal: 132, total: 3432 });
    const id = await createOrder(manager, createOrderSchema.parse({ ...body, expectedTotal: 3432 }));
    const order = await getOrder(cashier, id);
    // 500 off splits 286 / 214; 10 % of the 3,000 left is 300, split 171 / 129; 7 % tax on 1,714 + 171.
    expect(order).toMatchObject({ serviceChargeBasisPoints: 1000, subtotal: 3500, discountTotal: 500, serviceChargeTotal: 300, taxTotal: 132, total: 3432 });
    expect(order.lines.map((l) => [l.net, l.serviceCharge, l.tax, l.total])).toEqual([
      [1714, 171, 132, 2017],
      [1286, 129, 0, 1415],
    ]);

    const takeaway = await quoteOrder(manager, updateOrderSchema.parse({ type: 'takeaway', lines: dineInLines(), orderDiscount: { kind: 'amount', amount: 500 } }));
    expect(takeaway).toMatchObject({ serviceChargeBasisPoints: 0, serviceChargeTotal: 0, taxTotal: 120, total: 3120 });
    expect(takeaway.lines.every((l) => l.serviceCharge === 0)).toBe(true);

    // A tip rides on the payment: the service charge is in the total, the tip is not.
    const paid = await payOrder(cashier, id, { tender: 'cash', tendered: 4000, tip: 200 });
    expect(paid.order).toMatchObject({ status: 'completed', total: 3432, paidTotal: 3432, tipTotal: 200, changeGiven: 368 });

    const receipt = await receiptOf(cashier, id);
    expect(receipt).toContain('<span>Service charge 10%</span><span>$3.00</span>');
    expect(receipt).toContain('<span>Total</span><span>$34.32</span>');

    // Refunding the burgers one at a time gives back their service share (and its tax) by units, exactly.
    const burgers = order.lines[0]!;
    const first = await refundOrder(manager, id, { reason: 'Cold', restock: false, lines: [{ lineId: burgers.id, quantity: 1 }], approval: null });
    const second = await refundOrder(manager, id, { reason: 'Cold', restock: false, lines: [{ lineId: burgers.id, quantity: 1 }], approval: null });
    const after = await getOrder(cashier, id);
    expect(after.refundDocuments.map((d) => [d.amount, d.lines[0]!.tax])).toEqual([
      [1009, 66],
      [1008, 66],
    ]);
    expect(first.amount + second.amount).toBe(burgers.total);
    expect(after.refundedTotal).toBe(2017);
  });

  it('prices a tab with the rate of the time it is changed, and a merge keeps the receiving tab’s rate', async () => {
    const a = await startTab(cashier, { tableId: tables[1]!, covers: 2, shiftId: null });
    const b = await startTab(cashier, { tableId: tables[2]!, covers: 1, shiftId: null });
    const edit = (id: string, tableId: string, lines: { variantId: string; quantity: number }[]) =>
      updateOpenOrder(cashier, id, updateOrderSchema.parse({ type: 'dine_in', tableId, covers: 1, lines }));
    expect(await edit(a.id, tables[1]!, [{ variantId: salad, quantity: 2 }])).toMatchObject({ serviceChargeBasisPoints: 1000, serviceChargeTotal: 300, total: 3300 });
    await updateTenantSettings(contextOf(t), { serviceChargeBasisPoints: 500 });
    try {
      expect(await edit(b.id, tables[2]!, [{ variantId: salad, quantity: 1 }])).toMatchObject({ serviceChargeBasisPoints: 500, serviceChargeTotal: 75, total: 1575 });
      // Tab A was priced at 10 % and keeps it: B's salad joins at 10 % too.
      const merged = await mergeOrder(cashier, a.id, { orderId: b.id });
      expect(merged).toMatchObject({ serviceChargeBasisPoints: 1000, subtotal: 4500, serviceChargeTotal: 450, total: 4950 });
      expect(merged.lines.reduce((s, l) => s + l.total, 0)).toBe(merged.total);
      expect(await getOrder(cashier, b.id)).toMatchObject({ status: 'merged', serviceChargeTotal: 0, total: 0 });
    } finally {
      await updateTenantSettings(contextOf(t), { serviceChargeBasisPoints: 1000 });
    }
  });

  it('POST /api/v1/orders/quote prices a dine-in cart before its table is chosen (the register’s cart totals)', async () => {
    const quote = async (body: unknown, as = t.cashier) => json(await quoteRoute.POST(await apiRequest('POST', '/api/v1/orders/quote', { host: t.tenant, as, body }), noParams));
    // 10 % of 3,500 = 350, split 200 / 150; 7 % tax on the burgers' 2,000 + 200.
    expect(await quote({ type: 'dine_in', lines: dineInLines() })).toMatchObject({
      status: 200,
      body: { serviceChargeBasisPoints: 1000, subtotal: 3500, serviceChargeTotal: 350, taxTotal: 154, total: 4004 },
    });
    expect(await quote({ type: 'takeaway', lines: dineInLines() })).toMatchObject({ status: 200, body: { serviceChargeTotal: 0, taxTotal: 140, total: 3640 } });
    expect((await quote({ type: 'dine_in', lines: [] })).status).toBe(422);
    // Another business's session on this host is not signed in here.
    const other = await createTenant();
    expect((await quote({ type: 'dine_in', lines: dineInLines() }, other.owner)).status).toBe(401);
  });

  it('another tenant’s dine-in orders carry their own setting (none)', async () => {
    const other = await createTenant();
    await mainLocation(other);
    const table = await createTable(contextOf(other), { name: 'X1', seats: 2, area: 'Main', position: 0 });
    const { createStockedProduct } = await import('../helpers');
    const item = await createStockedProduct(other, { trackStock: false });
    const quote = await quoteOrder(await sessionContextOf(other, other.cashier), updateOrderSchema.parse({ type: 'dine_in', tableId: table.id, lines: [{ variantId: item.variants[0]!.id, quantity: 1 }] }));
    expect(quote).toMatchObject({ serviceChargeBasisPoints: 0, serviceChargeTotal: 0, total: 100 });
  });
});
