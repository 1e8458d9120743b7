import { beforeAll, describe, expect, it } from 'vitest';
import * as receiptsRoute from '@/app/api/v1/inventory/receipts/route';
import { getProduct } from '@/lib/catalog/service';
import { weightedAverageCost } from '@/lib/catalog';
import { createLocation, listLedger, receiveStock } from '@/lib/inventory';
import { apiRequest, contextOf, createStockedProduct, createTenant, json, mainLocation, noParams, type TestTenant } from '../helpers';

/** Receiving at a unit cost: the ledger row keeps it, and the variant's cost moves to the weighted average. */
describe('unit cost when receiving stock', () => {
  let t: TestTenant;
  let main: string;
  beforeAll(async () => {
    t = await createTenant();
    main = await mainLocation(t);
  });

  const costOf = async (productId: string) => (await getProduct({ tenantId: t.tenant.id }, productId)).variants[0]!.cost;

  it('averages over what the whole store holds, weighted by units', async () => {
    const product = await createStockedProduct(t);
    const variantId = product.variants[0]!.id;
    const back = await createLocation(contextOf(t), { name: 'Back room', address: null });
    // No cost yet: the first receipt's unit cost is taken as it is.
    await receiveStock(contextOf(t), { locationId: main, supplier: null, note: null, lines: [{ variantId, quantity: 10, unitCost: 500 }] });
    expect(await costOf(product.id)).toBe(500);
    // 10 at 5.00 on hand (at another location), 30 more at 7.00: (50.00 + 210.00) / 40 = 6.50.
    await receiveStock(contextOf(t), { locationId: back.id, supplier: null, note: null, lines: [{ variantId, quantity: 30, unitCost: 700 }] });
    expect(await costOf(product.id)).toBe(650);
    // A receipt without a cost adds units and changes no cost.
    await receiveStock(contextOf(t), { locationId: main, supplier: null, note: null, lines: [{ variantId, quantity: 2 }] });
    expect(await costOf(product.id)).toBe(650);
    const ledger = await listLedger({ tenantId: t.tenant.id }, { variant: variantId, skip: 0, limit: 10 });
    expect(ledger.data.map((m) => [m.delta, m.unitCost])).toEqual([[2, null], [30, 700], [10, 500]]);
  });

  it('rounds half up and restarts from the unit cost when nothing is on hand', () => {
    expect(weightedAverageCost(100, 1, 2, 101)).toBe(101); // 303 / 3 = 101
    expect(weightedAverageCost(100, 1, 1, 101)).toBe(101); // 100.5 → 101
    expect(weightedAverageCost(100, 2, 1, 101)).toBe(100); // 100.33 → 100
    expect(weightedAverageCost(900, 0, 5, 300)).toBe(300);
    expect(weightedAverageCost(900, -4, 5, 300)).toBe(300);
    expect(weightedAverageCost(null, 50, 5, 300)).toBe(300);
  });

  it('takes unit costs over the API and refuses a negative one', async () => {
    const product = await createStockedProduct(t);
    const variantId = product.variants[0]!.id;
    const bad = await receiptsRoute.POST(
      await apiRequest('POST', '/api/v1/inventory/receipts', { as: t.manager, host: t.tenant, body: { locationId: main, lines: [{ variantId, quantity: 1, unitCost: -1 }] } }),
      noParams,
    );
    expect(bad.status).toBe(422);
    const res = await receiptsRoute.POST(
      await apiRequest('POST', '/api/v1/inventory/receipts', { as: t.manager, host: t.tenant, body: { locationId: main, lines: [{ variantId, quantity: 4, unitCost: 125 }] } }),
      noParams,
    );
    expect((await json(res)).status).toBe(201);
    expect(await costOf(product.id)).toBe(125);
  });
});
