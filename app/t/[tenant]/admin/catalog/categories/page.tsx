import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { CategoryAddForm, CategoryRow } from '@/components/admin/catalog/category-forms';
import { StoreSettingSwitch } from '@/components/admin/catalog/store-setting-switch';
import { requireStaff, can } from '@/lib/auth';
import { categoryService, listProducts } from '@/lib/catalog';
import { getTenantSettings } from '@/lib/tenancy';
import { addCategoryAction, deleteCategoryAction, setTrackStockByDefaultAction, updateCategoryAction } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  const tt = await getTranslations('admin.titles');
  return { title: tt('categories') };
}

export default async function CategoriesPage() {
  const ctx = await requireStaff('catalog:read');
  const canWrite = can(ctx.role, 'catalog:write');
  const [categories, settings] = await Promise.all([categoryService.list(ctx), getTenantSettings(ctx)]);
  const storeDefault = settings.trackStockByDefault;
  // How many products each holds (the delete step says what it affects).
  const counts = await Promise.all(
    categories.map(async (c) => (await listProducts(ctx, { categoryId: c.id, status: 'all', skip: 0, limit: 1 })).total),
  );
  const t = await getTranslations('admin.catalog.categories');
  const tc = await getTranslations('admin.catalog');
  const nextPosition = categories.length ? Math.min(10_000, Math.max(...categories.map((c) => c.position)) + 1) : 0;

  return (
    <div className="max-w-4xl space-y-6">
      <header>
        <h1 className="text-2xl font-bold">{t('title')}</h1>
        <p className="text-slate-600">{t('intro')}</p>
      </header>

      <section aria-labelledby="stock-default" className="space-y-3 rounded-xl border border-slate-200 bg-white p-5">
        <h2 id="stock-default" className="text-lg font-semibold">
          {t('stockDefault')}
        </h2>
        {can(ctx.role, 'settings:write') ? (
          <StoreSettingSwitch name="trackStockByDefault" label={t('newItemsTrack')} value={storeDefault} action={setTrackStockByDefaultAction} />
        ) : (
          <p>
            <span className="font-medium">{t('newItemsTrackColon')}</span> {storeDefault ? tc('on') : tc('off')}{' '}
            <span className="text-sm text-slate-500">{t('ownerOnly')}</span>
          </p>
        )}
        <p className="text-sm text-slate-600">
          {t('stockDefaultHelp')}
        </p>
      </section>

      {canWrite && <CategoryAddForm nextPosition={nextPosition} storeDefault={storeDefault} addCategoryAction={addCategoryAction} />}

      <section aria-labelledby="category-list" className="rounded-xl border border-slate-200 bg-white">
        <h2 id="category-list" className="border-b border-slate-200 px-4 py-3 text-sm font-semibold text-slate-600">
          {categories.length === 0 ? t('title') : t('count', { count: categories.length })}
        </h2>
        {categories.length === 0 ? (
          <p className="px-4 py-8 text-center text-slate-600">
            {t('none')} {canWrite ? t('addOneAbove') : ''}
          </p>
        ) : (
          <ul className="divide-y divide-slate-100">
            {categories.map((c, i) => (
              <CategoryRow
                key={c.id}
                category={{ ...c, productCount: counts[i] ?? 0 }}
                storeDefault={storeDefault}
                canWrite={canWrite}
                updateCategoryAction={updateCategoryAction}
                deleteCategoryAction={deleteCategoryAction}
              />
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
