export { breakerStatus, chargeCard, findPaymentByKey, refundCard, GatewayUnavailableError, type BreakerState, type GatewayPayment } from './gateway';
export {
  recordCashPayment,
  startCardPayment,
  settleCardPayment,
  paymentsOfOrder,
  refundsOfOrder,
  stalePendingPayments,
  startRefund,
  settleRefund,
  pendingRefunds,
  type PaymentView,
} from './records';
