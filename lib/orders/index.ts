import 'server-only';
export * from './schemas';
export {
  createOrder,
  updateOpenOrder,
  placeOrder,
  getOrder,
  listOrders,
  countOrdersByStatus,
  businessDate,
  assertTransition,
  type OrderView,
} from './orders';
export { openTabs, startTab, cancelTab, fireOrder, moveOrder, mergeOrder, type OpenTab } from './tabs';
export { payOrder, settleCard, PAYMENT_PENDING } from './payments';
export { refundOrder, voidOrder, refundAmount, refundTax } from './refunds';
export { openShift, currentShift, getShift, shiftsOfDay, anyShiftOpened, variantsSold, type DayTotals, addCashMovement, shiftReport, closeShift, type Shift, type ShiftReport } from './shifts';
export { recoverAll, recoverTenant, recheckCardPayments } from './recovery';
export { receiptOf, renderedReceipt, renderReceipt, receiptText, publicReceipt, type PublicReceipt, type ReceiptOptions } from './receipt';
export { requestReceiptEmail, receiptEmailsOf, sendReceiptEmail, emailReceiptSchema, type EmailReceiptInput, type ReceiptEmailView } from './receipt-email';
export { receiptToken } from './receipt-links';
export { loadOrderDetail, staffNames, type OrderDetailData, type OrderSummary, type RefundableLine, type Approver } from './order-detail';
export { checkout, type CheckoutPaymentError } from './checkout';
export { customerProfile, exportCustomer, eraseCustomer, type CustomerProfile, type CustomerOrder, type CustomerTotals, type CustomerDataExport } from './customers';
export { splitOrder, clearSplit, planSplit, splitByItem, splitBySeat, splitEqually, type PlannedPart, type SplitLine } from './split';
export type { SplitPartView } from './split-parts';
export { searchOrders, type FoundOrder } from './search';
export { orderTimeline, ORDER_EVENT_TYPES, type OrderEvent } from './timeline';
export { exportOrders } from './export';
export { quoteOrder, type Quote } from './quote';
export { reportRefusedSale, listRefusedSales, countOpenRefusedSales, resolveRefusedSale, type RefusedSaleView } from './refused-sales';
export { priceOrder, type Discount, type PricedLine } from './pricing';
export { registerData, registerScreen, registerTips, type RegisterData, type RegisterScreen, type RegisterMenu, type RegisterModifierGroup, type RegisterProduct, type RegisterStockLevel, type RegisterTable, type RegisterTips } from './register-data';
export {
  saleFacts,
  refundFacts,
  voidFacts,
  salesFactsSpan,
  closedShifts,
  type SaleFact,
  type SaleLineFact,
  type RefundFact,
  type RefundLineFact,
  type VoidFact,
  type ClosedShiftFact,
  type FactSelection,
} from './sales-facts';
