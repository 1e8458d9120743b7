import { MongoClient, type ClientSession, type Collection, type Db, type Filter, type UpdateFilter } from 'mongodb';
import { AppError } from '@/lib/platform/errors';
import type {
  CatalogRepository,
  Category,
  ImportedProduct,
  ModifierGroup,
  Page,
  Product,
  ReferenceStore,
  TaxClass,
  Variant,
  VariantRef,
} from './repository';
import type { CategoryInput, ModifierGroupInput, ProductInput, ProductListQuery, TaxClassInput } from './schemas';
import { clashError, withModifierOptionIds, type Clash } from './shared';

/**
 * The catalog's MongoDB adapter, chosen by lib/catalog/service.ts when MONGODB_URI is set.
 * Behaves like the Postgres adapter (the reference; tests/catalog/repository-contract.ts runs
 * against both).
 *
 * Layout: one `products` document per product with its variants embedded, plus the flattened
 * `skus` and `barcodes` arrays that carry the per-tenant unique indexes (rewritten on every
 * write); `categories`, `taxClasses` and `modifierGroups` hold reference data. Every document's
 * `_id` is our UUID string and every document carries `tenantId`.
 *
 * Safety: every filter goes through `scoped(tenantId, …)`, which sets `tenantId` itself; filters
 * are built from typed scalars only (never from an input object); and every input is checked by
 * `assertSafeInput` (no `$`/`.` keys, plain data only) before it reaches a query or a write —
 * defence in depth on top of the zod schemas.
 *
 * importProducts uses a multi-document transaction, which MongoDB only offers on a replica set
 * or a sharded cluster (Atlas, or `mongod --replSet rs0` + `rs.initiate()` for a single node).
 * Everything else works on a standalone server too.
 */

// ---------------------------------------------------------------------------------------------
// Documents

type Stamped = { _id: string; tenantId: string; createdAt: Date; updatedAt: Date };

type ProductDoc = Stamped & {
  name: string;
  description: string | null;
  categoryId: string | null;
  taxClassId: string | null;
  photoUrl: string | null;
  status: 'active' | 'archived';
  trackStock: boolean;
  allowNegativeStock: boolean;
  attributes: Record<string, unknown>;
  modifierGroupIds: string[];
  variants: Variant[];
  /** Every variant's SKU: the unique index `{ tenantId, skus }` lives here. */
  skus: string[];
  /** Every variant's barcodes: the (partial) unique index `{ tenantId, barcodes }` lives here. */
  barcodes: string[];
  /** Incremented on every update; updates apply only to the revision they read (optimistic). */
  revision?: number | null;
};

type CategoryDoc = Stamped & Omit<Category, 'id'>;
type TaxClassDoc = Stamped & Omit<TaxClass, 'id'>;
type ModifierGroupDoc = Stamped & Omit<ModifierGroup, 'id'>;

type Collections = {
  products: Collection<ProductDoc>;
  categories: Collection<CategoryDoc>;
  taxClasses: Collection<TaxClassDoc>;
  modifierGroups: Collection<ModifierGroupDoc>;
};

// ---------------------------------------------------------------------------------------------
// Input checks (exported for unit tests)

const MAX_DEPTH = 16;

function badInput(path: string, problem: string): AppError {
  return new AppError('bad_request', `Invalid input: ${path} ${problem}`, [{ path, message: problem }]);
}

/**
 * Rejects (AppError 'bad_request') anything that is not plain data MongoDB would store as such:
 * an object key starting with `$` or containing `.` (an operator or a path), and any value other
 * than a string, finite number, boolean, null, valid Date, array or plain object (no class
 * instances, functions, symbols, bigints, ObjectIds, RegExps, Buffers). `undefined` is allowed
 * as an object property only, meaning "absent" (the client is set to ignore undefined).
 */
export function assertSafeInput(value: unknown, path = 'input'): void {
  checkValue(value, path, 0);
}

