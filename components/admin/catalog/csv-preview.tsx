'use client';

import { useTranslations } from 'next-intl';
import { useFormats } from '@/components/ui/formats';
import type { DiffValue, FieldChange, ImportPreview } from '@/lib/catalog';

function Value({ change, value, currency }: { change: FieldChange; value: DiffValue; currency: string }) {
  const t = useTranslations('admin.csvPreview');
  const f = useFormats();
  if (value === null || value === '') return <span className="text-slate-400">{t('none')}</span>;
  if ((change.field === 'price' || change.field === 'cost') && typeof value === 'number') return <span className="tabular-nums">{f.money(value, currency)}</span>;
  if (typeof value === 'boolean') return <>{value ? t('yes') : t('no')}</>;
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
  const t = useTranslations('admin.csvPreview');
  const f = useFormats();
  const none = <span className="text-slate-400">{t('none')}</span>;
  return (
    <div className="space-y-5">
      <dl className="grid grid-cols-3 gap-4 rounded-lg border border-slate-200 bg-white p-4 text-sm">
        <div>
          <dt>{t('toCreate')}</dt>
          <dd className="text-2xl font-bold tabular-nums" data-testid="preview-create-count">{f.number(preview.create.length)}</dd>
        </div>
        <div>
          <dt>{t('toChange')}</dt>
          <dd className="text-2xl font-bold tabular-nums" data-testid="preview-change-count">{f.number(preview.change.length)}</dd>
        </div>
        <div>
          <dt>{t('leftAlone')}</dt>
          <dd className="text-2xl font-bold tabular-nums" data-testid="preview-unchanged-count">{f.number(preview.unchanged.length)}</dd>
        </div>
      </dl>
      {preview.categoriesToCreate.length > 0 && (
        <p className="text-sm text-slate-700">{t('newCategories', { names: preview.categoriesToCreate.join(', ') })}</p>
      )}

      {preview.change.length > 0 && (
        <PreviewTable caption={t('changeCaption')} headers={[t('line'), t('product'), t('field'), t('now'), t('after')]}>
              {preview.change.flatMap((p) =>
                p.changes.map((c, i) => (
                  <tr key={`${p.productId}-${c.field}-${c.sku ?? ''}`} data-testid="preview-change">
                    <td className="px-4 py-2 align-top tabular-nums">{i === 0 ? f.number(p.line) : ''}</td>
                    <td className="px-4 py-2 align-top font-medium">{i === 0 ? p.name : ''}</td>
                    <td className="px-4 py-2 align-top">
                      {t(`fields.${c.field}`)}
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
        <PreviewTable caption={t('createCaption')} headers={[t('line'), t('product'), t('fields.category'), t('fields.taxClass'), t('variants')]}>
              {preview.create.slice(0, 500).map((p) => (
                <tr key={p.line} data-testid="preview-create">
                  <td className="px-4 py-2 align-top tabular-nums">{f.number(p.line)}</td>
                  <td className="px-4 py-2 align-top font-medium">{p.name}</td>
                  <td className="px-4 py-2 align-top">{p.category ?? none}</td>
                  <td className="px-4 py-2 align-top">{p.taxClass ?? none}</td>
                  <td className="px-4 py-2 align-top">
                    <ul>
                      {p.variants.map((v) => (
                        <li key={v.sku}>
                          <span className="font-mono text-xs">{v.sku}</span> {v.name} · <span className="tabular-nums">{f.money(v.price, currency)}</span>
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
          <summary className="cursor-pointer font-semibold text-slate-800">{t('unchangedSummary')}</summary>
          <p className="mt-2 text-slate-600">{t('unchangedHint')}</p>
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
