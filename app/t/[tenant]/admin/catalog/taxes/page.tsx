import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { DefaultTaxClassForm, PricesIncludeTaxSwitch, TaxClassAddForm, TaxClassRow } from '@/components/admin/catalog/tax-forms';
import { requireStaff, can } from '@/lib/auth';
import { defaultTaxClassOf, taxClassService } from '@/lib/catalog';
import { getTenantSettings } from '@/lib/tenancy';
import { addTaxClassAction, deleteTaxClassAction, setDefaultTaxClassAction, setPricesIncludeTaxAction, updateTaxClassAction } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  const tt = await getTranslations('admin.titles');
  return { title: tt('taxes') };
}

export default async function TaxesPage() {
  const ctx = await requireStaff('catalog:read');
  const canWrite = can(ctx.role, 'catalog:write');
  const canChangeSettings = can(ctx.role, 'settings:write');
  const [taxes, settings] = await Promise.all([taxClassService.list(ctx), getTenantSettings(ctx)]);
  const defaultTax = defaultTaxClassOf(taxes, settings.defaultTaxClassId);
  const t = await getTranslations('admin.catalog.taxes');
  const tc = await getTranslations('admin.catalog');

  return (
    <div className="max-w-4xl space-y-6">
      <header>
        <h1 className="text-2xl font-bold">{t('title')}</h1>
        <p className="text-slate-600">{t('intro')}</p>
      </header>

      <section aria-labelledby="tax-mode" className="space-y-3 rounded-xl border border-slate-200 bg-white p-5">
        <h2 id="tax-mode" className="text-lg font-semibold">
          {t('howEntered')}
        </h2>
        {canChangeSettings ? (
          <PricesIncludeTaxSwitch value={settings.pricesIncludeTax} setPricesIncludeTaxAction={setPricesIncludeTaxAction} />
        ) : (
          <p>
            <span className="font-medium">{t('pricesIncludeColon')}</span> {settings.pricesIncludeTax ? tc('on') : tc('off')}{' '}
            <span className="text-sm text-slate-500">{t('ownerOnly')}</span>
          </p>
        )}
        <p className="text-sm text-slate-600">
          {settings.pricesIncludeTax ? t('onHelp') : t('offHelp')}
        </p>
      </section>

      <section aria-labelledby="tax-default" className="space-y-3 rounded-xl border border-slate-200 bg-white p-5">
        <h2 id="tax-default" className="text-lg font-semibold">
          {t('forNew')}
        </h2>
        {canChangeSettings ? (
          <DefaultTaxClassForm
            taxes={taxes}
            value={taxes.some((x) => x.id === settings.defaultTaxClassId) ? settings.defaultTaxClassId : null}
            setDefaultTaxClassAction={setDefaultTaxClassAction}
          />
        ) : (
          <p>
            <span className="font-medium">{t('newGetColon')}</span> {taxes.find((x) => x.id === defaultTax)?.name ?? t('noTax')}{' '}
            <span className="text-sm text-slate-500">{t('ownerOnly')}</span>
          </p>
        )}
        <p className="text-sm text-slate-600">{t('forNewHelp')}</p>
      </section>

      {canWrite && <TaxClassAddForm addTaxClassAction={addTaxClassAction} />}

      <section aria-labelledby="tax-list" className="rounded-xl border border-slate-200 bg-white">
        <h2 id="tax-list" className="border-b border-slate-200 px-4 py-3 text-sm font-semibold text-slate-600">
          {taxes.length === 0 ? t('classes') : t('count', { count: taxes.length })}
        </h2>
        {taxes.length === 0 ? (
          <p className="px-4 py-8 text-center text-slate-600">{t('none')}</p>
        ) : (
          <ul className="divide-y divide-slate-100">
            {taxes.map((x) => (
              <TaxClassRow key={x.id} tax={x} canWrite={canWrite} updateTaxClassAction={updateTaxClassAction} deleteTaxClassAction={deleteTaxClassAction} />
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
