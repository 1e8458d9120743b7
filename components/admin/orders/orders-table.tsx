import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { TYPE_KEY } from '@/components/register/orders/format';
import { StatusBadge } from '@/components/register/orders/order-views';
import type { FoundOrder } from '@/lib/orders';
import type { Formats } from '@/lib/platform/formats';
import { tableScrollClass } from '@/components/ui/table';

const TENDER_KEY: Record<string, 'cash' | 'card'> = { cash: 'cash', card: 'card' };
const HEADINGS = ['colOrder', 'colTime', 'colStaff', 'colTable', 'colStatus', 'colTenders', 'colTotal'] as const;
/** Columns a phone folds into the order and total cells, so each row fits and the total is never cut off. */
const FOLDED = new Set<string>(['colTime', 'colStaff', 'colTable', 'colStatus', 'colTenders']);
const wide = 'max-sm:hidden';

/**
 * The admin search's results: one row per order; its number opens the order's page. On a
 * phone each row is two cells — the order with its time, staff and table; the total with its
 * status — and the rest waits for a wider screen (the order's page has all of it).
 */
export function OrdersTable({
  orders,
  timeZone,
  staffNames,
  tableNames,
  caption,
  formats: f,
}: {
  orders: FoundOrder[];
  timeZone: string;
  staffNames: Record<string, string>;
  tableNames: Record<string, string>;
  caption: string;
  /** The reader's (pageFormats). */
  formats: Formats;
}) {
  const t = useTranslations('admin.orders');
  const to = useTranslations('orders');
  const when = { format: (at: Date) => f.dateTime(at, timeZone) };
  return (
    <div className={tableScrollClass}>
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-50 text-xs uppercase text-slate-500">
          <tr>
            {HEADINGS.map((h) => (
              <th key={h} scope="col" className={`px-4 py-3 ${h === 'colTotal' ? 'text-right' : ''} ${FOLDED.has(h) ? wide : ''}`}>
                {t(h)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {orders.map((o) => (
            <tr key={o.id} data-testid="order-row" className="hover:bg-slate-50">
              <th scope="row" className="px-4 py-3 font-normal sm:whitespace-nowrap">
                <Link href={`/admin/orders/${o.id}`} className="text-base font-bold text-slate-900 tabular-nums underline decoration-slate-300 underline-offset-2 hover:decoration-brand-600">
                  #{o.number}
                </Link>
                <span className="block text-xs text-slate-500">
                  {to(TYPE_KEY[o.type])}
                  {o.customerName && ` · ${o.customerName}`}
                </span>
                <span className="block text-xs text-slate-500 sm:hidden">
                  {when.format(o.createdAt)} · {staffNames[o.createdBy] ?? t('unknown')}
                  {o.tableId && ` · ${tableNames[o.tableId] ?? t('removedTable')}`}
                </span>
              </th>
              <td className={`px-4 py-3 whitespace-nowrap tabular-nums ${wide}`}>
                <time dateTime={o.createdAt.toISOString()}>{when.format(o.createdAt)}</time>
              </td>
              <td className={`px-4 py-3 ${wide}`}>{staffNames[o.createdBy] ?? t('unknown')}</td>
              <td className={`px-4 py-3 ${wide}`}>{o.tableId ? (tableNames[o.tableId] ?? t('removedTable')) : <span className="text-slate-400">—</span>}</td>
              <td className={`px-4 py-3 ${wide}`}>
                <StatusBadge status={o.status} />
              </td>
              <td className={`px-4 py-3 ${wide}`}>{o.tenders.length ? o.tenders.map((x) => (TENDER_KEY[x] ? t(TENDER_KEY[x]) : x)).join(' + ') : <span className="text-slate-400">{t('none')}</span>}</td>
              <td className="px-4 py-3 text-right font-semibold whitespace-nowrap tabular-nums">
                {f.money(o.total, o.currency)}
                <span className="mt-1 block font-normal sm:hidden">
                  <StatusBadge status={o.status} />
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
