'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import { SearchPicker } from '@/components/admin/search-picker';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { useFormAction, type FormAction } from '@/components/ui/use-form-action';
import { RouteSelect, type StationChoice } from './route-select';

export type RoutableProduct = { id: string; name: string; categoryId: string | null };
export type ProductRoute = { productId: string; name: string; categoryName: string | null; station: string };

/**
 * Products made somewhere other than their category says (the lassi in Drinks made in the
 * kitchen; bottled water on no ticket): the list, each changeable or removable, and a picker to add one.
 */
export function ProductRoutes({
  routes,
  stations,
  saveProductRouteAction,
  searchRoutableProductsAction,
}: {
  routes: ProductRoute[];
  stations: StationChoice[];
  saveProductRouteAction: FormAction;
  searchRoutableProductsAction: (query: string) => Promise<{ items: RoutableProduct[]; error?: string }>;
}) {
  const t = useTranslations('admin.kitchen');
  const add = useFormAction(saveProductRouteAction, null);
  const [picked, setPicked] = useState<RoutableProduct | null>(null);
  useEffect(() => {
    if (add.state?.ok) setPicked(null);
  }, [add.state]);

  return (
    <div className="space-y-4">
      {routes.length === 0 ? (
        <p className="rounded-xl border border-dashed border-slate-300 bg-white px-5 py-6 text-slate-600">{t('noExceptions')}</p>
      ) : (
        <ul className="divide-y divide-slate-100 rounded-xl border border-slate-200 bg-white">
          {routes.map((r) => (
            <ProductRouteItem key={r.productId} route={r} stations={stations} saveProductRouteAction={saveProductRouteAction} />
          ))}
        </ul>
      )}

      <section aria-labelledby="add-exception" className="space-y-3 rounded-xl border border-slate-200 bg-white p-4">
        <h3 id="add-exception" className="font-semibold">
          {t('addException')}
        </h3>
        {add.state?.error && <Alert tone="error">{add.state.error}</Alert>}
        {add.state?.ok && <Alert tone="success">{add.state.ok}</Alert>}
        <SearchPicker<RoutableProduct>
          label={t('product')}
          placeholder={t('searchCatalog')}
          search={searchRoutableProductsAction}
          toOption={(p) => ({ id: p.id, label: p.name, disabledReason: routes.some((r) => r.productId === p.id) ? t('alreadyListed') : undefined })}
          onPick={setPicked}
        />
        {picked && (
          <form onSubmit={add.onSubmit} className="flex flex-wrap items-end gap-3" noValidate>
            <input type="hidden" name="productId" value={picked.id} />
            <div className="min-w-56 flex-1 space-y-1">
              <label htmlFor="new-exception-station" className="block text-sm font-medium text-slate-700">
                {t('whereMade', { name: picked.name })}
              </label>
              <RouteSelect id="new-exception-station" name="station" defaultValue={stations[0]?.id} stations={stations} inheritLabel={t('whereCategory')} />
            </div>
            <Button type="submit" disabled={add.pending}>
              {add.pending ? t('saving') : t('addExceptionButton')}
            </Button>
            <Button variant="ghost" onClick={() => setPicked(null)}>
              {t('cancel')}
            </Button>
          </form>
        )}
      </section>
    </div>
  );
}

function ProductRouteItem({ route, stations, saveProductRouteAction }: { route: ProductRoute; stations: StationChoice[]; saveProductRouteAction: FormAction }) {
  const t = useTranslations('admin.kitchen');
  const { state, pending, onSubmit } = useFormAction(saveProductRouteAction, null);
  const selectId = `exception-${route.productId}`;
  return (
    <li className="space-y-2 px-4 py-3" data-testid="product-route">
      <form onSubmit={onSubmit} className="flex flex-wrap items-end gap-3" noValidate>
        <input type="hidden" name="productId" value={route.productId} />
        <div className="min-w-56 flex-1 space-y-1">
          <label htmlFor={selectId} className="block text-sm font-medium text-slate-700">
            {route.name}
            {route.categoryName && <span className="font-normal text-slate-500"> · {route.categoryName}</span>}
          </label>
          <RouteSelect id={selectId} name="station" defaultValue={route.station} stations={stations} inheritLabel={t('whereCategoryRemove')} />
        </div>
        <Button type="submit" variant="secondary" disabled={pending}>
          {t('save')}
          <span className="sr-only">{t('nameSr', { name: route.name })}</span>
        </Button>
        <Button type="submit" name="remove" value="true" variant="danger" disabled={pending}>
          {t('remove')}
          <span className="sr-only">{t('removeExceptionSr', { name: route.name })}</span>
        </Button>
      </form>
      {state?.error && <Alert tone="error">{state.error}</Alert>}
    </li>
  );
}
