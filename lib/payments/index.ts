import 'server-only';
export {
  breakerStatus,
  capturePayment,
  chargeCard,
  findPaymentByKey,
  refundCard,
  voidPayment,
  GatewayRefusedError,
  GatewayUnavailableError,
  type BreakerState,
  type GatewayPayment,
} from './gateway';
export {
  recordCashPayment,
  startCardPayment,
  settleCardPayment,
  paymentsOfOrder,
  refundsOfOrder,
  stalePendingPayments,
  startRefund,
  settleRefund,
  refundsOfDocument,
  tenderTotalsOfShift,
  capturedByOrder,
  refundedByDocument,
  type PaymentView,
} from './records';
