import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { ListActionButton } from '@/components/admin/stock/purchase-list-forms';
import { SupplierAddForm } from '@/components/admin/stock/supplier-add-form';
import { can, requireStaff } from '@/lib/auth';
import { listSuppliers } from '@/lib/inventory';
import { createSupplierAction, deleteSupplierAction } from '../purchase-lists/actions';

export async function generateMetadata(): Promise<Metadata> {
  const tt = await getTranslations('admin.titles');
  return { title: tt('suppliers') };
}

/** Who the store buys from: purchase orders name one. */
export default async function SuppliersPage() {
  const ctx = await requireStaff('stock:read');
  const suppliers = await listSuppliers(ctx);
  const canWrite = can(ctx.role, 'stock:write');
  const t = await getTranslations('admin.stockPlaces');
  const tt = await getTranslations('admin.titles');
  return (
    <div className="max-w-4xl space-y-6">
      <header>
        <p className="text-sm">
          <Link href="/admin/stock/purchase-lists" className="font-semibold text-brand-700 underline">
            {tt('purchaseOrders')}
          </Link>
        </p>
        <h1 className="text-2xl font-bold">{tt('suppliers')}</h1>
      </header>
      {canWrite && <SupplierAddForm action={createSupplierAction} />}
      {suppliers.length === 0 ? (
        <p className="rounded-xl border border-dashed border-slate-300 bg-white px-5 py-10 text-center text-slate-600">{t('noSuppliers')}</p>
      ) : (
        <ul className="divide-y divide-slate-100 rounded-xl border border-slate-200 bg-white">
          {suppliers.map((s) => (
            <li key={s.id} className="flex flex-wrap items-start justify-between gap-3 px-4 py-3" data-testid="supplier-row">
              <div>
                <p className="font-semibold">{s.name}</p>
                <p className="text-sm text-slate-600">{[s.contact, s.email, s.phone].filter(Boolean).join(' · ') || t('noContact')}</p>
                {s.note && <p className="text-sm text-slate-500">{s.note}</p>}
              </div>
              {canWrite && <ListActionButton action={deleteSupplierAction} id={s.id} label={t('deleteSupplier')} busy={t('deletingSupplier')} variant="ghost" confirm={t('confirmDeleteSupplier', { name: s.name })} />}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
