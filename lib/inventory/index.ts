import 'server-only';
export * from './schemas';
export { listLocations, getLocation, createLocation, updateLocation, defaultLocation, type Location } from './locations';
export {
  receiveStock,
  adjustStock,
  countStock,
  transferStock,
  setLowStockThreshold,
  reserveStock,
  releaseStock,
  listLevels,
  levelsOf,
  quantitiesAt,
  listLedger,
  variantsWithMovements,
  type SaleLine,
  type StockLevel,
} from './stock';
export { InsufficientStockError, type ShortItem } from './movements';
export {
  draftPurchaseList,
  listPurchaseLists,
  getPurchaseList,
  markPurchaseListOrdered,
  receivePurchaseList,
  deletePurchaseList,
  createPurchaseOrder,
  sendPurchaseOrder,
  cancelPurchaseOrder,
  receivePurchaseOrder,
  purchaseOrderCsv,
  statusWords as purchaseOrderStatusWords,
  reorderQuantity,
  PURCHASE_LIST_MAX_LINES,
  type PurchaseList,
  type PurchaseOrder,
  type PurchaseOrderLine,
  type PurchaseListSummary,
} from './purchase-lists';
export { listSuppliers, getSupplier, createSupplier, updateSupplier, deleteSupplier, type Supplier } from './suppliers';
