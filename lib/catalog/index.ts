import 'server-only';
export * from './schemas';
export type { Category, ModifierGroup, Page, Product, SavedDiscount, TaxClass, Variant, VariantRef } from './repository';
export {
  listProducts,
  activeProducts,
  getProduct,
  getProducts,
  createProduct,
  replaceProduct,
  patchProduct,
  archiveProduct,
  getVariants,
  getPricing,
  findVariantByCode,
  recordReceivedCosts,
  categoryService,
  taxClassService,
  modifierGroupService,
  savedDiscountService,
  type ReferenceService,
} from './service';
export { CSV_COLUMNS, exportProductsCsv, importProductsCsv, previewProductsCsv, type CsvError, type ImportOutcome, type ImportPreview, type PreviewOutcome, type FieldChange, type DiffField, type DiffValue, type PlannedVariant, type ImportProgress } from './csv';
export { variantLabel } from './labels';
export { uploadProductPhoto, readProductPhoto, sweepUnusedPhotos, photoUploadSchema, PHOTO_TYPES, MAX_PHOTO_BYTES, PHOTO_SIZES, type PhotoUpload } from './photos';
export { createStarterCatalog, catalogCounts, removeSampleProducts, type StarterCatalog, type SampleRemoval } from './samples';
export { SAMPLE_CATALOGS, samplePrice, type SampleKind } from './sample-data';
export { weightedAverageCost, type ReceivedCost } from './costing';
export { defaultTaxClassOf, newProductDefaults, tracksStockIn, type StoreProductDefaults } from './defaults';
