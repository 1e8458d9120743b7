import { beforeAll, describe, expect, it } from 'vitest';
import * as adjustments from '@/app/api/v1/inventory/adjustments/route';
import * as counts from '@/app/api/v1/inventory/counts/route';
import * as thresholds from '@/app/api/v1/inventory/thresholds/route';
import * as productItem from '@/app/api/v1/products/[id]/route';
import * as settings from '@/app/api/v1/settings/route';
import * as taxItem from '@/app/api/v1/tax-classes/[id]/route';
import * as taxes from '@/app/api/v1/tax-classes/route';
import { getProduct, importProductsCsv, patchProduct, productInputSchema, taxClassService } from '@/lib/catalog';
import { catalogRepository } from '@/lib/catalog/service';
import { receiveStock } from '@/lib/inventory';
import { apiRequest, contextOf, createStockedProduct, createTenant, json, mainLocation, noParams, segment, type TestTenant } from '../helpers';
import { auditRowsOf, CLIENT, clientHeaders, theAuditRowOf } from './audit-helpers';

/** Price and tax changes, stock adjustments and counts, settings: one audit row each, before/after of what changed. */
let t: TestTenant;
let location: string;

beforeAll(async () => {
  t = await createTenant();
  location = await mainLocation(t);
});

describe('prices and tax', () => {
  it('a price change over the API: product.price_changed with the old and new price by SKU, address and device', async () => {
    const product = await createStockedProduct(t, { name: 'Latte', variants: 2 });
    const [small, large] = product.variants as [(typeof product.variants)[0], (typeof product.variants)[0]];
    const body = { variants: [{ ...small, price: 450 }, large] };
    const row = await theAuditRowOf(t, async () => {
      const res = await productItem.PATCH(await apiRequest('PATCH', `/api/v1/products/${product.id}`, { host: t.tenant, as: t.manager, body, headers: clientHeaders }), segment({ id: product.id }));
      expect(res.status).toBe(200);
    });
    expect(row).toMatchObject({
      action: 'product.price_changed',
      actorUserId: t.manager.id,
      entityType: 'product',
      entityId: product.id,
      before: { prices: { [small.sku]: 100 } },
      after: { prices: { [small.sku]: 450 } },
      details: { name: 'Latte' },
      ip: CLIENT.ip,
      userAgent: CLIENT.userAgent,
    });
  });

  it('a product moved to another tax class is a price change too, named by tax class; a rename is product.updated', async () => {
    const vat = await taxClassService.create(contextOf(t), { name: 'VAT 7', rateBasisPoints: 700 });
    const product = await createStockedProduct(t, { name: 'Scone' });
    const moved = await theAuditRowOf(t, () => patchProduct(contextOf(t), product.id, { taxClassId: vat.id }));
    expect(moved).toMatchObject({ action: 'product.price_changed', before: { taxClass: null }, after: { taxClass: 'VAT 7' } });
    const renamed = await theAuditRowOf(t, () => patchProduct(contextOf(t), product.id, { name: 'Cheese scone' }));
    expect(renamed).toMatchObject({ action: 'product.updated', before: { name: 'Scone' }, after: { name: 'Cheese scone' } });
  });

  it('tax classes: created, rate changed, deleted — one row each with the rate', async () => {
    let id = '';
    const created = await theAuditRowOf(t, async () => {
      const res = await json(await taxes.POST(await apiRequest('POST', '/api/v1/tax-classes', { host: t.tenant, as: t.owner, body: { name: 'Service', rateBasisPoints: 500 } }), noParams));
      id = res.body.id;
    });
    expect(created).toMatchObject({ action: 'tax_class.created', entityId: id, before: null, after: { name: 'Service', rateBasisPoints: 500 } });
    const changed = await theAuditRowOf(t, async () => {
      const res = await taxItem.PATCH(await apiRequest('PATCH', `/api/v1/tax-classes/${id}`, { host: t.tenant, as: t.owner, body: { rateBasisPoints: 800 } }), segment({ id }));
      expect(res.status).toBe(200);
    });
    expect(changed).toMatchObject({ action: 'tax_class.updated', before: { rateBasisPoints: 500 }, after: { rateBasisPoints: 800 } });
    const deleted = await theAuditRowOf(t, async () => {
      const res = await taxItem.DELETE(await apiRequest('DELETE', `/api/v1/tax-classes/${id}`, { host: t.tenant, as: t.owner }), segment({ id }));
      expect(res.status).toBe(204);
    });
    expect(deleted).toMatchObject({ action: 'tax_class.deleted', before: { name: 'Service', rateBasisPoints: 800 }, after: null });
  });

  it('the row is in the write’s transaction: when it cannot be written, the price change is undone too', async () => {
    const product = await createStockedProduct(t, { name: 'Tart' });
    const repo = await catalogRepository();
    const input = productInputSchema.parse({ ...product, variants: [{ ...product.variants[0]!, price: 999 }] });
    const failing = () => {
      throw new Error('the audit log is unavailable');
    };
    await expect(repo.updateProduct(t.tenant.id, product.id, input, failing)).rejects.toThrow('the audit log is unavailable');
    expect((await getProduct(contextOf(t), product.id)).variants[0]!.price).toBe(100);
  });

  it('a CSV import: one row with the counts and the prices it changed', async () => {
    const product = await createStockedProduct(t, { name: 'Muffin' });
    const sku = product.variants[0]!.sku;
    const csv = `product_name,sku,price\nMuffin,${sku},2.50\nBagel,${sku}-NEW,3.00\n`;
    const row = await theAuditRowOf(t, async () => expect(await importProductsCsv(contextOf(t), csv)).toMatchObject({ ok: true, created: 1, updated: 1 }));
    expect(row).toMatchObject({
      action: 'products.imported',
      before: { prices: { [sku]: 100 } },
      after: { prices: { [sku]: 250 } },
      details: { created: 1, updated: 1, rows: 2, pricesChanged: 1 },
    });
  });

  it('prices include tax (a setting): one settings row with just what changed', async () => {
    const row = await theAuditRowOf(t, async () => {
      const res = await settings.PATCH(await apiRequest('PATCH', '/api/v1/settings', { host: t.tenant, as: t.owner, body: { pricesIncludeTax: false, receiptFooter: 'Thanks' }, headers: clientHeaders }), noParams);
      expect(res.status).toBe(200);
    });
    expect(row).toMatchObject({
      action: 'settings.updated',
      actorUserId: t.owner.id,
      entityType: 'tenant',
      before: { pricesIncludeTax: true, receiptFooter: null },
      after: { pricesIncludeTax: false, receiptFooter: 'Thanks' },
      ip: CLIENT.ip,
      userAgent: CLIENT.userAgent,
    });
    const again = await theAuditRowOf(t, async () =>
      settings.PATCH(await apiRequest('PATCH', '/api/v1/settings', { host: t.tenant, as: t.owner, body: { discountLimitBasisPoints: 1500, pricesIncludeTax: false } }), noParams),
    );
    expect(again).toMatchObject({ before: { discountLimitBasisPoints: 1000 }, after: { discountLimitBasisPoints: 1500 } });
    expect(Object.keys(again.after!)).toEqual(['discountLimitBasisPoints']); // prices-include-tax was sent unchanged
  });
});