function checkValue(value: unknown, path: string, depth: number): void {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw badInput(path, 'is not a finite number');
    return;
  }
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw badInput(path, 'is not a valid date');
    return;
  }
  if (typeof value !== 'object') throw badInput(path, `has an unsupported type (${value === undefined ? 'undefined' : typeof value})`);
  if (depth >= MAX_DEPTH) throw badInput(path, 'is nested too deeply');
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) checkValue(value[i], `${path}.${i}`, depth + 1);
    return;
  }
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) throw badInput(path, 'is not plain data');
  for (const key of Reflect.ownKeys(value)) {
    if (typeof key === 'symbol') throw badInput(path, 'has a symbol key');
    const shown = key.length > 64 ? `${key.slice(0, 64)}…` : key;
    if (key.startsWith('$') || key.includes('.')) throw badInput(`${path}.${shown}`, 'is not an allowed field name (no leading "$", no ".")');
    const child = (value as Record<string, unknown>)[key];
    if (child !== undefined) checkValue(child, `${path}.${shown}`, depth + 1);
  }
}

/** A parameter that must be a string (ids, SKUs, barcodes): never an object that could become a filter. */
function str(value: unknown, path: string): string {
  if (typeof value !== 'string') throw badInput(path, 'must be a string');
  return value;
}

function tenant(tenantId: unknown): string {
  const id = str(tenantId, 'tenantId');
  if (!id) throw badInput('tenantId', 'must not be empty');
  return id;
}

function nullableStr(value: unknown, path: string): void {
  if (value !== null && value !== undefined) str(value, path);
}

function list(value: unknown, path: string): unknown[] {
  if (!Array.isArray(value)) throw badInput(path, 'must be a list');
  return value;
}

/** The product checks that run before anything touches the server (zod has run before, normally). */
function checkProduct(p: ProductInput, path = 'product'): void {
  assertSafeInput(p, path);
  if (!p || typeof p !== 'object' || Array.isArray(p)) throw badInput(path, 'must be an object');
  str(p.name, `${path}.name`);
  for (const field of ['description', 'categoryId', 'taxClassId', 'photoUrl'] as const) nullableStr(p[field], `${path}.${field}`);
  list(p.modifierGroupIds ?? [], `${path}.modifierGroupIds`).forEach((id, i) => str(id, `${path}.modifierGroupIds.${i}`));
  const variants = list(p.variants, `${path}.variants`) as ProductInput['variants'];
  if (variants.length === 0) throw badInput(`${path}.variants`, 'must list at least one variant');
  variants.forEach((v, i) => {
    const at = `${path}.variants.${i}`;
    if (!v || typeof v !== 'object') throw badInput(at, 'must be an object');
    if (v.id !== undefined) str(v.id, `${at}.id`);
    str(v.sku, `${at}.sku`);
    list(v.barcodes, `${at}.barcodes`).forEach((b, j) => str(b, `${at}.barcodes.${j}`));
  });
}

/** The filter every query uses: the caller's conditions, always limited to one tenant. */
function scoped<T extends { tenantId: string }>(tenantId: string, filter: Filter<T> = {}): Filter<T> {
  return { ...filter, tenantId } as Filter<T>;
}

/** Escapes regex metacharacters so a search for ".*" means the text ".*". */
export function escapeRegex(term: string): string {
  return term.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');
}

/** The database a connection string names (`mongodb://host/<db>?…`), `tillwise` when none. */
export function databaseNameFromUri(uri: string): string {
  const match = /^mongodb(?:\+srv)?:\/\/[^/?#]*(?:\/([^?#]*))?/.exec(uri);
  if (!match) throw new Error('MONGODB_URI must start with mongodb:// or mongodb+srv://');
  const name = decodeURIComponent(match[1] ?? '');
  return name || 'tillwise';
}

// ---------------------------------------------------------------------------------------------
// Client and indexes

type MongoHandle = { client: MongoClient; db: Db; collections: Collections; ready?: Promise<void> };
const globalForMongo = globalThis as typeof globalThis & { __tillwiseMongo?: Map<string, MongoHandle> };

/** One client per process (per URI), kept on globalThis: Next may load this module twice. */
function handleFor(uri: string): MongoHandle {
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
  ]);
}

