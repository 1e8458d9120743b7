import type { OrderView } from '@/lib/orders';

/** Display helpers shared by the order screens (register and admin; server and client). */
export type OrderStatus = OrderView['status'];
export type OrderType = OrderView['type'];

export const STATUS_LABEL: Record<OrderStatus, string> = {
  open: 'Open (parked)',
  placed: 'Waiting for payment',
  partially_paid: 'Partly paid',
  paid: 'Paid',
  completed: 'Paid',
  voided: 'Voided',
  partially_refunded: 'Partly refunded',
  refunded: 'Refunded',
};

export const STATUS_TONE: Record<OrderStatus, string> = {
  open: 'bg-slate-100 text-slate-800 ring-slate-300',
  placed: 'bg-amber-100 text-amber-900 ring-amber-300',
  partially_paid: 'bg-amber-100 text-amber-900 ring-amber-300',
  paid: 'bg-brand-50 text-brand-900 ring-brand-100',
  completed: 'bg-brand-50 text-brand-900 ring-brand-100',
  voided: 'bg-slate-200 text-slate-700 ring-slate-300 line-through decoration-slate-500',
  partially_refunded: 'bg-sky-100 text-sky-900 ring-sky-300',
  refunded: 'bg-sky-100 text-sky-900 ring-sky-300',
};

/** The status filter chips; a chip stands for one or more order statuses. */
export const STATUS_FILTERS = [
  { key: 'all', label: 'All', statuses: [] },
  { key: 'unpaid', label: 'Waiting for payment', statuses: ['open', 'placed', 'partially_paid'] },
  { key: 'paid', label: 'Paid', statuses: ['paid', 'completed'] },
  { key: 'refunded', label: 'Refunded', statuses: ['partially_refunded', 'refunded'] },
  { key: 'voided', label: 'Voided', statuses: ['voided'] },
] as const satisfies readonly { key: string; label: string; statuses: readonly OrderStatus[] }[];

export type StatusFilterKey = (typeof STATUS_FILTERS)[number]['key'];

export function statusFilter(value: string | undefined) {
  return STATUS_FILTERS.find((f) => f.key === value) ?? STATUS_FILTERS[0];
}

export const TYPE_LABEL: Record<OrderType, string> = { dine_in: 'Dine-in', takeaway: 'Takeaway', retail: 'Sale' };

/** "YYYY-MM-DD" (a calendar day), or undefined. */
export function dayParam(value: string | undefined): string | undefined {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return undefined;
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d ? value : undefined;
}

/** How far `timeZone`'s wall clock is ahead of UTC at `at` (ms). */
function zoneOffset(at: Date, timeZone: string): number {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' })
      .formatToParts(at)
      .map((p) => [p.type, Number(p.value)]),
  ) as Record<string, number>;
  const wall = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
  return wall - Math.floor(at.getTime() / 1000) * 1000;
}

/** The instant a calendar day ("YYYY-MM-DD") starts in `timeZone` (DST-safe). */
export function dayStart(day: string, timeZone: string): Date {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const wallMidnight = Date.UTC(y, m - 1, d);
  let at = wallMidnight - zoneOffset(new Date(wallMidnight), timeZone);
  at = wallMidnight - zoneOffset(new Date(at), timeZone); // again, in case midnight is across a DST change
  return new Date(at);
}

/** The day after "YYYY-MM-DD". */
export function nextDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}
