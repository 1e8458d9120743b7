import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import * as previewRoute from '@/app/api/v1/products/import/preview/route';
import * as importRoute from '@/app/api/v1/products/import/route';
import { CSV_COLUMNS, importProductsCsv, previewProductsCsv, type ImportPreview } from '@/lib/catalog/csv';
import { productInputSchema } from '@/lib/catalog/schemas';
import { categoryService, createProduct, listProducts, patchProduct, taxClassService } from '@/lib/catalog/service';
import { apiRequest, contextOf, createTenant, json, noParams, type TestTenant } from '../helpers';

const csv = (rows: Record<string, string | undefined>[]) => Papa.unparse({ fields: [...CSV_COLUMNS], data: rows.map((r) => CSV_COLUMNS.map((c) => r[c] ?? '')) });
const csvType = { 'content-type': 'text/csv' };

/** A catalog with a latte (to change), a tea (to leave alone) and a muffin (not in the file). */
async function catalog(t: TestTenant) {
  const ctx = contextOf(t);
  const coffee = await categoryService.create(ctx, { name: 'Coffee', position: 0, color: null, tracksStock: null });
  const vat = await taxClassService.create(ctx, { name: 'VAT', rateBasisPoints: 700 });
  await taxClassService.create(ctx, { name: 'Reduced', rateBasisPoints: 300 });
  const latte = await createProduct(ctx, productInputSchema.parse({ name: 'Latte', categoryId: coffee.id, taxClassId: vat.id, trackStock: false, variants: [{ name: 'Regular', sku: 'LAT-R', price: 350 }, { name: 'Large', sku: 'LAT-L', price: 425 }] }));
  const tea = await createProduct(ctx, productInputSchema.parse({ name: 'Tea', categoryId: coffee.id, trackStock: false, variants: [{ sku: 'TEA-1', price: 200 }] }));
  const muffin = await createProduct(ctx, productInputSchema.parse({ name: 'Muffin', trackStock: false, variants: [{ sku: 'MUF-1', price: 300 }] }));
  return { latte, tea, muffin };
}

const file = csv([
  // Changed: name, tax class, the large one's price; a new variant.
  { handle: 'latte', product_name: 'Caffè latte', category: 'Coffee', tax_class: 'Reduced', track_stock: 'false', variant_name: 'Regular', sku: 'LAT-R', price: '3.50' },
  { handle: 'latte', product_name: 'Caffè latte', variant_name: 'Large', sku: 'LAT-L', price: '4.75' },
  { handle: 'latte', product_name: 'Caffè latte', variant_name: 'Huge', sku: 'LAT-H', price: '5.50' },
  // Left alone: exactly as stored.
  { handle: 'tea', product_name: 'Tea', category: 'coffee', track_stock: 'false', sku: 'TEA-1', price: '2.00' },
  // Created, in a category that does not exist yet.
  { handle: 'bagel', product_name: 'Bagel', category: 'Bakery', tax_class: 'VAT', sku: 'BAG-1', barcodes: '4006381333931', price: '2.25' },
]);

