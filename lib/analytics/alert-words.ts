import { formatMoney } from '@/lib/platform/money';
import { formatDay } from '@/lib/platform/format-time';

/** The alerts' words: plain, with the figures; dates are business dates (YYYY-MM-DD). */
export type Words = { money: (minor: number) => string; when: string; weekday: string };

export function wordsFor(scope: { date: string; today: string; currency: string }): Words {
  return {
    money: (minor) => formatMoney(minor, scope.currency),
    when: scope.date === scope.today ? 'today' : `on ${formatDay(scope.date, 'long')}`,
    weekday: formatDay(scope.date, 'weekday'),
  };
}

/** "0–1", "3", "none": median ± MAD (where at least half the days lie), never below 0. */
export function usually(usual: number, spread: number, show: (n: number) => string): string {
  const [lo, hi] = [Math.max(0, Math.round(usual - spread)), Math.max(0, Math.round(usual + spread))];
  if (lo === hi) return lo === 0 ? 'none' : show(lo);
  return `${show(lo)}–${show(hi)}`;
}

export const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** The admin order search, with its URL filters (lib/orders' orderSearchSchema: from, to, staff, activity, shift, tender, ...). */
export function ordersLink(filters: Record<string, string | undefined>): string {
  const params = new URLSearchParams(Object.entries(filters).filter((e): e is [string, string] => !!e[1]));
  return `/admin/orders?${params}`;
}
