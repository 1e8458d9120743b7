import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { PrintButton } from '@/components/admin/reports/print-button';
import { ListActionButton, ReceiveListForm } from '@/components/admin/stock/purchase-list-forms';
import { ListTable, listCell, listNumberCell } from '@/components/admin/list-table';
import { pageFormats } from '@/components/admin/page-formats';
import { can, requireStaff } from '@/lib/auth';
import { getPurchaseList } from '@/lib/inventory';
import { idParam } from '@/lib/platform/validation';
import { cancelPurchaseOrderAction, deletePurchaseListAction, markOrderedAction, receivePurchaseListAction } from '../actions';
import { BackLink } from '@/components/admin/back-link';

export async function generateMetadata(): Promise<Metadata> {
  const tt = await getTranslations('admin.titles');
  return { title: tt('purchaseOrder') };
}

/** One purchase order: its lines (on hand, threshold, to order, unit cost, arrived), printable and as CSV for the supplier; sent, received in parts, cancelled or deleted. */
export default async function PurchaseListPage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requireStaff('stock:read');
  const id = idParam.safeParse((await params).id);
  if (!id.success) notFound();
  const list = await getPurchaseList(ctx, id.data).catch(() => null);
  if (!list) notFound();
  const canWrite = can(ctx.role, 'stock:write');
  const f = await pageFormats();
  const t = await getTranslations('admin.purchaseOrders');
  const units = list.lines.reduce((s, l) => s + l.quantity, 0);
  return (
    <div className="max-w-4xl space-y-6">
      <header className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <BackLink href="/admin/stock/purchase-lists">{t('title')}</BackLink>
          <h1 className="text-2xl font-bold">{t('orderFor', { location: list.locationName })}</h1>
          <p className="text-slate-600">
            {t('summary', { hasSupplier: list.supplierName ? 'yes' : 'no', supplier: list.supplierName ?? '', drafted: f.dateTime(list.createdAt, ctx.tenant.timeZone), items: list.lines.length, units })}{' '}
            <span data-testid="purchase-list-status">{t(`statusName.${list.status}`)}</span>
          </p>
        </div>
        <div className="flex gap-2 print:hidden">
          <a href={`/api/v1/purchase-orders/${list.id}/csv`} className="rounded-lg border border-slate-300 px-3 py-2 text-sm font-semibold">
            {t('downloadCsv')}
          </a>
          <PrintButton />
        </div>
      </header>
      <ListTable
        caption={t('whatToOrder')}
        columns={[
          { label: t('item') },
          { label: t('sku') },
          { label: t('onHand'), numeric: true },
          { label: t('lowAt'), numeric: true },
          { label: t('toOrder'), numeric: true },
          { label: t('unitCost'), numeric: true },
          { label: t('arrived'), numeric: true },
        ]}
      >
        {list.lines.map((l) => (
          <tr key={l.variantId} className="border-t border-slate-100">
            <td className={`${listCell} font-medium`}>{l.label}</td>
            <td className={`${listCell} text-slate-600`}>{l.sku}</td>
            <td className={listNumberCell}>{f.number(l.onHand)}</td>
            <td className={listNumberCell}>{l.threshold === null ? '—' : f.number(l.threshold)}</td>
            <td className={`${listNumberCell} font-semibold`}>{f.number(l.quantity)}</td>
            <td className={listNumberCell}>{l.unitCost === null ? '—' : f.money(l.unitCost, ctx.tenant.currency)}</td>
            <td className={listNumberCell} data-testid="line-received">
              {f.number(l.received)}
            </td>
          </tr>
        ))}
      </ListTable>
      {canWrite && list.status !== 'received' && (
        <section aria-label={t('whatNext')} className="flex flex-wrap items-start gap-4 print:hidden">
          {list.status === 'draft' && <ListActionButton action={markOrderedAction} id={list.id} label={t('markSent')} busy={t('saving')} />}
          {(list.status === 'sent' || list.status === 'partially_received') && (
            <ReceiveListForm action={receivePurchaseListAction} id={list.id} lines={list.lines.filter((l) => l.received < l.quantity).map((l) => ({ variantId: l.variantId, label: l.label, open: l.quantity - l.received }))} />
          )}
          {(list.status === 'draft' || list.status === 'sent') && (
            <ListActionButton action={cancelPurchaseOrderAction} id={list.id} label={t('cancelOrder')} busy={t('cancelling')} confirm={t('confirmCancel')} />
          )}
          {(list.status === 'draft' || list.status === 'cancelled') && (
            <ListActionButton action={deletePurchaseListAction} id={list.id} label={t('delete')} busy={t('deleting')} variant="danger" confirm={t('confirmDelete')} then="/admin/stock/purchase-lists" />
          )}
        </section>
      )}
    </div>
  );
}
