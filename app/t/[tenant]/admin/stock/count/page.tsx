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
  // Items that have a stock level here, so a full count can start from the whole list.
  const levels = await listLevels(ctx, { location: location.id, lowStock: false, skip: 0, limit: 500 });
  const stockedHere = levels.data
    .filter((l) => l.item)
    .map((l) => ({ variantId: l.variantId, productName: l.item!.productName, variantName: l.item!.variantName, sku: l.item!.sku, barcodes: [], trackStock: true, quantity: null }))
    .sort((a, b) => a.productName.localeCompare(b.productName));
  return (
    <OperationShell
      title="Stock count"
      intro={
        <>
          Count what is on the shelves at <strong>{location.name}</strong>, review the differences, then apply: each item is set to the
          counted quantity.
        </>
      }
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
