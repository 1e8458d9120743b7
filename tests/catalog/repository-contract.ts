import { beforeAll, describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import type { CatalogRepository, Product, VariantRef } from '@/lib/catalog/repository';
import {
  categoryInputSchema,
  modifierGroupInputSchema,
  productInputSchema,
  productListQuerySchema,
  savedDiscountInputSchema,
  taxClassInputSchema,
} from '@/lib/catalog/schemas';
import { withTenant, type Tx } from '@/lib/platform/db';
import { AppError } from '@/lib/platform/errors';
import { createTenant } from '../helpers';

/**
 * The behaviour every CatalogRepository adapter must have. The Postgres adapter is the
 * reference; tests/catalog/postgres-repository.test.ts and mongo-repository.test.ts run this
 * same suite. Inputs are built with the zod schemas, as the adapters receive parsed input.
 * Every group works in tenants of its own, so groups never see each other's data.
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const PRODUCT_KEYS = [
  'allowNegativeStock',
  'altName',
  'attributes',
  'categoryId',
  'createdAt',
  'description',
  'id',
  'modifierGroupIds',
  'name',
  'openPrice',
  'photoUrl',
  'status',
  'taxClassId',
  'trackStock',
  'updatedAt',
  'variants',
];
const VARIANT_KEYS = ['barcodes', 'cost', 'id', 'name', 'price', 'sku'];
const VARIANT_REF_KEYS = [
  'allowNegativeStock',
  'barcodes',
  'categoryId',
  'cost',
  'modifierGroupIds',
  'openPrice',
  'price',
  'productId',
  'productName',
  'sku',
  'status',
  'taxClassId',
  'trackStock',
  'variantId',
  'variantName',
];

type ProductFields = Partial<Omit<Product, 'variants' | 'id' | 'createdAt' | 'updatedAt'>> & {
  variants?: { id?: string; name?: string; sku: string; barcodes?: string[]; price: number; cost?: number | null }[];
};

/** A parsed product input; one variant with the given SKU unless variants are given. */
const productInput = (name: string, sku: string, fields: ProductFields = {}) =>
  productInputSchema.parse({ name, variants: [{ sku, price: 250 }], ...fields });

const query = (q: Record<string, unknown> = {}) => productListQuerySchema.parse(q);

const newTenant = async () => (await createTenant()).tenant.id;

/** The error a promise rejects with (fails the test when it resolves). */
async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (err) {
    return err;
  }
  throw new Error('Expected the call to be rejected, but it succeeded');
}

async function expectAppError(promise: Promise<unknown>, code: AppError['code']): Promise<AppError> {
  const err = await rejection(promise);
  expect(err).toBeInstanceOf(AppError);
  expect((err as AppError).code).toBe(code);
  return err as AppError;
}

const names = (products: Product[]) => products.map((p) => p.name);
const byVariantId = (a: VariantRef, b: VariantRef) => a.variantId.localeCompare(b.variantId);

