/**
 * Order arithmetic, in integer minor units only. The rules (documented in docs/architecture.md,
 * checked by property tests in tests/orders/pricing.test.ts):
 *
 * 1. A line's gross is (unit price + modifier deltas) × quantity.
 * 2. A line discount is a percentage (basis points) of its gross, or an amount; either is
 *    capped at the gross, so a line never goes below zero.
 * 3. An order discount applies to the sum of the lines after their own discounts and is
 *    spread over the lines in proportion to them (largest-remainder method, so the shares
 *    add up exactly); it too is capped.
 * 4. A service charge (dine-in; basis points) is round(Σ net × rate / 10 000) on the lines'
 *    amount after all discounts, spread over the lines by `allocate` like the order discount.
 *    It is an amount at shelf prices (tax included when the tenant prices that way), so it is
 *    taxed with the line it sits on: the line's taxable amount is net + service charge.
 * 5. Tax is computed per line on its discounted amount plus its service charge, at the line's rate:
 *    - prices exclude tax: tax = round((net + sc) × rate / 10 000); the line costs net + sc + tax;
 *    - prices include tax: tax = round((net + sc) × rate / (10 000 + rate)); the line costs net + sc.
 * 6. Rounding is half away from zero to the nearest minor unit (half-up for amounts ≥ 0),
 *    always on the exact rational value (integer arithmetic, no floats on the way).
 * 7. The order's totals are sums of its lines' amounts, so lines and totals always agree.
 */
export type Discount = { kind: 'percent'; basisPoints: number } | { kind: 'amount'; amount: number };

export type PricingLine = {
  unitPrice: number;
  modifiersTotal: number;
  quantity: number;
  taxRateBasisPoints: number;
  discount?: Discount | null;
};

export type PricedLine = {
  gross: number;
  lineDiscount: number;
  orderDiscount: number;
  /** gross − both discounts (tax included or not). */
  net: number;
  /** The line's share of the order's service charge (0 without one); taxed with the line. */
  serviceCharge: number;
  tax: number;
  /** What the customer pays for the line. */
  total: number;
};

export type PricedOrder = {
  lines: PricedLine[];
  subtotal: number;
  discountTotal: number;
  serviceChargeTotal: number;
  taxTotal: number;
  total: number;
};

export type PricingOptions = {
  pricesIncludeTax: boolean;
  orderDiscount?: Discount | null;
  /** Service charge in basis points of the discounted amount (dine-in orders); 0 or absent: none. */
  serviceChargeBasisPoints?: number;
};

/** round(numerator / denominator), half away from zero, exactly (bigint: no float error). */
export function divideRounded(numerator: number, denominator: number): number {
  if (denominator <= 0) throw new Error('denominator must be positive');
  const n = BigInt(numerator);
  const d = BigInt(denominator);
  const sign = n < 0n ? -1n : 1n;
  const abs = n < 0n ? -n : n;
  return Number(sign * ((abs * 2n + d) / (2n * d)));
}

function discountAmount(base: number, discount: Discount | null | undefined): number {
  if (!discount) return 0;
  const raw = discount.kind === 'percent' ? divideRounded(base * discount.basisPoints, 10_000) : discount.amount;
  return Math.min(Math.max(raw, 0), base);
}

/**
 * Splits `amount` over `weights` in proportion, exactly: floor shares first, then the
 * remaining units to the largest remainders (ties to the earlier line).
 */
export function allocate(amount: number, weights: number[]): number[] {
  const total = weights.reduce((a, b) => a + b, 0);
  if (amount === 0 || total === 0) return weights.map(() => 0);
  const exact = weights.map((w) => (BigInt(amount) * BigInt(w)));
  const shares = exact.map((e) => Number(e / BigInt(total)));
  let left = amount - shares.reduce((a, b) => a + b, 0);
  const byRemainder = exact
    .map((e, i) => ({ i, remainder: e % BigInt(total) }))
    .sort((a, b) => (a.remainder === b.remainder ? a.i - b.i : a.remainder > b.remainder ? -1 : 1));
  for (const { i } of byRemainder) {
    if (left === 0) break;
    shares[i]!++;
    left--;
  }
  return shares;
}

export function taxOf(net: number, rateBasisPoints: number, pricesIncludeTax: boolean): number {
  if (rateBasisPoints === 0 || net === 0) return 0;
  return pricesIncludeTax ? divideRounded(net * rateBasisPoints, 10_000 + rateBasisPoints) : divideRounded(net * rateBasisPoints, 10_000);
}

/**
 * The most an order may come to, in minor units: its amounts are stored as int4, and below this
 * every step of the arithmetic stays exact in a double. 2 147 483 647 is about 21 million
 * dollars, or 86 000 dollars in dong: a larger sale is split into orders.
 */
export const MAX_ORDER_AMOUNT = 2_147_483_647;

/**
 * Prices an order; `tooLarge` makes the error for one past MAX_ORDER_AMOUNT (the server's
 * pricing.ts gives its AppError; this file imports nothing, so the register can price offline).
 */
export function priceOrderWith(lines: PricingLine[], options: PricingOptions, tooLarge: () => Error): PricedOrder {
  const gross = lines.map((l) => (l.unitPrice + l.modifiersTotal) * l.quantity);
  if (gross.reduce((a, b) => a + b, 0) > MAX_ORDER_AMOUNT) throw tooLarge();
  const lineDiscounts = lines.map((l, i) => discountAmount(gross[i]!, l.discount));
  const afterLine = gross.map((g, i) => g - lineDiscounts[i]!);
  const orderDiscount = discountAmount(afterLine.reduce((a, b) => a + b, 0), options.orderDiscount);
  const orderShares = allocate(orderDiscount, afterLine);
  const nets = afterLine.map((a, i) => a - orderShares[i]!);
  const serviceCharge = divideRounded(nets.reduce((a, b) => a + b, 0) * Math.max(options.serviceChargeBasisPoints ?? 0, 0), 10_000);
  const serviceShares = allocate(serviceCharge, nets);
  const priced = lines.map((l, i) => {
    const net = nets[i]!;
    const taxable = net + serviceShares[i]!;
    const tax = taxOf(taxable, l.taxRateBasisPoints, options.pricesIncludeTax);
    return {
      gross: gross[i]!,
      lineDiscount: lineDiscounts[i]!,
      orderDiscount: orderShares[i]!,
      net,
      serviceCharge: serviceShares[i]!,
      tax,
      total: options.pricesIncludeTax ? taxable : taxable + tax,
    };
  });
  const sum = (pick: (l: PricedLine) => number) => priced.reduce((a, l) => a + pick(l), 0);
  if (sum((l) => l.total) > MAX_ORDER_AMOUNT) throw tooLarge();
  return {
    lines: priced,
    subtotal: sum((l) => l.gross),
    discountTotal: sum((l) => l.lineDiscount + l.orderDiscount),
    serviceChargeTotal: sum((l) => l.serviceCharge),
    taxTotal: sum((l) => l.tax),
    total: sum((l) => l.total),
  };
}
