import type { Metadata } from 'next';
import Form from 'next/form';
import Link from 'next/link';
import { LocationSwitcher } from '@/components/admin/stock/location-switcher';
import { Pager, pageParam, query } from '@/components/ui/pager';
import { StockBadge } from '@/components/admin/stock/stock-badge';
import { ThresholdEditor } from '@/components/admin/stock/threshold-editor';
import { buttonClass } from '@/components/ui/button';
import { requireStaff, can } from '@/lib/auth';
import { listProducts, variantLabel } from '@/lib/catalog';
import { levelsOf, listLevels, listLocations } from '@/lib/inventory';
import { setThresholdAction } from './actions';
import { tableScrollClass } from '@/components/ui/table';

export const metadata: Metadata = { title: 'Stock' };

const PAGE_SIZE = 25;

type Row = {
  variantId: string;
  productName: string;
  variantName: string;
  sku: string;
  trackStock: boolean;
  quantity: number;
  threshold: number | null;
  isLow: boolean;
};

export default async function StockPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const ctx = await requireStaff('stock:read');
  const params = await searchParams;
  const one = (name: string) => (typeof params[name] === 'string' ? (params[name] as string) : undefined);
  const canWrite = can(ctx.role, 'stock:write');

  const locations = await listLocations(ctx);
  const location = locations.find((l) => l.id === one('location')) ?? locations.find((l) => l.isDefault) ?? locations[0];
  if (!location) {
    return (
      <div className="max-w-3xl space-y-4">
        <h1 className="text-2xl font-bold">Stock</h1>
        <p className="rounded-xl border border-dashed border-slate-300 bg-white px-5 py-8 text-center text-slate-600">
          There are no stock locations yet.{' '}
          {canWrite && (
            <Link href="/admin/stock/locations" className="font-semibold text-brand-700 underline">
              Add your first location
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

  let rows: Row[] = [];
  let total = 0;
  if (view === 'low') {
    total = low.total;
    rows = low.data.map((l) => ({
      variantId: l.variantId,
      productName: l.item?.productName ?? 'Unknown item',
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
    { key: 'all', label: 'All items', href: `/admin/stock${query({ ...here, q })}` },
    { key: 'low', label: `Low stock (${low.total})`, href: `/admin/stock${query({ ...here, view: 'low' })}` },
  ];

  return (
    <div className="max-w-6xl space-y-6">
      <header className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 className="text-2xl font-bold">Stock</h1>
          <p className="text-slate-600">
            What is on hand at {location.name}. Every change is recorded in each item&apos;s history.
          </p>
        </div>
        <nav aria-label="Stock lists" className="flex gap-4 text-sm font-semibold">
          <Link href="/admin/stock/purchase-lists" className="text-brand-700 underline">
            Purchase orders
          </Link>
          <Link href="/admin/stock/suppliers" className="text-brand-700 underline">
            Suppliers
          </Link>
          <Link href="/admin/stock/locations" className="text-brand-700 underline">
            Locations ({locations.length})
          </Link>
        </nav>
      </header>

      {canWrite && (
        <nav aria-label="Stock actions" className="flex flex-wrap gap-2">
          <Link href={`/admin/stock/receive${query(here)}`} className={buttonClass('primary')}>
            Receive stock
          </Link>
          <Link href={`/admin/stock/adjust${query(here)}`} className={buttonClass('secondary')}>
            Adjust
          </Link>
          <Link href={`/admin/stock/count${query(here)}`} className={buttonClass('secondary')}>
            Stock count
          </Link>
          {locations.length > 1 && (
            <Link href={`/admin/stock/transfer${query(here)}`} className={buttonClass('secondary')}>
              Transfer
            </Link>
          )}
        </nav>
      )}

      {/* The low-stock tab has no search: with one location the card would be empty. */}
      {(locations.length > 1 || view === 'all') && (
        <div className="flex flex-wrap items-end gap-4 rounded-xl border border-slate-200 bg-white p-4">
          {locations.length > 1 && <LocationSwitcher action="/admin/stock" locations={locations} current={location.id} keep={{ q, view: view === 'low' ? 'low' : undefined }} />}
          {view === 'all' && (
            <Form action="/admin/stock" className="flex flex-1 items-end gap-2" role="search" aria-label="Stock items">
              <input type="hidden" name="location" value={location.id} />
              <div className="flex-1 space-y-1">
                <label htmlFor="stock-search" className="block text-sm font-medium text-slate-700">
                  Search items
                </label>
                <input
                  id="stock-search"
                  name="q"
                  type="search"
                  defaultValue={q}
                  placeholder="Name, SKU or barcode"
                  className="block min-h-11 w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-base shadow-sm"
                />
              </div>
              <button type="submit" className={buttonClass('secondary')}>
                Search
              </button>
              {q && (
                <Link href={`/admin/stock${query(here)}`} className={buttonClass('ghost')}>
                  Clear
                </Link>
              )}
            </Form>
          )}
        </div>
      )}

      <nav aria-label="Stock views" className="flex gap-1 border-b border-slate-200">
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
            <>Nothing is running low at {location.name}. Set a “Low at” number on an item to be warned before it runs out.</>
          ) : q ? (
            <>No active product matches “{q}”.</>
          ) : (
            <>
              No products yet.{' '}
              <Link href="/admin/catalog" className="font-semibold text-brand-700 underline">
                Add products in the catalog
              </Link>{' '}
              and their stock shows here.
            </>
          )}
        </p>
      ) : (
        <section aria-labelledby="stock-table" className={tableScrollClass}>
          <h2 id="stock-table" className="sr-only">
            {view === 'low' ? 'Items running low' : 'Items'} at {location.name}
          </h2>
          <table className="w-full text-left text-sm">
            <thead className="bg-slate-50 text-xs uppercase text-slate-500">
              <tr>
                <th scope="col" className="px-4 py-3">Item</th>
                <th scope="col" className="px-4 py-3 max-sm:hidden">SKU</th>
                <th scope="col" className="px-4 py-3 text-right">On hand</th>
                <th scope="col" className="px-4 py-3">Low at</th>
                <th scope="col" className="px-4 py-3">Status</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {rows.map((row) => {
                const name = variantLabel(row);
                return (
                  <tr key={`${view}-${row.variantId}`} data-testid="stock-row">
                    <td className="px-4 py-3 align-top">
                      <Link href={`/admin/stock/items/${row.variantId}${query(here)}`} className="font-medium text-slate-900 underline decoration-slate-300 underline-offset-2 hover:decoration-brand-600">
                        {name}
                      </Link>
                      {/* A phone shows the SKU under the name: one column fewer to swipe past. */}
                      <span className="block font-mono text-xs text-slate-600 sm:hidden">{row.sku}</span>
                    </td>
                    <td className="px-4 py-3 align-top font-mono text-xs whitespace-nowrap text-slate-600 max-sm:hidden">{row.sku}</td>
                    {row.trackStock ? (
                      <>
                        <td className="px-4 py-3 text-right align-top text-base font-semibold tabular-nums">{row.quantity}</td>
                        <td className="px-4 py-2 align-top">
                          {canWrite ? (
                            <ThresholdEditor
                              locationId={location.id}
                              variantId={row.variantId}
                              itemName={name}
                              threshold={row.threshold}
                              setThresholdAction={setThresholdAction}
                            />
                          ) : (
                            (row.threshold ?? '—')
                          )}
                        </td>
                        <td className="px-4 py-3 align-top">
                          <StockBadge quantity={row.quantity} isLow={row.isLow} />
                        </td>
                      </>
                    ) : (
                      <td colSpan={3} className="px-4 py-3 align-top text-slate-500">
                        Not tracked — sells without counting stock
                      </td>
                    )}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </section>
      )}

      <Pager
        label="Stock pages"
        page={page}
        pageSize={PAGE_SIZE}
        total={total}
        href={(p) => `/admin/stock${query({ ...here, q: view === 'all' ? q : undefined, view: view === 'low' ? 'low' : undefined, page: p })}`}
      />
      {view === 'all' && total > 0 && (
        <p className="text-xs text-slate-500">Paged by product: {PAGE_SIZE} products per page, each with all its variants.</p>
      )}
    </div>
  );
}
