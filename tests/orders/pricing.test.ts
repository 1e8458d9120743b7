import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocate, divideRounded, priceOrder, taxOf, type Discount, type PricingLine } from '@/lib/orders/pricing';

const discount: fc.Arbitrary<Discount | null> = fc.oneof(
  fc.constant(null),
  fc.record({ kind: fc.constant('percent' as const), basisPoints: fc.integer({ min: 0, max: 10_000 }) }),
  fc.record({ kind: fc.constant('amount' as const), amount: fc.integer({ min: 0, max: 5_000_000 }) }),
);
const line: fc.Arbitrary<PricingLine> = fc.record({
  unitPrice: fc.integer({ min: 0, max: 1_000_000 }),
  modifiersTotal: fc.integer({ min: 0, max: 50_000 }),
  quantity: fc.integer({ min: 1, max: 50 }),
  taxRateBasisPoints: fc.constantFrom(0, 500, 700, 888, 1000, 2000),
  discount,
});
const order = fc.record({
  lines: fc.array(line, { minLength: 1, maxLength: 12 }),
  pricesIncludeTax: fc.boolean(),
  orderDiscount: discount,
  serviceChargeBasisPoints: fc.constantFrom(0, 0, 500, 1000, 1250, 3333),
});

describe('order pricing', () => {
  it('rounds half away from zero, exactly', () => {
    expect([divideRounded(5, 2), divideRounded(7, 2), divideRounded(4, 3), divideRounded(-5, 2), divideRounded(1, 3)]).toEqual([3, 4, 1, -3, 0]);
    expect(divideRounded(Number.MAX_SAFE_INTEGER, 1)).toBe(Number.MAX_SAFE_INTEGER);
  });

  it('works an example through', () => {
    // Two teas at 1,200 (5 % included), one salad 2,500 with 10 % off; 500 off the order.
    const priced = priceOrder(
      [
        { unitPrice: 1200, modifiersTotal: 0, quantity: 2, taxRateBasisPoints: 500 },
        { unitPrice: 2500, modifiersTotal: 0, quantity: 1, taxRateBasisPoints: 500, discount: { kind: 'percent', basisPoints: 1000 } },
      ],
      { pricesIncludeTax: true, orderDiscount: { kind: 'amount', amount: 500 } },
    );
    expect(priced).toEqual({
      lines: [
        // 500 split 2400 : 2250 → 258.06 / 241.94: floors 258 + 241, the spare unit to the larger remainder.
        { gross: 2400, lineDiscount: 0, orderDiscount: 258, net: 2142, serviceCharge: 0, tax: 102, total: 2142 },
        { gross: 2500, lineDiscount: 250, orderDiscount: 242, net: 2008, serviceCharge: 0, tax: 96, total: 2008 },
      ],
      subtotal: 4900,
      discountTotal: 750,
      serviceChargeTotal: 0,
      taxTotal: 198,
      total: 4150,
    });
  });

  it('works a service charge through: on the discounted amount, spread like the order discount, taxed with the line', () => {
    // Tax added on top (7 %): 2 × 1,000 and 1 × 1,500 with 500 off the order; 10 % service charge.
    const priced = priceOrder(
      [
        { unitPrice: 1000, modifiersTotal: 0, quantity: 2, taxRateBasisPoints: 700 },
        { unitPrice: 1500, modifiersTotal: 0, quantity: 1, taxRateBasisPoints: 0 },
      ],
      { pricesIncludeTax: false, orderDiscount: { kind: 'amount', amount: 500 }, serviceChargeBasisPoints: 1000 },
    );
    // 500 off 2000 : 1500 → 286 + 214; service charge round(3000 × 10 %) = 300 over 1714 : 1286 → 171 + 129.
    expect(priced.lines).toEqual([
      { gross: 2000, lineDiscount: 0, orderDiscount: 286, net: 1714, serviceCharge: 171, tax: 132, total: 2017 },
      { gross: 1500, lineDiscount: 0, orderDiscount: 214, net: 1286, serviceCharge: 129, tax: 0, total: 1415 },
    ]);
    expect(priced).toMatchObject({ subtotal: 3500, discountTotal: 500, serviceChargeTotal: 300, taxTotal: 132, total: 3432 });
    // Tax included: the service charge carries its tax inside, like the shelf price it is a share of.
    const inclusive = priceOrder([{ unitPrice: 1100, modifiersTotal: 0, quantity: 1, taxRateBasisPoints: 1000 }], { pricesIncludeTax: true, serviceChargeBasisPoints: 1000 });
    expect(inclusive.lines[0]).toMatchObject({ net: 1100, serviceCharge: 110, tax: 110, total: 1210 });
  });

  it('service charge: the rate of the discounted amount, within half a unit; none without a rate', () => {
    fc.assert(
      fc.property(order, ({ lines, pricesIncludeTax, orderDiscount, serviceChargeBasisPoints }) => {
        const priced = priceOrder(lines, { pricesIncludeTax, orderDiscount, serviceChargeBasisPoints });
        const base = priced.subtotal - priced.discountTotal;
        expect(Math.abs(priced.serviceChargeTotal * 10_000 - base * serviceChargeBasisPoints)).toBeLessThanOrEqual(5_000);
        const without = priceOrder(lines, { pricesIncludeTax, orderDiscount });
        expect(without.serviceChargeTotal).toBe(0);
        // The service charge changes nothing but itself and the tax on it.
        priced.lines.forEach((l, i) => {
          const w = without.lines[i]!;
          expect([l.gross, l.lineDiscount, l.orderDiscount, l.net]).toEqual([w.gross, w.lineDiscount, w.orderDiscount, w.net]);
          expect(l.tax).toBeGreaterThanOrEqual(w.tax);
          if (l.net === 0) expect(l.serviceCharge).toBe(0);
        });
      }),
      { numRuns: 500 },
    );
  });

  it('lines add up to the totals, nothing is negative, discounts never exceed what they discount', () => {
    fc.assert(
      fc.property(order, ({ lines, pricesIncludeTax, orderDiscount, serviceChargeBasisPoints }) => {
        const priced = priceOrder(lines, { pricesIncludeTax, orderDiscount, serviceChargeBasisPoints });
        const sum = (pick: (l: (typeof priced.lines)[number]) => number) => priced.lines.reduce((a, l) => a + pick(l), 0);
        expect(priced.total).toBe(sum((l) => l.total));
        expect(priced.taxTotal).toBe(sum((l) => l.tax));
        expect(priced.subtotal - priced.discountTotal).toBe(sum((l) => l.net));
        expect(priced.serviceChargeTotal).toBe(sum((l) => l.serviceCharge));
        for (const l of priced.lines) {
          expect(Math.min(l.gross, l.lineDiscount, l.orderDiscount, l.net, l.serviceCharge, l.tax, l.total)).toBeGreaterThanOrEqual(0);
          expect(l.lineDiscount + l.orderDiscount).toBeLessThanOrEqual(l.gross);
          expect(l.total).toBe(pricesIncludeTax ? l.net + l.serviceCharge : l.net + l.serviceCharge + l.tax);
          if (pricesIncludeTax) expect(l.tax).toBeLessThanOrEqual(l.net + l.serviceCharge);
        }
        const beforeTax = priced.subtotal - priced.discountTotal + priced.serviceChargeTotal;
        expect(priced.total).toBe(pricesIncludeTax ? beforeTax : beforeTax + priced.taxTotal);
      }),
      { numRuns: 500 },
    );
  });

  it('allocates an order discount exactly, in proportion', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 1, maxLength: 20 }), fc.nat(), (weights, seed) => {
        const total = weights.reduce((a, b) => a + b, 0);
        const amount = total === 0 ? 0 : seed % (total + 1);
        const shares = allocate(amount, weights);
        expect(shares.reduce((a, b) => a + b, 0)).toBe(amount);
        shares.forEach((s, i) => {
          expect(s).toBeGreaterThanOrEqual(0);
          expect(s).toBeLessThanOrEqual(weights[i]!);
          if (total > 0) expect(Math.abs(s - (amount * weights[i]!) / total)).toBeLessThan(1);
        });
      }),
    );
  });

  it('tax-inclusive and tax-exclusive agree within one minor unit', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000_000 }), fc.integer({ min: 0, max: 10_000 }), (shelfPrice, rate) => {
        // A shelf price with tax included, taken apart, then priced again with tax added on top.
        const includedTax = taxOf(shelfPrice, rate, true);
        const net = shelfPrice - includedTax;
        const again = net + taxOf(net, rate, false);
        expect(Math.abs(again - shelfPrice)).toBeLessThanOrEqual(1);
      }),
      { numRuns: 2000 },
    );
  });
});
