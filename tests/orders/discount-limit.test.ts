import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { priceOrder, type Discount, type PricingLine } from '@/lib/orders/pricing';
import { discountNeedsApproval } from '@/lib/orders/quote';

const percent = (max: number) => fc.integer({ min: 1, max }).map((basisPoints): Discount => ({ kind: 'percent', basisPoints }));
const anyDiscount: fc.Arbitrary<Discount | null> = fc.oneof(
  fc.constant(null),
  percent(10_000),
  fc.integer({ min: 1, max: 50_000 }).map((amount): Discount => ({ kind: 'amount', amount })),
);
const lineWith = (discount: fc.Arbitrary<Discount | null>): fc.Arbitrary<PricingLine> =>
  fc.record({
    unitPrice: fc.integer({ min: 0, max: 100_000 }),
    modifiersTotal: fc.integer({ min: 0, max: 5_000 }),
    quantity: fc.integer({ min: 1, max: 20 }),
    taxRateBasisPoints: fc.constantFrom(0, 500, 1000),
    discount,
  });
const limit = fc.integer({ min: 0, max: 5_000 });
const pricesIncludeTax = fc.boolean();

describe('discount limit (what a cashier may give without a manager)', () => {
  it('stacked line and order discounts count together: 10 % + 10 % is 19 %, over a 10 % limit', () => {
    const priced = priceOrder([{ unitPrice: 10_000, modifiersTotal: 0, quantity: 1, taxRateBasisPoints: 0, discount: { kind: 'percent', basisPoints: 1000 } }], {
      pricesIncludeTax: true,
      orderDiscount: { kind: 'percent', basisPoints: 1000 },
    });
    expect(priced.discountTotal).toBe(1900);
    expect(discountNeedsApproval(priced, 1000)).toBe(true);
  });

  it('without approval the whole order is never discounted beyond the limit (give or take rounding, half a unit per line)', () => {
    fc.assert(
      fc.property(fc.array(lineWith(anyDiscount), { minLength: 1, maxLength: 8 }), anyDiscount, limit, pricesIncludeTax, (lines, orderDiscount, limitBp, inclusive) => {
        const priced = priceOrder(lines, { pricesIncludeTax: inclusive, orderDiscount });
        if (discountNeedsApproval(priced, limitBp)) return;
        // discountTotal ≤ subtotal × limit + n/2, in integers
        expect(priced.discountTotal * 20_000).toBeLessThanOrEqual(priced.subtotal * limitBp * 2 + lines.length * 10_000);
      }),
      { numRuns: 2000 },
    );
  });

  it('a discount within the limit on its own never needs a manager (line percentages, or an order percentage)', () => {
    fc.assert(
      fc.property(limit.filter((l) => l > 0), pricesIncludeTax, fc.array(fc.nat(), { minLength: 1, maxLength: 8 }), fc.nat(), (limitBp, inclusive, seeds, seed) => {
        const withinLimit = (s: number): Discount | null => (s % 3 === 0 ? null : { kind: 'percent', basisPoints: 1 + (s % limitBp) });
        const lines = seeds.map((s): PricingLine => ({ unitPrice: 1 + (s % 9_999), modifiersTotal: 0, quantity: 1 + (s % 7), taxRateBasisPoints: 0, discount: withinLimit(s) }));
        expect(discountNeedsApproval(priceOrder(lines, { pricesIncludeTax: inclusive }), limitBp)).toBe(false);
        const plain = lines.map((l) => ({ ...l, discount: null }));
        expect(discountNeedsApproval(priceOrder(plain, { pricesIncludeTax: inclusive, orderDiscount: withinLimit(seed + 1) }), limitBp)).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });

  it('one line given away still needs a manager, however large the rest of the order', () => {
    const priced = priceOrder(
      [
        { unitPrice: 100, modifiersTotal: 0, quantity: 1, taxRateBasisPoints: 0, discount: { kind: 'percent', basisPoints: 10_000 } },
        { unitPrice: 100_000, modifiersTotal: 0, quantity: 1, taxRateBasisPoints: 0 },
      ],
      { pricesIncludeTax: true },
    );
    expect(discountNeedsApproval(priced, 1000)).toBe(true);
  });
});
