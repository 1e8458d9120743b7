import type { AuditEntry } from '@/lib/platform/audit';
import type { Tx } from '@/lib/platform/db';
import type { ReceivedCost } from './costing';
import type { CategoryInput, ListQuery, ModifierGroupInput, ProductInput, ProductListQuery, SavedDiscountInput, TaxClassInput } from './schemas';

/**
 * The catalog's storage port. Two adapters implement it — Postgres (default, JSONB
 * attributes) and MongoDB (when MONGODB_URI is set) — and one contract suite
 * (tests/catalog/repository-contract.ts) runs against both. Every method takes the tenant
 * id first and never returns another tenant's data; "not found" is null/false, uniqueness
 * clashes throw AppError('conflict') naming the SKU or barcode.
 */
/** `cost`: what one unit costs the store before tax, in minor units (null: not known). */
export type Variant = { id: string; name: string; sku: string; barcodes: string[]; price: number; cost: number | null };

export type Product = {
  id: string;
  name: string;
  /** The name in another script or language (မုန့်ဟင်းခါး for "Mohinga"); searched like the name. */
  altName: string | null;
  description: string | null;
  categoryId: string | null;
  taxClassId: string | null;
  photoUrl: string | null;
  status: 'active' | 'archived';
  trackStock: boolean;
  allowNegativeStock: boolean;
  /** The price is typed in at the sale. */
  openPrice: boolean;
  attributes: Record<string, unknown>;
  modifierGroupIds: string[];
  variants: Variant[];
  createdAt: Date;
  updatedAt: Date;
};

/** One sellable variant with what stock and checkout need of its product. */
export type VariantRef = {
  variantId: string;
  productId: string;
  productName: string;
  variantName: string;
  sku: string;
  barcodes: string[];
  price: number;
  /** What one unit costs the store (null: not known): a sale snapshots it for margins. */
  cost: number | null;
  categoryId: string | null;
  taxClassId: string | null;
  trackStock: boolean;
  allowNegativeStock: boolean;
  /** The price is typed in at the sale. */
  openPrice: boolean;
  status: 'active' | 'archived';
  /** The product's modifier groups, in its order (a quote needs them; no second read of the product). */
  modifierGroupIds: string[];
};

/** `tracksStock`: new products in it track stock (true/false), or follow the store's default (null). */
export type Category = { id: string; name: string; position: number; color: string | null; tracksStock: boolean | null };
export type TaxClass = { id: string; name: string; rateBasisPoints: number };
export type SavedDiscount = SavedDiscountInput & { id: string };
export type ModifierGroup = {
  id: string;
  name: string;
  minSelect: number;
  maxSelect: number;
  options: { id: string; name: string; priceDelta: number }[];
};

export type Page<T> = { data: T[]; total: number; skip: number; limit: number };

/**
 * The audit row a write records, made from the item as it was and as it became (null: none;
 * the builder may answer null for nothing to record). Every write method takes one: the
 * Postgres adapter writes the row in the write's own transaction; MongoDB shares no
 * transaction with the audit log, so its adapter writes it right after (recordAuditAfter).
 */
export type AuditOf<T> = (change: { before: T | null; after: T | null }) => AuditEntry | null;

export type ImportResult = { created: number; updated: number };

/** A product to write during import: `id` set means update that product. */
export type ImportedProduct = ProductInput & { id?: string };

/** CRUD for one kind of catalog reference data, keyed by tenant. */
/** What pricing a sale needs of the catalog: its variants, and the modifier groups and tax classes they use. */
export type PricingRefs = { variants: VariantRef[]; modifierGroups: ModifierGroup[]; taxClasses: TaxClass[] };

export type ReferenceStore<T, Input> = {
  /** Every item; in the caller's tenant transaction `tx` when given (Postgres; MongoDB ignores it). */
  list(tenantId: string, tx?: Tx): Promise<T[]>;
  /** One page of `list`, in its order, with the total; paged by the database. */
  page(tenantId: string, query: ListQuery): Promise<Page<T>>;
  get(tenantId: string, id: string): Promise<T | null>;
  /** In the caller's tenant transaction `tx` when given (Postgres: sign-up's starter catalog; MongoDB has none to join). */
  create(tenantId: string, input: Input, audit?: AuditOf<T>, tx?: Tx): Promise<T>;
  update(tenantId: string, id: string, input: Input, audit?: AuditOf<T>): Promise<T | null>;
  /**
   * Read, merge and write as one step: `merge` turns the stored item into its new input (and
   * may throw, e.g. a ZodError, leaving it unchanged); no other write can come in between.
   * Null when there is no such item (`merge` is then not called).
   */
  patch(tenantId: string, id: string, merge: (current: T) => Input, audit?: AuditOf<T>): Promise<T | null>;
  /** Deletes it and removes every product's reference to it. */
  delete(tenantId: string, id: string, audit?: AuditOf<T>): Promise<boolean>;
};

