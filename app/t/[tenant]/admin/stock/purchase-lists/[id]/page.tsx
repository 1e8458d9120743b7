import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { PrintButton } from '@/components/admin/reports/print-button';
import { ListActionButton, ReceiveListForm } from '@/components/admin/stock/purchase-list-forms';
import { formatMoney } from '@/lib/platform/money';
import { can, requireStaff } from '@/lib/auth';
import { getPurchaseList } from '@/lib/inventory';
import { idParam } from '@/lib/platform/validation';
import { cancelPurchaseOrderAction, deletePurchaseListAction, markOrderedAction, receivePurchaseListAction } from '../actions';
import { dateTimeFormat } from '@/lib/platform/format-time';

export async function generateMetadata(): Promise<Metadata> {
  const tt = await getTranslations('admin.titles');
  return { title: tt('purchaseOrder') };
}

const STATUS = { draft: 'Draft', sent: 'Sent', partially_received: 'Partly received', received: 'Received', cancelled: 'Cancelled' } as const;

/** One purchase order: its lines (on hand, threshold, to order, unit cost, arrived), printable and as CSV for the supplier; sent, received in parts, cancelled or deleted. */
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
              Purchase orders
            </Link>
          </p>
          <h1 className="text-2xl font-bold">Purchase order for {list.locationName}</h1>
          <p className="text-slate-600">
            {list.supplierName ? <>From {list.supplierName} · </> : null}Drafted {when.format(list.createdAt)} · {list.lines.length} items, {units} units ·{' '}
            <span data-testid="purchase-list-status">{STATUS[list.status]}</span>
          </p>
        </div>
        <div className="flex gap-2 print:hidden">
          <a href={`/api/v1/purchase-orders/${list.id}/csv`} className="rounded-lg border border-slate-300 px-3 py-2 text-sm font-semibold">
            Download CSV
          </a>
          <PrintButton />
        </div>
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
              <th scope="col" className="px-4 py-2 text-right">Unit cost</th>
              <th scope="col" className="px-4 py-2 text-right">Arrived</th>
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
                <td className="px-4 py-2 text-right tabular-nums">{l.unitCost === null ? '—' : formatMoney(l.unitCost, ctx.tenant.currency)}</td>
                <td className="px-4 py-2 text-right tabular-nums" data-testid="line-received">{l.received}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {canWrite && list.status !== 'received' && (
        <section aria-label="What next" className="flex flex-wrap items-start gap-4 print:hidden">
          {list.status === 'draft' && <ListActionButton action={markOrderedAction} id={list.id} label="Mark as sent" busy="Saving…" />}
          {(list.status === 'sent' || list.status === 'partially_received') && (
            <ReceiveListForm action={receivePurchaseListAction} id={list.id} lines={list.lines.filter((l) => l.received < l.quantity).map((l) => ({ variantId: l.variantId, label: l.label, open: l.quantity - l.received }))} />
          )}
          {(list.status === 'draft' || list.status === 'sent') && (
            <ListActionButton action={cancelPurchaseOrderAction} id={list.id} label="Cancel order" busy="Cancelling…" confirm="Cancel this purchase order?" />
          )}
          {(list.status === 'draft' || list.status === 'cancelled') && (
            <ListActionButton action={deletePurchaseListAction} id={list.id} label="Delete" busy="Deleting…" variant="danger" confirm="Delete this purchase order?" then="/admin/stock/purchase-lists" />
          )}
        </section>
      )}
    </div>
  );
}