async function ready(h: MongoHandle): Promise<Collections> {
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

// ---------------------------------------------------------------------------------------------
// Errors

type DuplicateKey = { index?: string; keyValue?: Record<string, unknown> };

/** The duplicate-key details (E11000) of a driver error, wherever the driver put them (exported for tests). */
export function duplicateKey(err: unknown): DuplicateKey | null {
  const candidates: unknown[] = [err];
  for (let i = 0; i < candidates.length && i < 20; i++) {
    const e = candidates[i];
    if (!e || typeof e !== 'object') continue;
    const o = e as { code?: unknown; keyValue?: unknown; errmsg?: unknown; message?: unknown; writeErrors?: unknown; err?: unknown; cause?: unknown; errorResponse?: unknown };
    if (o.code === 11000 || o.code === 11001) {
      const message = typeof o.errmsg === 'string' ? o.errmsg : typeof o.message === 'string' ? o.message : '';
      const keyValue = o.keyValue && typeof o.keyValue === 'object' ? (o.keyValue as Record<string, unknown>) : undefined;
      const found: DuplicateKey = { index: /index: (\S+)/.exec(message)?.[1], keyValue };
      if (found.keyValue) return found;
      // A bulk write error carries the details on its write errors: look there before settling.
      const writeErrors = Array.isArray(o.writeErrors) ? o.writeErrors : o.writeErrors ? [o.writeErrors] : [];
      for (const w of writeErrors as { err?: unknown }[]) {
        const inner = duplicateKey(w?.err ?? w);
        if (inner?.keyValue) return inner;
      }
      return found;
    }
    candidates.push(o.cause, o.errorResponse, o.err, ...(Array.isArray(o.writeErrors) ? o.writeErrors : [o.writeErrors]));
  }
  return null;
}

/** Transactions on a standalone server fail with IllegalOperation (20). */
function isNoTransactionSupport(err: unknown): boolean {
  const o = err as { code?: unknown; message?: unknown } | null;
  return !!o && o.code === 20 && typeof o.message === 'string' && /transaction/i.test(o.message);
}

/**
 * A unique violation that slipped past the pre-check (a concurrent writer, or two products of
 * one import sharing a SKU) still reads well: it names the SKU or barcode when the server says
 * which. Exported for tests.
 */
export function productWriteError(err: unknown): unknown {
  if (err instanceof AppError) return err;
  const dup = duplicateKey(err);
  if (dup) {
    const kv = dup.keyValue ?? {};
    if (typeof kv.skus === 'string') return clashError([{ kind: 'sku', value: kv.skus }]);
    if (typeof kv.barcodes === 'string') return clashError([{ kind: 'barcode', value: kv.barcodes }]);
    return new AppError('conflict', 'A SKU or barcode of this product is already used by another product');
  }
  if (isNoTransactionSupport(err)) {
    return new AppError('unavailable', 'Importing needs MongoDB transactions: run MongoDB as a replica set (e.g. Atlas or mongod --replSet)');
  }
  return err;
}

// ---------------------------------------------------------------------------------------------
// Products

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** The stored fields of a product input, picked one by one (nothing else of the input is written). */
function productFields(p: ProductInput) {
  return {
    name: str(p.name, 'name'),
    description: p.description ?? null,
    categoryId: p.categoryId ?? null,
    taxClassId: p.taxClassId ?? null,
    photoUrl: p.photoUrl ?? null,
    status: p.status,
    trackStock: p.trackStock,
    allowNegativeStock: p.allowNegativeStock,
    attributes: { ...(p.attributes ?? {}) },
    modifierGroupIds: [...(p.modifierGroupIds ?? [])],
  };
}

/**
 * Variants as stored: an input id naming one of `existingIds` keeps it (once — a repeated id
 * gets a new one), every other variant gets a new UUID. On create `existingIds` is empty, so
 * a client can never choose a variant id (stock and orders refer to variant ids).
 */
function variantsWithIds(input: ProductInput['variants'], existingIds: ReadonlySet<string>): Variant[] {
  const used = new Set<string>();
  return input.map((v) => {
    const id = v.id && existingIds.has(v.id) && !used.has(v.id) ? v.id : crypto.randomUUID();
    used.add(id);
    return { id, name: v.name, sku: str(v.sku, 'sku'), barcodes: [...v.barcodes].sort(), price: v.price };
  });
}

/** The `$set` of a product write: its fields, its variants and the index arrays derived from them. */
function productSet(p: ProductInput, variants: Variant[], now: Date) {
  const set = {
    ...productFields(p),
    variants,
    skus: variants.map((v) => v.sku),
    barcodes: variants.flatMap((v) => v.barcodes),
    updatedAt: now,
  };
  assertSafeInput(set, 'product');
  return set;
}

function newProductDoc(tenantId: string, p: ProductInput, now: Date): ProductDoc {
  return { _id: crypto.randomUUID(), tenantId, ...productSet(p, variantsWithIds(p.variants, new Set()), now), createdAt: now, revision: 0 };
}

function toProduct(d: ProductDoc): Product {
  return {
    id: d._id,
    name: d.name,
    description: d.description ?? null,
    categoryId: d.categoryId ?? null,
    taxClassId: d.taxClassId ?? null,
    photoUrl: d.photoUrl ?? null,
    status: d.status,
    trackStock: d.trackStock,
    allowNegativeStock: d.allowNegativeStock,
    attributes: d.attributes ?? {},
    modifierGroupIds: d.modifierGroupIds ?? [],
    variants: (d.variants ?? []).map((v) => ({ id: v.id, name: v.name, sku: v.sku, barcodes: [...(v.barcodes ?? [])].sort(), price: v.price })),
    createdAt: d.createdAt,
    updatedAt: d.updatedAt,
  };
}

function toVariantRef(d: ProductDoc, v: Variant): VariantRef {
  return {
    variantId: v.id,
    productId: d._id,
    productName: d.name,
    variantName: v.name,
    sku: v.sku,
    barcodes: [...(v.barcodes ?? [])].sort(),
    price: v.price,
    categoryId: d.categoryId ?? null,
    taxClassId: d.taxClassId ?? null,
    trackStock: d.trackStock,
    allowNegativeStock: d.allowNegativeStock,
    status: d.status,
  };
}

/** Barcode lookups repeat the partial index's condition so the planner can use that index. */
const hasBarcodes = { 'barcodes.0': { $exists: true } } as const;

/** SKUs and barcodes of `items` already used by a product other than `ownProductIds`. */
async function findClashes(
  products: Collection<ProductDoc>,
  tenantId: string,
  items: ProductInput[],
  ownProductIds: string[],
  session?: ClientSession,
): Promise<Clash[]> {
  const skus = [...new Set(items.flatMap((p) => p.variants.map((v) => str(v.sku, 'sku'))))];
  const barcodes = [...new Set(items.flatMap((p) => p.variants.flatMap((v) => v.barcodes.map((b) => str(b, 'barcode')))))];
  const notOwn: Filter<ProductDoc> = ownProductIds.length ? { _id: { $nin: ownProductIds } } : {};
  const clashes: Clash[] = [];
  for (const chunk of chunks(skus, 5000)) {
    const wanted = new Set(chunk);
    const docs = await products
      .find(scoped<ProductDoc>(tenantId, { ...notOwn, skus: { $in: chunk } }), { session, projection: { skus: 1 } })
      .toArray();
    for (const d of docs) for (const sku of d.skus) if (wanted.has(sku)) clashes.push({ kind: 'sku', value: sku });
  }
  for (const chunk of chunks(barcodes, 5000)) {
    const wanted = new Set(chunk);
    const docs = await products
      .find(scoped<ProductDoc>(tenantId, { ...notOwn, ...hasBarcodes, barcodes: { $in: chunk } }), { session, projection: { barcodes: 1 } })
      .toArray();
    for (const d of docs) for (const b of d.barcodes) if (wanted.has(b)) clashes.push({ kind: 'barcode', value: b });
  }
  return clashes;
}

const MAX_UPDATE_ATTEMPTS = 5;

/**
 * Replaces product `id` with `input`, keeping the ids of variants that still exist. Optimistic:
 * the write only applies if the product is unchanged since its variants were read (else re-read).
 * Returns null when the product does not exist in this tenant.
 */
async function replaceProduct(
  products: Collection<ProductDoc>,
  tenantId: string,
  id: string,
  input: ProductInput,
  session?: ClientSession,
): Promise<ProductDoc | null> {
  for (let attempt = 0; attempt < MAX_UPDATE_ATTEMPTS; attempt++) {
    const existing = await products.findOne(scoped<ProductDoc>(tenantId, { _id: id }), { session, projection: { variants: 1, revision: 1 } });
    if (!existing) return null;
    const variants = variantsWithIds(input.variants, new Set((existing.variants ?? []).map((v) => v.id)));
    const now = new Date();
    const update: UpdateFilter<ProductDoc> = { $set: productSet(input, variants, now), $inc: { revision: 1 } };
    // `?? null`: a document written before revisions existed has none (null matches a missing
    // field); never undefined, which the client would drop from the filter.
    const written = await products.findOneAndUpdate(scoped<ProductDoc>(tenantId, { _id: id, revision: existing.revision ?? null }), update, {
      session,
      returnDocument: 'after',
    });
    if (written) return written;
  }
  throw new AppError('conflict', 'The product changed while it was being saved; try again');
}

// ---------------------------------------------------------------------------------------------
// Reference data

function referenceStore<T extends { id: string }, Input, D extends Stamped & { name: string }>(
  collection: () => Promise<Collection<D>>,
  fields: (input: Input) => Omit<D, keyof Stamped>,
  toItem: (doc: D) => T,
  sort: Record<string, 1 | -1>,
  unlink: (tenantId: string, id: string) => Promise<void>,
  what: string,
): ReferenceStore<T, Input> {
  const duplicate = (err: unknown): never => {
    if (duplicateKey(err)) throw new AppError('conflict', `A ${what} with this name already exists`, [{ path: 'name', message: 'Already in use' }]);
    throw err;
  };
  const checked = (input: Input) => {
    assertSafeInput(input, 'input');
    const f = fields(input);
    assertSafeInput(f, what);
    return f;
  };
  return {
    async list(tenantId) {
      const t = tenant(tenantId);
      const docs = await (await collection()).find(scoped<D>(t), { sort: { ...sort, _id: 1 } }).toArray();
      return docs.map((d) => toItem(d as D));
    },
    async get(tenantId, id) {
      const t = tenant(tenantId);
      const key = str(id, 'id');
      const doc = await (await collection()).findOne(scoped<D>(t, { _id: key } as Filter<D>));
      return doc ? toItem(doc as D) : null;
    },
    async create(tenantId, input) {
      const t = tenant(tenantId);
      const now = new Date();
      const doc = { _id: crypto.randomUUID(), tenantId: t, ...checked(input), createdAt: now, updatedAt: now } as D;
      await (await collection()).insertOne(doc as Parameters<Collection<D>['insertOne']>[0]).catch(duplicate);
      return toItem(doc);
    },
    async update(tenantId, id, input) {
      const t = tenant(tenantId);
      const key = str(id, 'id');
      const set = { ...checked(input), updatedAt: new Date() };
      const doc = await (await collection())
        .findOneAndUpdate(scoped<D>(t, { _id: key } as Filter<D>), { $set: set } as UpdateFilter<D>, { returnDocument: 'after' })
        .catch(duplicate);
      return doc ? toItem(doc as D) : null;
    },
    async delete(tenantId, id) {
      const t = tenant(tenantId);
      const key = str(id, 'id');
      // References first (like the Postgres adapter, which does both in one transaction): a
      // crash in between leaves an unused item, never a product pointing at nothing.
      await unlink(t, key);
      const result = await (await collection()).deleteOne(scoped<D>(t, { _id: key } as Filter<D>));
      return result.deletedCount > 0;
    },
  };
}

// ---------------------------------------------------------------------------------------------
// The adapter

export function mongoCatalogRepository(uri: string): CatalogRepository {
  const h = handleFor(uri);
  const cols = () => ready(h);
  const products = async () => (await cols()).products;

  const refsOf = (docs: ProductDoc[], pick: (v: Variant) => boolean): VariantRef[] =>
    docs.flatMap((d) => (d.variants ?? []).filter(pick).map((v) => toVariantRef(d, v)));

  return {
    kind: 'mongodb',

    async listProducts(tenantId, q: ProductListQuery): Promise<Page<Product>> {
      const t = tenant(tenantId);
      assertSafeInput(q, 'query');
      const skip = q.skip ?? 0;
      const limit = q.limit ?? 50;
      if (!Number.isInteger(skip) || skip < 0) throw badInput('skip', 'must be a whole number, 0 or more');
      // MongoDB reads limit 0 as "no limit": never let that through.
      if (!Number.isInteger(limit) || limit < 1) throw badInput('limit', 'must be a whole number, 1 or more');
      const status = q.status ?? 'active';
      if (status !== 'active' && status !== 'archived' && status !== 'all') throw badInput('status', 'must be active, archived or all');

      const filter: Filter<ProductDoc> = {};
      if (status !== 'all') filter.status = status;
      if (q.categoryId) filter.categoryId = str(q.categoryId, 'categoryId');
      if (q.search) {
        const search = str(q.search, 'search');
        const term = escapeRegex(search);
        filter.$or = [
          { name: { $regex: term, $options: 'i' } },
          { skus: { $regex: `^${term}`, $options: 'i' } },
          { ...hasBarcodes, barcodes: search },
        ];
      }
      const col = await products();
      const where = scoped<ProductDoc>(t, filter);
      const [total, docs] = await Promise.all([
        col.countDocuments(where),
        col.find(where, { sort: { name: 1, _id: 1 }, skip, limit }).toArray(),
      ]);
      return { data: docs.map(toProduct), total, skip, limit };
    },

    async getProduct(tenantId, id) {
      const t = tenant(tenantId);
      const key = str(id, 'id');
      const doc = await (await products()).findOne(scoped<ProductDoc>(t, { _id: key }));
      return doc ? toProduct(doc) : null;
    },

    async getProducts(tenantId, ids) {
      const t = tenant(tenantId);
      if (!Array.isArray(ids)) throw badInput('ids', 'must be a list');
      const keys = [...new Set(ids.map((id, i) => str(id, `ids.${i}`)))];
      if (keys.length === 0) return [];
      const docs = await (await products()).find(scoped<ProductDoc>(t, { _id: { $in: keys } })).toArray();
      return docs.map(toProduct);
    },

    async createProduct(tenantId, input) {
      const t = tenant(tenantId);
      checkProduct(input);
      const col = await products();
      try {
        const clashes = await findClashes(col, t, [input], []);
        if (clashes.length) throw clashError(clashes);
        const doc = newProductDoc(t, input, new Date());
        await col.insertOne(doc);
        return toProduct(doc);
      } catch (err) {
        throw productWriteError(err);
      }
    },

    async updateProduct(tenantId, id, input) {
      const t = tenant(tenantId);
      const key = str(id, 'id');
      checkProduct(input);
      const col = await products();
      try {
        const clashes = await findClashes(col, t, [input], [key]);
        if (clashes.length) throw clashError(clashes);
        const doc = await replaceProduct(col, t, key, input);
        return doc ? toProduct(doc) : null;
      } catch (err) {
        throw productWriteError(err);
      }
    },

    async allProducts(tenantId) {
      const t = tenant(tenantId);
      const docs = await (await products()).find(scoped<ProductDoc>(t), { sort: { name: 1, _id: 1 } }).toArray();
      return docs.map(toProduct);
    },

    async getVariants(tenantId, variantIds) {
      const t = tenant(tenantId);
      if (!Array.isArray(variantIds)) throw badInput('variantIds', 'must be a list');
      const ids = [...new Set(variantIds.map((v, i) => str(v, `variantIds.${i}`)))];
      if (ids.length === 0) return [];
      const wanted = new Set(ids);
      const docs = await (await products()).find(scoped<ProductDoc>(t, { 'variants.id': { $in: ids } })).toArray();
      return refsOf(docs, (v) => wanted.has(v.id));
    },

    async findVariantBySku(tenantId, sku) {
      const t = tenant(tenantId);
      const value = str(sku, 'sku');
      const doc = await (await products()).findOne(scoped<ProductDoc>(t, { skus: value }));
      return doc ? (refsOf([doc], (v) => v.sku === value)[0] ?? null) : null;
    },

    async findVariantByBarcode(tenantId, barcode) {
      const t = tenant(tenantId);
      const value = str(barcode, 'barcode');
      const doc = await (await products()).findOne(scoped<ProductDoc>(t, { ...hasBarcodes, barcodes: value }));
      return doc ? (refsOf([doc], (v) => v.barcodes.includes(value))[0] ?? null) : null;
    },

    async importProducts(tenantId, items: ImportedProduct[], onProgress) {
      const t = tenant(tenantId);
      list(items, 'products').forEach((p, i) => checkProduct(p as ImportedProduct, `products.${i}`));
      // Like the Postgres adapter: a product with an id updates it, one without (or with "") is new.
      const updates = items.filter((p) => p.id);
      const creates = items.filter((p) => !p.id);
      const updateIds = updates.map((p, i) => str(p.id, `products.${i}.id`));
      const col = await products(); // indexes exist before the transaction starts
      const session = h.client.startSession();
      try {
        // All or nothing. Needs a replica set (see the top of this file). withTransaction may run
        // the callback again on a transient error, so progress can restart from 0.
        return await session.withTransaction(async (s) => {
          const clashes = await findClashes(col, t, items, updateIds, s);
          if (clashes.length) throw clashError(clashes);
          let done = 0;
          for (const [i, p] of updates.entries()) {
            if (!(await replaceProduct(col, t, updateIds[i]!, p, s))) throw new AppError('not_found', `Product ${updateIds[i]} no longer exists`);
            onProgress?.(++done);
          }
          for (const chunk of chunks(creates, 1000)) {
            const now = new Date();
            await col.insertMany(
              chunk.map((p) => newProductDoc(t, p, now)),
              { session: s, ordered: true },
            );
            done += chunk.length;
            onProgress?.(done);
          }
          return { created: creates.length, updated: updates.length };
        });
      } catch (err) {
        throw productWriteError(err);
      } finally {
        await session.endSession();
      }
    },

    categories: referenceStore<Category, CategoryInput, CategoryDoc>(
      async () => (await cols()).categories,
      (i) => ({ name: str(i.name, 'name'), position: i.position ?? 0, color: i.color ?? null }),
      (d) => ({ id: d._id, name: d.name, position: d.position, color: d.color ?? null }),
      { position: 1, name: 1 },
      async (tenantId, id) => {
        await (await products()).updateMany(scoped<ProductDoc>(tenantId, { categoryId: id }), { $set: { categoryId: null } });
      },
      'category',
    ),

    taxClasses: referenceStore<TaxClass, TaxClassInput, TaxClassDoc>(
      async () => (await cols()).taxClasses,
      (i) => ({ name: str(i.name, 'name'), rateBasisPoints: i.rateBasisPoints }),
      (d) => ({ id: d._id, name: d.name, rateBasisPoints: d.rateBasisPoints }),
      { name: 1 },
      async (tenantId, id) => {
        await (await products()).updateMany(scoped<ProductDoc>(tenantId, { taxClassId: id }), { $set: { taxClassId: null } });
      },
      'tax class',
    ),

    modifierGroups: referenceStore<ModifierGroup, ModifierGroupInput, ModifierGroupDoc>(
      async () => (await cols()).modifierGroups,
      (input) => {
        const i = withModifierOptionIds(input);
        return {
          name: str(i.name, 'name'),
          minSelect: i.minSelect,
          maxSelect: i.maxSelect,
          options: i.options.map((o) => ({ id: str(o.id, 'options.id'), name: o.name, priceDelta: o.priceDelta })),
        };
      },
      (d) => ({
        id: d._id,
        name: d.name,
        minSelect: d.minSelect,
        maxSelect: d.maxSelect,
        options: (d.options ?? []).map((o) => ({ id: o.id, name: o.name, priceDelta: o.priceDelta })),
      }),
      { name: 1 },
      async (tenantId, id) => {
        await (await products()).updateMany(scoped<ProductDoc>(tenantId, { modifierGroupIds: id }), { $pull: { modifierGroupIds: id } });
      },
      'modifier group',
    ),
  };
}
