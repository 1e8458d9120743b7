import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { CategoryRoutes } from '@/components/kitchen/admin/category-routes';
import { ProductRoutes } from '@/components/kitchen/admin/product-routes';
import { StationList } from '@/components/kitchen/admin/station-list';
import { requireStaff } from '@/lib/auth';
import { categoryService, getProducts } from '@/lib/catalog';
import { listRoutes, openTicketCounts, stationsOf } from '@/lib/restaurant';
import {
  addStationAction,
  deleteStationAction,
  saveCategoryRoutesAction,
  saveProductRouteAction,
  searchRoutableProductsAction,
  updateStationAction,
} from './actions';

export async function generateMetadata(): Promise<Metadata> {
  const tt = await getTranslations('admin.titles');
  return { title: tt('kitchen') };
}


/** Kitchen stations and which one makes what: categories, then the products that differ (docs/kitchen.md). */
export default async function KitchenSetupPage() {
  const ctx = await requireStaff('kitchen:write');
  const [stations, routes, categories, counts] = await Promise.all([stationsOf(ctx), listRoutes(ctx), categoryService.list(ctx), openTicketCounts(ctx)]);
  const productRoutes = routes.filter((r) => r.kind === 'product');
  const products = await getProducts(ctx, productRoutes.map((r) => r.targetId));
  const categoryName = new Map(categories.map((c) => [c.id, c.name]));
  const t = await getTranslations('admin.kitchen');
  const choices = stations.map((s) => ({ id: s.id, name: s.name, isDefault: s.isDefault }));
  /** A route as the form's select value: a station id, `none`, or `inherit` when there is none. */
  const routeOf = (kind: 'category' | 'product', id: string) => {
    const route = routes.find((r) => r.kind === kind && r.targetId === id);
    return route ? (route.stationId ?? 'none') : 'inherit';
  };

  return (
    <div className="max-w-5xl space-y-8">
      <header>
        <h1 className="text-2xl font-bold">{t('title')}</h1>
        <p className="text-slate-600">
          {t.rich('intro', {
            link: (chunks) => (
              <Link href="/kitchen" className="font-semibold text-brand-700 underline">
                {chunks}
              </Link>
            ),
          })}
        </p>
      </header>

      <section aria-labelledby="stations" className="space-y-3">
        <h2 id="stations" className="text-lg font-semibold">
          {t('stations')}
        </h2>
        <StationList
          stations={stations.map((s) => ({ ...s, open: counts.get(s.id) ?? 0 }))}
          addStationAction={addStationAction}
          updateStationAction={updateStationAction}
          deleteStationAction={deleteStationAction}
        />
      </section>

      <section aria-labelledby="categories" className="space-y-3">
        <h2 id="categories" className="text-lg font-semibold">
          {t('categories')}
        </h2>
        <CategoryRoutes
          categories={categories.map((c) => ({ id: c.id, name: c.name, station: routeOf('category', c.id) }))}
          stations={choices}
          saveCategoryRoutesAction={saveCategoryRoutesAction}
        />
      </section>

      <section aria-labelledby="exceptions" className="space-y-3">
        <h2 id="exceptions" className="text-lg font-semibold">
          {t('exceptions')}
        </h2>
        <ProductRoutes
          routes={products
            .map((p) => ({ productId: p.id, name: p.name, categoryName: p.categoryId ? (categoryName.get(p.categoryId) ?? null) : null, station: routeOf('product', p.id) }))
            .sort((a, b) => a.name.localeCompare(b.name))}
          stations={choices}
          saveProductRouteAction={saveProductRouteAction}
          searchRoutableProductsAction={searchRoutableProductsAction}
        />
      </section>
    </div>
  );
}
