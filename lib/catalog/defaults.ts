import type { Category, TaxClass } from './repository';

/**
 * What a new product starts with in the product form, so that it is sellable the moment it is
 * saved: a café's milk tea must not be "tracked, 0 on hand" (the register refuses it), nor
 * "No tax" when the café's only tax class is 5 % commercial tax.
 *
 * The store's settings (lib/tenancy) are passed in: the catalog does not read another module's
 * settings, the page that shows the form hands them over.
 */
export type StoreProductDefaults = { trackStockByDefault: boolean; defaultTaxClassId: string | null };

/** The tax class a new product gets: the store's choice while it exists, else the only class there is, else none. */
export function defaultTaxClassOf(taxClasses: Pick<TaxClass, 'id'>[], preferredId: string | null): string | null {
  if (preferredId && taxClasses.some((t) => t.id === preferredId)) return preferredId;
  return taxClasses.length === 1 ? taxClasses[0]!.id : null;
}

/** Whether a new product in `category` (none: no category) tracks stock: the category's say, else the store's. */
export function tracksStockIn(category: Pick<Category, 'tracksStock'> | null | undefined, storeDefault: boolean): boolean {
  return category?.tracksStock ?? storeDefault;
}

/** The form's starting values: the tax class, and track-stock for no category and for each category. */
export function newProductDefaults(
  catalog: { categories: Pick<Category, 'id' | 'tracksStock'>[]; taxClasses: Pick<TaxClass, 'id'>[] },
  store: StoreProductDefaults,
): { taxClassId: string | null; trackStock: boolean; trackStockByCategory: Record<string, boolean> } {
  return {
    taxClassId: defaultTaxClassOf(catalog.taxClasses, store.defaultTaxClassId),
    trackStock: tracksStockIn(null, store.trackStockByDefault),
    trackStockByCategory: Object.fromEntries(catalog.categories.map((c) => [c.id, tracksStockIn(c, store.trackStockByDefault)])),
  };
}
