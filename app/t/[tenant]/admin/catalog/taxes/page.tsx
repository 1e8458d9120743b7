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

  return (
    <div className="max-w-4xl space-y-6">
      <header>
        <h1 className="text-2xl font-bold">Taxes</h1>
        <p className="text-slate-600">Tax classes are the rates you give products. A product with no class is sold without tax.</p>
      </header>

      <section aria-labelledby="tax-mode" className="space-y-3 rounded-xl border border-slate-200 bg-white p-5">
        <h2 id="tax-mode" className="text-lg font-semibold">
          How prices are entered
        </h2>
        {canChangeSettings ? (
          <PricesIncludeTaxSwitch value={settings.pricesIncludeTax} setPricesIncludeTaxAction={setPricesIncludeTaxAction} />
        ) : (
          <p>
            <span className="font-medium">Prices include tax:</span> {settings.pricesIncludeTax ? 'On' : 'Off'}{' '}
            <span className="text-sm text-slate-500">(only an owner can change this)</span>
          </p>
        )}
        <p className="text-sm text-slate-600">
          {settings.pricesIncludeTax
            ? 'On: the price you enter is what the customer pays; receipts show the tax it contains.'
            : 'Off: tax is added on top of the price you enter; receipts show it as a separate line.'}
        </p>
      </section>

      <section aria-labelledby="tax-default" className="space-y-3 rounded-xl border border-slate-200 bg-white p-5">
        <h2 id="tax-default" className="text-lg font-semibold">
          Tax class for new products
        </h2>
        {canChangeSettings ? (
          <DefaultTaxClassForm
            taxes={taxes}
            value={taxes.some((t) => t.id === settings.defaultTaxClassId) ? settings.defaultTaxClassId : null}
            setDefaultTaxClassAction={setDefaultTaxClassAction}
          />
        ) : (
          <p>
            <span className="font-medium">New products get:</span> {taxes.find((t) => t.id === defaultTax)?.name ?? 'No tax'}{' '}
            <span className="text-sm text-slate-500">(only an owner can change this)</span>
          </p>
        )}
        <p className="text-sm text-slate-600">What the product form starts with; each product can still have its own class.</p>
      </section>

      {canWrite && <TaxClassAddForm addTaxClassAction={addTaxClassAction} />}

      <section aria-labelledby="tax-list" className="rounded-xl border border-slate-200 bg-white">
        <h2 id="tax-list" className="border-b border-slate-200 px-4 py-3 text-sm font-semibold text-slate-600">
          {taxes.length === 0 ? 'Tax classes' : `${taxes.length} tax ${taxes.length === 1 ? 'class' : 'classes'}`}
        </h2>
        {taxes.length === 0 ? (
          <p className="px-4 py-8 text-center text-slate-600">No tax classes yet: every product is sold without tax.</p>
        ) : (
          <ul className="divide-y divide-slate-100">
            {taxes.map((t) => (
              <TaxClassRow key={t.id} tax={t} canWrite={canWrite} updateTaxClassAction={updateTaxClassAction} deleteTaxClassAction={deleteTaxClassAction} />
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
