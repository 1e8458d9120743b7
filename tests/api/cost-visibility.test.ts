import { beforeAll, describe, expect, it } from 'vitest';
import * as orderItem from '@/app/api/v1/orders/[id]/route';
import * as quote from '@/app/api/v1/orders/quote/route';
import * as orders from '@/app/api/v1/orders/route';
import * as productItem from '@/app/api/v1/products/[id]/route';
import * as productExport from '@/app/api/v1/products/export/route';
import { createProduct, productInputSchema } from '@/lib/catalog';
import { receiveStock } from '@/lib/inventory';
import { apiRequest, contextOf, createTenant, json, mainLocation, noParams, segment, uniqueSlug, type TestStaff, type TestTenant } from '../helpers';

/** Costs and margins are for those with `cost:read` (owners, managers); a cashier's answers carry none. */
let t: TestTenant;
let variantId: string;
let productId: string;

beforeAll(async () => {
  t = await createTenant();
  const sku = uniqueSlug('cost').toUpperCase();
  const product = await createProduct(contextOf(t), productInputSchema.parse({ name: 'Costed tea', trackStock: true, variants: [{ name: 'Cup', sku, price: 300, cost: 120 }] }));
  productId = product.id;
  variantId = product.variants[0]!.id;
  await receiveStock(contextOf(t), { locationId: await mainLocation(t), supplier: null, note: null, lines: [{ variantId, quantity: 20 }] });
});

/** Every key anywhere in `value` (nested objects and arrays). */
function keysOf(value: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(value)) value.forEach((v) => keysOf(v, into));
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) {
      into.add(k);
      keysOf(v, into);
    }
  return into;
}

const cart = { type: 'retail' };

async function answers(as: TestStaff) {
  const quoted = await json(await quote.POST(await apiRequest('POST', '/api/v1/orders/quote', { host: t.tenant, as, body: { ...cart, lines: [{ variantId, quantity: 1 }] } }), noParams));
  const sold = await json(await orders.POST(await apiRequest('POST', '/api/v1/orders', { host: t.tenant, as, body: { ...cart, lines: [{ variantId, quantity: 1 }], payments: [{ tender: 'cash', tendered: 1000 }] } }), noParams));
  const read = await json(await orderItem.GET(await apiRequest('GET', `/api/v1/orders/${sold.body.id}`, { host: t.tenant, as }), segment({ id: sold.body.id })));
  const list = await json(await orders.GET(await apiRequest('GET', '/api/v1/orders', { host: t.tenant, as }), noParams));
  const product = await json(await productItem.GET(await apiRequest('GET', `/api/v1/products/${productId}`, { host: t.tenant, as }), segment({ id: productId })));
  const csv = await (await productExport.GET(await apiRequest('GET', '/api/v1/products/export', { host: t.tenant, as }), noParams)).text();
  expect([quoted.status, sold.status, read.status, list.status, product.status]).toEqual([200, 201, 200, 200, 200]);
  return { quoted: quoted.body, sold: sold.body, read: read.body, list: list.body, product: product.body, csvHeader: csv.split(/\r?\n/)[0]!.split(',') };
}

describe('cost visibility', () => {
  it("a cashier's quote, checkout, order and product answers carry no cost", async () => {
    const a = await answers(t.cashier);
    for (const body of [a.quoted, a.sold, a.read, a.list, a.product]) {
      const keys = keysOf(body);
      expect(keys.has('unitCost')).toBe(false);
      expect(keys.has('cost')).toBe(false);
    }
    expect(a.sold.lines[0]).toMatchObject({ variantId, unitPrice: 300 }); // the rest of the line is there
    expect(a.csvHeader).not.toContain('cost');
  });

  it.each(['owner', 'manager'] as const)('a %s sees the unit cost on every line and the variant cost', async (role) => {
    const a = await answers(t[role]);
    expect(a.quoted.lines[0].unitCost).toBe(120);
    expect(a.sold.lines[0].unitCost).toBe(120);
    expect(a.read.lines[0].unitCost).toBe(120);
    expect(a.product.variants[0].cost).toBe(120);
    expect(a.csvHeader).toContain('cost');
  });
});
