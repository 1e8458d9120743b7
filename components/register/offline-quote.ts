'use client';

import { priceOrderWith, type Discount as PricingDiscount } from '@/lib/orders/arithmetic';
import type { CartState } from './use-cart';
import type { Discount, Quote, RegisterData, RegisterProduct } from './types';

/**
 * The cart priced on this device, for a sale made while the server cannot be reached: the same
 * arithmetic as the server's (lib/orders/arithmetic.ts, client-safe) on the catalog the page was
 * loaded with. The checkout still sends its total as `expectedTotal`, so a price that changed
 * meanwhile makes the server refuse the sale for a manager to look at, never re-price it.
 *
 * A saved discount that asks for no manager is priced here as the server prices it (lib/orders/quote.ts
 * `resolveDiscount`: its value as the page loaded it, never held to the limit — a manager approved it
 * when saving it); the checkout sends it by id exactly as online, so one changed since is a changed
 * total the server refuses like a changed price. What needs the server is refused here, by name: a
 * discount typed in (the limit and its approvals are the server's), a saved one that asks for a
 * manager, one this page does not know (or not for that place), a customer or a loyalty reward.
 */
export type OfflineRefusal = 'discountTyped' | 'discountApproval' | 'discountUnknown' | 'customer' | 'unknownItem' | 'tooLarge';
export type OfflineQuote = { ok: true; quote: Quote } | { ok: false; reason: OfflineRefusal };

type SavedDiscount = RegisterData['savedDiscounts'][number];

/** The value a cart's discount is priced with offline, or why it cannot be. */
function offlineDiscount(discount: Discount | null, place: 'line' | 'order', saved: ReadonlyMap<string, SavedDiscount>): { ok: true; value: PricingDiscount | null } | { ok: false; reason: OfflineRefusal } {
  if (!discount) return { ok: true, value: null };
  if (discount.kind !== 'saved') return { ok: false, reason: 'discountTyped' };
  const known = saved.get(discount.discountId);
  if (!known || (known.appliesTo !== 'any' && known.appliesTo !== place)) return { ok: false, reason: 'discountUnknown' };
  if (known.needsApproval) return { ok: false, reason: 'discountApproval' };
  return { ok: true, value: known.kind === 'percent' ? { kind: 'percent', basisPoints: known.basisPoints ?? 0 } : { kind: 'amount', amount: known.amount ?? 0 } };
}

export function offlineQuote(cart: CartState, products: Map<string, RegisterProduct>, settings: RegisterData['settings'], savedDiscounts: readonly SavedDiscount[] = []): OfflineQuote {
  if (cart.customer || cart.redeemRewards) return { ok: false, reason: 'customer' };
  const saved = new Map(savedDiscounts.map((d) => [d.id, d]));
  const orderDiscount = offlineDiscount(cart.orderDiscount, 'order', saved);
  if (!orderDiscount.ok) return orderDiscount;
  const lines = [];
  for (const line of cart.lines) {
    const discount = offlineDiscount(line.discount, 'line', saved);
    if (!discount.ok) return discount;
    const product = products.get(line.productId);
    const variant = product?.variants.find((v) => v.id === line.variantId);
    if (!product || !variant) return { ok: false, reason: 'unknownItem' };
    const options = product.modifierGroups.flatMap((g) => g.options.map((o) => ({ ...o, groupId: g.id, groupName: g.name })));
    const modifiers = line.modifierOptionIds.flatMap((id) => {
      const o = options.find((x) => x.id === id);
      return o ? [{ groupId: o.groupId, groupName: o.groupName, optionId: o.id, optionName: o.name, priceDelta: o.priceDelta }] : [];
    });
    const unitPrice = product.openPrice ? (line.unitPrice ?? 0) : variant.price;
    const modifiersTotal = Math.max(modifiers.reduce((a, m) => a + m.priceDelta, 0), -unitPrice);
    lines.push({ line, product, variant, modifiers, unitPrice, modifiersTotal, discount: discount.value });
  }
  let priced;
  try {
    priced = priceOrderWith(
    lines.map((l) => ({ unitPrice: l.unitPrice, modifiersTotal: l.modifiersTotal, quantity: l.line.quantity, taxRateBasisPoints: l.product.taxRateBasisPoints, discount: l.discount })),
    { pricesIncludeTax: settings.pricesIncludeTax, orderDiscount: orderDiscount.value, serviceChargeBasisPoints: cart.type === 'dine_in' ? settings.serviceChargeBasisPoints : 0 },
    () => new Error('too large'),
  );
  } catch {
    return { ok: false, reason: 'tooLarge' };
  }
  return {
    ok: true,
    quote: {
      lines: lines.map((l, i) => ({
        variantId: l.variant.id,
        productName: l.product.name,
        variantName: l.variant.name,
        unitPrice: l.unitPrice,
        modifiers: l.modifiers,
        modifiersTotal: l.modifiersTotal,
        quantity: l.line.quantity,
        ...priced.lines[i]!,
      })),
      subtotal: priced.subtotal,
      discountTotal: priced.discountTotal,
      serviceChargeBasisPoints: cart.type === 'dine_in' ? settings.serviceChargeBasisPoints : 0,
      serviceChargeTotal: priced.serviceChargeTotal,
      taxTotal: priced.taxTotal,
      total: priced.total,
    },
  };
}
