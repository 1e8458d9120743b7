import type { OrderView } from '@/lib/orders';
import { decimalToMinor } from '@/lib/platform/money';

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
  merged: 'Merged into another table',
  cancelled: 'Cancelled (nothing ordered)',
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
  merged: 'bg-slate-100 text-slate-700 ring-slate-300',
  cancelled: 'bg-slate-100 text-slate-700 ring-slate-300',
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

/** Calendar days in the store's time zone live on the platform floor (lib/orders filters with the same rule). */

/** A refund amount typed per tender, in minor units; NaN when it is not an amount (the server then names the field). */
export function typedRefundAmount(text: string, currency: string): number {
  const minor = decimalToMinor(text, currency);
  return minor === null || minor < 0 ? Number.NaN : minor;
}

/** The catalogue keys (namespace `orders`) of the words above, for screens that write in the reader's language. */
export const STATUS_KEY = {
  open: 'statusOpen',
  placed: 'statusPlaced',
  partially_paid: 'statusPartiallyPaid',
  paid: 'statusPaid',
  completed: 'statusPaid',
  voided: 'statusVoided',
  partially_refunded: 'statusPartiallyRefunded',
  refunded: 'statusRefunded',
  merged: 'statusMerged',
  cancelled: 'statusCancelled',
} as const satisfies Record<OrderStatus, string>;

export const STATUS_FILTER_KEY = { all: 'filterAll', unpaid: 'statusPlaced', paid: 'statusPaid', refunded: 'statusRefunded', voided: 'statusVoided' } as const satisfies Record<StatusFilterKey, string>;

export const TYPE_KEY = { dine_in: 'typeDineIn', takeaway: 'typeTakeaway', retail: 'typeSale' } as const satisfies Record<OrderType, string>;
