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

/** What each column holds (the format itself is lib/catalog/csv.ts). */
const MEANING: Record<Column, string> = {
  handle: 'Groups rows into one product: rows with the same handle are variants of one product. Export writes the product id here.',
  product_name: 'Required. The product’s name.',
  category: 'A category name; one that does not exist yet is created.',
  tax_class: 'The name of an existing tax class, or empty for no tax.',
  description: 'Optional text.',
  status: '“active” (default) or “archived”.',
  track_stock: '“true” (default) or “false”.',
  allow_negative_stock: '“true” or “false” (default).',
  photo_url: 'An http(s) address of a photo.',
  modifier_groups: 'Names of existing modifier groups, separated by “|”.',
  attributes: 'A JSON object, like {"halal": true, "weight": 250}.',
  variant_name: 'The variant’s name, like “Large” (default “Default”).',
  sku: 'Required. Unique across all products. An existing SKU updates its product.',
  barcodes: 'Optional, separated by “|”.',
  price: 'Required. An amount in your currency, without its symbol.',
  open_price: '“true” when the register asks for the price at the sale (a “Custom amount” key), else “false” (default).',
  cost: 'What one unit costs you, before tax, in your currency; empty when not known. A file without this column leaves costs as they are.',
  alt_name: 'Optional: the name in Burmese (or another script), shown under the name at the register and searched like it. A file without this column leaves these names as they are.',
};
const PRODUCT_LEVEL: Column[] = ['alt_name', 'category', 'tax_class', 'description', 'status', 'track_stock', 'allow_negative_stock', 'photo_url', 'modifier_groups', 'attributes', 'open_price'];

export default async function ImportPage() {
  const ctx = await requireStaff('catalog:read');
  const canWrite = can(ctx.role, 'catalog:write');
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
        <h1 className="text-2xl font-bold">Import and export</h1>
        <p className="text-slate-600">Move your product list in and out as a spreadsheet (CSV), for example to change many prices at once.</p>
      </header>

      <section aria-labelledby="export" className="space-y-3 rounded-xl border border-slate-200 bg-white p-5">
        <h2 id="export" className="text-lg font-semibold">
          Export
        </h2>
        <p className="text-sm text-slate-600">
          Every product, one row per variant, in the format below. Edit it in a spreadsheet and import it again: rows whose SKU
          exists update that product.
        </p>
        <a href="/api/v1/products/export" download className={buttonClass('secondary')}>
          Export all products (CSV)
        </a>
      </section>

      <section aria-labelledby="import" className="space-y-4 rounded-xl border border-slate-200 bg-white p-5">
        <h2 id="import" className="text-lg font-semibold">
          Import
        </h2>
        {canWrite ? (
          <>
            <p className="text-sm text-slate-600">
              Nothing is saved until you confirm. The whole file is checked first and you see what it will do: the products it
              creates, every field it changes (old and new value), and the products it leaves alone. If any row has a problem, every
              problem is listed with its line, so you can fix the file and try again. Products whose SKUs already exist are
              updated; the others are added.
            </p>
            <CsvImport columns={[...CSV_COLUMNS]} exampleRows={exampleRows} currency={ctx.tenant.currency} />
          </>
        ) : (
          <p className="text-sm text-slate-600">Your role can export the catalog but not import into it.</p>
        )}
      </section>

      <section aria-labelledby="format" className="space-y-3 rounded-xl border border-slate-200 bg-white p-5">
        <h2 id="format" className="text-lg font-semibold">
          The format
        </h2>
        <p className="text-sm text-slate-600">
          A header row with these columns (in any order; only <code>product_name</code>, <code>sku</code> and <code>price</code> are
          required), then one row per variant. Product details come from a product’s first row; its other rows may leave them
          empty. Prices are in {ctx.tenant.currency}.
        </p>
        <div className="relative overflow-x-auto">
          <table className="w-full text-left text-sm">
            <thead className="bg-slate-50 text-xs uppercase text-slate-500">
              <tr>
                <th scope="col" className="px-3 py-2">Column</th>
                <th scope="col" className="px-3 py-2">What it holds</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {CSV_COLUMNS.map((c) => (
                <tr key={c}>
                  <td className="px-3 py-2 align-top font-mono text-xs whitespace-nowrap">{c}</td>
                  <td className="px-3 py-2 align-top">
                    {MEANING[c]}
                    {c === 'price' && <> Like {price(1250)}.</>}
                    {PRODUCT_LEVEL.includes(c) && <span className="text-slate-500"> Per product.</span>}
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
