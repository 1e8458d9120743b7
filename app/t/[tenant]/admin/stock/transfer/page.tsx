import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { OperationShell } from '@/components/admin/stock/operation-shell';
import { StockOperationForm } from '@/components/admin/stock/stock-operation-form';
import { requireStaff } from '@/lib/auth';
import { locationFromParam } from '../location-param';
import { searchStockItemsAction, transferStockAction } from '../actions';

export async function generateMetadata(): Promise<Metadata> {
  const tt = await getTranslations('admin.titles');
  return { title: tt('transferStock') };
}

export default async function TransferStockPage({ searchParams }: { searchParams: Promise<{ location?: string | string[] }> }) {
  const ctx = await requireStaff('stock:write');
  const { location, locations } = await locationFromParam(ctx, (await searchParams).location);
  if (!location) redirect('/admin/stock/locations');
  const t = await getTranslations('admin.stockOps');
  const others = locations.filter((l) => l.id !== location.id);
  return (
    <OperationShell
      title={t('transferTitle')}
      intro={t.rich('transferIntro', { location: location.name, strong: (chunks) => <strong>{chunks}</strong> })}
      path="/admin/stock/transfer"
      location={location}
      locations={locations}
    >
      {others.length === 0 ? (
        <p className="rounded-xl border border-dashed border-slate-300 bg-white px-5 py-8 text-center text-slate-600">
          {t.rich('onlyOneLocation', {
            link: (chunks) => (
              <Link href="/admin/stock/locations" className="font-semibold text-brand-700 underline">
                {chunks}
              </Link>
            ),
          })}
        </p>
      ) : (
        <StockOperationForm
          key={location.id}
          mode="transfer"
          location={location}
          otherLocations={others}
          action={transferStockAction}
          searchStockItemsAction={searchStockItemsAction}
        />
      )}
    </OperationShell>
  );
}
