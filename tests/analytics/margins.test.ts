import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { rebuildAnalytics, reportView, salesSummary, topCategories, topProducts } from '@/lib/analytics';
import { patchProduct } from '@/lib/catalog/service';
import { dispatchPending } from '@/lib/events';
import { createOrder, createOrderSchema, getOrder, payOrder, refundOrder } from '@/lib/orders';
import { contextOf } from '../helpers';
import { clockAt, rollupSnapshot, setUpShop, type Shop } from './fixtures';

/**
 * Margins: each order line keeps the variant's cost as it was at the sale, reports add cost of
 * goods and gross profit from those snapshots, a refund takes its units' cost back, and what was
 * sold without a cost is counted apart — never as free.
 */
let shop: Shop;
const DAY = '2026-10-05';
let teaOrder: string;

beforeAll(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  clockAt(`${DAY}T10:00:00Z`);
  // Prices include tax: tea 400 with 10 % VAT inside (36 tax, 364 before tax), cost 150; cake 100, no tax, no cost.
  shop = await setUpShop({ timeZone: 'UTC', dayStartsAt: '00:00', pricesIncludeTax: true });
  teaOrder = await createOrder(shop.cashier, createOrderSchema.parse({ type: 'takeaway', lines: [{ variantId: shop.tea.variantId, quantity: 3 }, { variantId: shop.cake.variantId, quantity: 2 }] }));
  await payOrder(shop.cashier, teaOrder, { tender: 'cash', tendered: 10_000 });
  // The cost changes after the sale: that sale keeps 150, the next one is costed at 200.
  const { getProduct } = await import('@/lib/catalog/service');
  const tea = await getProduct(shop.owner, shop.tea.productId);
  await patchProduct(contextOf(shop.t), tea.id, { variants: tea.variants.map((v) => ({ ...v, cost: 200 })) });
  const second = await createOrder(shop.cashier, createOrderSchema.parse({ type: 'takeaway', lines: [{ variantId: shop.tea.variantId, quantity: 1 }] }));
  await payOrder(shop.cashier, second, { tender: 'cash', tendered: 10_000 });
  await dispatchPending();
});

afterAll(() => {
  vi.useRealTimers();
});

describe('margins', () => {
  it('snapshots the cost on each order line at the sale', async () => {
    const order = await getOrder(shop.cashier, teaOrder);
    expect(order.lines.map((l) => [l.sku.split('-')[0], l.unitCost])).toEqual([['Tea', 150], ['Cake', null]]);
  });

  it('reports cost of goods, gross profit and margin, with the uncosted sales apart', async () => {
    const summary = await salesSummary(shop.owner, { from: DAY, to: DAY });
    // Tea sales before tax: 3 × 400 = 1200 with 109 tax inside → 1091; then 400 with 36 inside → 364.
    const teaSales = 1200 - 109 + (400 - 36);
    expect(summary.costOfGoods.value).toBe(3 * 150 + 200);
    expect(summary.costedSales.value).toBe(teaSales);
    expect(summary.grossProfit.value).toBe(teaSales - 650);
    expect([summary.uncostedItems.value, summary.uncostedSales.value]).toEqual([2, 200]);

    const [tea, cake] = await topProducts(shop.owner, { from: DAY, to: DAY, by: 'quantity', limit: 10 });
    expect(tea).toMatchObject({ costOfGoods: 650, grossProfit: teaSales - 650, marginBasisPoints: Math.round(((teaSales - 650) * 10_000) / teaSales) });
    expect(cake).toMatchObject({ costOfGoods: 0, costedSales: 0, marginBasisPoints: null, uncostedItems: 2, uncostedSales: 200 });
    const drinks = (await topCategories(shop.owner, { from: DAY, to: DAY, by: 'net', limit: 10 })).find((c) => c.categoryId === shop.drinks);
    expect(drinks).toMatchObject({ costOfGoods: 650, costedSales: teaSales });

    const { facts } = await reportView(shop.owner, 'sales-summary', { from: DAY, to: DAY });
    expect(facts).toEqual(expect.arrayContaining([{ key: 'margin', label: 'Margin', kind: 'percent', value: Math.round(((teaSales - 650) * 10_000) / teaSales) }, { key: 'uncosted_sold', label: 'Units sold without a cost', kind: 'count', value: 2 }]));
  });

  it('a refund takes its units’ cost back at the cost they were sold at, and a rebuild agrees', async () => {
    clockAt(`${DAY}T15:00:00Z`);
    const order = await getOrder(shop.cashier, teaOrder);
    const [teaLine, cakeLine] = order.lines;
    await refundOrder(shop.owner, teaOrder, { reason: 'Cold', restock: false, lines: [{ lineId: teaLine!.id, quantity: 1 }, { lineId: cakeLine!.id, quantity: 1 }], approval: null });
    await dispatchPending();
    const summary = await salesSummary(shop.owner, { from: DAY, to: DAY });
    const teaSales = 1200 - 109 + (400 - 36) - (400 - 36); // one tea back: 400 with its 36 of tax (split by units)
    expect(summary.costOfGoods.value).toBe(2 * 150 + 200);
    expect(summary.costedSales.value).toBe(teaSales);
    expect(summary.grossProfit.value).toBe(teaSales - 500);
    expect([summary.uncostedItems.value, summary.uncostedSales.value]).toEqual([2, 100]);

    const before = await rollupSnapshot(shop.t.tenant.id);
    await rebuildAnalytics(shop.t.tenant.id);
    expect(await rollupSnapshot(shop.t.tenant.id)).toEqual(before);
  });
});
