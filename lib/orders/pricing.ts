import { AppError } from '@/lib/platform/errors';
import { MAX_ORDER_AMOUNT, priceOrderWith, type PricedOrder, type PricingLine, type PricingOptions } from './arithmetic';

/** Order arithmetic (./arithmetic.ts, client-safe), with the server's error for an order too large to record. */
export * from './arithmetic';

const tooLarge = () =>
  new AppError('unprocessable', `This order is too large to record (more than ${MAX_ORDER_AMOUNT.toLocaleString('en')} in minor units): split it into smaller orders`);

export function priceOrder(lines: PricingLine[], options: PricingOptions): PricedOrder {
  return priceOrderWith(lines, options, tooLarge);
}
