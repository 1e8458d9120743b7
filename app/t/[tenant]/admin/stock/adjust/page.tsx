import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { redirect } from 'next/navigation';
import { OperationShell } from '@/components/admin/stock/operation-shell';
import { StockOperationForm } from '@/components/admin/stock/stock-operation-form';
import { requireStaff } from '@/lib/auth';
import { locationFromParam } from '../location-param';
import { adjustStockAction, searchStockItemsAction } from '../actions';

export async function generateMetadata(): Promise<Metadata> {
  const tt = await getTranslations('admin.titles');
  return { title: tt('adjustStock') };
}

export default async function AdjustStockPage({ searchParams }: { searchParams: Promise<{ location?: string | string[] }> }) {
  const ctx = await requireStaff('stock:write');
  const { location, locations } = await locationFromParam(ctx, (await searchParams).location);
  if (!location) redirect('/admin/stock/locations');
  const t = await getTranslations('admin.stockOps');
  return (
    <OperationShell
      title={t('adjustTitle')}
      intro={t.rich('adjustIntro', { location: location.name, strong: (chunks) => <strong>{chunks}</strong> })}
      path="/admin/stock/adjust"
      location={location}
      locations={locations}
    >
      <StockOperationForm key={location.id} mode="adjust" location={location} action={adjustStockAction} searchStockItemsAction={searchStockItemsAction} />
    </OperationShell>
  );
}
