import { useTranslations } from 'next-intl';
import { useFormats } from '@/components/ui/formats';
import type { Formats } from '@/lib/platform/formats';
import type { Messages } from '@/lib/platform/i18n';
import { decimalToMinor, minorDigits, minorToDecimal } from '@/lib/platform/money';
import type { Discount, OrderType, RegisterProduct } from './types';

/** Display helpers shared by the register's components (money stays integer minor units). */
export { decimalToMinor, minorDigits, minorToDecimal };

/** A key of the register's catalogue namespace (messages/<locale>.json → "register"). */
export type RegisterKey = keyof Messages['register'];
/** The register's translator, as helpers outside components take it (a component's `useTranslations('register')`, a test's `translatorFor`). */
export type RegisterT = (key: RegisterKey, values?: Record<string, string | number>) => string;
/** What a register helper needs to write for its reader: the words and the formats of the page's language. */
export type RegisterWords = { t: RegisterT; f: Formats };

/** The register's words and formats for this page's reader. */
export function useRegisterWords(): RegisterWords {
  const t = useTranslations('register');
  return { t: t as unknown as RegisterT, f: useFormats() };
}

export const ORDER_TYPE_KEY: Record<OrderType, RegisterKey> = { dine_in: 'typeDineIn', takeaway: 'typeTakeaway', retail: 'typeRetail' };

/** "10 % off", "Staff meal (50 % off)", "10 % off · birthday". */
export function discountLabel(discount: Discount, currency: string, w: RegisterWords): string {
  if (discount.kind === 'saved') return w.t('discountSaved', { name: discount.name, discount: discountLabel(discount.value, currency, w) });
  const value = discount.kind === 'percent' ? w.t('discountPercentOff', { percent: trimPercent(discount.basisPoints) }) : w.t('discountAmountOff', { amount: w.f.money(discount.amount, currency) });
  return discount.reason ? w.t('discountWithReason', { discount: value, reason: discount.reason }) : value;
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
export function priceLabel(product: RegisterProduct, currency: string, w: RegisterWords): string {
  if (product.openPrice) return w.t('enterPrice');
  const prices = product.variants.map((v) => v.price);
  const min = Math.min(...prices);
  return prices.some((p) => p !== min) ? w.t('priceFrom', { price: w.f.money(min, currency) }) : w.f.money(min, currency);
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
export function approverList(approvers: { name: string; role?: string }[], t: RegisterT): string {
  const names = approvers.map((a) => (a.role ? t('approverWithRole', { name: a.name, role: a.role }) : a.name));
  return names.length <= 1 ? (names[0] ?? '') : t('approversOr', { list: names.slice(0, -1).join(', '), last: names.at(-1)! });
}
