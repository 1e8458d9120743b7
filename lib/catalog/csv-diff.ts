import type { Product } from './repository';
import type { ProductInput } from './schemas';

/**
 * Field-by-field differences between a product as stored and as a CSV row would leave it
 * (the import preview). Values are kept as data (prices in minor units, flags as booleans),
 * so the page formats them; a field of one variant names its SKU.
 */
export type DiffField =
  | 'name'
  | 'altName'
  | 'description'
  | 'category'
  | 'taxClass'
  | 'status'
  | 'trackStock'
  | 'allowNegativeStock'
  | 'openPrice'
  | 'photoUrl'
  | 'modifierGroups'
  | 'attributes'
  | 'variantOrder'
  | 'variantName'
  | 'price'
  | 'cost'
  | 'barcodes';
export type DiffValue = string | number | boolean | null;
export type FieldChange = { field: DiffField; sku?: string; before: DiffValue; after: DiffValue };

type Names = { category: Map<string, string>; taxClass: Map<string, string>; group: Map<string, string> };
type Described = Map<string, { field: DiffField; sku?: string; value: DiffValue }>;

/** JSON with keys in order (Postgres's jsonb keeps its own key order, a file another). */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

/** A product's comparable fields; `categoryName` stands for a category the import is yet to create. */
export function describeProduct(p: (Product | ProductInput) & { categoryName?: string | null }, names: Names): Described {
  const out: Described = new Map();
  const put = (field: DiffField, value: DiffValue, sku?: string) => out.set(sku ? `${field}:${sku}` : field, { field, sku, value });
  put('name', p.name);
  put('altName', p.altName);
  put('description', p.description);
  put('category', p.categoryName !== undefined ? p.categoryName : p.categoryId ? (names.category.get(p.categoryId) ?? null) : null);
  put('taxClass', p.taxClassId ? (names.taxClass.get(p.taxClassId) ?? null) : null);
  put('status', p.status);
  put('trackStock', p.trackStock);
  put('allowNegativeStock', p.allowNegativeStock);
  put('openPrice', p.openPrice);
  put('photoUrl', p.photoUrl);
  put('modifierGroups', p.modifierGroupIds.map((id) => names.group.get(id) ?? id).join(' | '));
  put('attributes', Object.keys(p.attributes).length ? canonical(p.attributes) : null);
  put('variantOrder', p.variants.map((v) => v.sku).join(', '));
  for (const v of p.variants) {
    put('variantName', v.name, v.sku);
    put('price', v.price, v.sku);
    // A file without the cost column leaves every cost as it is: nothing to compare.
    if (v.cost !== undefined) put('cost', v.cost, v.sku);
    put('barcodes', [...v.barcodes].sort().join(' | '), v.sku);
  }
  return out;
}

/** What differs, in the order of `after` (then anything only `before` had). */
export function diffProducts(before: Described, after: Described): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const [key, a] of after) {
    const b = before.get(key);
    if (!b && (a.value === '' || a.value === null)) continue; // a new variant without barcodes
    if (!b || b.value !== a.value) changes.push({ field: a.field, ...(a.sku && { sku: a.sku }), before: b?.value ?? null, after: a.value });
  }
  for (const [key, b] of before) if (!after.has(key) && b.field !== 'cost') changes.push({ field: b.field, ...(b.sku && { sku: b.sku }), before: b.value, after: null });
  return changes;
}
