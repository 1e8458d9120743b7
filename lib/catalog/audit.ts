import type { TenantContext } from '@/lib/auth';
import { changes, type AuditAction } from '@/lib/platform/audit';
import type { AuditOf, Category, ImportedProduct, ImportResult, ModifierGroup, Product, SavedDiscount, TaxClass } from './repository';

/**
 * What the catalog's writes record in the audit log (the adapters write the rows: see AuditOf).
 * Prices and tax classes are what an owner looks for, so a product's row names its prices by
 * SKU and its tax class and category by name, and an update that moves a price or the tax
 * class is `product.price_changed`.
 */
export type ReferenceNames = { category: Map<string, string>; taxClass: Map<string, string> };

const nameOf = (names: Map<string, string>, id: string | null) => (id ? (names.get(id) ?? id) : null);

function productView(p: Product, names: ReferenceNames) {
  return {
    name: p.name,
    status: p.status,
    category: nameOf(names.category, p.categoryId),
    taxClass: nameOf(names.taxClass, p.taxClassId),
    trackStock: p.trackStock,
    allowNegativeStock: p.allowNegativeStock,
    prices: Object.fromEntries(p.variants.map((v) => [v.sku, v.price])),
    /** What each variant costs the store (null: not known): a change of it is audited like any field. */
    costs: Object.fromEntries(p.variants.map((v) => [v.sku, v.cost])),
  };
}

export function productAudit(ctx: TenantContext, names: ReferenceNames): AuditOf<Product> {
  return ({ before, after }) => {
    const product = (after ?? before)!;
    const change = changes(before && productView(before, names), after && productView(after, names));
    const now = change.after ?? {};
    const action: AuditAction = !before
      ? 'product.created'
      : !after
        ? 'product.deleted'
        : now.status === 'archived'
        ? 'product.archived'
        : 'prices' in now || 'taxClass' in now
          ? 'product.price_changed'
          : 'product.updated';
    return { actorUserId: ctx.userId, action, entityType: 'product', entityId: product.id, ...change, details: { name: product.name } };
  };
}

type ReferenceItem = Category | TaxClass | ModifierGroup | SavedDiscount;
export type ReferenceEntity = 'category' | 'tax_class' | 'modifier_group' | 'discount';

/** Ids are not for people: options are shown by name and price. */
function referenceView(item: ReferenceItem): Record<string, unknown> {
  const { id: _id, ...fields } = item;
  return 'options' in fields ? { ...fields, options: fields.options.map((o) => ({ name: o.name, priceDelta: o.priceDelta })) } : fields;
}

export function referenceAudit<T extends ReferenceItem>(ctx: TenantContext, entity: ReferenceEntity): AuditOf<T> {
  return ({ before, after }) => {
    const item = (after ?? before)!;
    const verb = !before ? 'created' : !after ? 'deleted' : 'updated';
    const action: AuditAction = `${entity}.${verb}`;
    return { actorUserId: ctx.userId, action, entityType: entity, entityId: item.id, ...changes(before && referenceView(before), after && referenceView(after)), details: { name: item.name } };
  };
}

/** At most this many prices and tax classes are listed in an import's row; the count says how many changed. */
const LISTED = 500;

/**
 * A CSV import: one row with the counts, and the prices (by SKU) and tax classes (by product)
 * it changed on existing products, before and after.
 */
export function importAudit(ctx: TenantContext, existing: Product[], imported: ImportedProduct[], names: ReferenceNames, details: Record<string, unknown>): AuditOf<ImportResult> {
  const oldPrice = new Map(existing.flatMap((p) => p.variants.map((v) => [v.sku, v.price] as const)));
  const oldProduct = new Map(existing.map((p) => [p.id, p]));
  const prices = imported.flatMap((p) => (p.id ? p.variants : []).filter((v) => oldPrice.has(v.sku) && oldPrice.get(v.sku) !== v.price).map((v) => [v.sku, oldPrice.get(v.sku)!, v.price] as const));
  const taxes = imported.flatMap((p) => {
    const was = p.id ? oldProduct.get(p.id) : undefined;
    return was && was.taxClassId !== p.taxClassId ? [[p.name, nameOf(names.taxClass, was.taxClassId), nameOf(names.taxClass, p.taxClassId)] as const] : [];
  });
  const side = (i: 1 | 2) => ({
    ...(prices.length > 0 && { prices: Object.fromEntries(prices.slice(0, LISTED).map((c) => [c[0], c[i]])) }),
    ...(taxes.length > 0 && { taxClass: Object.fromEntries(taxes.slice(0, LISTED).map((c) => [c[0], c[i]])) }),
  });
  const changed = prices.length + taxes.length > 0;
  return ({ after }) => ({
    actorUserId: ctx.userId,
    action: 'products.imported',
    entityType: 'product',
    before: changed ? side(1) : null,
    after: changed ? side(2) : null,
    details: { ...after, ...details, pricesChanged: prices.length, taxClassesChanged: taxes.length },
  });
}