describe('CSV import preview', () => {
  let t: TestTenant;
  let products: Awaited<ReturnType<typeof catalog>>;
  beforeAll(async () => {
    t = await createTenant();
    products = await catalog(t);
  });

  it('CSV preview matches what the import then does', async () => {
    const ctx = contextOf(t);
    const preview = (await previewProductsCsv(ctx, file)) as { ok: true } & ImportPreview;
    expect(preview.ok).toBe(true);
    expect(preview.create).toEqual([{ line: 6, name: 'Bagel', category: 'Bakery', taxClass: 'VAT', variants: [{ name: 'Default', sku: 'BAG-1', price: 225 }] }]);
    expect(preview.unchanged).toEqual([{ line: 5, productId: products.tea.id, name: 'Tea' }]);
    expect(preview.categoriesToCreate).toEqual(['Bakery']);
    expect(preview.change).toHaveLength(1);
    expect(preview.change[0]).toMatchObject({ line: 2, productId: products.latte.id, name: 'Latte' });
    expect(preview.change[0]!.changes).toEqual([
      { field: 'name', before: 'Latte', after: 'Caffè latte' },
      { field: 'taxClass', before: 'VAT', after: 'Reduced' },
      { field: 'variantOrder', before: 'LAT-R, LAT-L', after: 'LAT-R, LAT-L, LAT-H' },
      { field: 'price', sku: 'LAT-L', before: 425, after: 475 },
      { field: 'variantName', sku: 'LAT-H', before: null, after: 'Huge' },
      { field: 'price', sku: 'LAT-H', before: null, after: 550 },
    ]);
    // Nothing is written by a preview.
    const before = (await listProducts(ctx, { status: 'all', skip: 0, limit: 50 })).data;
    expect(before.map((p) => p.name).sort()).toEqual(['Latte', 'Muffin', 'Tea']);

    const outcome = await importProductsCsv(ctx, file, undefined, { expectVersion: preview.version });
    expect(outcome).toEqual({ ok: true, created: 1, updated: 1, unchanged: 1, categoriesCreated: ['Bakery'] });

    // The catalog now is the preview applied: every change's "after", the creates, and the rest untouched.
    const after = new Map((await listProducts(ctx, { status: 'all', skip: 0, limit: 50 })).data.map((p) => [p.name, p]));
    const [taxes, categories] = await Promise.all([taxClassService.list(ctx), categoryService.list(ctx)]);
    const taxName = (id: string | null) => taxes.find((x) => x.id === id)?.name ?? null;
    const categoryName = (id: string | null) => categories.find((c) => c.id === id)?.name ?? null;
    const latte = after.get('Caffè latte')!;
    const changed = preview.change[0]!.changes;
    expect(latte.id).toBe(products.latte.id);
    expect(taxName(latte.taxClassId)).toBe(changed.find((c) => c.field === 'taxClass')!.after);
    expect(latte.variants.map((v) => v.sku).join(', ')).toBe(changed.find((c) => c.field === 'variantOrder')!.after);
    for (const c of changed.filter((c) => c.field === 'price')) expect(latte.variants.find((v) => v.sku === c.sku)!.price).toBe(c.after);
    expect(latte.variants.find((v) => v.sku === 'LAT-R')).toMatchObject({ id: products.latte.variants[0]!.id, price: 350 });
    const bagel = after.get('Bagel')!;
    expect({ name: bagel.name, category: categoryName(bagel.categoryId), taxClass: taxName(bagel.taxClassId), variants: bagel.variants.map(({ name, sku, price }) => ({ name, sku, price })) }).toEqual({
      name: preview.create[0]!.name,
      category: preview.create[0]!.category,
      taxClass: preview.create[0]!.taxClass,
      variants: preview.create[0]!.variants,
    });
    // Left alone means not written at all; the muffin was never in the file.
    expect(after.get('Tea')!.updatedAt).toEqual(products.tea.updatedAt);
    expect(after.get('Muffin')!.updatedAt).toEqual(products.muffin.updatedAt);

    // The same file again: everything is left alone now.
    const again = (await previewProductsCsv(ctx, file)) as { ok: true } & ImportPreview;
    expect(again.create.length + again.change.length).toBe(0);
    expect(again.unchanged.map((u) => u.name).sort()).toEqual(['Bagel', 'Caffè latte', 'Tea']);
  });

  it('refuses (409) an import whose catalog changed since the preview, writing nothing', async () => {
    const other = await createTenant();
    const { tea } = await catalog(other);
    const ctx = contextOf(other);
    const preview = (await previewProductsCsv(ctx, file)) as { ok: true } & ImportPreview;
    await patchProduct(ctx, tea.id, { name: 'Green tea' }); // someone edits a product the file touches
    const res = await importRoute.POST(await apiRequest('POST', `/api/v1/products/import?expect=${preview.version}`, { host: other.tenant, as: other.manager, body: file, headers: csvType }), noParams);
    expect(await json(res)).toMatchObject({ status: 409, body: { error: { code: 'conflict', message: expect.stringContaining('Preview it again') } } });
    expect((await listProducts(ctx, { status: 'all', skip: 0, limit: 50 })).data.map((p) => p.name).sort()).toEqual(['Green tea', 'Latte', 'Muffin']);

    const fresh = (await json(await previewRoute.POST(await apiRequest('POST', '/api/v1/products/import/preview', { host: other.tenant, as: other.manager, body: file, headers: csvType }), noParams))).body;
    expect(fresh.version).not.toBe(preview.version);
    expect(fresh.change.map((c: { name: string }) => c.name).sort()).toEqual(['Green tea', 'Latte']);
    const ok = await importRoute.POST(await apiRequest('POST', `/api/v1/products/import?expect=${fresh.version}`, { host: other.tenant, as: other.manager, body: file, headers: csvType }), noParams);
    expect(await json(ok)).toMatchObject({ status: 201, body: { ok: true, created: 1, updated: 2, unchanged: 0 } });
  });

  it('previews over the API: errors with their lines (422), cashiers refused, never across tenants', async () => {
    const post = async (host: TestTenant, as: TestTenant['owner'], body: string) =>
      json(await previewRoute.POST(await apiRequest('POST', '/api/v1/products/import/preview', { host: host.tenant, as, body, headers: csvType }), noParams));
    expect(await post(t, t.manager, csv([{ product_name: 'Bad', sku: 'BAD-1', price: 'lots' }]))).toMatchObject({
      status: 422,
      body: { ok: false, errors: [{ line: 2, column: 'price' }] },
    });
    expect((await post(t, t.cashier, file)).status).toBe(403);
    const other = await createTenant();
    // Another business's session on this host is not signed in here.
    expect((await post(t, other.owner, file)).status).toBe(401);
    // Its own preview of the same file sees none of this business's products: all would be created.
    for (const [name, rateBasisPoints] of [['VAT', 700], ['Reduced', 300]] as const) await taxClassService.create(contextOf(other), { name, rateBasisPoints });
    const theirs = await post(other, other.owner, file);
    expect(theirs.status).toBe(200);
    expect(theirs.body.change).toEqual([]);
    expect(theirs.body.unchanged).toEqual([]);
    expect(theirs.body.create.map((c: { name: string }) => c.name)).toEqual(['Caffè latte', 'Tea', 'Bagel']);
  });
});
