'use client';

import { useTranslations } from 'next-intl';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { useFormAction, type FormAction } from '@/components/ui/use-form-action';
import { RouteSelect, type StationChoice } from './route-select';

export type CategoryRoute = { id: string; name: string; station: string };

/** Every category with the station that makes its items, saved at once. */
export function CategoryRoutes({ categories, stations, saveCategoryRoutesAction }: { categories: CategoryRoute[]; stations: StationChoice[]; saveCategoryRoutesAction: FormAction }) {
  const t = useTranslations('admin.kitchen');
  const { state, pending, onSubmit } = useFormAction(saveCategoryRoutesAction, null);
  const fallback = stations.find((s) => s.isDefault)?.name ?? t('theDefault');
  if (categories.length === 0) {
    return <p className="rounded-xl border border-dashed border-slate-300 bg-white px-5 py-6 text-slate-600">{t('noCategories', { station: fallback })}</p>;
  }
  return (
    <form onSubmit={onSubmit} className="space-y-3" noValidate>
      {state?.error && <Alert tone="error">{state.error}</Alert>}
      {state?.ok && <Alert tone="success">{state.ok}</Alert>}
      <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white">
        <table className="w-full text-left text-sm">
          <thead className="bg-slate-50 text-xs text-slate-500 uppercase">
            <tr>
              <th scope="col" className="px-4 py-3">{t('category')}</th>
              <th scope="col" className="px-4 py-3">{t('madeAt')}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {categories.map((c) => (
              <tr key={c.id} data-testid="category-route">
                <th scope="row" className="px-4 py-2 font-medium">
                  <label htmlFor={`route-${c.id}`}>{c.name}</label>
                </th>
                <td className="px-4 py-2">
                  <RouteSelect id={`route-${c.id}`} name={`category:${c.id}`} defaultValue={c.station} stations={stations} inheritLabel={t('defaultOf', { station: fallback })} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Button type="submit" disabled={pending}>
        {pending ? t('saving') : t('saveCategories')}
      </Button>
    </form>
  );
}
