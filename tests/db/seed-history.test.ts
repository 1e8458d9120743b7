import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { cafe, type SeedProduct } from '@/scripts/seed/seed-data';
import { seedOrderHistory, describeOrderHistory, topUpOrderHistory, ORDER_HISTORY_TABLES } from '@/scripts/seed/seed-history';
import { orderCounters, orderLines, orderRefunds, orders } from '@/db/schema/orders';
import { paymentRefunds, payments } from '@/db/schema/payments';
import { addStaff, contextFor, signUpBusiness } from '@/lib/auth';
import { categoryService, createProduct, modifierGroupService, taxClassService } from '@/lib/catalog/service';
import { productInputSchema } from '@/lib/catalog/schemas';
import { dispatchPending } from '@/lib/events';
import { businessDate, priceOrder } from '@/lib/orders';
import { withTenant } from '@/lib/platform/db';
import { createTable } from '@/lib/restaurant';
import { tableInputSchema } from '@/lib/restaurant/schemas';
import { updateTenantSettings } from '@/lib/tenancy/settings';
import { createStockedProduct, createTenant, mainLocation, contextOf, PASSWORD, uniqueSlug, type TestTenant } from '../helpers';

const DAYS = 7;

/** Everything the history wrote for a tenant, read as that tenant. */
const readAll = (tenantId: string) =>
  withTenant(tenantId, async (tx) => ({
    orders: await tx.select().from(orders),
    lines: await tx.select().from(orderLines),
    payments: await tx.select().from(payments),
    paymentRefunds: await tx.select().from(paymentRefunds),
    orderRefunds: await tx.select().from(orderRefunds),
    counters: await tx.select().from(orderCounters),
  }));
type Data = Awaited<ReturnType<typeof readAll>>;

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const groupBy = <T, K>(xs: T[], key: (x: T) => K) => {
  const map = new Map<K, T[]>();
  for (const x of xs) map.set(key(x), [...(map.get(key(x)) ?? []), x]);
  return map;
};
const daysBefore = (day: string, n: number) => Array.from({ length: n }, (_, i) => new Date(Date.parse(`${day}T00:00:00Z`) - (n - i) * 86_400_000).toISOString().slice(0, 10));

