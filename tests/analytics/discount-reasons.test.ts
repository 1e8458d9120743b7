import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { discountsGiven, rebuildAnalytics } from '@/lib/analytics';
import { savedDiscountService } from '@/lib/catalog/service';
import { savedDiscountInputSchema } from '@/lib/catalog/schemas';
import { dispatchPending } from '@/lib/events';
import { createOrder, createOrderSchema, payOrder } from '@/lib/orders';
import { contextOf } from '../helpers';
import { clockAt, rollupSnapshot, setUpShop, type Shop } from './fixtures';

/**
 * The discounts report says why: each line's own discount under its reason, the order
 * discount's share under the order's, what had no reason under "No reason given" — the same
 * from the events as from a rebuild.
 */
let shop: Shop;
const DAY = '2026-11-20';

const sell = async (input: Record<string, unknown>) => {
  const id = await createOrder(shop.cashier, createOrderSchema.parse({ type: 'takeaway', ...input }));
  await payOrder(shop.cashier, id, { tender: 'cash', tendered: 100_000 });
};

beforeAll(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  clockAt(`${DAY}T12:00:00Z`);
  shop = await setUpShop({ timeZone: 'UTC', dayStartsAt: '00:00', pricesIncludeTax: true });
  const staffMeal = await savedDiscountService.create(contextOf(shop.t), savedDiscountInputSchema.parse({ name: 'Staff meal', kind: 'percent', basisPoints: 5000 }));
  const cake = (discount?: unknown) => ({ variantId: shop.cake.variantId, quantity: 1, ...(discount ? { discount } : {}) });
  // Cake is 100: 50 off as a staff meal (order discount), 10 off typed "Birthday" on a line, 5 off with no reason.
  await sell({ lines: [cake(), cake()], orderDiscount: { kind: 'saved', discountId: staffMeal.id } });
  await sell({ lines: [cake({ kind: 'amount', amount: 10, reason: 'Birthday' }), cake({ kind: 'amount', amount: 5 })] });
  await sell({ lines: [cake({ kind: 'amount', amount: 10, reason: 'Birthday' })], orderDiscount: { kind: 'saved', discountId: staffMeal.id } });
  await dispatchPending();
});

afterAll(() => {
  vi.useRealTimers();
});

describe('discounts by reason', () => {
  it('adds up each reason and counts the orders it was given on', async () => {
    const report = await discountsGiven(shop.owner, { from: DAY, to: DAY });
    // Third order: 10 off the line, then 50 % of the remaining 90 = 45.
    expect(report.byReason).toEqual([
      { reason: 'Staff meal', discounts: 100 + 45, orders: 2 },
      { reason: 'Birthday', discounts: 20, orders: 2 },
      { reason: '', discounts: 5, orders: 1 },
    ]);
    expect(report.byReason.reduce((s, r) => s + r.discounts, 0)).toBe(report.discounts);
  });

  it('a rebuild gives the same rows', async () => {
    const before = await rollupSnapshot(shop.t.tenant.id);
    await rebuildAnalytics(shop.t.tenant.id);
    expect(await rollupSnapshot(shop.t.tenant.id)).toEqual(before);
    expect(before.analytics_discount_reasons).toHaveLength(3);
  });
});
