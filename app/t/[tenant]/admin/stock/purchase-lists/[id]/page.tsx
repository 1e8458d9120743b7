import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { PrintButton } from '@/components/admin/reports/print-button';
import { ListActionButton, ReceiveListForm } from '@/components/admin/stock/purchase-list-forms';
import { can, requireStaff } from '@/lib/auth';
import { getPurchaseList } from '@/lib/inventory';
import { idParam } from '@/lib/platform/validation';
import { deletePurchaseListAction, markOrderedAction, receivePurchaseListAction } from '../actions';
import { dateTimeFormat } from '@/lib/platform/format-time';

export const metadata: Metadata = { title: 'Purchase list' };

/** One purchase list: its lines as drafted (on hand, threshold, to order), printable, then ordered, received or deleted. */
export default async function PurchaseListPage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requireStaff('stock:read');
  const id = idParam.safeParse((await params).id);
  if (!id.success) notFound();
  const list = await getPurchaseList(ctx, id.data).catch(() => null);
  if (!list) notFound();
  const canWrite = can(ctx.role, 'stock:write');
  const when = dateTimeFormat(ctx.tenant.timeZone);
  const units = list.lines.reduce((s, l) => s + l.quantity, 0);
  return (
    <div className="max-w-4xl space-y-6">
      <header className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <p className="text-sm print:hidden">
            <Link href="/admin/stock/purchase-lists" className="font-semibold text-brand-700 underline">
              Purchase lists
            </Link>
          </p>
          <h1 className="text-2xl font-bold">Purchase list for {list.locationName}</h1>
          <p className="text-slate-600">
            Drafted {when.format(list.createdAt)} · {list.lines.length} items, {units} units · <span data-testid="purchase-list-status">{list.status}</span>
          </p>
        </div>
        <PrintButton />
      </header>
      <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white">
        <table className="w-full text-sm">
          <caption className="sr-only">What to order</caption>
          <thead className="bg-slate-50 text-left text-slate-600">
            <tr>
              <th scope="col" className="px-4 py-2">Item</th>
              <th scope="col" className="px-4 py-2">SKU</th>
              <th scope="col" className="px-4 py-2 text-right">On hand</th>
              <th scope="col" className="px-4 py-2 text-right">Low at</th>
              <th scope="col" className="px-4 py-2 text-right">To order</th>
            </tr>
          </thead>
          <tbody>
            {list.lines.map((l) => (
              <tr key={l.variantId} className="border-t border-slate-100">
                <td className="px-4 py-2 font-medium">{l.label}</td>
                <td className="px-4 py-2 text-slate-600">{l.sku}</td>
                <td className="px-4 py-2 text-right tabular-nums">{l.onHand}</td>
                <td className="px-4 py-2 text-right tabular-nums">{l.threshold ?? '—'}</td>
                <td className="px-4 py-2 text-right font-semibold tabular-nums">{l.quantity}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {canWrite && list.status !== 'received' && (
        <section aria-label="What next" className="flex flex-wrap items-start gap-4 print:hidden">
          {list.status === 'draft' && <ListActionButton action={markOrderedAction} id={list.id} label="Mark as ordered" busy="Saving…" />}
          <ReceiveListForm action={receivePurchaseListAction} id={list.id} />
          <ListActionButton action={deletePurchaseListAction} id={list.id} label="Delete" busy="Deleting…" variant="danger" confirm="Delete this purchase list?" then="/admin/stock/purchase-lists" />
        </section>
      )}
    </div>
  );
}
