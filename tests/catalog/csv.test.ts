import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import * as importRoute from '@/app/api/v1/products/import/route';
import { CSV_COLUMNS, exportProductsCsv, importProductsCsv, previewProductsCsv } from '@/lib/catalog/csv';
import { productInputSchema } from '@/lib/catalog/schemas';
import { createProduct, listProducts, modifierGroupService, taxClassService } from '@/lib/catalog/service';
import { apiRequest, createTenant, noParams, contextOf, type TestTenant } from '../helpers';

const header = CSV_COLUMNS.join(',');
const csv = (rows: Record<string, string | undefined>[]) => Papa.unparse({ fields: [...CSV_COLUMNS], data: rows.map((r) => CSV_COLUMNS.map((c) => r[c] ?? '')) });

describe('product CSV import and export', () => {
  let t: TestTenant;
  beforeAll(async () => {
    t = await createTenant();
    await taxClassService.create(contextOf(t), { name: 'VAT', rateBasisPoints: 700 });
    await modifierGroupService.create(contextOf(t), { name: 'Milk', minSelect: 0, maxSelect: 1, options: [{ name: 'Oat', priceDelta: 50 }] });
  });

  it('imports 10,000 rows in one go', async () => {
    const rows = Array.from({ length: 10_000 }, (_, i) => ({
      handle: `p${Math.floor(i / 2)}`,
      product_name: `Bulk item ${Math.floor(i / 2)}`,
      category: i % 4 < 2 ? 'Bulk A' : 'Bulk B',
      variant_name: i % 2 === 0 ? 'Small' : 'Large',
      sku: `BULK-${i}`,
      barcodes: `${100000000 + i}`,
      price: `${(i % 50) + 1}.25`,
    }));
    const progress: number[] = [];
    const outcome = await importProductsCsv(contextOf(t), csv(rows), (p) => p.phase === 'importing' && progress.push(p.done));
    expect(outcome).toEqual({ ok: true, created: 5000, updated: 0, unchanged: 0, categoriesCreated: ['Bulk A', 'Bulk B'] });
    expect(progress.at(-1)).toBe(5000);
    const page = await listProducts({ tenantId: t.tenant.id }, { search: 'BULK-9999', status: 'active', skip: 0, limit: 5 });
    expect(page.data[0]).toMatchObject({ name: 'Bulk item 4999', variants: [{ sku: 'BULK-9998', price: 4925 }, { sku: 'BULK-9999', price: 5025, barcodes: ['100009999'] }] });
  }, 180_000);

  it('imports nothing when one row is bad, and names its line and column', async () => {
    const before = (await listProducts({ tenantId: t.tenant.id }, { status: 'all', skip: 0, limit: 1 })).total;
    const rows = [
      { product_name: 'Good one', sku: 'GOOD-1', price: '1.00' },
      { product_name: 'Bad price', sku: 'BAD-1', price: 'one dollar' },
      { product_name: 'Good two', sku: 'GOOD-2', price: '2.00', tax_class: 'No such tax' },
      { product_name: 'Duplicate', sku: 'GOOD-1', price: '3.00' },
    ];
    const outcome = await importProductsCsv(contextOf(t), csv(rows));
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.errors).toEqual([
      { line: 3, column: 'price', message: 'Not a price in USD: "one dollar"' },
      { line: 4, column: 'tax_class', message: 'No tax class named "No such tax"' },
      { line: 5, column: 'sku', message: 'SKU GOOD-1 is also on line 2' },
    ]);
    expect((await listProducts({ tenantId: t.tenant.id }, { status: 'all', skip: 0, limit: 1 })).total).toBe(before);
  });

  it('refuses a file whose columns are wrong', async () => {
    const outcome = await importProductsCsv(contextOf(t), 'name,cost\nTea,1');
    expect(outcome).toMatchObject({ ok: false, errors: [{ line: 1, message: expect.stringContaining('Missing column(s): product_name, sku, price') }] });
  });

  it('round-trips: export, edit, import updates the same products', async () => {
    const small = await createTenant();
    await importProductsCsv(
      contextOf(small),
      `${header}\nlatte,Latte,Coffee,,,active,false,false,,,"{""caffeine"":true}",Regular,LAT-R,123456789012,3.50,,,\nlatte,Latte,,,,,,,,,,Large,LAT-L,,4.25,,1.10,`,
    );
    const exported = await exportProductsCsv(contextOf(small));
    const parsed = Papa.parse<Record<string, string>>(exported, { header: true, skipEmptyLines: true });
    expect(parsed.data.map((r) => [r.sku, r.price, r.category, r.track_stock])).toEqual([
      ['LAT-R', '3.50', 'Coffee', 'false'],
      ['LAT-L', '4.25', '', ''],
    ]);
    const edited = exported.replace('4.25', '4.75');
    const outcome = await importProductsCsv(contextOf(small), edited);
    expect(outcome).toMatchObject({ ok: true, created: 0, updated: 1 });
    const [product] = (await listProducts({ tenantId: small.tenant.id }, { status: 'all', skip: 0, limit: 5 })).data;
    expect(product!.variants.map((v) => [v.sku, v.price])).toEqual([
      ['LAT-R', 350],
      ['LAT-L', 475],
    ]);
    expect(product!.attributes).toEqual({ caffeine: true });
    expect(product!.variants.map((v) => v.cost)).toEqual([null, 110]);
  });

  it('imports and exports the cost per variant; a file without the column keeps costs, a bad one names its line', async () => {
    const shop = await createTenant();
    const rows = [
      { handle: 'beans', product_name: 'Beans', variant_name: '1 kg', sku: 'BN-1', price: '12.00', cost: '5.25' },
      { handle: 'beans', product_name: 'Beans', variant_name: '250 g', sku: 'BN-Q', price: '4.00', cost: '' },
    ];
    expect(await importProductsCsv(contextOf(shop), csv(rows))).toMatchObject({ ok: true, created: 1 });
    const exported = Papa.parse<Record<string, string>>(await exportProductsCsv(contextOf(shop)), { header: true, skipEmptyLines: true }).data;
    expect(exported.map((r) => [r.sku, r.cost])).toEqual([['BN-1', '5.25'], ['BN-Q', '']]);

    // An older file (no cost column) changes prices and leaves the costs as they are.
    const older = 'handle,product_name,variant_name,sku,price\nbeans,Beans,1 kg,BN-1,13.00\nbeans,Beans,250 g,BN-Q,4.00';
    expect(await importProductsCsv(contextOf(shop), older)).toMatchObject({ ok: true, updated: 1 });
    const costs = async () => (await listProducts({ tenantId: shop.tenant.id }, { status: 'all', skip: 0, limit: 5 })).data[0]!.variants.map((v) => [v.sku, v.price, v.cost]);
    expect(await costs()).toEqual([['BN-1', 1300, 525], ['BN-Q', 400, null]]);

    const bad = await importProductsCsv(contextOf(shop), csv([{ ...rows[0], cost: 'cheap' }, { ...rows[1], cost: '-1.00' }]));
    expect(bad).toMatchObject({ ok: false, errors: [{ line: 2, column: 'cost', message: 'Not a cost in USD: "cheap"' }, { line: 3, column: 'cost' }] });
    expect(await costs()).toEqual([['BN-1', 1300, 525], ['BN-Q', 400, null]]);
  });

  it('imports and exports the Burmese name (alt_name); a file without the column keeps it; the preview names the change', async () => {
    const shop = await createTenant();
    const rows = [
      { handle: 'moh', product_name: 'Mohinga', alt_name: 'မုန့်ဟင်းခါး', variant_name: 'Bowl', sku: 'MOH-1', price: '3.00' },
      { handle: 'moh', product_name: 'Mohinga', variant_name: 'Large', sku: 'MOH-2', price: '4.00' },
    ];
    expect(await importProductsCsv(contextOf(shop), csv(rows))).toMatchObject({ ok: true, created: 1 });
    const altNames = async () => (await listProducts({ tenantId: shop.tenant.id }, { status: 'all', skip: 0, limit: 5 })).data.map((p) => [p.name, p.altName]);
    expect(await altNames()).toEqual([['Mohinga', 'မုန့်ဟင်းခါး']]);
    const exported = Papa.parse<Record<string, string>>(await exportProductsCsv(contextOf(shop)), { header: true, skipEmptyLines: true }).data;
    expect(exported.map((r) => [r.sku, r.alt_name])).toEqual([['MOH-1', 'မုန့်ဟင်းခါး'], ['MOH-2', '']]);

    // An older file (no alt_name column) leaves the Burmese name as it is.
    const older = 'handle,product_name,variant_name,sku,price\nmoh,Mohinga,Bowl,MOH-1,3.50\nmoh,Mohinga,Large,MOH-2,4.00';
    expect(await importProductsCsv(contextOf(shop), older)).toMatchObject({ ok: true, updated: 1 });
    expect(await altNames()).toEqual([['Mohinga', 'မုန့်ဟင်းခါး']]);

    // A different one on a later row of the product is refused; a change is previewed, then written; an empty cell clears it.
    const clash = await importProductsCsv(contextOf(shop), csv([rows[0]!, { ...rows[1]!, alt_name: 'မုန့်ဟင်းခါး ကြီး' }]));
    expect(clash).toMatchObject({ ok: false, errors: [{ line: 3, column: 'alt_name' }] });
    const renamed = csv([{ ...rows[0]!, alt_name: 'မုန့်ဟင်းခါး (ငါးဟင်း)' }, rows[1]!]);
    const preview = await previewProductsCsv(contextOf(shop), renamed);
    expect(preview).toMatchObject({ ok: true, change: [{ changes: expect.arrayContaining([{ field: 'altName', before: 'မုန့်ဟင်းခါး', after: 'မုန့်ဟင်းခါး (ငါးဟင်း)' }]) }] });
    expect(await importProductsCsv(contextOf(shop), renamed)).toMatchObject({ ok: true, updated: 1 });
    expect(await altNames()).toEqual([['Mohinga', 'မုန့်ဟင်းခါး (ငါးဟင်း)']]);
    expect(await importProductsCsv(contextOf(shop), csv([{ ...rows[0]!, alt_name: '' }, rows[1]!]))).toMatchObject({ ok: true, updated: 1 });
    expect(await altNames()).toEqual([['Mohinga', null]]);
  });

  it('exports a cell a spreadsheet would run as a formula with a leading apostrophe', async () => {
    const shop = await createTenant();
    await modifierGroupService.create(contextOf(shop), { name: '=Milk', minSelect: 0, maxSelect: 1, options: [{ name: 'Oat', priceDelta: 50 }] });
    const rows = [
      { handle: 'h', product_name: '=HYPERLINK("http://evil.example","Click")', description: '@SUM(1+1)*cmd|/c calc', category: '+Deals', modifier_groups: '=Milk', variant_name: '-1 size', sku: 'FX-1', barcodes: '-12345|67890', price: '1.00' },
    ];
    expect(await importProductsCsv(contextOf(shop), csv(rows))).toMatchObject({ ok: true, created: 1 });
    const [exported] = Papa.parse<Record<string, string>>(await exportProductsCsv(contextOf(shop)), { header: true, skipEmptyLines: true }).data;
    expect(exported).toMatchObject({
      product_name: `'=HYPERLINK("http://evil.example","Click")`,
      description: "'@SUM(1+1)*cmd|/c calc",
      category: "'+Deals",
      modifier_groups: "'=Milk",
      variant_name: "'-1 size",
      barcodes: "'-12345|67890",
      sku: 'FX-1',
    });
    for (const value of Object.values(exported!)) expect(value).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('round-trips exactly: export then import gives back every value, apostrophes included', async () => {
    const shop = await createTenant();
    const names = ['=1+2', "'=already text", "''+two apostrophes", "'plain apostrophe", 'Tea - hot', '@home', "it's fine"];
    for (const [i, name] of names.entries()) {
      await createProduct(contextOf(shop), productInputSchema.parse({ name, description: `-${name}`, variants: [{ name, sku: `RT-${i}`, price: 100 }] }));
    }
    const before = (await listProducts({ tenantId: shop.tenant.id }, { status: 'all', skip: 0, limit: 50 })).data;
    expect(before.map((p) => p.name).sort()).toEqual([...names].sort());

    const outcome = await importProductsCsv(contextOf(shop), await exportProductsCsv(contextOf(shop)));
    // Nothing differs, so nothing is written: every product is left alone (the preview's "unchanged").
    expect(outcome).toMatchObject({ ok: true, created: 0, updated: 0, unchanged: names.length });
    const after = (await listProducts({ tenantId: shop.tenant.id }, { status: 'all', skip: 0, limit: 50 })).data;
    const shape = (ps: typeof before) => ps.map((p) => [p.name, p.description, p.variants.map((v) => v.name)]).sort();
    expect(shape(after)).toEqual(shape(before));
  });

  it('streams progress over the API and refuses cashiers', async () => {
    const body = csv([{ product_name: 'Streamed', sku: 'STREAM-1', price: '9.99' }]);
    const res = await importRoute.POST(
      await apiRequest('POST', '/api/v1/products/import', { host: t.tenant, as: t.manager, body, headers: { accept: 'application/x-ndjson', 'content-type': 'text/csv' } }),
      noParams,
    );
    const lines = (await res.text()).trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.at(-1)).toEqual({ type: 'result', ok: true, created: 1, updated: 0, unchanged: 0, categoriesCreated: [] });
    expect(lines.some((l) => l.type === 'progress')).toBe(true);

    const csvType = { 'content-type': 'text/csv' };
    const json = await importRoute.POST(
      await apiRequest('POST', '/api/v1/products/import', { host: t.tenant, as: t.manager, body: 'product_name,sku,price\nX,,1', headers: csvType }),
      noParams,
    );
    expect(json.status).toBe(422);
    const cashier = await importRoute.POST(await apiRequest('POST', '/api/v1/products/import', { host: t.tenant, as: t.cashier, body, headers: csvType }), noParams);
    expect(cashier.status).toBe(403);
  });
});
