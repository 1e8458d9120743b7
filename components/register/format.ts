import { decimalToMinor, formatMoney, minorDigits, minorToDecimal } from '@/lib/platform/money';
import type { Discount, OrderType, RegisterProduct } from './types';

/** Display helpers shared by the register's components (money stays integer minor units). */
export { decimalToMinor, formatMoney, minorDigits, minorToDecimal };

export const ORDER_TYPE_LABEL: Record<OrderType, string> = { dine_in: 'Dine-in', takeaway: 'Takeaway', retail: 'Retail' };

/** "+MMK 500", "−$0.50", or "" for a zero delta. */
export function deltaLabel(delta: number, currency: string): string {
  if (delta === 0) return '';
  return `${delta > 0 ? '+' : '−'}${formatMoney(Math.abs(delta), currency)}`;
}

/** "10 %" or "MMK 500" off. */
/** "10 % off", "Staff meal (50 % off)", "10 % off · birthday". */
export function discountLabel(discount: Discount, currency: string): string {
  if (discount.kind === 'saved') return `${discount.name} (${discountLabel(discount.value, currency)})`;
  const value = discount.kind === 'percent' ? `${trimPercent(discount.basisPoints)} % off` : `${formatMoney(discount.amount, currency)} off`;
  return discount.reason ? `${value} · ${discount.reason}` : value;
}

export const trimPercent = (basisPoints: number) => String(basisPoints / 100);

/** "12.5" → 1250 basis points; null unless 0 < p ≤ 100 with at most two decimals. */
export function percentToBasisPoints(text: string): number | null {
  const match = /^\s*(\d{1,3})(?:\.(\d{1,2}))?\s*%?\s*$/.exec(text);
  if (!match) return null;
  const bp = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0') || '0');
  return bp >= 1 && bp <= 10_000 ? bp : null;
}

/** Price of a product tile: its one price, or "from" the cheapest variant. */
export function priceLabel(product: RegisterProduct, currency: string): string {
  if (product.openPrice) return 'Enter price';
  const prices = product.variants.map((v) => v.price);
  const min = Math.min(...prices);
  return prices.some((p) => p !== min) ? `from ${formatMoney(min, currency)}` : formatMoney(min, currency);
}

/**
 * Quick cash buttons: the next round amounts at or above what is due, in the notes people
 * hand over (MMK: 1,000 / 5,000 / 10,000 / 50,000; USD and the like: 5 / 10 / 20 / 50 / 100).
 */
export function quickCashAmounts(due: number, currency: string, count = 4): number[] {
  if (due <= 0) return [];
  const digits = minorDigits(currency);
  const unit = 10 ** digits;
  const notes = (digits === 0 ? [1_000, 5_000, 10_000, 50_000] : [5, 10, 20, 50, 100]).map((n) => n * unit);
  const amounts = new Set<number>();
  for (const note of notes) {
    const rounded = Math.ceil(due / note) * note;
    if (rounded > due) amounts.add(rounded);
  }
  // Big amounts: keep offering the next few multiples of the largest note.
  const largest = notes[notes.length - 1]!;
  for (let n = Math.ceil(due / largest) + 1; amounts.size < count; n++) amounts.add(n * largest);
  return [...amounts].sort((a, b) => a - b).slice(0, count);
}

/** Tracked stock state of a variant: out (and whether it may still be sold), low, or fine. */
export type StockState = { tracked: false } | { tracked: true; quantity: number; low: boolean; out: boolean };

/** "Ko Min Thu (manager)", "A (manager) or B (owner)", "A, B or C": who can approve, in one phrase. */
export function approverList(approvers: { name: string; role?: string }[]): string {
  const names = approvers.map((a) => (a.role ? `${a.name} (${a.role})` : a.name));
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} or ${names.at(-1)}`;
}
