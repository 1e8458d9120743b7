import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import Form from 'next/form';
import Link from 'next/link';
import { LocationSwitcher } from '@/components/admin/stock/location-switcher';
import { Pager, pageParam, query } from '@/components/ui/pager';
import { StockLevelsTable, type StockLevelRow } from '@/components/admin/stock/stock-levels-table';
import { buttonClass } from '@/components/ui/button';
import { requireStaff, can } from '@/lib/auth';
import { listProducts } from '@/lib/catalog';
import { levelsOf, listLevels, listLocations } from '@/lib/inventory';
import { setThresholdAction } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  const tt = await getTranslations('admin.titles');
  return { title: tt('stock') };
}

const PAGE_SIZE = 25;


export default async function StockPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const ctx = await requireStaff('stock:read');
  const params = await searchParams;
  const one = (name: string) => (typeof params[name] === 'string' ? (params[name] as string) : undefined);
  const canWrite = can(ctx.role, 'stock:write');
  const t = await getTranslations('admin.stock');
  const tt = await getTranslations('admin.titles');

  const locations = await listLocations(ctx);
  const location = locations.find((l) => l.id === one('location')) ?? locations.find((l) => l.isDefault) ?? locations[0];
  if (!location) {
    return (
      <div className="max-w-3xl space-y-4">
        <h1 className="text-2xl font-bold">{tt('stock')}</h1>
        <p className="rounded-xl border border-dashed border-slate-300 bg-white px-5 py-8 text-center text-slate-600">
          {t('noLocations')}{' '}
          {canWrite && (
            <Link href="/admin/stock/locations" className="font-semibold text-brand-700 underline">
              {t('addFirstLocation')}
            </Link>
          )}
        </p>
      </div>
    );
  }

  const view = one('view') === 'low' ? 'low' : 'all';
  const q = one('q')?.trim().slice(0, 100) || undefined;
  const page = pageParam(params.page);
  const skip = (page - 1) * PAGE_SIZE;
  const here = { location: location.id };

  const low = await listLevels(ctx, { location: location.id, lowStock: true, skip: view === 'low' ? skip : 0, limit: view === 'low' ? PAGE_SIZE : 1 });

  let rows: StockLevelRow[] = [];
  let total = 0;
  if (view === 'low') {
    total = low.total;
    rows = low.data.map((l) => ({
      variantId: l.variantId,
      productName: l.item?.productName ?? t('unknownItem'),
      variantName: l.item?.variantName ?? 'Default',
      sku: l.item?.sku ?? '—',
      trackStock: true,
      quantity: l.quantity,
      threshold: l.lowStockThreshold,
      isLow: l.isLow,
    }));
  } else {
    const products = await listProducts(ctx, { search: q, status: 'active', skip, limit: PAGE_SIZE });
    total = products.total;
    const tracked = products.data.filter((p) => p.trackStock).flatMap((p) => p.variants.map((v) => v.id));
    const levels = new Map((await levelsOf(ctx, tracked, location.id)).map((l) => [l.variantId, l]));
    rows = products.data.flatMap((p) =>
      p.variants.map((v) => {
        const level = levels.get(v.id);
        return {
          variantId: v.id,
          productName: p.name,
          variantName: v.name,
          sku: v.sku,
          trackStock: p.trackStock,
          quantity: level?.quantity ?? 0,
          threshold: level?.lowStockThreshold ?? null,
          isLow: level?.isLow ?? false,
        };
      }),
    );
  }

  const tabs = [
    { key: 'all', label: t('allItems'), href: `/admin/stock${query({ ...here, q })}` },
    { key: 'low', label: t('lowStockTab', { count: low.total }), href: `/admin/stock${query({ ...here, view: 'low' })}` },
  ];

  return (
    <div className="max-w-6xl space-y-6">
      <header className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 className="text-2xl font-bold">{tt('stock')}</h1>
          <p className="text-slate-600">{t('intro', { location: location.name })}</p>
        </div>
        <nav aria-label={t('lists')} className="flex gap-4 text-sm font-semibold">
          <Link href="/admin/stock/purchase-lists" className="text-brand-700 underline">
            {tt('purchaseOrders')}
          </Link>
          <Link href="/admin/stock/suppliers" className="text-brand-700 underline">
            {tt('suppliers')}
          </Link>
          <Link href="/admin/stock/locations" className="text-brand-700 underline">
            {t('locationsCount', { count: locations.length })}
          </Link>
        </nav>
      </header>

      {canWrite && (
        <nav aria-label={t('actions')} className="flex flex-wrap gap-2">
          <Link href={`/admin/stock/receive${query(here)}`} className={buttonClass('primary')}>
            {tt('receiveStock')}
          </Link>
          <Link href={`/admin/stock/adjust${query(here)}`} className={buttonClass('secondary')}>
            {t('adjust')}
          </Link>
          <Link href={`/admin/stock/count${query(here)}`} className={buttonClass('secondary')}>
            {tt('stockCount')}
          </Link>
          {locations.length > 1 && (
            <Link href={`/admin/stock/transfer${query(here)}`} className={buttonClass('secondary')}>
              {t('transfer')}
            </Link>
          )}
        </nav>
      )}

      {/* The low-stock tab has no search: with one location the card would be empty. */}
      {(locations.length > 1 || view === 'all') && (
        <div className="flex flex-wrap items-end gap-4 rounded-xl border border-slate-200 bg-white p-4">
          {locations.length > 1 && <LocationSwitcher action="/admin/stock" locations={locations} current={location.id} keep={{ q, view: view === 'low' ? 'low' : undefined }} />}
          {view === 'all' && (
            <Form action="/admin/stock" className="flex flex-1 items-end gap-2" role="search" aria-label={t('searchLabel')}>
              <input type="hidden" name="location" value={location.id} />
              <div className="flex-1 space-y-1">
                <label htmlFor="stock-search" className="block text-sm font-medium text-slate-700">
                  {t('searchItems')}
                </label>
                <input
                  id="stock-search"
                  name="q"
                  type="search"
                  defaultValue={q}
                  placeholder={t('searchPlaceholder')}
                  className="block min-h-11 w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-base shadow-sm"
                />
              </div>
              <button type="submit" className={buttonClass('secondary')}>
                {t('search')}
              </button>
              {q && (
                <Link href={`/admin/stock${query(here)}`} className={buttonClass('ghost')}>
                  {t('clear')}
                </Link>
              )}
            </Form>
          )}
        </div>
      )}

      <nav aria-label={t('views')} className="flex gap-1 border-b border-slate-200">
        {tabs.map((tab) => (
          <Link
            key={tab.key}
            href={tab.href}
            aria-current={view === tab.key ? 'page' : undefined}
            className={`-mb-px border-b-2 px-4 py-3 text-sm font-semibold ${
              view === tab.key ? 'border-brand-600 text-brand-900' : 'border-transparent text-slate-600 hover:text-slate-900'
            }`}
          >
            {tab.label}
          </Link>
        ))}
      </nav>

      {rows.length === 0 ? (
        <p className="rounded-xl border border-dashed border-slate-300 bg-white px-5 py-10 text-center text-slate-600" data-testid="stock-empty">
          {view === 'low' ? (
            t('nothingLow', { location: location.name })
          ) : q ? (
            t('noMatch', { q })
          ) : (
            t.rich('noProducts', {
              link: (chunks) => (
                <Link href="/admin/catalog" className="font-semibold text-brand-700 underline">
                  {chunks}
                </Link>
              ),
            })
          )}
        </p>
      ) : (
        <StockLevelsTable
          rows={rows}
          view={view}
          location={location}
          canWrite={canWrite}
          itemQuery={query(here)}
          setThresholdAction={setThresholdAction}
        />
      )}

      <Pager
        label={t('pages')}
        page={page}
        pageSize={PAGE_SIZE}
        total={total}
        href={(p) => `/admin/stock${query({ ...here, q: view === 'all' ? q : undefined, view: view === 'low' ? 'low' : undefined, page: p })}`}
      />
      {view === 'all' && total > 0 && (
        <p className="text-xs text-slate-500">{t('pagedByProduct', { count: PAGE_SIZE })}</p>
      )}
    </div>
  );
}