/**
 * The sample catalog (lib/catalog/samples.ts): products created at sign-up carry
 * `attributes.sample = true`; only those are ever listed here, and only those the service
 * chose are deleted.
 */
export type SampleMethods = {
  /** Active products, and how many of them are samples nobody has changed since sign-up (the dashboard's checklist). */
  countProducts(tenantId: string): Promise<{ active: number; removableSamples: number }>;
  /** Every product marked as a sample, archived ones too. */
  sampleProducts(tenantId: string): Promise<Product[]>;
  /** Deletes these products (with their variants and barcodes) of the tenant; answers how many went. One audit row each. */
  deleteProducts(tenantId: string, ids: string[], audit?: AuditOf<Product>): Promise<number>;
};

export interface CatalogRepository extends SampleMethods {
  readonly kind: 'postgres' | 'mongodb';

  listProducts(tenantId: string, query: ProductListQuery): Promise<Page<Product>>;
  getProduct(tenantId: string, id: string): Promise<Product | null>;
  /** The products of `ids` that exist in this tenant (any order; missing ids are left out). */
  getProducts(tenantId: string, ids: string[]): Promise<Product[]>;
  /** In the caller's tenant transaction `tx` when given (Postgres: sign-up's starter catalog; MongoDB has none to join). */
  createProduct(tenantId: string, input: ProductInput, audit?: AuditOf<Product>, tx?: Tx): Promise<Product>;
  /** Replaces the product; variants matched by id keep their ids, others are new. */
  updateProduct(tenantId: string, id: string, input: ProductInput, audit?: AuditOf<Product>): Promise<Product | null>;
  /** Every product, in a stable order (export). */
  allProducts(tenantId: string): Promise<Product[]>;
  /**
   * Every active product, in listProducts' order, without paging or counting (the register's
   * catalog on each page load). In the caller's tenant transaction `tx` when given; MongoDB ignores it.
   */
  activeProducts(tenantId: string, tx?: Tx): Promise<Product[]>;

  getVariants(tenantId: string, variantIds: string[]): Promise<VariantRef[]>;
  findVariantBySku(tenantId: string, sku: string): Promise<VariantRef | null>;
  findVariantByBarcode(tenantId: string, barcode: string): Promise<VariantRef | null>;
  /**
   * The variants of `variantIds` (unknown ids left out) with the modifier groups and tax
   * classes they use: every quote and checkout needs all three, so Postgres reads them in one
   * transaction — the caller's `tx` when given (a quote reads the settings and the 86 list in it
   * too); MongoDB has no part in a Postgres transaction and ignores it.
   */
  getPricing(tenantId: string, variantIds: string[], tx?: Tx): Promise<PricingRefs>;

  /**
   * Moves each variant's cost to the weighted average with stock received at a unit cost
   * (lib/catalog/costing.ts), answering the new costs by variant id. On Postgres in the
   * receipt's transaction `tx`, holding the variant's row, so two receipts average in turn;
   * MongoDB (no part in it) applies each with an optimistic retry.
   */
  recordReceivedCosts(tenantId: string, lines: ReceivedCost[], tx?: Tx): Promise<Map<string, number>>;

  /** All-or-nothing: either every product is written or none is. */
  importProducts(tenantId: string, products: ImportedProduct[], onProgress?: (done: number) => void, audit?: AuditOf<ImportResult>): Promise<ImportResult>;

  categories: ReferenceStore<Category, CategoryInput>;
  taxClasses: ReferenceStore<TaxClass, TaxClassInput>;
  modifierGroups: ReferenceStore<ModifierGroup, ModifierGroupInput>;
  savedDiscounts: ReferenceStore<SavedDiscount, SavedDiscountInput>;
}

/** What each adapter's parts provide (products, reference data); the import is the rest. */
export type ReferenceStores = Pick<CatalogRepository, 'categories' | 'taxClasses' | 'modifierGroups' | 'savedDiscounts'>;
export type ProductMethods = Omit<CatalogRepository, 'kind' | 'importProducts' | 'getPricing' | keyof ReferenceStores | keyof SampleMethods>;
