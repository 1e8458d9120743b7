import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Gateway } from '@/gateway/server';
import { handleSales, rebuildAnalytics, salesByStaff, salesSummary } from '@/lib/analytics';
import { dispatchPending } from '@/lib/events';
import { createOrder, createOrderSchema, getOrder, payOrder, refundOrder, voidOrder } from '@/lib/orders';
import { withTenant } from '@/lib/platform/db';
import { createTable } from '@/lib/restaurant';
import { tableInputSchema } from '@/lib/restaurant/schemas';
import { contextOf, rowsOf, startGateway } from '../helpers';
import { directStaff, directSummary } from './direct-sql';
import { clockAt, figuresOf, rollupSnapshot, setUpShop, type Shop } from './fixtures';

/**
 * Rollups kept incrementally by the real dispatcher and handlers equal a rebuild from scratch,
 * after any sequence of sales, refunds and voids; delivering events again changes nothing.
 * Tax-inclusive prices in New York with a 04:00 day start, through the fall-back night; dine-in
 * sales carry a 10 % service charge, and payments may carry tips.
 */
const RULE = { timeZone: 'America/New_York', dayStartsAt: '04:00' };
let gateway: Gateway;
let shop: Shop;
let now = Date.parse('2025-10-31T20:00:00Z');
const sold: string[] = [];
let table: string;

