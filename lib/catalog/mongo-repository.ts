import { auditedAfterWrites } from './mongo/audit';
import { handleFor } from './mongo/connection';
import { mongoImportProducts } from './mongo/import';
import { mongoProducts } from './mongo/products';
import { mongoReferenceData } from './mongo/reference-data';
import { mongoSamples } from './mongo/samples';
import type { CatalogRepository } from './repository';
import { pricingFromReads } from './shared';

export { closeMongoCatalog } from './mongo/connection';

/**
 * The catalog's MongoDB adapter, chosen by lib/catalog/service.ts when MONGODB_URI is set.
 * Behaves like the Postgres adapter (the reference; tests/catalog/repository-contract.ts runs
 * against both).
 *
 * Layout: one `products` document per product with its variants embedded, plus the flattened
 * `skus` and `barcodes` arrays that carry the per-tenant unique indexes; `categories`,
 * `taxClasses` and `modifierGroups` hold reference data (mongo/connection.ts). Input checks
 * and tenant scoping: mongo/checks.ts. Products: mongo/products.ts and product-docs.ts; the
 * all-or-nothing import (the one part that needs a replica set): mongo/import.ts; reference
 * data: mongo/reference-data.ts. Audit rows follow each write (mongo/audit.ts: no shared transaction).
 */
export function mongoCatalogRepository(uri: string): CatalogRepository {
  const h = handleFor(uri);
  const parts = { ...mongoProducts(h), ...mongoReferenceData(h) };
  const samples = mongoSamples(h);
  return auditedAfterWrites({ kind: 'mongodb', ...parts, ...samples, getPricing: pricingFromReads(parts), importProducts: mongoImportProducts(h) });
}
