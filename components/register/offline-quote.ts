'use client';

import { priceOrderWith } from '@/lib/orders/arithmetic';
import type { CartState } from './use-cart';
import type { Quote, RegisterData, RegisterProduct } from './types';

/**
 * The cart priced on this device, for a sale made while the server cannot be reached: the same
 * arithmetic as the server's (lib/orders/arithmetic.ts, client-safe) on the catalog the page was
 * loaded with. The checkout still sends its total as `expectedTotal`, so a price that changed
 * meanwhile makes the server refuse the sale for a manager to look at, never re-price it.
 *
 * What needs the server is refused here, by name: a discount (its limit and approvals are the
 * server's), a customer or a loyalty reward.
 */
export type OfflineQuote = { ok: true; quote: Quote } | { ok: false; reason: 'discount' | 'customer' | 'unknownItem' | 'tooLarge' };

export function offlineQuote(cart: CartState, products: Map<string, RegisterProduct>, settings: RegisterData['settings']): OfflineQuote {
  if (cart.orderDiscount || cart.lines.some((l) => l.discount)) return { ok: false, reason: 'discount' };
  if (cart.customer || cart.redeemRewards) return { ok: false, reason: 'customer' };
  const lines = [];
  for (const line of cart.lines) {
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
    lines.push({ line, product, variant, modifiers, unitPrice, modifiersTotal });
  }
  let priced;
  try {
    priced = priceOrderWith(
    lines.map((l) => ({ unitPrice: l.unitPrice, modifiersTotal: l.modifiersTotal, quantity: l.line.quantity, taxRateBasisPoints: l.product.taxRateBasisPoints })),
    { pricesIncludeTax: settings.pricesIncludeTax, serviceChargeBasisPoints: cart.type === 'dine_in' ? settings.serviceChargeBasisPoints : 0 },
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
