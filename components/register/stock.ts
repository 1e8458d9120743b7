import type { RegisterProduct, RegisterStockLevel } from './types';
import type { RegisterWords } from './format';

/** A level is low at or below its threshold, and always at or below zero (lib/orders/register-data.ts says the same). */
export const isLowLevel = (quantity: number, threshold: number | null) => quantity <= 0 || (threshold !== null && quantity <= threshold);

/**
 * Offline (docs/offline.md): the last levels the register knew, less what this device sold since
 * and has not sent — the server has not taken those units yet, so its level does not show them.
 * Only tracked variants (those with a level) change; a refused or synced sale is not counted (the
 * server's own level, as the live stream brings it, has the synced ones).
 */
export function stockLessUnsent(stock: Record<string, RegisterStockLevel>, unsent: readonly { body: Record<string, unknown> }[]): Record<string, RegisterStockLevel> {
  const sold = new Map<string, number>();
  for (const sale of unsent) {
    const lines = Array.isArray(sale.body.lines) ? (sale.body.lines as { variantId?: unknown; quantity?: unknown }[]) : [];
    for (const l of lines) if (typeof l.variantId === 'string' && typeof l.quantity === 'number') sold.set(l.variantId, (sold.get(l.variantId) ?? 0) + l.quantity);
  }
  if (sold.size === 0) return stock;
  const shown = { ...stock };
  for (const [variantId, quantity] of sold) {
    const level = stock[variantId];
    if (!level) continue;
    const left = level.quantity - quantity;
    shown[variantId] = { ...level, quantity: left, low: isLowLevel(left, level.threshold) };
  }
  return shown;
}

/** What the register shows about stock for a variant or a whole product tile. */
export type VariantStock = { tracked: false } | { tracked: true; quantity: number; low: boolean; out: boolean };

export function variantStock(product: RegisterProduct, variantId: string, stock: Record<string, RegisterStockLevel>): VariantStock {
  if (!product.trackStock) return { tracked: false };
  const level = stock[variantId];
  const quantity = level?.quantity ?? 0;
  return { tracked: true, quantity, low: level?.low ?? true, out: quantity <= 0 };
}

/** May this variant be added? Not 86'd, and untracked, in stock, or the product allows selling below zero. */
export const canSell = (product: RegisterProduct, s: VariantStock) => !product.soldOut && (!s.tracked || !s.out || product.allowNegativeStock);

type TileStock = { badge: null | 'Low' | 'Out' | 'Sold out'; sellable: boolean; quantity: number | null };

/**
 * The tile's badge: Sold out when 86'd, Out when every variant is out, Low when any is low or
 * out. `quantity` is what is on hand across the variants (a negative level counts as none), or
 * null when stock is not tracked.
 */
export function productStock(product: RegisterProduct, stock: Record<string, RegisterStockLevel>): TileStock {
  if (product.soldOut) return { badge: 'Sold out', sellable: false, quantity: null };
  if (!product.trackStock) return { badge: null, sellable: true, quantity: null };
  const states = product.variants.map((v) => variantStock(product, v.id, stock) as Extract<VariantStock, { tracked: true }>);
  const allOut = states.every((s) => s.out);
  const anyLow = states.some((s) => s.low || s.out);
  return {
    badge: allOut ? 'Out' : anyLow ? 'Low' : null,
    sellable: !allOut || product.allowNegativeStock,
    quantity: states.reduce((sum, s) => sum + Math.max(0, s.quantity), 0),
  };
}

/** How a tile says its stock: words and a symbol, so the state never rests on colour alone. */
export type TileBadge = { tone: 'stock' | 'low' | 'out' | 'sold-out'; symbol: string; text: string };

export function tileBadge(s: TileStock, { t, f }: RegisterWords): TileBadge | null {
  if (s.badge === 'Sold out') return { tone: 'sold-out', symbol: '⊘', text: t('badgeSoldOut') };
  // An out tile that cannot be sold says so in full under the price; the badge stays short.
  if (s.badge === 'Out') return { tone: 'out', symbol: '✕', text: t(s.sellable ? 'badgeOutCanSell' : 'badgeOut') };
  if (s.quantity === null) return null;
  const count = f.number(s.quantity);
  if (s.badge === 'Low') return { tone: 'low', symbol: '▲', text: t('badgeLow', { count }) };
  return { tone: 'stock', symbol: '', text: t('badgeInStock', { count }) };
}

/** Does choosing this product need the picker (several variants, or options to choose)? */
/** Whether a tap opens the picker: a variant or options to choose, or a price to type in. */
export const needsPicker = (product: RegisterProduct) => product.variants.length > 1 || product.modifierGroups.length > 0 || product.openPrice;
export const hasRequiredChoices = (product: RegisterProduct) => product.openPrice || product.modifierGroups.some((g) => g.minSelect > 0);
