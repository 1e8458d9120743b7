import { z } from 'zod';
import type { TenantContext, TenantScope } from '@/lib/auth';
import { definedFields, patchSchema } from '@/lib/platform/validation';
import { config } from '@/lib/platform/config';
import { afterCommit, type Tx } from '@/lib/platform/db';
import { logger } from '@/lib/platform/logger';
import type { ReceivedCost } from './costing';
import { AppError, notFound } from '@/lib/platform/errors';
import { productAudit, referenceAudit, type ReferenceEntity, type ReferenceNames } from './audit';
import { postgresCatalogRepository } from './postgres-repository';
import type { CatalogRepository, Category, ModifierGroup, Page, PricingRefs, Product, ReferenceStore, SavedDiscount, TaxClass, VariantRef } from './repository';
import {
  categoryInputSchema,
  modifierGroupInputSchema,
  productInputSchema,
  savedDiscountInputSchema,
  taxClassInputSchema,
  type CategoryInput,
  type ListQuery,
  type ModifierGroupInput,
  type ProductInput,
  type ProductListQuery,
  type ProductPatch,
  type SavedDiscountInput,
  type TaxClassInput,
} from './schemas';

/**
 * The catalog's public functions. Route handlers and pages call these, never the adapters:
 * here live the rules both adapters share (references must exist, PATCH merges, what the
 * audit row says; the adapter writes it with the change, see AuditOf).
 */
const g = globalThis as typeof globalThis & { __tillwiseCatalog?: Promise<CatalogRepository> };

export function catalogRepository(): Promise<CatalogRepository> {
  g.__tillwiseCatalog ??= (async () => {
    const uri = config().MONGODB_URI;
    if (!uri) return postgresCatalogRepository();
    const { mongoCatalogRepository } = await import('./mongo-repository');
    return mongoCatalogRepository(uri);
  })();
  return g.__tillwiseCatalog;
}

/**
 * Category, tax class and modifier groups a product points to must exist in its tenant.
 * Answers the names of categories and tax classes, which the product's audit row shows.
 */
async function assertReferencesExist(
  tenantId: string,
  items: Pick<ProductInput, 'categoryId' | 'taxClassId' | 'modifierGroupIds'>[],
): Promise<ReferenceNames> {
  const repo = await catalogRepository();
  const [cats, taxes, groups] = await Promise.all([
    repo.categories.list(tenantId),
    repo.taxClasses.list(tenantId),
    repo.modifierGroups.list(tenantId),
  ]);
  const known = { category: new Set(cats.map((c) => c.id)), tax: new Set(taxes.map((t) => t.id)), group: new Set(groups.map((m) => m.id)) };
  const problems: { path: string; message: string }[] = [];
  for (const p of items) {
    if (p.categoryId && !known.category.has(p.categoryId)) problems.push({ path: 'categoryId', message: 'No such category' });
    if (p.taxClassId && !known.tax.has(p.taxClassId)) problems.push({ path: 'taxClassId', message: 'No such tax class' });
    if (p.modifierGroupIds.some((id) => !known.group.has(id))) problems.push({ path: 'modifierGroupIds', message: 'No such modifier group' });
  }
  if (problems.length) throw new AppError('unprocessable', problems.map((p) => p.message).join('; '), problems);
  return { category: new Map(cats.map((c) => [c.id, c.name])), taxClass: new Map(taxes.map((t) => [t.id, t.name])) };
}

/** One page of products. */
export async function listProducts({ tenantId }: TenantScope, query: ProductListQuery): Promise<Page<Product>> {
  return (await catalogRepository()).listProducts(tenantId, query);
}

/** Every active product, unpaged (the register's catalog); in the caller's tenant transaction `tx` when given. */
export async function activeProducts({ tenantId }: TenantScope, tx?: Tx): Promise<Product[]> {
  return (await catalogRepository()).activeProducts(tenantId, tx);
}

export async function getProduct({ tenantId }: TenantScope, id: string): Promise<Product> {
  const product = await (await catalogRepository()).getProduct(tenantId, id);
  if (!product) throw notFound('Product');
  return product;
}

/** Products by id, in the order asked; ids of no product (or of another tenant) are left out. */
export async function getProducts({ tenantId }: TenantScope, ids: string[]): Promise<Product[]> {
  const unique = [...new Set(ids)];
  const found = new Map((await (await catalogRepository()).getProducts(tenantId, unique)).map((p) => [p.id, p]));
  return unique.flatMap((id) => found.get(id) ?? []);
}

export async function createProduct(ctx: TenantContext, input: ProductInput): Promise<Product> {
  const names = await assertReferencesExist(ctx.tenantId, [input]);
  return (await catalogRepository()).createProduct(ctx.tenantId, input, productAudit(ctx, names));
}

export async function replaceProduct(ctx: TenantContext, id: string, input: ProductInput): Promise<Product> {
  const names = await assertReferencesExist(ctx.tenantId, [input]);
  const product = await (await catalogRepository()).updateProduct(ctx.tenantId, id, input, productAudit(ctx, names));
  if (!product) throw notFound('Product');
  return product;
}

/** PATCH: the stored product with the given fields changed, validated as a whole. */
export async function patchProduct(ctx: TenantContext, id: string, patch: ProductPatch): Promise<Product> {
  const current = await getProduct(ctx, id);
  const merged = productInputSchema.parse({ ...current, ...definedFields(patch) });
  return replaceProduct(ctx, id, merged);
}

