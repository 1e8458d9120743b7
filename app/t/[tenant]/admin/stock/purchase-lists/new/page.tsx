import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { PurchaseOrderForm } from '@/components/admin/stock/purchase-order-form';
import { requireStaff } from '@/lib/auth';
import { listLocations, listSuppliers } from '@/lib/inventory';
import { searchStockItemsAction } from '../../actions';
import { createPurchaseOrderAction } from '../actions';
import { BackLink } from '@/components/admin/back-link';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('purchaseOrderNew'))('title') };
}

/** A purchase order by hand: location, supplier, items with quantities and unit costs; saved as a draft. */
export default async function NewPurchaseOrderPage() {
  const ctx = await requireStaff('stock:write');
  const t = await getTranslations('purchaseOrderNew');
  const [locations, suppliers] = await Promise.all([listLocations(ctx), listSuppliers(ctx)]);
  if (locations.length === 0) redirect('/admin/stock/locations');
  return (
    <div className="max-w-4xl space-y-6">
      <header>
        <BackLink href="/admin/stock/purchase-lists">{t('back')}</BackLink>
        <h1 className="text-2xl font-bold">{t('title')}</h1>
        <p className="text-slate-600">{t('intro')}</p>
      </header>
      <PurchaseOrderForm
        locations={locations.map((l) => ({ id: l.id, name: l.name }))}
        suppliers={suppliers.map((s) => ({ id: s.id, name: s.name }))}
        currency={ctx.tenant.currency}
        action={createPurchaseOrderAction}
        searchStockItemsAction={searchStockItemsAction}
      />
    </div>
  );
}