/** The invariants every seeded history must keep, whatever the tenant. */
function expectConsistent(data: Data, options: { days: string[]; today: string; timeZone: string; locationId: string }) {
  const linesOf = groupBy(data.lines, (l) => l.orderId);
  const paymentsOf = groupBy(data.payments, (p) => p.orderId);
  const refundsOf = groupBy(data.paymentRefunds, (r) => r.orderId);
  const documentsOf = groupBy(data.orderRefunds, (r) => r.orderId);

  // Orders on every one of the days, none today, each dated by its own local time.
  expect([...new Set(data.orders.map((o) => o.businessDate))].sort()).toEqual(options.days);
  expect(data.orders.some((o) => o.businessDate === options.today)).toBe(false);
  for (const o of data.orders) {
    expect(businessDate(options.timeZone, o.createdAt)).toBe(o.businessDate);
    expect(o.locationId).toBe(options.locationId);
  }

  // Numbers per day: 1..n in time order, and the counter at n.
  for (const [day, dayOrders] of groupBy(data.orders, (o) => o.businessDate)) {
    const sorted = [...dayOrders].sort((a, b) => a.number - b.number);
    expect(sorted.map((o) => o.number)).toEqual(sorted.map((_, i) => i + 1));
    for (let i = 1; i < sorted.length; i++) expect(sorted[i]!.createdAt.getTime()).toBeGreaterThanOrEqual(sorted[i - 1]!.createdAt.getTime());
    expect(data.counters.find((c) => c.businessDate === day)?.lastNumber).toBe(sorted.length);
  }
  expect(data.counters.map((c) => c.businessDate).sort()).toEqual(options.days);

  for (const o of data.orders) {
    const lines = linesOf.get(o.id) ?? [];
    expect(lines.length).toBeGreaterThanOrEqual(1);
    expect(lines.length).toBeLessThanOrEqual(4);
    // Totals: the sum of the lines, and what the pricing rules make of the lines' snapshot.
    expect(o.total).toBe(sum(lines.map((l) => l.total)));
    expect(o.subtotal).toBe(sum(lines.map((l) => l.gross)));
    expect(o.taxTotal).toBe(sum(lines.map((l) => l.tax)));
    const ordered = [...lines].sort((a, b) => a.position - b.position);
    const priced = priceOrder(
      ordered.map((l) => ({ unitPrice: l.unitPrice, modifiersTotal: l.modifiersTotal, quantity: l.quantity, taxRateBasisPoints: l.taxRateBasisPoints, discount: l.discount })),
      { pricesIncludeTax: o.pricesIncludeTax },
    );
    expect(priced.total).toBe(o.total);
    for (const l of ordered) expect(l.modifiersTotal).toBe(sum(l.modifiers.map((m) => m.priceDelta)));
    expect(o.stockReserved).toBe(false);

    const captured = (paymentsOf.get(o.id) ?? []).filter((p) => p.status === 'captured');
    if (o.status === 'voided') {
      expect(paymentsOf.get(o.id) ?? []).toEqual([]);
      expect(o.paidTotal).toBe(0);
      expect(o.voidedAt).not.toBeNull();
      continue;
    }
    expect(['completed', 'refunded', 'partially_refunded']).toContain(o.status);
    expect(sum(captured.map((p) => p.amount))).toBe(o.total);
    expect(o.paidTotal).toBe(o.total);
    expect(o.paidAt).not.toBeNull();
    expect(o.completedAt!.getTime()).toBeGreaterThanOrEqual(o.createdAt.getTime());
    for (const p of captured) {
      if (p.tender === 'cash') {
        expect(p.cashTendered!).toBeGreaterThanOrEqual(p.amount);
        expect(p.changeGiven).toBe(p.cashTendered! - p.amount);
      } else {
        expect(p.gatewayPaymentId).toMatch(/^pay_seed_[0-9a-f]+$/);
        expect(p.cashTendered).toBeNull();
      }
    }

    // Refunds: the order's refunded total is what went back on its payments, line by line.
    const refunds = refundsOf.get(o.id) ?? [];
    expect(o.refundedTotal).toBe(sum(refunds.map((r) => r.amount)));
    expect(o.refundedTotal).toBe(sum((documentsOf.get(o.id) ?? []).map((d) => d.amount)));
    for (const p of captured) expect(p.refundedAmount).toBe(sum(refunds.filter((r) => r.paymentId === p.id).map((r) => r.amount)));
    const refundedUnits = sum(lines.map((l) => l.refundedQuantity));
    if (o.status === 'completed') expect(refundedUnits).toBe(0);
    if (o.status === 'refunded') expect(lines.every((l) => l.refundedQuantity === l.quantity)).toBe(true);
    if (o.status === 'partially_refunded') {
      expect(refundedUnits).toBeGreaterThan(0);
      expect(lines.some((l) => l.refundedQuantity < l.quantity)).toBe(true);
    }
    if (o.status === 'refunded') expect(o.refundedTotal).toBe(o.total);
  }
}

