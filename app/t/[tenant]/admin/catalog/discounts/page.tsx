import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { DiscountAddForm, DiscountRow } from '@/components/admin/catalog/discount-forms';
import { can, requireStaff } from '@/lib/auth';
import { savedDiscountService } from '@/lib/catalog';
import { getTenantSettings } from '@/lib/tenancy';
import { addDiscountAction, deleteDiscountAction, updateDiscountAction } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  const tt = await getTranslations('admin.titles');
  return { title: tt('discounts') };
}

export default async function DiscountsPage() {
  const ctx = await requireStaff('catalog:read');
  const canWrite = can(ctx.role, 'catalog:write');
  const [discounts, settings] = await Promise.all([savedDiscountService.list(ctx), getTenantSettings(ctx)]);
  const currency = ctx.tenant.currency;
  const t = await getTranslations('admin.catalog.discounts');

  return (
    <div className="max-w-4xl space-y-6">
      <header>
        <h1 className="text-2xl font-bold">{t('title')}</h1>
        <p className="text-slate-600">{t('intro', { limit: settings.discountLimitBasisPoints / 100 })}</p>
      </header>

      {canWrite && <DiscountAddForm currency={currency} addDiscountAction={addDiscountAction} />}

      <section aria-labelledby="discount-list" className="rounded-xl border border-slate-200 bg-white">
        <h2 id="discount-list" className="border-b border-slate-200 px-4 py-3 text-sm font-semibold text-slate-600">
          {discounts.length === 0 ? t('saved') : t('count', { count: discounts.length })}
        </h2>
        {discounts.length === 0 ? (
          <p className="px-4 py-8 text-center text-slate-600">{t('none')}</p>
        ) : (
          <ul className="divide-y divide-slate-100">
            {discounts.map((d) => (
              <DiscountRow key={d.id} discount={d} currency={currency} canWrite={canWrite} updateDiscountAction={updateDiscountAction} deleteDiscountAction={deleteDiscountAction} />
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