/** Products are archived, not deleted: past orders and the stock ledger still name them. */
export async function archiveProduct(ctx: TenantContext, id: string): Promise<void> {
  const current = await getProduct(ctx, id);
  if (current.status === 'archived') return;
  await patchProduct(ctx, id, { status: 'archived' });
}

export async function getVariants({ tenantId }: TenantScope, variantIds: string[]): Promise<VariantRef[]> {
  return (await catalogRepository()).getVariants(tenantId, [...new Set(variantIds)]);
}

/**
 * A quote's catalog reads together: the variants, and the modifier groups and tax classes they
 * use — in the caller's tenant transaction `tx` when given (on Postgres; MongoDB reads apart).
 */
export async function getPricing({ tenantId }: TenantScope, variantIds: string[], tx?: Tx): Promise<PricingRefs> {
  return (await catalogRepository()).getPricing(tenantId, [...new Set(variantIds)], tx);
}

/**
 * Stock received at a unit cost moves each variant's cost to the weighted average
 * (costing.ts). On Postgres in the receipt's transaction `tx` (both commit or neither); the
 * MongoDB catalog shares no transaction with it, so there the costs move once `tx` has
 * committed (a receipt rolled back never changes a cost) and the answer is empty.
 */
export async function recordReceivedCosts({ tenantId }: TenantScope, lines: ReceivedCost[], tx: Tx): Promise<Map<string, number>> {
  if (lines.length === 0) return new Map();
  const repo = await catalogRepository();
  if (repo.kind === 'postgres') return repo.recordReceivedCosts(tenantId, lines, tx);
  afterCommit(tx, () => {
    repo.recordReceivedCosts(tenantId, lines).catch((err) => logger.error({ err, tenantId }, 'catalog: received costs not recorded'));
  });
  return new Map();
}

/** What a scanner or the search box typed: a barcode first, then a SKU. */
export async function findVariantByCode({ tenantId }: TenantScope, code: string): Promise<VariantRef | null> {
  const repo = await catalogRepository();
  return (await repo.findVariantByBarcode(tenantId, code)) ?? (await repo.findVariantBySku(tenantId, code));
}

type Stores = {
  categories: [Category, CategoryInput];
  taxClasses: [TaxClass, TaxClassInput];
  modifierGroups: [ModifierGroup, ModifierGroupInput];
  savedDiscounts: [SavedDiscount, SavedDiscountInput];
};
type StoreName = keyof Stores;
type ItemOf<K extends StoreName> = Stores[K][0];
type InputOf<K extends StoreName> = Stores[K][1];

/** Public functions for one kind of reference data (categories, tax classes, modifier groups). */
export function referenceService<K extends StoreName>(kind: K, label: string, schema: z.ZodObject) {
  const store = async () => (await catalogRepository())[kind] as unknown as ReferenceStore<ItemOf<K>, InputOf<K>>;
  const entity = label.replaceAll(' ', '_') as ReferenceEntity;
  const audit = (ctx: TenantContext) => referenceAudit<ItemOf<K>>(ctx, entity);
  const Label = label[0]!.toUpperCase() + label.slice(1);
  const patchFields = patchSchema(z.object(schema.shape));
  const get = async ({ tenantId }: TenantScope, id: string) => {
    const item = await (await store()).get(tenantId, id);
    if (!item) throw notFound(Label);
    return item;
  };
  return {
    /** Every item; in the caller's tenant transaction `tx` when given (on Postgres; MongoDB reads apart). */
    list: async ({ tenantId }: TenantScope, tx?: Tx) => (await store()).list(tenantId, tx),
    page: async ({ tenantId }: TenantScope, query: ListQuery) => (await store()).page(tenantId, query),
    get,
    async create(ctx: TenantContext, input: InputOf<K>) {
      return (await store()).create(ctx.tenantId, input, audit(ctx));
    },
    async replace(ctx: TenantContext, id: string, input: InputOf<K>) {
      const item = await (await store()).update(ctx.tenantId, id, input, audit(ctx));
      if (!item) throw notFound(label);
      return item;
    },
    /**
     * PATCH: the stored item with the sent fields changed, in one step with the read. The body
     * is read only once the item is found (a missing item is 404 whatever was sent); its fields
     * are checked one by one, the merged result as a whole (with its rules).
     */
    async patch(ctx: TenantContext, id: string, body: () => unknown) {
      const merge = (current: ItemOf<K>) => schema.parse({ ...current, ...definedFields(patchFields.parse(body())) }) as InputOf<K>;
      const item = await (await store()).patch(ctx.tenantId, id, merge, audit(ctx));
      if (!item) throw notFound(Label);
      return item;
    },
    async remove(ctx: TenantContext, id: string) {
      if (!(await (await store()).delete(ctx.tenantId, id, audit(ctx)))) throw notFound(label);
    },
  };
}

/** What a reference-data route handler is given: any one of the three services below. */
export type ReferenceService = ReturnType<typeof referenceService<StoreName>>;

export const categoryService = referenceService('categories', 'category', categoryInputSchema);
export const taxClassService = referenceService('taxClasses', 'tax class', taxClassInputSchema);
export const modifierGroupService = referenceService('modifierGroups', 'modifier group', modifierGroupInputSchema);
export const savedDiscountService = referenceService('savedDiscounts', 'discount', savedDiscountInputSchema);