describe('seedOrderHistory', () => {
  let t: TestTenant;
  let location: string;
  let tea: { productId: string; sweetness: string; addOns: string };
  const today = () => businessDate('UTC');

  beforeAll(async () => {
    t = await createTenant();
    location = await mainLocation(t);
    const vat = await taxClassService.create(contextOf(t), { name: 'VAT 10%', rateBasisPoints: 1000 });
    const sweetness = await modifierGroupService.create(contextOf(t), {
      name: 'Sweetness',
      minSelect: 1,
      maxSelect: 1,
      options: [
        { name: 'Normal', priceDelta: 0 },
        { name: 'Less sweet', priceDelta: 0 },
      ],
    });
    const addOns = await modifierGroupService.create(contextOf(t), {
      name: 'Add-ons',
      minSelect: 0,
      maxSelect: 2,
      options: [
        { name: 'Oat milk', priceDelta: 50 },
        { name: 'Extra shot', priceDelta: 80 },
        { name: 'Syrup', priceDelta: 30 },
      ],
    });
    const product = await createProduct(
      contextOf(t),
      productInputSchema.parse({
        name: 'Milk tea',
        taxClassId: vat.id,
        modifierGroupIds: [sweetness.id, addOns.id],
        trackStock: false,
        variants: [
          { name: 'Regular', sku: `${uniqueSlug('TEA')}-R`, price: 400 },
          { name: 'Large', sku: `${uniqueSlug('TEA')}-L`, price: 550 },
        ],
      }),
    );
    tea = { productId: product.id, sweetness: sweetness.id, addOns: addOns.id };
    await createStockedProduct(t, { name: 'Cake', variants: 2 });
    await createStockedProduct(t, { name: 'Cookie' });
  });

  it(`fills ${DAYS} days before today with consistent, numbered, paid orders`, async () => {
    const result = await seedOrderHistory(t.tenant.id, {
      days: DAYS,
      seed: 7,
      profile: 'cafe',
      timeZone: t.tenant.timeZone,
      currency: t.tenant.currency,
      staff: [t.owner, t.manager, t.cashier],
    });
    expect(result.skipped).toBe(false);
    expect(result.days).toBe(DAYS);

    const data = await readAll(t.tenant.id);
    expect(data.orders).toHaveLength(result.orders);
    expect(data.lines).toHaveLength(result.lines);
    expectConsistent(data, { days: daysBefore(today(), DAYS), today: today(), timeZone: 'UTC', locationId: location });
    const todayStart = Date.parse(`${today()}T00:00:00Z`);
    for (const o of data.orders) expect(o.createdAt.getTime()).toBeLessThan(todayStart);
    for (const r of data.orderRefunds) expect(r.createdAt.getTime()).toBeLessThan(todayStart);

    // A café's week: dozens of orders a day, a few voids and refunds, cash, card and split payments.
    expect(data.orders.length).toBeGreaterThan(DAYS * 40);
    expect(data.orders.some((o) => o.status === 'voided')).toBe(true);
    expect(data.orders.some((o) => o.status === 'refunded' || o.status === 'partially_refunded')).toBe(true);
    expect(data.orders.some((o) => o.type === 'dine_in' && o.covers! >= 1 && o.covers! <= 4)).toBe(true);
    expect(data.orders.some((o) => o.type === 'takeaway' && o.covers === null)).toBe(true);
    expect(data.payments.some((p) => p.tender === 'cash' && p.changeGiven! > 0)).toBe(true);
    const tendersOf = groupBy(data.payments, (p) => p.orderId);
    expect([...tendersOf.values()].some((ps) => ps.length === 2 && new Set(ps.map((p) => p.tender)).size === 2)).toBe(true);
    expect(new Set(data.orders.map((o) => o.createdBy))).toEqual(new Set([t.owner.id, t.manager.id, t.cashier.id]));

    // Line snapshots: the catalog's price and tax rate, and valid modifier choices.
    const teaLines = data.lines.filter((l) => l.productId === tea.productId);
    expect(teaLines.length).toBeGreaterThan(0);
    for (const l of teaLines) {
      expect(l.productName).toBe('Milk tea');
      expect(l.unitPrice).toBe(l.variantName === 'Regular' ? 400 : 550);
      expect(l.taxRateBasisPoints).toBe(1000);
      expect(l.trackStock).toBe(false);
      expect(l.modifiers.filter((m) => m.groupId === tea.sweetness)).toHaveLength(1);
      expect(l.modifiers.filter((m) => m.groupId === tea.addOns).length).toBeLessThanOrEqual(2);
    }
    expect(teaLines.some((l) => l.modifiersTotal > 0)).toBe(true);
    for (const l of data.lines.filter((x) => x.productId !== tea.productId)) {
      expect(l.modifiers).toEqual([]);
      expect(l.taxRateBasisPoints).toBe(0);
      expect(l.trackStock).toBe(true);
    }
    // Prices include tax here (the default): the tax is inside the line total.
    for (const l of teaLines) expect(l.total).toBe(l.net);
  });

  it('is deterministic for a seed, adds nothing when run again, and leaves today empty', async () => {
    const before = await readAll(t.tenant.id);
    const again = await seedOrderHistory(t.tenant.id, { days: DAYS, seed: 7, profile: 'cafe', timeZone: 'UTC', currency: 'USD', staff: [t.cashier] });
    expect(again.skipped).toBe(true);
    expect(again.orders).toBe(0);
    const after = await readAll(t.tenant.id);
    for (const table of ['orders', 'lines', 'payments', 'paymentRefunds', 'orderRefunds', 'counters'] as const) expect(after[table]).toHaveLength(before[table].length);

    // The same seed on a copy of the catalog gives the same shape (counts per day, totals).
    const twin = await createTenant();
    await mainLocation(twin);
    const sweetness = await modifierGroupService.create(contextOf(twin), { name: 'Sweetness', minSelect: 1, maxSelect: 1, options: [{ name: 'Normal', priceDelta: 0 }] });
    await createProduct(contextOf(twin), productInputSchema.parse({ name: 'Tea', modifierGroupIds: [sweetness.id], variants: [{ sku: uniqueSlug('TW'), price: 300 }] }));
    const run = async (tenant: TestTenant) => {
      await seedOrderHistory(tenant.tenant.id, { days: 3, seed: 99, profile: 'shop', timeZone: 'UTC', currency: 'USD', staff: [tenant.cashier] });
      const rows = await withTenant(tenant.tenant.id, (tx) => tx.select().from(orders));
      return rows.map((o) => `${o.businessDate}#${o.number} ${o.status} ${o.total} ${o.createdAt.toISOString()}`).sort();
    };
    const other = await createTenant();
    await mainLocation(other);
    const sweetness2 = await modifierGroupService.create(contextOf(other), { name: 'Sweetness', minSelect: 1, maxSelect: 1, options: [{ name: 'Normal', priceDelta: 0 }] });
    await createProduct(contextOf(other), productInputSchema.parse({ name: 'Tea', modifierGroupIds: [sweetness2.id], variants: [{ sku: uniqueSlug('TW'), price: 300 }] }));
    expect(await run(twin)).toEqual(await run(other));
  });

  it('shows none of it to another tenant (RLS)', async () => {
    const other = await createTenant();
    const [someOrder] = await withTenant(t.tenant.id, (tx) => tx.select().from(orders).limit(1));
    expect(someOrder).toBeDefined();
    const seen = await readAll(other.tenant.id);
    for (const rows of Object.values(seen)) expect(rows).toEqual([]);
    expect(await withTenant(other.tenant.id, (tx) => tx.select().from(orders).where(eq(orders.id, someOrder!.id)))).toEqual([]);
    expect(await withTenant(other.tenant.id, (tx) => tx.select().from(orderLines).where(eq(orderLines.orderId, someOrder!.id)))).toEqual([]);
  });

  it('prices a shop with tax added on top, retail only, every day', async () => {
    const shop = await createTenant();
    const shopLocation = await mainLocation(shop);
    await updateTenantSettings({ tenantId: shop.tenant.id, userId: shop.owner.id }, { pricesIncludeTax: false });
    const tax = await taxClassService.create(contextOf(shop), { name: 'Sales tax', rateBasisPoints: 888 });
    await createProduct(contextOf(shop), productInputSchema.parse({ name: 'Wood screws', taxClassId: tax.id, variants: [{ name: '1 in', sku: uniqueSlug('WS'), price: 599 }, { name: '2 in', sku: uniqueSlug('WS'), price: 799 }] }));
    await createProduct(contextOf(shop), productInputSchema.parse({ name: 'Cordless drill', taxClassId: tax.id, variants: [{ sku: uniqueSlug('DR'), price: 12999 }] }));
    const result = await seedOrderHistory(shop.tenant.id, { days: 4, seed: 3, profile: 'shop', timeZone: 'UTC', currency: 'USD' }); // staff: the tenant's own
    expect(result.orders).toBeGreaterThan(0);
    const data = await readAll(shop.tenant.id);
    expectConsistent(data, { days: daysBefore(businessDate('UTC'), 4), today: businessDate('UTC'), timeZone: 'UTC', locationId: shopLocation });
    expect(data.orders.every((o) => o.type === 'retail' && o.tableId === null && o.pricesIncludeTax === false)).toBe(true);
    for (const l of data.lines) expect(l.total).toBe(l.net + l.tax);
    expect(data.lines.some((l) => l.tax > 0)).toBe(true);
    // Opening hours 08:00–18:00.
    for (const o of data.orders) expect(o.createdAt.getUTCHours()).toBeGreaterThanOrEqual(8);
    for (const o of data.orders) expect(o.createdAt.getUTCHours()).toBeLessThan(18);
  });

  it('seeds 60 days for a café-sized tenant (timing is logged, not asserted)', { timeout: 180_000 }, async () => {
    // The demo café's catalog, time zone and currency.
    const slug = uniqueSlug('cafe');
    const { tenant, owner } = await signUpBusiness({ businessName: 'Tea house', slug, currency: 'MMK', timeZone: 'Asia/Yangon', ownerName: 'Owner', email: `owner@${slug}.test`, password: PASSWORD });
    const actor = contextFor(tenant, owner);
    const cashier = await addStaff(actor, { name: 'Cashier', email: `cashier@${slug}.test`, role: 'cashier', password: PASSWORD, pin: '3333' });
    await dispatchPending();
    const taxId = (await taxClassService.create(actor, cafe.taxes[0]!)).id;
    const categories = new Map<string, string>();
    for (const [position, name] of cafe.categories.entries()) categories.set(name, (await categoryService.create(actor, { name, position, color: null, tracksStock: null })).id);
    const groups = new Map<string, string>();
    for (const g of cafe.modifierGroups) groups.set(g.name, (await modifierGroupService.create(actor, g)).id);
    const products: SeedProduct[] = cafe.products;
    for (const p of products) {
      await createProduct(
        actor,
        productInputSchema.parse({
          name: p.name,
          categoryId: categories.get(p.category),
          taxClassId: taxId,
          trackStock: p.trackStock ?? true,
          modifierGroupIds: (p.modifiers ?? []).map((m) => groups.get(m)),
          variants: p.variants.map((v) => ({ name: v.name ?? 'Default', sku: v.sku, price: v.price })),
        }),
      );
    }
    for (const table of cafe.tables) await createTable(actor, tableInputSchema.parse(table));
    const { defaultLocation } = await import('@/lib/inventory');
    const locationId = (await defaultLocation({ tenantId: tenant.id }))!.id;

    const started = performance.now();
    const result = await seedOrderHistory(tenant.id, { days: 60, profile: 'cafe', slug, staff: [{ id: owner.id, role: 'owner' }, { id: cashier.id, role: 'cashier' }] });
    const ms = performance.now() - started;
    console.log(
      `seedOrderHistory, café, 60 days on ${process.env.DATABASE_URL ? 'Postgres' : 'PGlite'}: ${(ms / 1000).toFixed(2)} s — ` +
        `${result.orders} orders, ${result.lines} lines, ${result.payments} payments, ${result.refunds} refunds, ${result.voided} voided`,
    );
    console.log(describeOrderHistory('cafe', 60), `(tables: ${ORDER_HISTORY_TABLES.join(', ')})`);

    const data = await readAll(tenant.id);
    const today = businessDate('Asia/Yangon');
    expectConsistent(data, { days: daysBefore(today, 60), today, timeZone: 'Asia/Yangon', locationId });
    // Opening hours in Yangon time (UTC+6:30): 06:00–21:30.
    const localMinute = (d: Date) => (d.getUTCHours() * 60 + d.getUTCMinutes() + 390) % 1440;
    for (const o of data.orders) {
      expect(localMinute(o.createdAt)).toBeGreaterThanOrEqual(6 * 60);
      expect(localMinute(o.createdAt)).toBeLessThan(21 * 60 + 30);
    }
    // Tables and covers of the café, milk tea and mohinga the best sellers.
    const units = new Map<string, number>();
    for (const l of data.lines) units.set(l.sku, (units.get(l.sku) ?? 0) + l.quantity);
    const top = [...units.entries()].sort((a, b) => b[1] - a[1]).slice(0, 3).map(([sku]) => sku);
    expect(top).toContain('TEA-MILK-R');
    expect(top).toContain('NDL-MOHINGA');
    expect(data.orders.filter((o) => o.type === 'dine_in').every((o) => o.tableId !== null)).toBe(true);
  });

  it('tops a history up to an exact count on the days before its oldest, the same way every time', async () => {
    const shopWithHistory = async () => {
      const shop = await createTenant();
      const locationId = await mainLocation(shop);
      const tax = await taxClassService.create(contextOf(shop), { name: 'Sales tax', rateBasisPoints: 800 });
      await createProduct(contextOf(shop), productInputSchema.parse({ name: 'Screws', taxClassId: tax.id, variants: [{ name: 'Small', sku: 'SC-S', price: 499 }, { name: 'Large', sku: 'SC-L', price: 699 }] }));
      await createProduct(contextOf(shop), productInputSchema.parse({ name: 'Tape', taxClassId: tax.id, variants: [{ sku: 'TP', price: 350 }] })); // SKUs are per tenant: the twin's sort the same
      const base = { seed: 5, profile: 'shop' as const, timeZone: 'UTC', currency: 'USD', staff: [shop.cashier, shop.manager] };
      await seedOrderHistory(shop.tenant.id, { ...base, days: 3 });
      return { shop, locationId, base };
    };
    const { shop, locationId, base } = await shopWithHistory();
    const today = businessDate('UTC');
    const before = await readAll(shop.tenant.id);
    const target = before.orders.length + 500;

    const result = await topUpOrderHistory(shop.tenant.id, { ...base, orders: target, perDay: 100 });
    expect(result).toMatchObject({ skipped: false, existing: before.orders.length, orders: 500, days: 5 });
    const data = await readAll(shop.tenant.id);
    expect(data.orders).toHaveLength(target);
    // The five days before the three it had, every one with orders; the old rows untouched.
    expect([result.from, result.to]).toEqual([daysBefore(today, 8)[0], daysBefore(today, 4)[0]]);
    expectConsistent(data, { days: daysBefore(today, 8), today, timeZone: 'UTC', locationId });
    const oldIds = new Set(before.orders.map((o) => o.id));
    expect(data.orders.filter((o) => oldIds.has(o.id)).map((o) => `${o.id} ${o.updatedAt.toISOString()}`).sort()).toEqual(before.orders.map((o) => `${o.id} ${o.updatedAt.toISOString()}`).sort());

    // Again with the same target: nothing; a twin with the same catalog and seed gets the same orders.
    expect(await topUpOrderHistory(shop.tenant.id, { ...base, orders: target, perDay: 100 })).toMatchObject({ skipped: true, orders: 0 });
    expect((await readAll(shop.tenant.id)).orders).toHaveLength(target);
    const twin = await shopWithHistory();
    await topUpOrderHistory(twin.shop.tenant.id, { ...twin.base, orders: target, perDay: 100 });
    const shape = async (tenantId: string) =>
      (await readAll(tenantId)).orders.map((o) => `${o.businessDate}#${o.number} ${o.status} ${o.total} ${o.createdAt.toISOString()}`).sort();
    expect(await shape(twin.shop.tenant.id)).toEqual(await shape(shop.tenant.id));
  });
});
