import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { redirect } from 'next/navigation';
import { OperationShell } from '@/components/admin/stock/operation-shell';
import { StockCountForm } from '@/components/admin/stock/stock-count-form';
import { requireStaff } from '@/lib/auth';
import { listLevels } from '@/lib/inventory';
import { locationFromParam } from '../location-param';
import { countStockAction, searchStockItemsAction } from '../actions';

export async function generateMetadata(): Promise<Metadata> {
  const tt = await getTranslations('admin.titles');
  return { title: tt('stockCount') };
}

export default async function StockCountPage({ searchParams }: { searchParams: Promise<{ location?: string | string[] }> }) {
  const ctx = await requireStaff('stock:write');
  const { location, locations } = await locationFromParam(ctx, (await searchParams).location);
  if (!location) redirect('/admin/stock/locations');
  const t = await getTranslations('admin.stockOps');
  // Items that have a stock level here, so a full count can start from the whole list.
  const levels = await listLevels(ctx, { location: location.id, lowStock: false, skip: 0, limit: 500 });
  const stockedHere = levels.data
    .filter((l) => l.item)
    .map((l) => ({ variantId: l.variantId, productName: l.item!.productName, variantName: l.item!.variantName, sku: l.item!.sku, barcodes: [], trackStock: true, quantity: null }))
    .sort((a, b) => a.productName.localeCompare(b.productName));
  return (
    <OperationShell
      title={t('countTitle')}
      intro={t.rich('countIntro', { location: location.name, strong: (chunks) => <strong>{chunks}</strong> })}
      path="/admin/stock/count"
      location={location}
      locations={locations}
    >
      <StockCountForm
        key={location.id}
        location={location}
        stockedHere={stockedHere}
        countStockAction={countStockAction}
        searchStockItemsAction={searchStockItemsAction}
      />
    </OperationShell>
  );
}