describe('stock', () => {
  async function stocked(quantity: number) {
    const variant = (await createStockedProduct(t, { name: 'Beans' })).variants[0]!;
    await receiveStock(contextOf(t), { locationId: location, supplier: null, note: null, lines: [{ variantId: variant.id, quantity }] });
    return variant;
  }

  it('an adjustment: one row with each item’s level before and after, the reason and the location', async () => {
    const beans = await stocked(10);
    const body = { locationId: location, reason: 'damage', note: 'Bag split', lines: [{ variantId: beans.id, delta: -3 }] };
    const row = await theAuditRowOf(t, async () => {
      const res = await adjustments.POST(await apiRequest('POST', '/api/v1/inventory/adjustments', { host: t.tenant, as: t.manager, body, headers: clientHeaders }), noParams);
      expect(res.status).toBe(201);
    });
    const item = `Beans (V0) [${beans.sku}]`;
    expect(row).toMatchObject({
      action: 'stock.adjusted',
      actorUserId: t.manager.id,
      entityType: 'stock_document',
      before: { [item]: 10 },
      after: { [item]: 7 },
      details: { reason: 'damage', note: 'Bag split', location: expect.any(String) },
      ip: CLIENT.ip,
      userAgent: CLIENT.userAgent,
    });
  });

  it('a count: one row with the items that differed (expected → counted); a dry run writes none', async () => {
    const [beans, same] = [await stocked(10), await stocked(4)];
    const body = (dryRun: boolean) => ({ locationId: location, note: null, dryRun, lines: [{ variantId: beans.id, counted: 8 }, { variantId: same.id, counted: 4 }] });
    const request = async (dryRun: boolean) => counts.POST(await apiRequest('POST', '/api/v1/inventory/counts', { host: t.tenant, as: t.manager, body: body(dryRun) }), noParams);
    expect(await auditRowsOf(t, () => request(true))).toEqual([]);
    const row = await theAuditRowOf(t, () => request(false));
    expect(row).toMatchObject({ action: 'stock.counted', before: { [`Beans (V0) [${beans.sku}]`]: 10 }, after: { [`Beans (V0) [${beans.sku}]`]: 8 }, details: { itemsCounted: 2 } });
    expect(Object.keys(row.before!)).toHaveLength(1);
  });

  it('a low-stock threshold: one row with the threshold before and after; setting it again writes none', async () => {
    const beans = await stocked(5);
    const put = async (lowStockThreshold: number | null) =>
      thresholds.PUT(await apiRequest('PUT', '/api/v1/inventory/thresholds', { host: t.tenant, as: t.manager, body: { locationId: location, variantId: beans.id, lowStockThreshold } }), noParams);
    const first = await theAuditRowOf(t, () => put(3));
    expect(first).toMatchObject({ action: 'stock.threshold_set', actorUserId: t.manager.id, entityId: beans.id, before: { lowStockThreshold: null }, after: { lowStockThreshold: 3 }, details: { locationId: location } });
    expect((await theAuditRowOf(t, () => put(6))).before).toEqual({ lowStockThreshold: 3 });
    expect(await auditRowsOf(t, () => put(6))).toEqual([]);
  });
});
