import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { CsvImport } from '@/components/admin/catalog/csv-import';
import { buttonClass } from '@/components/ui/button';
import { requireStaff, can } from '@/lib/auth';
import { CSV_COLUMNS } from '@/lib/catalog';
import { minorToDecimal } from '@/lib/platform/money';

export async function generateMetadata(): Promise<Metadata> {
  const tt = await getTranslations('admin.titles');
  return { title: tt('importAndExport') };
}

type Column = (typeof CSV_COLUMNS)[number];

/** What each column holds is `admin.csvFormat.meaning.<column>` (the format itself is lib/catalog/csv.ts). */
const PRODUCT_LEVEL: Column[] = ['alt_name', 'category', 'tax_class', 'description', 'status', 'track_stock', 'allow_negative_stock', 'photo_url', 'modifier_groups', 'attributes', 'open_price'];

export default async function ImportPage() {
  const ctx = await requireStaff('catalog:read');
  const canWrite = can(ctx.role, 'catalog:write');
  const t = await getTranslations('admin.csvFormat');
  const price = (minor: number) => minorToDecimal(minor, ctx.tenant.currency);
  const row = (values: Partial<Record<Column, string>>) => CSV_COLUMNS.map((c) => values[c] ?? '');
  const exampleRows = [
    row({ handle: 'latte', product_name: 'Latte', category: 'Coffee', description: 'Espresso with steamed milk', status: 'active', track_stock: 'false', attributes: '{"hot": true}', variant_name: 'Small', sku: 'LAT-S', price: price(450) }),
    row({ handle: 'latte', product_name: 'Latte', variant_name: 'Large', sku: 'LAT-L', price: price(550) }),
    row({ handle: 'mug', product_name: 'Travel mug', category: 'Merchandise', variant_name: 'Default', sku: 'MUG-1', barcodes: '4006381333931', price: price(1200) }),
  ];

  return (
    <div className="max-w-4xl space-y-6">
      <header>
        <h1 className="text-2xl font-bold">{t('title')}</h1>
        <p className="text-slate-600">{t('intro')}</p>
      </header>

      <section aria-labelledby="export" className="space-y-3 rounded-xl border border-slate-200 bg-white p-5">
        <h2 id="export" className="text-lg font-semibold">
          {t('export')}
        </h2>
        <p className="text-sm text-slate-600">{t('exportBody')}</p>
        <a href="/api/v1/products/export" download className={buttonClass('secondary')}>
          {t('exportButton')}
        </a>
      </section>

      <section aria-labelledby="import" className="space-y-4 rounded-xl border border-slate-200 bg-white p-5">
        <h2 id="import" className="text-lg font-semibold">
          {t('import')}
        </h2>
        {canWrite ? (
          <>
            <p className="text-sm text-slate-600">{t('importBody')}</p>
            <CsvImport columns={[...CSV_COLUMNS]} exampleRows={exampleRows} currency={ctx.tenant.currency} />
          </>
        ) : (
          <p className="text-sm text-slate-600">{t('exportOnly')}</p>
        )}
      </section>

      <section aria-labelledby="format" className="space-y-3 rounded-xl border border-slate-200 bg-white p-5">
        <h2 id="format" className="text-lg font-semibold">
          {t('format')}
        </h2>
        <p className="text-sm text-slate-600">{t.rich('formatBody', { currency: ctx.tenant.currency, code: (chunks) => <code>{chunks}</code> })}</p>
        <div className="relative overflow-x-auto">
          <table className="w-full text-left text-sm">
            <thead className="bg-slate-50 text-xs uppercase text-slate-500">
              <tr>
                <th scope="col" className="px-3 py-2">{t('column')}</th>
                <th scope="col" className="px-3 py-2">{t('holds')}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {CSV_COLUMNS.map((c) => (
                <tr key={c}>
                  <td className="px-3 py-2 align-top font-mono text-xs whitespace-nowrap">{c}</td>
                  <td className="px-3 py-2 align-top">
                    {t(`meaning.${c}`)}
                    {c === 'price' && <> {t('priceExample', { price: price(1250) })}</>}
                    {PRODUCT_LEVEL.includes(c) && <span className="text-slate-500"> {t('perProduct')}</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </div>
  );
}
