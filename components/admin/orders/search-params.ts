import { statusFilter, type StatusFilterKey } from '@/components/register/orders/format';
import { query } from '@/components/ui/pager';
import { orderSearchSchema, type OrderSearch } from '@/lib/orders';
import { decimalToMinor } from '@/lib/platform/money';

/**
 * The admin order search lives in the page's URL, so a filtered view is a link to share or
 * bookmark: ?from=&to= (business days), status (a chip's key), tender, staff, activity (sold,
 * refunded, voided: what the days and the staff member are of), shift, table, min/max (the total
 * as a decimal in the store's currency, as people type it), number, page. Read here
 * into the module's search (money in minor units), with a message per field that is not right.
 */
export const ORDERS_PAGE_SIZE = 25;

export type OrderFilterValues = {
  from: string;
  to: string;
  status: StatusFilterKey;
  tender: string;
  staff: string;
  activity: string;
  shift: string;
  table: string;
  min: string;
  max: string;
  number: string;
};
type Params = Record<string, string | string[] | undefined>;

const FIELDS = ['from', 'to', 'tender', 'staff', 'activity', 'shift', 'table', 'min', 'max', 'number'] as const;

export function readOrderFilters(params: Params, currency: string, page: number) {
  const one = (name: string) => (typeof params[name] === 'string' ? (params[name] as string).trim().slice(0, 100) : '');
  const values: OrderFilterValues = { ...(Object.fromEntries(FIELDS.map((f) => [f, one(f)])) as Omit<OrderFilterValues, 'status'>), status: statusFilter(one('status')).key };
  values.number = values.number.replace(/^#/, '');
  if (values.activity === 'sold') values.activity = '';

  const errors: Partial<Record<keyof OrderFilterValues, string>> = {};
  const amount = (field: 'min' | 'max') => {
    if (!values[field]) return undefined;
    const minor = decimalToMinor(values[field], currency);
    if (minor === null || minor < 0) errors[field] = `Enter an amount in ${currency}, like ${currency === 'MMK' ? '2500' : '4.50'}`;
    return minor ?? undefined;
  };
  const min = amount('min');
  const max = amount('max');
  const parsed = orderSearchSchema.safeParse({
    ...values,
    status: statusFilter(values.status).statuses.join(','),
    min: errors.min ? undefined : min,
    max: errors.max ? undefined : max,
    skip: (page - 1) * ORDERS_PAGE_SIZE,
    limit: ORDERS_PAGE_SIZE,
  });
  if (!parsed.success) for (const issue of parsed.error.issues) errors[String(issue.path[0]) as keyof OrderFilterValues] ??= issue.message;
  const search: OrderSearch | null = parsed.success && Object.keys(errors).length === 0 ? parsed.data : null;
  const filtered = FIELDS.some((f) => values[f] !== '') || values.status !== 'all';
  return { values, errors, search, filtered };
}

/** This page with these filters (and more, e.g. a page number). */
export function ordersHref(values: OrderFilterValues, extra: Record<string, string | number | undefined> = {}): string {
  return `/admin/orders${query({ ...values, status: values.status === 'all' ? undefined : values.status, ...extra })}`;
}

/** The CSV export of `kind` for the same search (the API's names: statuses, minor units). */
export function exportHref(kind: 'orders' | 'lines' | 'payments', search: OrderSearch): string {
  const { skip: _s, limit: _l, status, activity, ...filters } = search;
  return `/api/v1/orders/export${query({ kind, ...filters, status: status?.join(','), activity: activity === 'sold' ? undefined : activity })}`;
}
