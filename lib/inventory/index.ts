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
  listLedger,
  type SaleLine,
  type StockLevel,
} from './stock';
export { InsufficientStockError, type ShortItem } from './movements';
