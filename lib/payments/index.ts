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
  type PaymentView,
} from './records';
