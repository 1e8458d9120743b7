import type { CatalogRepository } from './repository';
import { importProducts } from './postgres/import';
import { getPricing, postgresProducts } from './postgres/products';
import { postgresReferenceData } from './postgres/reference-data';
import { postgresSamples } from './postgres/samples';

/**
 * The catalog's Postgres adapter (the default, and the reference the contract suite
 * tests/catalog/repository-contract.ts was written against): products with `product_variants`
 * and `variant_barcodes` (postgres/products.ts, product-rows.ts), the all-or-nothing import
 * (postgres/import.ts) and reference data (postgres/reference-data.ts). Every query runs in
 * withTenant, so row-level security scopes it to the tenant.
 */
export function postgresCatalogRepository(): CatalogRepository {
  return { kind: 'postgres', ...postgresProducts(), ...postgresSamples(), getPricing, importProducts, ...postgresReferenceData() };
}
