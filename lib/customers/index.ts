import 'server-only';
export * from './schemas';
export {
  createCustomer,
  updateCustomer,
  getCustomer,
  searchCustomers,
  customerForOrder,
  pointsLedgerOf,
  exportCustomerIn,
  eraseCustomerIn,
  ERASED_NAME,
  type CustomerView,
  type CustomerExport,
  type LedgerEntryView,
} from './customers';
export { getLoyaltySettings, updateLoyaltySettings, pointsFor, rewardOf, redeemPoints, loyaltyOnReceipt, type LoyaltySettings, type ReceiptLoyalty } from './loyalty';
