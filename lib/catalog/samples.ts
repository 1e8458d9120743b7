import type { TenantContext, TenantScope } from '@/lib/auth';
import type { Tx } from '@/lib/platform/db';
import { productAudit, referenceAudit, type ReferenceNames } from './audit';
import type { Product, TaxClass } from './repository';
import { SAMPLE_CATALOGS, samplePrice, type SampleItem, type SampleKind } from './sample-data';
import type { ProductInput, TaxClassInput } from './schemas';
import { archiveProduct, catalogRepository } from './service';

/**
 * What a new business's catalog starts with (sign-up), and the one-click removal of the sample.
 *
 * Samples are marked when they are created: `attributes.sample = true` (SKUs also start with
 * `SAMPLE-`, for people). "Remove sample items" takes only marked products that nobody has
 * changed since (`updatedAt` equal to `createdAt`: an owner who edited one made it theirs, so
 * it stays), deletes those that were never sold nor moved in stock, and archives the others
 * (`DELETE` archives everywhere else too: past orders and the ledger name them). Run twice, it
 * finds nothing the second time.
 */
export type StarterCatalog = {
  /** The tax class the owner named at sign-up, or null for none yet. */
  taxClass: TaxClassInput | null;
  /** The sample catalogs to add (café, shop, or both); empty for none. */
  samples: SampleKind[];
};

function sampleProduct(item: SampleItem, categoryId: string, taxClassId: string | null, currency: string): ProductInput {
  const variants = item.variants ?? [{ name: 'Default', sku: item.sku, price: item.price }];
  return {
    name: item.name,
    altName: item.altName ?? null,
    description: null,
    categoryId,
    taxClassId,
    photoUrl: null,
    status: 'active',
    // Tracked sample items may go below zero, so the register can sell them before any stock is received.
    trackStock: Boolean(item.tracked),
    allowNegativeStock: Boolean(item.tracked),
    openPrice: false,
    attributes: { sample: true },
    modifierGroupIds: [],
    variants: variants.map((v) => ({ name: v.name, sku: v.sku, barcodes: [], price: samplePrice(v.price, currency) })),
  };
}

/**
 * Writes the starter catalog of a business being signed up. On Postgres it joins the sign-up
 * transaction `tx` (the business exists with its catalog, or neither does). MongoDB cannot
 * join a Postgres transaction, so there the writes wait: the answer is a function the caller
 * runs once `tx` has committed (a no-op on Postgres).
 */
export async function createStarterCatalog(ctx: TenantContext, starter: StarterCatalog, tx: Tx): Promise<() => Promise<void>> {
  const repo = await catalogRepository();
  const write = async (tx?: Tx) => {
    let tax: TaxClass | null = null;
    if (starter.taxClass) tax = await repo.taxClasses.create(ctx.tenantId, starter.taxClass, referenceAudit(ctx, 'tax_class'), tx);
    const names: ReferenceNames = { category: new Map(), taxClass: new Map(tax ? [[tax.id, tax.name]] : []) };
    let position = 0;
    for (const kind of starter.samples) {
      for (const c of SAMPLE_CATALOGS[kind]) {
        const category = await repo.categories.create(ctx.tenantId, { name: c.name, position: position++, color: c.color, tracksStock: null }, referenceAudit(ctx, 'category'), tx);
        names.category.set(category.id, category.name);
        for (const item of c.items) {
          await repo.createProduct(ctx.tenantId, sampleProduct(item, category.id, tax?.id ?? null, ctx.tenant.currency), productAudit(ctx, names), tx);
        }
      }
    }
  };
  if (repo.kind === 'postgres') {
    await write(tx);
    return async () => {};
  }
  return () => write();
}

/** What the dashboard's checklist needs of the catalog: one count each. */
export async function catalogCounts({ tenantId }: TenantScope): Promise<{ products: number; removableSamples: number; taxClasses: number }> {
  const repo = await catalogRepository();
  const [counts, taxes] = await Promise.all([repo.countProducts(tenantId), repo.taxClasses.list(tenantId)]);
  return { products: counts.active - counts.removableSamples, removableSamples: counts.removableSamples, taxClasses: taxes.length };
}

export type SampleRemoval = { deleted: number; archived: number; kept: number };

/**
 * Removes the sample items nobody changed: deleted when `inUse` (the variant ids sold or moved
 * in stock, which other modules know) names none of its variants, else archived. Samples that
 * were edited are kept and counted. Audited per product.
 */
export async function removeSampleProducts(ctx: TenantContext, inUse: (variantIds: string[]) => Promise<Set<string>>): Promise<SampleRemoval> {
  const repo = await catalogRepository();
  const active = (await repo.sampleProducts(ctx.tenantId)).filter((p) => p.status === 'active');
  const untouched = active.filter((p) => p.updatedAt.getTime() === p.createdAt.getTime());
  const used = await inUse(untouched.flatMap((p) => p.variants.map((v) => v.id)));
  const isUsed = (p: Product) => p.variants.some((v) => used.has(v.id));
  const toArchive = untouched.filter(isUsed);
  for (const p of toArchive) await archiveProduct(ctx, p.id);
  const toDelete = untouched.filter((p) => !isUsed(p));
  const [categories, taxes] = await Promise.all([repo.categories.list(ctx.tenantId), repo.taxClasses.list(ctx.tenantId)]);
  const names = { category: new Map(categories.map((c) => [c.id, c.name])), taxClass: new Map(taxes.map((t) => [t.id, t.name])) };
  const deleted = await repo.deleteProducts(ctx.tenantId, toDelete.map((p) => p.id), productAudit(ctx, names));
  return { deleted, archived: toArchive.length, kept: active.length - untouched.length };
}
