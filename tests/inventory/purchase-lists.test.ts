import { beforeAll, describe, expect, it } from 'vitest';
import type { TenantContext } from '@/lib/auth';
import {
  deletePurchaseList,
  draftPurchaseList,
  getPurchaseList,
  levelsOf,
  listPurchaseLists,
  markPurchaseListOrdered,
  receivePurchaseList,
  receiveStock,
  reorderQuantity,
  setLowStockThreshold,
} from '@/lib/inventory';
import { auditRowsOf } from '../audit/audit-helpers';
import { contextOf, createStockedProduct, createTenant, mainLocation, sessionContextOf, type TestTenant } from '../helpers';

/**
 * Purchase lists (lib/inventory/purchase-lists.ts): drafted from the location's low stock with
 * the reorder rule (up to twice the threshold), ordered, received as one stock receipt, deleted
 * while not received; managers only; another business sees none of them.
 */
let t: TestTenant;
let other: TestTenant;
let manager: TenantContext;
let location: string;
const items: Record<string, string> = {};

beforeAll(async () => {
  [t, other] = await Promise.all([createTenant(), createTenant()]);
  manager = await sessionContextOf(t, t.manager);
  location = await mainLocation(t);
  for (const [name, onHand, threshold] of [['Milk', 2, 5], ['Beans', 10, 3], ['Cups', 0, null]] as const) {
    const variantId = (await createStockedProduct(t, { name, variants: 1 })).variants[0]!.id;
    items[name] = variantId;
    if (onHand) await receiveStock(contextOf(t), { locationId: location, supplier: null, note: null, lines: [{ variantId, quantity: onHand }] });
    await setLowStockThreshold(contextOf(t), { locationId: location, variantId, lowStockThreshold: threshold });
  }
});

describe('reorder rule', () => {
  it('brings an item to twice its threshold, at least one unit', () => {
    expect(reorderQuantity(2, 5)).toBe(8);
    expect(reorderQuantity(0, null)).toBe(1);
    expect(reorderQuantity(-3, 2)).toBe(7);
    expect(reorderQuantity(10, 5)).toBe(1);
  });
});

describe('a purchase list', () => {
  let id: string;

  it('is drafted from what is low now, audited once', async () => {
    const rows = await auditRowsOf(t, async () => {
      const list = await draftPurchaseList(manager);
      id = list.id;
      expect(list.status).toBe('draft');
      expect(list.lines.map((l) => [l.label, l.onHand, l.threshold, l.quantity]).sort()).toEqual([
        ['Cups (V0)', 0, null, 1],
        ['Milk (V0)', 2, 5, 8],
      ]);
    });
    expect(rows.map((r) => [r.action, r.details])).toEqual([['purchase_list.drafted', expect.objectContaining({ items: 2, units: 9 })]]);
    expect((await listPurchaseLists(manager)).map((l) => [l.id, l.items, l.units])).toEqual([[id, 2, 9]]);
  });

  it('is ordered, then received as one stock receipt of every line', async () => {
    await markPurchaseListOrdered(manager, id);
    await expect(markPurchaseListOrdered(manager, id)).rejects.toMatchObject({ code: 'conflict' });
    const { receiptId } = await receivePurchaseList(manager, id, 'Dairy Co');
    expect(await getPurchaseList(manager, id)).toMatchObject({ status: 'received', receiptId });
    const levels = new Map((await levelsOf(manager, [items.Milk!, items.Cups!], location)).map((l) => [l.variantId, l.quantity]));
    expect([levels.get(items.Milk!), levels.get(items.Cups!)]).toEqual([10, 1]);
    await expect(receivePurchaseList(manager, id)).rejects.toMatchObject({ code: 'conflict' }); // never twice
    await expect(deletePurchaseList(manager, id)).rejects.toMatchObject({ code: 'conflict' });
  });

  it('is deleted while a draft; says so when nothing is low', async () => {
    await receiveStock(contextOf(t), { locationId: location, supplier: null, note: null, lines: [{ variantId: items.Cups!, quantity: 5 }] });
    await expect(draftPurchaseList(manager)).rejects.toMatchObject({ code: 'unprocessable', message: expect.stringContaining('Nothing is low') });
    await setLowStockThreshold(contextOf(t), { locationId: location, variantId: items.Beans!, lowStockThreshold: 10 });
    const draft = await draftPurchaseList(manager);
    expect(draft.lines.map((l) => [l.label, l.quantity])).toEqual([['Beans (V0)', 10]]);
    await deletePurchaseList(manager, draft.id);
    await expect(getPurchaseList(manager, draft.id)).rejects.toMatchObject({ code: 'not_found' });
  });

  it('is for managers and owners of this business only', async () => {
    await expect(draftPurchaseList(await sessionContextOf(t, t.cashier))).rejects.toMatchObject({ code: 'forbidden' });
    const them = await sessionContextOf(other, other.manager);
    expect(await listPurchaseLists(them)).toEqual([]);
    await expect(getPurchaseList(them, id)).rejects.toMatchObject({ code: 'not_found' });
    await expect(receivePurchaseList(them, id)).rejects.toMatchObject({ code: 'not_found' });
    await expect(deletePurchaseList(them, id)).rejects.toMatchObject({ code: 'not_found' });
  });
});
