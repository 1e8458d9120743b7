import Link from 'next/link';
import { TYPE_LABEL } from '@/components/register/orders/format';
import { StatusBadge } from '@/components/register/orders/order-views';
import type { FoundOrder } from '@/lib/orders';
import { formatMoney } from '@/lib/platform/money';
import { dateTimeFormat } from '@/lib/platform/format-time';

const TENDER_LABEL: Record<string, string> = { cash: 'Cash', card: 'Card' };
const HEADINGS = ['Order', 'Time', 'Staff', 'Table', 'Status', 'Tenders', 'Total'] as const;

/** The admin search's results: one row per order; its number opens the order's page. */
export function OrdersTable({
  orders,
  timeZone,
  staffNames,
  tableNames,
  caption,
}: {
  orders: FoundOrder[];
  timeZone: string;
  staffNames: Record<string, string>;
  tableNames: Record<string, string>;
  caption: string;
}) {
  const when = dateTimeFormat(timeZone);
  return (
    <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-50 text-xs uppercase text-slate-500">
          <tr>
            {HEADINGS.map((h) => (
              <th key={h} scope="col" className={`px-4 py-3 ${h === 'Total' ? 'text-right' : ''}`}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {orders.map((o) => (
            <tr key={o.id} data-testid="order-row" className="hover:bg-slate-50">
              <th scope="row" className="px-4 py-3 font-normal whitespace-nowrap">
                <Link href={`/admin/orders/${o.id}`} className="text-base font-bold text-slate-900 tabular-nums underline decoration-slate-300 underline-offset-2 hover:decoration-brand-600">
                  #{o.number}
                </Link>
                <span className="block text-xs text-slate-500">
                  {TYPE_LABEL[o.type]}
                  {o.customerName && ` · ${o.customerName}`}
                </span>
              </th>
              <td className="px-4 py-3 whitespace-nowrap tabular-nums">
                <time dateTime={o.createdAt.toISOString()}>{when.format(o.createdAt)}</time>
              </td>
              <td className="px-4 py-3">{staffNames[o.createdBy] ?? 'Unknown'}</td>
              <td className="px-4 py-3">{o.tableId ? (tableNames[o.tableId] ?? 'Removed table') : <span className="text-slate-400">—</span>}</td>
              <td className="px-4 py-3">
                <StatusBadge status={o.status} />
              </td>
              <td className="px-4 py-3">{o.tenders.length ? o.tenders.map((t) => TENDER_LABEL[t] ?? t).join(' + ') : <span className="text-slate-400">None</span>}</td>
              <td className="px-4 py-3 text-right font-semibold whitespace-nowrap tabular-nums">{formatMoney(o.total, o.currency)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
