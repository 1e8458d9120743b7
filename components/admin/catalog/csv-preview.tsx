'use client';

import type { DiffField, DiffValue, FieldChange, ImportPreview } from '@/lib/catalog';
import { formatMoney } from '@/lib/platform/money';

/** What each field of a change is called on the page (plain strings, to be extracted for translation). */
const FIELD_LABEL: Record<DiffField, string> = {
  name: 'Name',
  altName: 'Name in another script',
  description: 'Description',
  category: 'Category',
  taxClass: 'Tax class',
  status: 'Status',
  trackStock: 'Track stock',
  allowNegativeStock: 'Allow negative stock',
  openPrice: 'Price typed at the sale',
  photoUrl: 'Photo',
  modifierGroups: 'Modifier groups',
  attributes: 'Attributes',
  variantOrder: 'Variants (in order)',
  variantName: 'Variant name',
  price: 'Price',
  cost: 'Cost',
  barcodes: 'Barcodes',
};

function Value({ change, value, currency }: { change: FieldChange; value: DiffValue; currency: string }) {
  if (value === null || value === '') return <span className="text-slate-400">none</span>;
  if ((change.field === 'price' || change.field === 'cost') && typeof value === 'number') return <span className="tabular-nums">{formatMoney(value, currency)}</span>;
  if (typeof value === 'boolean') return <>{value ? 'yes' : 'no'}</>;
  return <>{String(value)}</>;
}

/** A scrolling table with a caption and a sticky header row (the preview's two lists). */
function PreviewTable({ caption, headers, children }: { caption: string; headers: string[]; children: React.ReactNode }) {
  return (
    <div className="max-h-[28rem] overflow-auto rounded-xl border border-slate-200 bg-white">
      <table className="w-full text-left text-sm">
        <caption className="px-4 py-2 text-left font-semibold text-slate-800">{caption}</caption>
        <thead className="sticky top-0 bg-slate-50 text-xs uppercase text-slate-500">
          <tr>
            {headers.map((h) => (
              <th key={h} scope="col" className="px-4 py-2">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">{children}</tbody>
      </table>
    </div>
  );
}

/**
 * The import's plan, before anything is written: products to create, products to change
 * (every field that differs, old → new) and products left alone. The counts head each table;
 * the tables are captioned for screen readers.
 */
export function CsvPreview({ preview, currency }: { preview: ImportPreview; currency: string }) {
  return (
    <div className="space-y-5">
      <dl className="grid grid-cols-3 gap-4 rounded-lg border border-slate-200 bg-white p-4 text-sm">
        <div>
          <dt>To create</dt>
          <dd className="text-2xl font-bold tabular-nums" data-testid="preview-create-count">{preview.create.length.toLocaleString('en')}</dd>
        </div>
        <div>
          <dt>To change</dt>
          <dd className="text-2xl font-bold tabular-nums" data-testid="preview-change-count">{preview.change.length.toLocaleString('en')}</dd>
        </div>
        <div>
          <dt>Left alone</dt>
          <dd className="text-2xl font-bold tabular-nums" data-testid="preview-unchanged-count">{preview.unchanged.length.toLocaleString('en')}</dd>
        </div>
      </dl>
      {preview.categoriesToCreate.length > 0 && (
        <p className="text-sm text-slate-700">New categories: {preview.categoriesToCreate.join(', ')}.</p>
      )}

      {preview.change.length > 0 && (
        <PreviewTable caption="Products that change" headers={['Line', 'Product', 'Field', 'Now', 'After the import']}>
              {preview.change.flatMap((p) =>
                p.changes.map((c, i) => (
                  <tr key={`${p.productId}-${c.field}-${c.sku ?? ''}`} data-testid="preview-change">
                    <td className="px-4 py-2 align-top tabular-nums">{i === 0 ? p.line : ''}</td>
                    <td className="px-4 py-2 align-top font-medium">{i === 0 ? p.name : ''}</td>
                    <td className="px-4 py-2 align-top">
                      {FIELD_LABEL[c.field]}
                      {c.sku && <span className="ml-1 font-mono text-xs text-slate-500">{c.sku}</span>}
                    </td>
                    <td className="px-4 py-2 align-top text-slate-600">
                      <Value change={c} value={c.before} currency={currency} />
                    </td>
                    <td className="px-4 py-2 align-top font-medium">
                      <Value change={c} value={c.after} currency={currency} />
                    </td>
                  </tr>
                )),
              )}
        </PreviewTable>
      )}

      {preview.create.length > 0 && (
        <PreviewTable caption="Products to create" headers={['Line', 'Product', 'Category', 'Tax class', 'Variants']}>
              {preview.create.slice(0, 500).map((p) => (
                <tr key={p.line} data-testid="preview-create">
                  <td className="px-4 py-2 align-top tabular-nums">{p.line}</td>
                  <td className="px-4 py-2 align-top font-medium">{p.name}</td>
                  <td className="px-4 py-2 align-top">{p.category ?? <span className="text-slate-400">none</span>}</td>
                  <td className="px-4 py-2 align-top">{p.taxClass ?? <span className="text-slate-400">none</span>}</td>
                  <td className="px-4 py-2 align-top">
                    <ul>
                      {p.variants.map((v) => (
                        <li key={v.sku}>
                          <span className="font-mono text-xs">{v.sku}</span> {v.name} · <span className="tabular-nums">{formatMoney(v.price, currency)}</span>
                        </li>
                      ))}
                    </ul>
                  </td>
                </tr>
              ))}
        </PreviewTable>
      )}

      {preview.unchanged.length > 0 && (
        <details className="rounded-xl border border-slate-200 bg-white p-4 text-sm">
          <summary className="cursor-pointer font-semibold text-slate-800">Products left alone</summary>
          <p className="mt-2 text-slate-600">These rows match the catalog already; the import does not touch them.</p>
          <ul className="mt-2 columns-2 text-slate-700">
            {preview.unchanged.slice(0, 500).map((p) => (
              <li key={p.productId}>{p.name}</li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
