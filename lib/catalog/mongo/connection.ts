import { MongoClient, type Collection, type Db } from 'mongodb';
import type { Category, ModifierGroup, Product, SavedDiscount, TaxClass } from '../repository';

/**
 * Documents, collections and the one client per process. Every document's `_id` is our UUID
 * string and every document carries `tenantId`.
 */
export type Stamped = { _id: string; tenantId: string; createdAt: Date; updatedAt: Date };

/**
 * A product as stored: the repository's Product (variants embedded), plus the flattened
 * arrays that carry the per-tenant unique indexes (rewritten on every write).
 */
export type ProductDoc = Stamped &
  Omit<Product, 'id' | 'createdAt' | 'updatedAt'> & {
    /** Every variant's SKU: the unique index `{ tenantId, skus }` lives here. */
    skus: string[];
    /** Every variant's barcodes: the (partial) unique index `{ tenantId, barcodes }` lives here. */
    barcodes: string[];
    /** Incremented on every update; updates apply only to the revision they read (optimistic). */
    revision?: number | null;
  };

/** Reference data as stored; `revision` as on products (PATCH writes only what it read). */
type ReferenceDoc<T> = Stamped & Omit<T, 'id'> & { revision?: number | null };
export type CategoryDoc = ReferenceDoc<Category>;
export type TaxClassDoc = ReferenceDoc<TaxClass>;
export type ModifierGroupDoc = ReferenceDoc<ModifierGroup>;
export type SavedDiscountDoc = ReferenceDoc<SavedDiscount>;

export type Collections = {
  products: Collection<ProductDoc>;
  categories: Collection<CategoryDoc>;
  taxClasses: Collection<TaxClassDoc>;
  modifierGroups: Collection<ModifierGroupDoc>;
  savedDiscounts: Collection<SavedDiscountDoc>;
};

/** The database a connection string names (`mongodb://host/<db>?…`), `tillwise` when none. */
export function databaseNameFromUri(uri: string): string {
  const match = /^mongodb(?:\+srv)?:\/\/[^/?#]*(?:\/([^?#]*))?/.exec(uri);
  if (!match) throw new Error('MONGODB_URI must start with mongodb:// or mongodb+srv://');
  const name = decodeURIComponent(match[1] ?? '');
  return name || 'tillwise';
}

export type MongoHandle = { client: MongoClient; db: Db; collections: Collections; ready?: Promise<void> };
const globalForMongo = globalThis as typeof globalThis & { __tillwiseMongo?: Map<string, MongoHandle> };

/** One client per process (per URI), kept on globalThis: Next may load this module twice. */
export function handleFor(uri: string): MongoHandle {
  const handles = (globalForMongo.__tillwiseMongo ??= new Map());
  let h = handles.get(uri);
  if (!h) {
    const client = new MongoClient(uri, {
      appName: 'tillwise',
      ignoreUndefined: true,
      // Fail fast while MongoDB is away: requests must error, not hang.
      serverSelectionTimeoutMS: 5000,
    });
    const db = client.db(databaseNameFromUri(uri));
    h = {
      client,
      db,
      collections: {
        products: db.collection<ProductDoc>('products'),
        categories: db.collection<CategoryDoc>('categories'),
        taxClasses: db.collection<TaxClassDoc>('taxClasses'),
        modifierGroups: db.collection<ModifierGroupDoc>('modifierGroups'),
        savedDiscounts: db.collection<SavedDiscountDoc>('savedDiscounts'),
      },
    };
    handles.set(uri, h);
  }
  return h;
}

/** Creates the indexes once per process; createIndexes is idempotent for identical specs. */
async function createIndexes(c: Collections): Promise<void> {
  await Promise.all([
    c.products.createIndexes([
      { key: { tenantId: 1, skus: 1 }, name: 'tenant_skus_unique', unique: true },
      {
        key: { tenantId: 1, barcodes: 1 },
        name: 'tenant_barcodes_unique',
        unique: true,
        // Products without barcodes would all share the "empty array" key otherwise.
        partialFilterExpression: { 'barcodes.0': { $exists: true } },
      },
      { key: { tenantId: 1, name: 1 }, name: 'tenant_name' },
      { key: { tenantId: 1, 'variants.id': 1 }, name: 'tenant_variant_id' },
      { key: { tenantId: 1, categoryId: 1 }, name: 'tenant_category' },
    ]),
    c.categories.createIndex({ tenantId: 1, name: 1 }, { name: 'tenant_name_unique', unique: true }),
    c.taxClasses.createIndex({ tenantId: 1, name: 1 }, { name: 'tenant_name_unique', unique: true }),
    c.modifierGroups.createIndex({ tenantId: 1, name: 1 }, { name: 'tenant_name_unique', unique: true }),
    c.savedDiscounts.createIndex({ tenantId: 1, name: 1 }, { name: 'tenant_name_unique', unique: true }),
  ]);
}

export async function ready(h: MongoHandle): Promise<Collections> {
  h.ready ??= createIndexes(h.collections).catch((err) => {
    h.ready = undefined; // try again on the next call
    throw err;
  });
  await h.ready;
  return h.collections;
}

/** Closes every client this process opened (tests, scripts). */
export async function closeMongoCatalog(): Promise<void> {
  const handles = globalForMongo.__tillwiseMongo;
  globalForMongo.__tillwiseMongo = undefined;
  await Promise.all([...(handles?.values() ?? [])].map((h) => h.client.close()));
}

