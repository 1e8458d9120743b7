import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { ListActionButton } from '@/components/admin/stock/purchase-list-forms';
import { ListTable, listCell, listNumberCell } from '@/components/admin/list-table';
import { buttonClass } from '@/components/ui/button';
import { can, requireStaff } from '@/lib/auth';
import { listPurchaseLists } from '@/lib/inventory';
import { draftPurchaseListAction } from './actions';
import { pageFormats } from '@/components/admin/page-formats';
import { BackLink } from '@/components/admin/back-link';

export async function generateMetadata(): Promise<Metadata> {
  const tt = await getTranslations('admin.titles');
  return { title: tt('purchaseOrders') };
}

/** What to order: lists drafted from low stock (here or by the assistant), newest first. */
export default async function PurchaseListsPage() {
  const ctx = await requireStaff('stock:read');
  const lists = await listPurchaseLists(ctx);
  const f = await pageFormats();
  const t = await getTranslations('admin.purchaseOrders');
  return (
    <div className="max-w-4xl space-y-6">
      <header className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <BackLink href="/admin/stock">{t('stock')}</BackLink>
          <h1 className="text-2xl font-bold">{t('title')}</h1>
          <p className="text-slate-600">
            {t.rich('intro', {
              link: (chunks) => (
                <Link href="/admin/stock/suppliers" className="font-semibold text-brand-700 underline">
                  {chunks}
                </Link>
              ),
            })}
          </p>
        </div>
        {can(ctx.role, 'stock:write') && (
          <div className="flex flex-wrap gap-2">
            <Link href="/admin/stock/purchase-lists/new" className={buttonClass('secondary')}>
              {(await getTranslations('purchaseOrderNew'))('title')}
            </Link>
            <ListActionButton action={draftPurchaseListAction} label={t('draftFromLow')} busy={t('drafting')} variant="primary" />
          </div>
        )}
      </header>
      {lists.length === 0 ? (
        <p className="rounded-xl border border-dashed border-slate-300 bg-white px-5 py-10 text-center text-slate-600">
          {t('none')}
        </p>
      ) : (
        <ListTable
          caption={t('caption')}
          columns={[{ label: t('drafted') }, { label: t('location') }, { label: t('supplier') }, { label: t('items'), numeric: true }, { label: t('units'), numeric: true }, { label: t('status') }]}
        >
          {lists.map((l) => (
            <tr key={l.id} className="border-t border-slate-100" data-testid="purchase-list-row">
              <td className={listCell}>
                <Link href={`/admin/stock/purchase-lists/${l.id}`} className="font-semibold text-brand-700 underline">
                  {f.dateTime(l.createdAt, ctx.tenant.timeZone)}
                </Link>
              </td>
              <td className={listCell}>{l.locationName}</td>
              <td className={listCell}>{l.supplierName ?? '—'}</td>
              <td className={listNumberCell}>{f.number(l.items)}</td>
              <td className={listNumberCell}>{l.received > 0 ? t('receivedOf', { received: l.received, units: l.units }) : f.number(l.units)}</td>
              <td className={listCell}>{t(`statusName.${l.status}`)}</td>
            </tr>
          ))}
        </ListTable>
      )}
    </div>
  );
}