export function catalogRepositoryContract(name: string, makeRepository: () => Promise<CatalogRepository>): void {
  describe(`CatalogRepository contract: ${name}`, () => {
    let repo: CatalogRepository;

    beforeAll(async () => {
      repo = await makeRepository();
    });

    const activeNames = async (tenantId: string, q: Record<string, unknown> = {}) =>
      names((await repo.listProducts(tenantId, query({ limit: 200, ...q }))).data);

    describe('create and get', () => {
      let t: string;
      beforeAll(async () => {
        t = await newTenant();
      });

      it('creates a product and returns it in the repository shape', async () => {
        const input = productInput('Flat White', 'FW-S', {
          description: 'Double shot',
          attributes: { milk: 'dairy', vegan: false, strength: 2, allergens: ['milk', 'soy'] },
          variants: [
            { name: 'Small', sku: 'FW-S', barcodes: ['5000000000002', '4000000000001'], price: 350 },
            { name: 'Large', sku: 'FW-L', price: 420 },
          ],
        });
        const created = await repo.createProduct(t, input);

        expect(Object.keys(created).sort()).toEqual(PRODUCT_KEYS);
        expect(created.id).toMatch(UUID);
        expect(created).toMatchObject({
          name: 'Flat White',
          description: 'Double shot',
          categoryId: null,
          taxClassId: null,
          photoUrl: null,
          status: 'active',
          trackStock: true,
          allowNegativeStock: false,
          attributes: { milk: 'dairy', vegan: false, strength: 2, allergens: ['milk', 'soy'] },
          modifierGroupIds: [],
        });
        // Variants keep the input's order; barcodes come back sorted.
        expect(created.variants).toEqual([
          { id: expect.stringMatching(UUID), name: 'Small', sku: 'FW-S', barcodes: ['4000000000001', '5000000000002'], price: 350, cost: null },
          { id: expect.stringMatching(UUID), name: 'Large', sku: 'FW-L', barcodes: [], price: 420, cost: null },
        ]);
        for (const v of created.variants) expect(Object.keys(v).sort()).toEqual(VARIANT_KEYS);
        expect(new Set(created.variants.map((v) => v.id)).size).toBe(2);
        expect(created.variants.map((v) => v.id)).not.toContain(created.id);
        expect(created.createdAt).toBeInstanceOf(Date);
        expect(created.updatedAt).toBeInstanceOf(Date);

        expect(await repo.getProduct(t, created.id)).toEqual(created);
      });

      it('stores the schema defaults', async () => {
        const created = await repo.createProduct(t, productInput('Plain Scone', 'SCONE-1'));
        expect(created).toMatchObject({
          description: null,
          photoUrl: null,
          status: 'active',
          trackStock: true,
          allowNegativeStock: false,
          attributes: {},
          modifierGroupIds: [],
        });
        expect(created.variants).toEqual([{ id: expect.stringMatching(UUID), name: 'Default', sku: 'SCONE-1', barcodes: [], price: 250, cost: null }]);
      });

      it('stores every field given', async () => {
        const category = await repo.categories.create(t, categoryInputSchema.parse({ name: 'Bakery' }));
        const tax = await repo.taxClasses.create(t, taxClassInputSchema.parse({ name: 'Reduced', rateBasisPoints: 500 }));
        const group = await repo.modifierGroups.create(t, modifierGroupInputSchema.parse({ name: 'Warm', options: [{ name: 'Heated' }] }));
        const created = await repo.createProduct(
          t,
          productInput('Croissant', 'CRO-1', {
            categoryId: category.id,
            taxClassId: tax.id,
            photoUrl: 'https://img.example.test/croissant.png',
            status: 'archived',
            trackStock: false,
            allowNegativeStock: true,
            modifierGroupIds: [group.id],
          }),
        );
        expect(created).toMatchObject({
          categoryId: category.id,
          taxClassId: tax.id,
          photoUrl: 'https://img.example.test/croissant.png',
          status: 'archived',
          trackStock: false,
          allowNegativeStock: true,
          modifierGroupIds: [group.id],
        });
        expect(await repo.getProduct(t, created.id)).toEqual(created);
      });

      it('assigns new variant ids on create, ignoring ids in the input', async () => {
        // Stock and orders refer to variant ids: a client must not pick (or reuse) one.
        const given = crypto.randomUUID();
        const created = await repo.createProduct(t, productInput('Muffin', 'MUF-1', { variants: [{ id: given, sku: 'MUF-1', price: 300 }] }));
        expect(created.variants[0]!.id).toMatch(UUID);
        expect(created.variants[0]!.id).not.toBe(given);
      });

      it('returns null for a product that does not exist', async () => {
        expect(await repo.getProduct(t, crypto.randomUUID())).toBeNull();
      });
    });

    describe('update', () => {
      let t: string;
      beforeAll(async () => {
        t = await newTenant();
      });

      it('keeps matching variant ids, swaps SKUs and barcodes between variants, adds and removes variants', async () => {
        const created = await repo.createProduct(
          t,
          productInput('Tee', 'UP-A', {
            variants: [
              { name: 'Red', sku: 'UP-A', barcodes: ['11110001'], price: 1000 },
              { name: 'Blue', sku: 'UP-B', barcodes: ['11110002'], price: 1100 },
              { name: 'Green', sku: 'UP-C', price: 1200 },
            ],
          }),
        );
        const [red, blue, green] = created.variants as [Product['variants'][0], Product['variants'][0], Product['variants'][0]];

        const updated = await repo.updateProduct(
          t,
          created.id,
          productInput('Tee Shirt', 'UP-B', {
            description: 'Cotton',
            variants: [
              { id: blue.id, name: 'Blue', sku: 'UP-A', barcodes: ['11110001'], price: 1150 },
              { id: red.id, name: 'Red', sku: 'UP-B', barcodes: ['11110002'], price: 1050 },
              { name: 'Black', sku: 'UP-D', barcodes: ['11110003'], price: 1300 },
            ],
          }),
        );

        expect(updated).not.toBeNull();
        expect(updated!.id).toBe(created.id);
        expect(updated!.name).toBe('Tee Shirt');
        expect(updated!.description).toBe('Cotton');
        expect(updated!.variants).toEqual([
          { id: blue.id, name: 'Blue', sku: 'UP-A', barcodes: ['11110001'], price: 1150, cost: null },
          { id: red.id, name: 'Red', sku: 'UP-B', barcodes: ['11110002'], price: 1050, cost: null },
          { id: expect.stringMatching(UUID), name: 'Black', sku: 'UP-D', barcodes: ['11110003'], price: 1300, cost: null },
        ]);
        const black = updated!.variants[2]!;
        expect([red.id, blue.id, green.id]).not.toContain(black.id);
        expect(updated!.createdAt.getTime()).toBe(created.createdAt.getTime());
        expect(updated!.updatedAt).toBeInstanceOf(Date);
        expect(await repo.getProduct(t, created.id)).toEqual(updated);

        // The removed variant is gone everywhere.
        expect(await repo.findVariantBySku(t, 'UP-C')).toBeNull();
        expect(await repo.getVariants(t, [green.id])).toEqual([]);
        // Lookups follow the swap.
        expect((await repo.findVariantBySku(t, 'UP-A'))?.variantId).toBe(blue.id);
        expect((await repo.findVariantBySku(t, 'UP-B'))?.variantId).toBe(red.id);
        expect((await repo.findVariantByBarcode(t, '11110002'))?.variantId).toBe(red.id);
        expect((await repo.findVariantByBarcode(t, '11110003'))?.variantId).toBe(black.id);
      });

      it("gives a new id to a variant that names another product's variant", async () => {
        const first = await repo.createProduct(t, productInput('First', 'UP-F1'));
        const second = await repo.createProduct(t, productInput('Second', 'UP-S1'));
        const updated = await repo.updateProduct(
          t,
          second.id,
          productInput('Second', 'UP-S1', { variants: [{ id: first.variants[0]!.id, sku: 'UP-S1', price: 10 }] }),
        );
        expect(updated!.variants[0]!.id).toMatch(UUID);
        expect(updated!.variants[0]!.id).not.toBe(first.variants[0]!.id);
        expect(updated!.variants[0]!.id).not.toBe(second.variants[0]!.id);
        expect(await repo.getProduct(t, first.id)).toEqual(first);
      });

      it('returns null for a product that does not exist', async () => {
        expect(await repo.updateProduct(t, crypto.randomUUID(), productInput('Ghost', 'UP-GHOST'))).toBeNull();
        expect(await repo.findVariantBySku(t, 'UP-GHOST')).toBeNull();
      });
    });

    describe('listProducts', () => {
      let t: string;
      let categoryId: string;

      beforeAll(async () => {
        t = await newTenant();
        categoryId = (await repo.categories.create(t, categoryInputSchema.parse({ name: 'Sweet' }))).id;
        // Created out of order on purpose.
        await repo.createProduct(t, productInput('Espresso', 'ESP-1', { variants: [{ sku: 'ESP-1', barcodes: ['22223333'], price: 200 }] }));
        await repo.createProduct(t, productInput('Cherry Pie', 'CHE-1', { categoryId }));
        await repo.createProduct(
          t,
          productInput('Apple Juice', 'APL-1', { categoryId, variants: [{ sku: 'APL-1', barcodes: ['11112222'], price: 300 }] }),
        );
        await repo.createProduct(t, productInput('Dark Roast', 'DRK-1', { status: 'archived', categoryId }));
        await repo.createProduct(t, productInput('Banana Bread', 'BAN-1'));
      });

      it('lists active products ordered by name, with the total', async () => {
        const page = await repo.listProducts(t, query());
        expect(names(page.data)).toEqual(['Apple Juice', 'Banana Bread', 'Cherry Pie', 'Espresso']);
        expect(page).toMatchObject({ total: 4, skip: 0, limit: 50 });
        for (const p of page.data) expect(Object.keys(p).sort()).toEqual(PRODUCT_KEYS);
      });

      it('filters by status: archived, or all', async () => {
        expect(await activeNames(t, { status: 'archived' })).toEqual(['Dark Roast']);
        const all = await repo.listProducts(t, query({ status: 'all' }));
        expect(names(all.data)).toEqual(['Apple Juice', 'Banana Bread', 'Cherry Pie', 'Dark Roast', 'Espresso']);
        expect(all.total).toBe(5);
      });

      it('filters by category', async () => {
        expect(await activeNames(t, { categoryId })).toEqual(['Apple Juice', 'Cherry Pie']);
        expect(await activeNames(t, { categoryId, status: 'all' })).toEqual(['Apple Juice', 'Cherry Pie', 'Dark Roast']);
        expect(await activeNames(t, { categoryId: crypto.randomUUID() })).toEqual([]);
      });

      it('searches names case-insensitively by any part', async () => {
        expect(await activeNames(t, { search: 'JUICE' })).toEqual(['Apple Juice']);
        expect(await activeNames(t, { search: 'read' })).toEqual(['Banana Bread']);
        expect(await activeNames(t, { search: 'e' })).toEqual(['Apple Juice', 'Banana Bread', 'Cherry Pie', 'Espresso']);
        expect(await activeNames(t, { search: 'roast', status: 'all' })).toEqual(['Dark Roast']);
        expect(await activeNames(t, { search: 'roast' })).toEqual([]);
      });

      it('searches the alternate name (another script) like the name, and keeps it', async () => {
        const own = await newTenant();
        await repo.createProduct(own, productInput('Mohinga', 'NDL-1', { altName: 'မုန့်ဟင်းခါး' }));
        await repo.createProduct(own, productInput('Shan noodles', 'NDL-2'));
        expect(await activeNames(own, { search: 'မုန့်ဟင်း' })).toEqual(['Mohinga']);
        expect(await activeNames(own, { search: 'ohing' })).toEqual(['Mohinga']);
        // Another business's catalog never answers.
        expect(await activeNames(t, { search: 'မုန့်ဟင်း' })).toEqual([]);
        const [mohinga] = (await repo.listProducts(own, query({ search: 'Mohinga' }))).data;
        expect(mohinga?.altName).toBe('မုန့်ဟင်းခါး');
      });

      it('searches SKUs by case-insensitive prefix only', async () => {
        expect(await activeNames(t, { search: 'APL' })).toEqual(['Apple Juice']);
        expect(await activeNames(t, { search: 'che-' })).toEqual(['Cherry Pie']);
        expect(await activeNames(t, { search: 'apl-1' })).toEqual(['Apple Juice']);
        expect(await activeNames(t, { search: 'PL-1' })).toEqual([]);
      });

      it('finds a product by its exact barcode, not by part of one', async () => {
        expect(await activeNames(t, { search: '22223333' })).toEqual(['Espresso']);
        expect(await activeNames(t, { search: '11112222' })).toEqual(['Apple Juice']);
        expect(await activeNames(t, { search: '2222' })).toEqual([]);
      });

      it('pages with skip and limit; total counts every match', async () => {
        const first = await repo.listProducts(t, query({ limit: 2 }));
        expect(names(first.data)).toEqual(['Apple Juice', 'Banana Bread']);
        expect(first).toMatchObject({ total: 4, skip: 0, limit: 2 });
        const second = await repo.listProducts(t, query({ skip: 2, limit: 2 }));
        expect(names(second.data)).toEqual(['Cherry Pie', 'Espresso']);
        expect(second).toMatchObject({ total: 4, skip: 2, limit: 2 });
        const beyond = await repo.listProducts(t, query({ skip: 4, limit: 2 }));
        expect(beyond).toMatchObject({ data: [], total: 4, skip: 4, limit: 2 });
        const searched = await repo.listProducts(t, query({ search: 'e', skip: 1, limit: 2 }));
        expect(names(searched.data)).toEqual(['Banana Bread', 'Cherry Pie']);
        expect(searched.total).toBe(4);
      });

      it('orders products of the same name by id, in lists and in allProducts', async () => {
        const own = await newTenant();
        const made = [
          await repo.createProduct(own, productInput('Same Name', 'SAME-1')),
          await repo.createProduct(own, productInput('Same Name', 'SAME-2')),
          await repo.createProduct(own, productInput('Same Name', 'SAME-3')),
          await repo.createProduct(own, productInput('Another', 'SAME-4')),
        ];
        const sameIds = made.slice(0, 3).map((p) => p.id).sort();
        const expected = [made[3]!.id, ...sameIds];
        expect((await repo.listProducts(own, query())).data.map((p) => p.id)).toEqual(expected);
        const all = await repo.allProducts(own);
        expect(all.map((p) => p.id)).toEqual(expected);
        expect(all[0]).toEqual(made[3]);
      });

      it('allProducts returns every product of the tenant, archived ones included', async () => {
        expect(names(await repo.allProducts(t))).toEqual(['Apple Juice', 'Banana Bread', 'Cherry Pie', 'Dark Roast', 'Espresso']);
      });

      it('activeProducts returns every active product, as the first page of the active list has them, variants and barcodes included', async () => {
        const active = await repo.activeProducts(t);
        expect(names(active)).toEqual(['Apple Juice', 'Banana Bread', 'Cherry Pie', 'Espresso']);
        expect(active).toEqual((await repo.listProducts(t, query())).data);
        expect(active.find((p) => p.name === 'Espresso')!.variants[0]!.barcodes).toContain('22223333');
        // Another business's products never answer.
        expect(await repo.activeProducts(await newTenant())).toEqual([]);
      });
    });

    describe('uniqueness of SKUs and barcodes', () => {
      let t: string;
      let original: Product;

      beforeAll(async () => {
        t = await newTenant();
        original = await repo.createProduct(t, productInput('Original', 'UNI-1', { variants: [{ sku: 'UNI-1', barcodes: ['77770001'], price: 100 }] }));
      });

      it('rejects the same SKU in another product, naming it, and writes nothing', async () => {
        const err = await expectAppError(repo.createProduct(t, productInput('Copy', 'UNI-1')), 'conflict');
        expect(err.message).toContain('UNI-1');
        expect(err.details).toEqual(expect.arrayContaining([expect.objectContaining({ path: 'sku', value: 'UNI-1' })]));
        expect(await activeNames(t)).toEqual(['Original']);
      });

      it('rejects the same barcode in another product, naming it', async () => {
        const err = await expectAppError(
          repo.createProduct(t, productInput('Copy', 'UNI-2', { variants: [{ sku: 'UNI-2', barcodes: ['77770001'], price: 100 }] })),
          'conflict',
        );
        expect(err.details).toEqual(expect.arrayContaining([expect.objectContaining({ path: 'barcode', value: '77770001' })]));
        expect(await repo.findVariantBySku(t, 'UNI-2')).toBeNull();
      });

      it("rejects an update that takes another product's SKU or barcode", async () => {
        const other = await repo.createProduct(t, productInput('Other', 'UNI-3'));
        const bySku = await expectAppError(repo.updateProduct(t, other.id, productInput('Other', 'UNI-1')), 'conflict');
        expect(bySku.details).toEqual(expect.arrayContaining([expect.objectContaining({ path: 'sku', value: 'UNI-1' })]));
        await expectAppError(
          repo.updateProduct(t, other.id, productInput('Other', 'UNI-3', { variants: [{ sku: 'UNI-3', barcodes: ['77770001'], price: 1 }] })),
          'conflict',
        );
        expect(await repo.getProduct(t, other.id)).toEqual(other);
        expect(await repo.getProduct(t, original.id)).toEqual(original);
      });

      it('lets a product keep its own SKUs and barcodes on update', async () => {
        const updated = await repo.updateProduct(
          t,
          original.id,
          productInput('Original', 'UNI-1', { variants: [{ id: original.variants[0]!.id, sku: 'UNI-1', barcodes: ['77770001'], price: 120 }] }),
        );
        expect(updated!.variants).toEqual([{ ...original.variants[0]!, price: 120 }]);
        original = updated!;
      });

      it('allows the same SKU and barcode in another tenant', async () => {
        const other = await newTenant();
        const copy = await repo.createProduct(other, productInput('Copy', 'UNI-1', { variants: [{ sku: 'UNI-1', barcodes: ['77770001'], price: 100 }] }));
        expect((await repo.findVariantBySku(other, 'UNI-1'))?.productId).toBe(copy.id);
        expect((await repo.findVariantBySku(t, 'UNI-1'))?.productId).toBe(original.id);
        expect((await repo.findVariantByBarcode(other, '77770001'))?.productId).toBe(copy.id);
        expect((await repo.findVariantByBarcode(t, '77770001'))?.productId).toBe(original.id);
      });
    });

    describe('tenant isolation', () => {
      let a: string;
      let b: string;
      let product: Product;
      let ids: { category: string; tax: string; group: string; discount: string };

      beforeAll(async () => {
        a = await newTenant();
        b = await newTenant();
        ids = {
          category: (await repo.categories.create(a, categoryInputSchema.parse({ name: 'Secret' }))).id,
          tax: (await repo.taxClasses.create(a, taxClassInputSchema.parse({ name: 'Secret', rateBasisPoints: 700 }))).id,
          group: (await repo.modifierGroups.create(a, modifierGroupInputSchema.parse({ name: 'Secret', options: [{ name: 'Yes' }] }))).id,
          discount: (await repo.savedDiscounts.create(a, savedDiscountInputSchema.parse({ name: 'Secret', kind: 'percent', basisPoints: 9000 }))).id,
        };
        product = await repo.createProduct(
          a,
          productInput('Secret Sauce', 'ISO-1', {
            categoryId: ids.category,
            taxClassId: ids.tax,
            modifierGroupIds: [ids.group],
            variants: [{ sku: 'ISO-1', barcodes: ['88880001'], price: 500 }],
          }),
        );
      });

      it("does not show tenant A's products to tenant B", async () => {
        expect(await repo.getProduct(b, product.id)).toBeNull();
        expect(await repo.getProducts(b, [product.id])).toEqual([]);
        expect(await repo.getProducts(a, [product.id, crypto.randomUUID()])).toEqual([product]);
        expect(await repo.findVariantBySku(b, 'ISO-1')).toBeNull();
        expect(await repo.findVariantByBarcode(b, '88880001')).toBeNull();
        expect(await repo.getVariants(b, [product.variants[0]!.id])).toEqual([]);
        expect(await repo.listProducts(b, query({ status: 'all' }))).toMatchObject({ data: [], total: 0 });
        expect(await repo.listProducts(b, query({ search: 'ISO-1' }))).toMatchObject({ data: [], total: 0 });
        expect(await repo.listProducts(b, query({ search: '88880001' }))).toMatchObject({ data: [], total: 0 });
        expect(await repo.listProducts(b, query({ categoryId: ids.category }))).toMatchObject({ data: [], total: 0 });
        expect(await repo.allProducts(b)).toEqual([]);
      });

      it("does not let tenant B update tenant A's product", async () => {
        expect(await repo.updateProduct(b, product.id, productInput('Stolen', 'ISO-1'))).toBeNull();
        expect(await repo.getProduct(a, product.id)).toEqual(product);
        expect(await repo.findVariantBySku(b, 'ISO-1')).toBeNull();
      });

      it("does not show, change or delete tenant A's reference data for tenant B", async () => {
        expect(await repo.categories.list(b)).toEqual([]);
        expect(await repo.taxClasses.list(b)).toEqual([]);
        expect(await repo.modifierGroups.list(b)).toEqual([]);
        expect(await repo.categories.get(b, ids.category)).toBeNull();
        expect(await repo.taxClasses.get(b, ids.tax)).toBeNull();
        expect(await repo.modifierGroups.get(b, ids.group)).toBeNull();

        expect(await repo.categories.update(b, ids.category, categoryInputSchema.parse({ name: 'Hacked' }))).toBeNull();
        expect(await repo.taxClasses.update(b, ids.tax, taxClassInputSchema.parse({ name: 'Hacked', rateBasisPoints: 0 }))).toBeNull();
        expect(
          await repo.modifierGroups.update(b, ids.group, modifierGroupInputSchema.parse({ name: 'Hacked', options: [{ name: 'No' }] })),
        ).toBeNull();

        expect(await repo.categories.delete(b, ids.category)).toBe(false);
        expect(await repo.taxClasses.delete(b, ids.tax)).toBe(false);
        expect(await repo.modifierGroups.delete(b, ids.group)).toBe(false);
        expect(await repo.savedDiscounts.list(b)).toEqual([]);
        expect(await repo.savedDiscounts.get(b, ids.discount)).toBeNull();
        expect(await repo.savedDiscounts.patch(b, ids.discount, (d) => ({ ...d, basisPoints: 10_000 }))).toBeNull();
        expect(await repo.savedDiscounts.delete(b, ids.discount)).toBe(false);
        expect((await repo.savedDiscounts.get(a, ids.discount))?.basisPoints).toBe(9000);

        expect((await repo.categories.get(a, ids.category))?.name).toBe('Secret');
        expect((await repo.taxClasses.get(a, ids.tax))?.name).toBe('Secret');
        expect((await repo.modifierGroups.get(a, ids.group))?.name).toBe('Secret');
        // B's deletes must not have unlinked A's product either.
        expect(await repo.getProduct(a, product.id)).toEqual(product);
      });
    });

    describe('injection attempts', () => {
      let t: string;

      beforeAll(async () => {
        t = await newTenant();
        const made: [string, string][] = [
          ['Plain Tea', 'PT-1'],
          ['Odd .* Name', 'ODD-1'],
          ['Caret ^ Bar', 'CAR-1'],
          ['50% Off', 'PCT-1'],
          ['Under_score', 'UND-1'],
          ['Back\\slash', 'BSL-1'],
          ['{"$ne":null} Brand', 'JSN-1'],
          ['Dotted', 'A.B-1'],
          ['Lettered', 'AXB-1'],
        ];
        for (const [name, sku] of made) await repo.createProduct(t, productInput(name, sku));
      });

      it('rejects attribute names that are operators or paths in the schema', () => {
        for (const key of ['$where', 'a.b', '$ne', '__proto__.x']) {
          expect(() => productInputSchema.parse({ name: 'X', variants: [{ sku: 'X-1', price: 1 }], attributes: { [key]: 'x' } })).toThrow(ZodError);
        }
      });

      it('matches search text literally', async () => {
        expect(await activeNames(t, { search: '.*' })).toEqual(['Odd .* Name']);
        expect(await activeNames(t, { search: '^' })).toEqual(['Caret ^ Bar']);
        expect(await activeNames(t, { search: '%' })).toEqual(['50% Off']);
        expect(await activeNames(t, { search: '_' })).toEqual(['Under_score']);
        expect(await activeNames(t, { search: '\\' })).toEqual(['Back\\slash']);
        expect(await activeNames(t, { search: '{"$ne":null}' })).toEqual(['{"$ne":null} Brand']);
        expect(await activeNames(t, { search: '$' })).toEqual(['{"$ne":null} Brand']);
        expect(await activeNames(t, { search: '[a-z]' })).toEqual([]);
        expect(await activeNames(t, { search: '(' })).toEqual([]);
        expect(await activeNames(t, { search: '.+' })).toEqual([]);
        // SKU prefixes are literal too: "A." is not "A" followed by any character.
        expect(await activeNames(t, { search: 'A.' })).toEqual(['Dotted']);
        expect(await activeNames(t, { search: 'A_B' })).toEqual([]);
      });

      it('looks SKUs and barcodes up literally', async () => {
        for (const code of ['{"$ne":""}', '{"$ne":null}', '.*', '%', '_', '^PT']) {
          expect(await repo.findVariantBySku(t, code)).toBeNull();
          expect(await repo.findVariantByBarcode(t, code)).toBeNull();
        }
        expect((await repo.findVariantBySku(t, 'A.B-1'))?.productName).toBe('Dotted');
      });

      it('rejects, or finds nothing for, operator objects passed where text is expected', async () => {
        const operator = { $ne: '' } as unknown as string;
        const outcome = async <T>(run: () => Promise<T>) => run().then((value) => ({ value }), (error: unknown) => ({ error }));

        const lookups: (() => Promise<unknown>)[] = [
          () => repo.findVariantBySku(t, operator),
          () => repo.findVariantByBarcode(t, operator),
          () => repo.getProduct(t, operator),
        ];
        for (const call of lookups) {
          const result = await outcome(call);
          if ('value' in result) expect(result.value).toBeNull();
        }
        const listed = await outcome(() => repo.listProducts(t, { ...query(), search: { $regex: '.*' } as unknown as string }));
        if ('value' in listed) expect(listed.value.total).toBe(0);
        const variants = await outcome(() => repo.getVariants(t, [operator]));
        if ('value' in variants) expect(variants.value).toEqual([]);
      });

      it('rejects, or stores as plain text, operator-like attribute names that bypass the schema', async () => {
        const raw = { ...productInput('Bypass', 'BYP-1'), attributes: { $where: 'sleep(100)', 'a.b': 1 } };
        const result = await repo.createProduct(t, raw).then(
          (value) => ({ value }),
          (error: unknown) => ({ error }),
        );
        if ('error' in result) {
          expect(result.error).toBeInstanceOf(AppError);
          expect((result.error as AppError).code).toBe('bad_request');
          expect(await repo.findVariantBySku(t, 'BYP-1')).toBeNull();
        } else {
          expect((await repo.getProduct(t, result.value.id))?.attributes).toEqual({ $where: 'sleep(100)', 'a.b': 1 });
        }
      });
    });

    describe('reference data', () => {
      let t: string;
      beforeAll(async () => {
        t = await newTenant();
      });

      it('creates, gets, lists, updates and deletes categories', async () => {
        const drinks = await repo.categories.create(t, categoryInputSchema.parse({ name: 'Drinks' }));
        expect(drinks).toEqual({ id: expect.stringMatching(UUID), name: 'Drinks', position: 0, color: null, tracksStock: null });
        expect(Object.keys(drinks).sort()).toEqual(['color', 'id', 'name', 'position', 'tracksStock']);
        expect(await repo.categories.get(t, drinks.id)).toEqual(drinks);

        await repo.categories.create(t, categoryInputSchema.parse({ name: 'Zeta', position: 1 }));
        await repo.categories.create(t, categoryInputSchema.parse({ name: 'Alpha', position: 2, color: '#1f9d5c' }));
        await repo.categories.create(t, categoryInputSchema.parse({ name: 'Beta', position: 1 }));
        expect((await repo.categories.list(t)).map((c) => c.name)).toEqual(['Drinks', 'Beta', 'Zeta', 'Alpha']);

        const updated = await repo.categories.update(t, drinks.id, categoryInputSchema.parse({ name: 'Cold Drinks', position: 5, color: '#000000' }));
        expect(updated).toEqual({ id: drinks.id, name: 'Cold Drinks', position: 5, color: '#000000', tracksStock: null });
        expect(await repo.categories.get(t, drinks.id)).toEqual(updated);
        expect(await repo.categories.update(t, crypto.randomUUID(), categoryInputSchema.parse({ name: 'Nobody' }))).toBeNull();

        expect(await repo.categories.delete(t, drinks.id)).toBe(true);
        expect(await repo.categories.get(t, drinks.id)).toBeNull();
        expect(await repo.categories.delete(t, drinks.id)).toBe(false);
        expect((await repo.categories.list(t)).map((c) => c.name)).toEqual(['Beta', 'Zeta', 'Alpha']);
      });

      it("keeps whether a category's new products track stock: yes, no, or the store's default", async () => {
        const made = await repo.categories.create(t, categoryInputSchema.parse({ name: 'Made to order', tracksStock: false }));
        const packaged = await repo.categories.create(t, categoryInputSchema.parse({ name: 'Packaged', tracksStock: true }));
        expect(made.tracksStock).toBe(false);
        expect(packaged.tracksStock).toBe(true);
        expect(await repo.categories.get(t, made.id)).toEqual(made);
        expect((await repo.categories.list(t)).filter((c) => c.id === made.id || c.id === packaged.id).map((c) => c.tracksStock).sort()).toEqual([false, true]);

        // Back to the store's default, and a PATCH that does not name the field keeps it.
        expect(await repo.categories.update(t, packaged.id, categoryInputSchema.parse({ name: 'Packaged', tracksStock: null }))).toMatchObject({ tracksStock: null });
        const patched = await repo.categories.patch(t, made.id, (current) => categoryInputSchema.parse({ ...current, position: 3 }));
        expect(patched).toMatchObject({ position: 3, tracksStock: false });
        expect((await repo.categories.page(t, { skip: 0, limit: 200 })).data.find((c) => c.id === made.id)?.tracksStock).toBe(false);
        expect(() => categoryInputSchema.parse({ name: 'Bad', tracksStock: 'sometimes' })).toThrow();
        await repo.categories.delete(t, made.id);
        await repo.categories.delete(t, packaged.id);
      });

      it('creates, gets, lists, updates and deletes tax classes', async () => {
        const standard = await repo.taxClasses.create(t, taxClassInputSchema.parse({ name: 'Standard', rateBasisPoints: 2000 }));
        expect(standard).toEqual({ id: expect.stringMatching(UUID), name: 'Standard', rateBasisPoints: 2000 });
        expect(Object.keys(standard).sort()).toEqual(['id', 'name', 'rateBasisPoints']);
        await repo.taxClasses.create(t, taxClassInputSchema.parse({ name: 'Exempt', rateBasisPoints: 0 }));
        expect((await repo.taxClasses.list(t)).map((c) => c.name)).toEqual(['Exempt', 'Standard']);

        const updated = await repo.taxClasses.update(t, standard.id, taxClassInputSchema.parse({ name: 'Standard', rateBasisPoints: 1900 }));
        expect(updated).toEqual({ ...standard, rateBasisPoints: 1900 });
        expect(await repo.taxClasses.get(t, standard.id)).toEqual(updated);
        expect(await repo.taxClasses.update(t, crypto.randomUUID(), taxClassInputSchema.parse({ name: 'X', rateBasisPoints: 1 }))).toBeNull();

        expect(await repo.taxClasses.delete(t, standard.id)).toBe(true);
        expect(await repo.taxClasses.get(t, standard.id)).toBeNull();
        expect(await repo.taxClasses.delete(t, standard.id)).toBe(false);
      });

      it('creates, gets, lists, updates and deletes saved discounts, each with exactly one value', async () => {
        const staff = await repo.savedDiscounts.create(t, savedDiscountInputSchema.parse({ name: 'Staff meal', kind: 'percent', basisPoints: 5000 }));
        expect(staff).toEqual({ id: expect.stringMatching(UUID), name: 'Staff meal', kind: 'percent', basisPoints: 5000, amount: null, appliesTo: 'any', needsApproval: false });
        const happy = await repo.savedDiscounts.create(
          t,
          savedDiscountInputSchema.parse({ name: 'Happy hour', kind: 'amount', amount: 1000, appliesTo: 'line', needsApproval: true }),
        );
        expect((await repo.savedDiscounts.list(t)).map((d) => d.name)).toEqual(['Happy hour', 'Staff meal']);
        const changed = await repo.savedDiscounts.patch(t, happy.id, (current) => savedDiscountInputSchema.parse({ ...current, kind: 'percent', basisPoints: 1500, amount: null }));
        expect(changed).toEqual({ ...happy, kind: 'percent', basisPoints: 1500, amount: null });
        expect(await repo.savedDiscounts.get(t, happy.id)).toEqual(changed);
        expect(() => savedDiscountInputSchema.parse({ name: 'Both', kind: 'percent', basisPoints: 100, amount: 5 })).toThrow(ZodError);
        expect(() => savedDiscountInputSchema.parse({ name: 'None', kind: 'amount' })).toThrow(ZodError);
        expect(await repo.savedDiscounts.delete(t, staff.id)).toBe(true);
        expect(await repo.savedDiscounts.get(t, staff.id)).toBeNull();
        await repo.savedDiscounts.delete(t, happy.id);
      });

      it('creates, gets, lists, updates and deletes modifier groups, giving options stable ids', async () => {
        const milk = await repo.modifierGroups.create(
          t,
          modifierGroupInputSchema.parse({ name: 'Milk', options: [{ name: 'Oat', priceDelta: 50 }, { name: 'Whole' }] }),
        );
        expect(milk).toEqual({
          id: expect.stringMatching(UUID),
          name: 'Milk',
          minSelect: 0,
          maxSelect: 1,
          options: [
            { id: expect.stringMatching(UUID), name: 'Oat', priceDelta: 50 },
            { id: expect.stringMatching(UUID), name: 'Whole', priceDelta: 0 },
          ],
        });
        expect(Object.keys(milk).sort()).toEqual(['id', 'maxSelect', 'minSelect', 'name', 'options']);
        expect(await repo.modifierGroups.get(t, milk.id)).toEqual(milk);
        await repo.modifierGroups.create(t, modifierGroupInputSchema.parse({ name: 'Extras', maxSelect: 3, options: [{ name: 'Shot', priceDelta: 80 }] }));
        expect((await repo.modifierGroups.list(t)).map((g) => g.name)).toEqual(['Extras', 'Milk']);

        const oat = milk.options[0]!;
        const updated = await repo.modifierGroups.update(
          t,
          milk.id,
          modifierGroupInputSchema.parse({ name: 'Milk', minSelect: 1, maxSelect: 1, options: [{ id: oat.id, name: 'Oat', priceDelta: 60 }, { name: 'Soy' }] }),
        );
        expect(updated).toEqual({
          id: milk.id,
          name: 'Milk',
          minSelect: 1,
          maxSelect: 1,
          options: [
            { id: oat.id, name: 'Oat', priceDelta: 60 },
            { id: expect.stringMatching(UUID), name: 'Soy', priceDelta: 0 },
          ],
        });
        expect(updated!.options[1]!.id).not.toBe(milk.options[1]!.id);
        expect(await repo.modifierGroups.get(t, milk.id)).toEqual(updated);
        expect(
          await repo.modifierGroups.update(t, crypto.randomUUID(), modifierGroupInputSchema.parse({ name: 'X', options: [{ name: 'Y' }] })),
        ).toBeNull();

        expect(await repo.modifierGroups.delete(t, milk.id)).toBe(true);
        expect(await repo.modifierGroups.get(t, milk.id)).toBeNull();
        expect(await repo.modifierGroups.delete(t, milk.id)).toBe(false);
      });

      it('pages each kind in list order, with the total of the tenant', async () => {
        const u = await newTenant();
        for (const [position, name] of ['E', 'D', 'C', 'B', 'A'].entries()) await repo.categories.create(u, categoryInputSchema.parse({ name, position }));
        const listed = (await repo.categories.list(u)).map((c) => c.name);
        const page = async (skip: number, limit: number) => {
          const p = await repo.categories.page(u, { skip, limit });
          return { names: p.data.map((c) => c.name), total: p.total, skip: p.skip, limit: p.limit };
        };
        expect(await page(0, 2)).toEqual({ names: listed.slice(0, 2), total: 5, skip: 0, limit: 2 });
        expect(await page(2, 2)).toEqual({ names: listed.slice(2, 4), total: 5, skip: 2, limit: 2 });
        expect(await page(4, 50)).toEqual({ names: listed.slice(4), total: 5, skip: 4, limit: 50 });
        expect(await page(9, 2)).toEqual({ names: [], total: 5, skip: 9, limit: 2 });
        const first = (await repo.categories.page(u, { skip: 0, limit: 1 })).data[0];
        expect(first).toEqual((await repo.categories.list(u))[0]);

        await repo.taxClasses.create(u, taxClassInputSchema.parse({ name: 'Zero', rateBasisPoints: 0 }));
        await repo.taxClasses.create(u, taxClassInputSchema.parse({ name: 'Full', rateBasisPoints: 2000 }));
        expect(await repo.taxClasses.page(u, { skip: 1, limit: 1 })).toMatchObject({ data: [{ name: 'Zero' }], total: 2 });
        await repo.modifierGroups.create(u, modifierGroupInputSchema.parse({ name: 'Size', options: [{ name: 'L' }] }));
        expect(await repo.modifierGroups.page(u, { skip: 0, limit: 5 })).toMatchObject({ data: [{ name: 'Size', options: [{ name: 'L' }] }], total: 1 });

        const other = await newTenant();
        expect(await repo.categories.page(other, { skip: 0, limit: 50 })).toEqual({ data: [], total: 0, skip: 0, limit: 50 });
      });

      it('patches in one step: reads, merges, writes; nothing when the item is missing or the merge throws', async () => {
        const u = await newTenant();
        const cat = await repo.categories.create(u, categoryInputSchema.parse({ name: 'Patched', position: 1 }));
        const patched = await repo.categories.patch(u, cat.id, (current) => {
          expect(current).toEqual(cat);
          return categoryInputSchema.parse({ ...current, color: '#123456' });
        });
        expect(patched).toEqual({ ...cat, color: '#123456' });
        expect(await repo.categories.get(u, cat.id)).toEqual(patched);

        let called = false;
        const merge = () => {
          called = true;
          return categoryInputSchema.parse({ name: 'Never' });
        };
        expect(await repo.categories.patch(u, crypto.randomUUID(), merge)).toBeNull();
        expect(await repo.categories.patch(await newTenant(), cat.id, merge)).toBeNull();
        expect(called).toBe(false);

        const invalid = await rejection(repo.categories.patch(u, cat.id, (current) => categoryInputSchema.parse({ ...current, color: 'red' })));
        expect(invalid).toBeInstanceOf(ZodError);
        await repo.categories.create(u, categoryInputSchema.parse({ name: 'Taken' }));
        const dup = await expectAppError(repo.categories.patch(u, cat.id, (current) => ({ ...current, name: 'Taken' })), 'conflict');
        expect(dup.message).toBe('A category with this name already exists');
        expect(await repo.categories.get(u, cat.id)).toEqual(patched);

        const tax = await repo.taxClasses.create(u, taxClassInputSchema.parse({ name: 'Tax', rateBasisPoints: 100 }));
        expect(await repo.taxClasses.patch(u, tax.id, (current) => ({ ...current, rateBasisPoints: 150 }))).toEqual({ ...tax, rateBasisPoints: 150 });
        const group = await repo.modifierGroups.create(u, modifierGroupInputSchema.parse({ name: 'Milk', options: [{ name: 'Oat' }] }));
        const regrouped = await repo.modifierGroups.patch(u, group.id, (current) =>
          modifierGroupInputSchema.parse({ ...current, options: [...current.options, { name: 'Soy' }] }),
        );
        expect(regrouped?.options).toEqual([group.options[0], { id: expect.stringMatching(UUID), name: 'Soy', priceDelta: 0 }]);
      });

      it('loses no change when patches of one item run at the same time', async () => {
        const u = await newTenant();
        const cat = await repo.categories.create(u, categoryInputSchema.parse({ name: 'Counter', position: 0 }));
        const bump = () => repo.categories.patch(u, cat.id, (current) => categoryInputSchema.parse({ ...current, position: current.position + 1 }));
        await Promise.all([bump(), bump(), bump()]);
        expect((await repo.categories.get(u, cat.id))?.position).toBe(3);
      });

      it('rejects a duplicate name with a conflict naming the field, on create and on update', async () => {
        const details = [{ path: 'name', message: 'Already in use' }];
        const dup = async (run: () => Promise<unknown>, what: string) => {
          const err = await expectAppError(run(), 'conflict');
          expect(err.message).toBe(`A ${what} with this name already exists`);
          expect(err.details).toEqual(details);
        };

        await repo.categories.create(t, categoryInputSchema.parse({ name: 'Unique Cat' }));
        const otherCat = await repo.categories.create(t, categoryInputSchema.parse({ name: 'Other Cat' }));
        await dup(() => repo.categories.create(t, categoryInputSchema.parse({ name: 'Unique Cat' })), 'category');
        await dup(() => repo.categories.update(t, otherCat.id, categoryInputSchema.parse({ name: 'Unique Cat' })), 'category');

        await repo.taxClasses.create(t, taxClassInputSchema.parse({ name: 'Unique Tax', rateBasisPoints: 1 }));
        const otherTax = await repo.taxClasses.create(t, taxClassInputSchema.parse({ name: 'Other Tax', rateBasisPoints: 1 }));
        await dup(() => repo.taxClasses.create(t, taxClassInputSchema.parse({ name: 'Unique Tax', rateBasisPoints: 2 })), 'tax class');
        await dup(() => repo.taxClasses.update(t, otherTax.id, taxClassInputSchema.parse({ name: 'Unique Tax', rateBasisPoints: 2 })), 'tax class');

        const group = (name: string) => modifierGroupInputSchema.parse({ name, options: [{ name: 'A' }] });
        await repo.modifierGroups.create(t, group('Unique Group'));
        const otherGroup = await repo.modifierGroups.create(t, group('Other Group'));
        await dup(() => repo.modifierGroups.create(t, group('Unique Group')), 'modifier group');
        await dup(() => repo.modifierGroups.update(t, otherGroup.id, group('Unique Group')), 'modifier group');

        // Nothing changed, and another tenant may use the same names.
        expect((await repo.categories.get(t, otherCat.id))?.name).toBe('Other Cat');
        const other = await newTenant();
        await repo.categories.create(other, categoryInputSchema.parse({ name: 'Unique Cat' }));
        await repo.taxClasses.create(other, taxClassInputSchema.parse({ name: 'Unique Tax', rateBasisPoints: 1 }));
        await repo.modifierGroups.create(other, group('Unique Group'));
      });

      it("deleting a category or tax class clears it from products, and only it", async () => {
        const c1 = await repo.categories.create(t, categoryInputSchema.parse({ name: 'To Delete' }));
        const c2 = await repo.categories.create(t, categoryInputSchema.parse({ name: 'To Keep' }));
        const x1 = await repo.taxClasses.create(t, taxClassInputSchema.parse({ name: 'Tax To Delete', rateBasisPoints: 100 }));
        const x2 = await repo.taxClasses.create(t, taxClassInputSchema.parse({ name: 'Tax To Keep', rateBasisPoints: 200 }));
        const p1 = await repo.createProduct(t, productInput('Linked One', 'REF-1', { categoryId: c1.id, taxClassId: x1.id }));
        const p2 = await repo.createProduct(t, productInput('Linked Two', 'REF-2', { categoryId: c2.id, taxClassId: x2.id }));

        expect(await repo.categories.delete(t, c1.id)).toBe(true);
        expect(await repo.taxClasses.delete(t, x1.id)).toBe(true);

        expect(await repo.getProduct(t, p1.id)).toMatchObject({ categoryId: null, taxClassId: null, name: 'Linked One' });
        expect(await repo.getProduct(t, p2.id)).toMatchObject({ categoryId: c2.id, taxClassId: x2.id });
        expect(await repo.findVariantBySku(t, 'REF-1')).toMatchObject({ categoryId: null, taxClassId: null });
      });

      it('deleting a modifier group removes it from products, keeping their other groups', async () => {
        const g1 = await repo.modifierGroups.create(t, modifierGroupInputSchema.parse({ name: 'Group To Delete', options: [{ name: 'A' }] }));
        const g2 = await repo.modifierGroups.create(t, modifierGroupInputSchema.parse({ name: 'Group To Keep', options: [{ name: 'B' }] }));
        const both = await repo.createProduct(t, productInput('Grouped', 'REF-3', { modifierGroupIds: [g1.id, g2.id] }));
        const only = await repo.createProduct(t, productInput('Grouped Once', 'REF-4', { modifierGroupIds: [g1.id] }));

        expect(await repo.modifierGroups.delete(t, g1.id)).toBe(true);

        expect((await repo.getProduct(t, both.id))?.modifierGroupIds).toEqual([g2.id]);
        expect((await repo.getProduct(t, only.id))?.modifierGroupIds).toEqual([]);
      });
    });

    describe('importProducts', () => {
      let t: string;
      beforeAll(async () => {
        t = await newTenant();
      });

      it('creates new products and reports progress', async () => {
        const progress: number[] = [];
        const result = await repo.importProducts(
          t,
          [productInput('Import One', 'IMP-1'), productInput('Import Two', 'IMP-2'), productInput('Import Three', 'IMP-3', { variants: [{ sku: 'IMP-3', barcodes: ['33330001'], price: 9 }] })],
          (done) => progress.push(done),
        );
        expect(result).toEqual({ created: 3, updated: 0 });
        expect(progress.length).toBeGreaterThan(0);
        expect(progress.at(-1)).toBe(3);
        expect([...progress].sort((x, y) => x - y)).toEqual(progress);
        expect(await activeNames(t)).toEqual(['Import One', 'Import Three', 'Import Two']);
        expect((await repo.findVariantByBarcode(t, '33330001'))?.productName).toBe('Import Three');
      });

      it('updates products named by id, keeping their variant ids, and creates the rest', async () => {
        const one = (await repo.findVariantBySku(t, 'IMP-1'))!;
        const progress: number[] = [];
        const result = await repo.importProducts(
          t,
          [
            { ...productInput('Import One Renamed', 'IMP-1', { variants: [{ id: one.variantId, sku: 'IMP-1', price: 777 }] }), id: one.productId },
            productInput('Import Four', 'IMP-4'),
          ],
          (done) => progress.push(done),
        );
        expect(result).toEqual({ created: 1, updated: 1 });
        expect(progress.at(-1)).toBe(2);
        const renamed = await repo.getProduct(t, one.productId);
        expect(renamed).toMatchObject({ name: 'Import One Renamed' });
        expect(renamed!.variants).toEqual([{ id: one.variantId, name: 'Default', sku: 'IMP-1', barcodes: [], price: 777, cost: null }]);
        expect(await activeNames(t)).toEqual(['Import Four', 'Import One Renamed', 'Import Three', 'Import Two']);
      });

      it('writes nothing when one product clashes with an existing SKU or barcode', async () => {
        const before = await repo.allProducts(t);
        const two = (await repo.findVariantBySku(t, 'IMP-2'))!;
        const err = await expectAppError(
          repo.importProducts(t, [
            productInput('Import New', 'IMP-NEW-1'),
            { ...productInput('Import Two Renamed', 'IMP-2', { variants: [{ id: two.variantId, sku: 'IMP-2', price: 1 }] }), id: two.productId },
            productInput('Import Clash', 'IMP-3'),
          ]),
          'conflict',
        );
        expect(err.details).toEqual(expect.arrayContaining([expect.objectContaining({ path: 'sku', value: 'IMP-3' })]));
        await expectAppError(
          repo.importProducts(t, [
            productInput('Import New', 'IMP-NEW-1'),
            productInput('Import Barcode Clash', 'IMP-NEW-2', { variants: [{ sku: 'IMP-NEW-2', barcodes: ['33330001'], price: 1 }] }),
          ]),
          'conflict',
        );
        expect(await repo.allProducts(t)).toEqual(before);
        expect(await repo.findVariantBySku(t, 'IMP-NEW-1')).toBeNull();
      });

      it('writes nothing when two products of the batch share a SKU', async () => {
        const before = await repo.allProducts(t);
        await expectAppError(
          repo.importProducts(t, [productInput('Twin One', 'IMP-TWIN'), productInput('Twin Two', 'IMP-TWIN')]),
          'conflict',
        );
        expect(await repo.allProducts(t)).toEqual(before);
      });

      it('writes nothing when a product to update does not exist', async () => {
        const before = await repo.allProducts(t);
        await expectAppError(
          repo.importProducts(t, [productInput('Import Five', 'IMP-5'), { ...productInput('Gone', 'IMP-GONE'), id: crypto.randomUUID() }]),
          'not_found',
        );
        expect(await repo.allProducts(t)).toEqual(before);
      });

      it("cannot update another tenant's product by id", async () => {
        const other = await newTenant();
        const one = (await repo.findVariantBySku(t, 'IMP-1'))!;
        await expectAppError(repo.importProducts(other, [{ ...productInput('Hijack', 'IMP-H'), id: one.productId }]), 'not_found');
        expect((await repo.getProduct(t, one.productId))?.name).toBe('Import One Renamed');
        expect(await repo.allProducts(other)).toEqual([]);
      });
    });

    describe('variant lookups', () => {
      let t: string;
      let product: Product;
      let ids: { category: string; tax: string; milk: string };

      beforeAll(async () => {
        t = await newTenant();
        ids = {
          category: (await repo.categories.create(t, categoryInputSchema.parse({ name: 'Coffee' }))).id,
          tax: (await repo.taxClasses.create(t, taxClassInputSchema.parse({ name: 'Food', rateBasisPoints: 500 }))).id,
          milk: (await repo.modifierGroups.create(t, modifierGroupInputSchema.parse({ name: 'Milk', options: [{ name: 'Oat' }] }))).id,
        };
        product = await repo.createProduct(
          t,
          productInput('Latte', 'LAT-S', {
            categoryId: ids.category,
            taxClassId: ids.tax,
            modifierGroupIds: [ids.milk],
            allowNegativeStock: true,
            variants: [
              { name: 'Small', sku: 'LAT-S', barcodes: ['9900000002', '9900000001'], price: 380 },
              { name: 'Large', sku: 'LAT-L', price: 450 },
            ],
          }),
        );
      });

      const refOf = (i: number): VariantRef => ({
        variantId: product.variants[i]!.id,
        productId: product.id,
        productName: 'Latte',
        variantName: product.variants[i]!.name,
        sku: product.variants[i]!.sku,
        barcodes: product.variants[i]!.barcodes,
        price: product.variants[i]!.price,
        cost: null,
        categoryId: ids.category,
        taxClassId: ids.tax,
        trackStock: true,
        allowNegativeStock: true,
        openPrice: false,
        status: 'active',
        modifierGroupIds: [ids.milk],
      });

      it('finds a variant by SKU', async () => {
        const ref = await repo.findVariantBySku(t, 'LAT-L');
        expect(ref).toEqual(refOf(1));
        expect(Object.keys(ref!).sort()).toEqual(VARIANT_REF_KEYS);
        expect(await repo.findVariantBySku(t, 'LAT-X')).toBeNull();
      });

      it('finds a variant by any of its barcodes, exactly', async () => {
        expect(await repo.findVariantByBarcode(t, '9900000001')).toEqual(refOf(0));
        expect(await repo.findVariantByBarcode(t, '9900000002')).toEqual(refOf(0));
        expect((await repo.findVariantByBarcode(t, '9900000001'))!.barcodes).toEqual(['9900000001', '9900000002']);
        expect(await repo.findVariantByBarcode(t, '99000000')).toBeNull();
        expect(await repo.findVariantByBarcode(t, 'LAT-S')).toBeNull();
      });

      it('gets variants by id, skipping unknown ids', async () => {
        const refs = await repo.getVariants(t, [product.variants[1]!.id, crypto.randomUUID(), product.variants[0]!.id]);
        expect([...refs].sort(byVariantId)).toEqual([refOf(0), refOf(1)].sort(byVariantId));
        expect(await repo.getVariants(t, [])).toEqual([]);
        expect(await repo.getVariants(t, [crypto.randomUUID()])).toEqual([]);
      });

      it('reads pricing: the variants with only the modifier groups and tax classes they use', async () => {
        const unused = await repo.taxClasses.create(t, taxClassInputSchema.parse({ name: 'Unused', rateBasisPoints: 900 }));
        const pricing = await repo.getPricing(t, [product.variants[0]!.id, crypto.randomUUID()]);
        expect(pricing.variants).toEqual([refOf(0)]);
        expect(pricing.modifierGroups.map((g) => [g.id, g.name, g.options.map((o) => o.name)])).toEqual([[ids.milk, 'Milk', ['Oat']]]);
        expect(pricing.taxClasses).toEqual([{ id: ids.tax, name: 'Food', rateBasisPoints: 500 }]);
        expect(pricing.taxClasses.map((c) => c.id)).not.toContain(unused.id);
        expect(await repo.getPricing(t, [])).toEqual({ variants: [], modifierGroups: [], taxClasses: [] });
        expect(await repo.getPricing(await newTenant(), [product.variants[0]!.id])).toEqual({ variants: [], modifierGroups: [], taxClasses: [] });
      });

      it("reads products and reference data in the caller's tenant transaction when given one (MongoDB reads apart)", async () => {
        const read = (tx?: Tx) =>
          Promise.all([repo.activeProducts(t, tx), repo.categories.list(t, tx), repo.taxClasses.list(t, tx), repo.modifierGroups.list(t, tx), repo.savedDiscounts.list(t, tx)]);
        // On PGlite (one connection) a read that opened a transaction of its own here would wait for ever.
        expect(await withTenant(t, (tx) => read(tx))).toEqual(await read());
      });

      it("reports the product's current state, archived included", async () => {
        const archived = await repo.updateProduct(
          t,
          product.id,
          productInput('Latte', 'LAT-S', {
            status: 'archived',
            trackStock: false,
            categoryId: ids.category,
            taxClassId: ids.tax,
            modifierGroupIds: [ids.milk],
            allowNegativeStock: true,
            variants: product.variants.map(({ id, name, sku, barcodes, price }) => ({ id, name, sku, barcodes, price })),
          }),
        );
        expect(archived!.variants.map((v) => v.id)).toEqual(product.variants.map((v) => v.id));
        expect(await repo.findVariantBySku(t, 'LAT-S')).toEqual({ ...refOf(0), status: 'archived', trackStock: false });
        expect(await repo.findVariantByBarcode(t, '9900000002')).toEqual({ ...refOf(0), status: 'archived', trackStock: false });
      });
    });

    describe('costs', () => {
      let t: string;
      beforeAll(async () => {
        t = await newTenant();
      });
      const costs = (p: Product) => p.variants.map((v) => v.cost);

      it('stores a cost per variant, keeps it when an update leaves it out and clears it on null', async () => {
        const created = await repo.createProduct(t, productInput('Oat milk', 'OAT-1', { variants: [{ sku: 'OAT-1', price: 300, cost: 120 }, { sku: 'OAT-6', price: 1600 }] }));
        expect(costs(created)).toEqual([120, null]);
        const [one, six] = created.variants;
        const kept = await repo.updateProduct(t, created.id, productInput('Oat milk', 'OAT-1', { variants: [{ id: one!.id, sku: 'OAT-1', price: 320 }, { id: six!.id, sku: 'OAT-6', price: 1600, cost: 650 }] }));
        expect(costs(kept!)).toEqual([120, 650]);
        const cleared = await repo.updateProduct(t, created.id, productInput('Oat milk', 'OAT-1', { variants: [{ id: one!.id, sku: 'OAT-1', price: 320, cost: null }, { id: six!.id, sku: 'OAT-6', price: 1600 }] }));
        expect(costs(cleared!)).toEqual([null, 650]);
        expect((await repo.getVariants(t, [six!.id]))[0]!.cost).toBe(650);
      });

      it('moves a cost to the weighted average of received stock, and only in its own tenant', async () => {
        const created = await repo.createProduct(t, productInput('Beans', 'BEAN-1', { variants: [{ sku: 'BEAN-1', price: 1200, cost: 500 }, { sku: 'BEAN-2', price: 2000 }] }));
        const [kilo, two] = created.variants;
        const other = await newTenant();
        expect(await repo.recordReceivedCosts(other, [{ variantId: kilo!.id, onHandBefore: 0, quantity: 1, unitCost: 1 }])).toEqual(new Map());
        // 10 on hand at 5.00 and 30 more at 7.00: (50 + 210) / 40 = 6.50. No cost yet: the new one.
        const moved = await repo.recordReceivedCosts(t, [
          { variantId: kilo!.id, onHandBefore: 10, quantity: 30, unitCost: 700 },
          { variantId: two!.id, onHandBefore: 4, quantity: 2, unitCost: 900 },
        ]);
        expect(moved).toEqual(new Map([[kilo!.id, 650], [two!.id, 900]]));
        expect(costs((await repo.getProduct(t, created.id))!)).toEqual([650, 900]);
      });
    });
  });
}
