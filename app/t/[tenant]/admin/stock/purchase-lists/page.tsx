import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { ListActionButton } from '@/components/admin/stock/purchase-list-forms';
import { buttonClass } from '@/components/ui/button';
import { can, requireStaff } from '@/lib/auth';
import { listPurchaseLists } from '@/lib/inventory';
import { draftPurchaseListAction } from './actions';
import { dateTimeFormat } from '@/lib/platform/format-time';

export async function generateMetadata(): Promise<Metadata> {
  const tt = await getTranslations('admin.titles');
  return { title: tt('purchaseOrders') };
}

const STATUS = { draft: 'Draft', sent: 'Sent', partially_received: 'Partly received', received: 'Received', cancelled: 'Cancelled' } as const;

/** What to order: lists drafted from low stock (here or by the assistant), newest first. */
export default async function PurchaseListsPage() {
  const ctx = await requireStaff('stock:read');
  const lists = await listPurchaseLists(ctx);
  const when = dateTimeFormat(ctx.tenant.timeZone);
  return (
    <div className="max-w-4xl space-y-6">
      <header className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <p className="text-sm">
            <Link href="/admin/stock" className="font-semibold text-brand-700 underline">
              Stock
            </Link>
          </p>
          <h1 className="text-2xl font-bold">Purchase orders</h1>
          <p className="text-slate-600">
            Drafted from low stock (every low item up to twice its threshold, at least one) or over the API, sent to a{' '}
            <Link href="/admin/stock/suppliers" className="font-semibold text-brand-700 underline">
              supplier
            </Link>
            , then received in one go or in parts.
          </p>
        </div>
        {can(ctx.role, 'stock:write') && (
          <div className="flex flex-wrap gap-2">
            <Link href="/admin/stock/purchase-lists/new" className={buttonClass('secondary')}>
              {(await getTranslations('purchaseOrderNew'))('title')}
            </Link>
            <ListActionButton action={draftPurchaseListAction} label="Draft from low stock" busy="Drafting…" variant="primary" />
          </div>
        )}
      </header>
      {lists.length === 0 ? (
        <p className="rounded-xl border border-dashed border-slate-300 bg-white px-5 py-10 text-center text-slate-600">
          No purchase orders yet. Draft one from what is low on stock, or ask the assistant to.
        </p>
      ) : (
        <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white">
          <table className="w-full text-sm">
            <caption className="sr-only">Purchase orders, newest first</caption>
            <thead className="bg-slate-50 text-left text-slate-600">
              <tr>
                <th scope="col" className="px-4 py-2">Drafted</th>
                <th scope="col" className="px-4 py-2">Location</th>
                <th scope="col" className="px-4 py-2">Supplier</th>
                <th scope="col" className="px-4 py-2 text-right">Items</th>
                <th scope="col" className="px-4 py-2 text-right">Units</th>
                <th scope="col" className="px-4 py-2">Status</th>
              </tr>
            </thead>
            <tbody>
              {lists.map((l) => (
                <tr key={l.id} className="border-t border-slate-100" data-testid="purchase-list-row">
                  <td className="px-4 py-2">
                    <Link href={`/admin/stock/purchase-lists/${l.id}`} className="font-semibold text-brand-700 underline">
                      {when.format(l.createdAt)}
                    </Link>
                  </td>
                  <td className="px-4 py-2">{l.locationName}</td>
                  <td className="px-4 py-2">{l.supplierName ?? '—'}</td>
                  <td className="px-4 py-2 text-right tabular-nums">{l.items}</td>
                  <td className="px-4 py-2 text-right tabular-nums">{l.received > 0 ? `${l.received} of ${l.units}` : l.units}</td>
                  <td className="px-4 py-2">{STATUS[l.status]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