const item = fc.record({ which: fc.constantFrom<'tea' | 'cake'>('tea', 'cake'), quantity: fc.integer({ min: 1, max: 3 }), discount: fc.boolean() });
const op = fc.oneof(
  { weight: 5, arbitrary: fc.record({
      kind: fc.constant('sale' as const),
      items: fc.array(item, { minLength: 1, maxLength: 3 }),
      tender: fc.constantFrom('cash', 'card', 'split'),
      manager: fc.boolean(),
      dineIn: fc.boolean(),
      tip: fc.constantFrom(0, 0, 1, 75, 250),
    }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('refund' as const), pick: fc.nat(), units: fc.integer({ min: 1, max: 3 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('void' as const), items: fc.array(item, { minLength: 1, maxLength: 2 }) }) },
);
const step = fc.record({ op, minutes: fc.integer({ min: 1, max: 6 * 60 }) });

type Op = typeof op extends fc.Arbitrary<infer T> ? T : never;

async function run(o: Op): Promise<void> {
  const lines = (items: { which: 'tea' | 'cake'; quantity: number; discount: boolean }[]) =>
    items.map((i) => ({ variantId: shop[i.which].variantId, quantity: i.quantity, discount: i.discount ? { kind: 'percent', basisPoints: 1000 } : null }));
  if (o.kind === 'sale') {
    const who = o.manager ? shop.manager : shop.cashier;
    const where = o.dineIn ? { type: 'dine_in', tableId: table, covers: 2 } : { type: 'takeaway' };
    const id = await createOrder(who, createOrderSchema.parse({ ...where, lines: lines(o.items) }));
    const { total } = await getOrder({ tenantId: shop.t.tenant.id }, id);
    const tip = o.tip || undefined;
    if (o.tender === 'split' && total > 1) {
      await payOrder(who, id, { tender: 'cash', amount: Math.floor(total / 2), tendered: Math.floor(total / 2) });
      await payOrder(who, id, { tender: 'card', source: 'tok_visa', tip });
    } else if (o.tender === 'card') {
      await payOrder(who, id, { tender: 'card', source: 'tok_visa', tip });
    } else {
      await payOrder(who, id, { tender: 'cash', tendered: total + o.tip, tip });
    }
    sold.push(id);
  } else if (o.kind === 'refund') {
    if (sold.length === 0) return;
    const order = await getOrder({ tenantId: shop.t.tenant.id }, sold[o.pick % sold.length]!);
    const line = order.lines.find((l) => l.refundedQuantity < l.quantity);
    if (!line) return;
    const quantity = Math.min(o.units, line.quantity - line.refundedQuantity);
    await refundOrder(shop.manager, order.id, { reason: 'Changed their mind', restock: false, lines: [{ lineId: line.id, quantity }], approval: null });
  } else {
    const id = await createOrder(shop.cashier, createOrderSchema.parse({ type: 'takeaway', lines: lines(o.items) }));
    await voidOrder(shop.manager, id, { reason: 'Rung up twice', approval: null });
  }
}

/** Makes the dispatcher deliver every event of the tenant again (as after a crash before "dispatched" was written). */
async function redeliver(options: { forgetDeliveries: boolean }): Promise<void> {
  await withTenant(shop.t.tenant.id, async (tx) => {
    await tx.execute(sql`update outbox_events set dispatched_at = null, next_attempt_at = now()`);
    // Lost delivery records too: then only analytics' own fact claims stand between an event and a second count.
    if (options.forgetDeliveries) await tx.execute(sql`delete from outbox_deliveries where handler like 'analytics.%'`);
  });
  await dispatchPending();
}

/** The SalesFiguresChanged events so far, and the (kind, day) of every fact counted. */
const announcements = () =>
  withTenant(shop.t.tenant.id, async (tx) => ({
    count: rowsOf<{ n: number }>(await tx.execute(sql`select count(*)::int n from outbox_events where type = 'SalesFiguresChanged'`))[0]!.n,
    days: rowsOf<{ d: string }>(await tx.execute(sql`select distinct (payload->>'kind') || ' ' || (payload->>'businessDate') d from outbox_events where type = 'SalesFiguresChanged' order by 1`)).map((r) => r.d),
    factDays: rowsOf<{ d: string }>(await tx.execute(sql`select distinct kind || ' ' || business_date::text d from analytics_facts order by 1`)).map((r) => r.d),
  }));

beforeAll(async () => {
  gateway = await startGateway();
  shop = await setUpShop({ ...RULE, currency: 'USD', pricesIncludeTax: true, serviceChargeBasisPoints: 1000 });
  table = (await createTable(contextOf(shop.t), tableInputSchema.parse({ name: 'T1', seats: 4 }))).id;
});

afterAll(async () => {
  vi.useRealTimers();
  await gateway.close();
});

describe('rollups', () => {
  it('maintained by the handlers equal a rebuild, and redelivered events change nothing (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 8 }), fc.integer({ min: 1, max: 4 }), async (steps, daysPerBatch) => {
        vi.useFakeTimers({ toFake: ['Date'] });
        try {
          for (const s of steps) {
            now += s.minutes * 60_000;
            clockAt(new Date(now));
            await run(s.op);
          }
        } finally {
          vi.useRealTimers();
        }
        await dispatchPending();
        const incremental = await rollupSnapshot(shop.t.tenant.id);
        const announced = await announcements();

        await redeliver({ forgetDeliveries: false });
        expect(await rollupSnapshot(shop.t.tenant.id)).toEqual(incremental);
        await redeliver({ forgetDeliveries: true });
        expect(await rollupSnapshot(shop.t.tenant.id)).toEqual(incremental);

        // Every kind and day counted was announced to live dashboards (SalesFiguresChanged), at
        // most once per fact, and redeliveries announced nothing more.
        expect(announced.days).toEqual(announced.factDays);
        expect(announced.count).toBeLessThanOrEqual(incremental.analytics_facts!.length);
        expect((await announcements()).count).toBe(announced.count);

        await rebuildAnalytics(shop.t.tenant.id, { daysPerBatch });
        expect(await rollupSnapshot(shop.t.tenant.id)).toEqual(incremental);

        // And both are the truth: the direct SQL over the order tables.
        const range = { from: '2025-10-01', to: '2026-01-31' };
        const summary = await salesSummary(shop.owner, range);
        expect(figuresOf(summary)).toEqual(
          await directSummary(shop.t.tenant.id, RULE, range),
        );
        const staff = await salesByStaff(shop.owner, range);
        expect(staff.map(({ name: _n, ...r }) => r)).toEqual(await directStaff(shop.t.tenant.id, RULE, range));
      }),
      { numRuns: 12 },
    );
    // Twelve shops' worth of sales, rebuilds and reports on the embedded database: ≈ 10 s on a quiet
    // machine, past the 30 s default on a loaded one. A guard against a hang, not a timing.
  }, 120_000);

  it('a handler given a sale already counted adds nothing', async () => {
    const before = await rollupSnapshot(shop.t.tenant.id);
    expect(sold.length).toBeGreaterThan(0);
    await withTenant(shop.t.tenant.id, (tx) => handleSales(tx, shop.t.tenant.id, [sold[0]!]));
    expect(await rollupSnapshot(shop.t.tenant.id)).toEqual(before);
  });
});
