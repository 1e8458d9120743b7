export * from './schemas';
export {
  createOrder,
  updateOpenOrder,
  placeOrder,
  getOrder,
  listOrders,
  businessDate,
  assertTransition,
  type OrderView,
  type SaleContext,
} from './orders';
export { payOrder, settleCard, PAYMENT_PENDING } from './payments';
export { refundOrder, voidOrder, refundAmount } from './refunds';
export { openShift, currentShift, addCashMovement, shiftReport, closeShift, type Shift, type ShiftReport } from './shifts';
export { recoverAll, recoverTenant } from './recovery';
export { renderReceipt } from './receipt';
export { priceOrder, type Discount } from './pricing';
