'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { StockBadge } from '@/components/admin/stock/stock-badge';
import { ThresholdEditor } from '@/components/admin/stock/threshold-editor';
import { useFormats } from '@/components/ui/formats';
import type { FormAction } from '@/components/ui/use-form-action';
import { tableScrollClass } from '@/components/ui/table';
import { variantLabel } from '@/lib/catalog/labels';

export type StockLevelRow = {
  variantId: string;
  productName: string;
  variantName: string;
  sku: string;
  trackStock: boolean;
  quantity: number;
  threshold: number | null;
  isLow: boolean;
};

/**
 * The stock levels of one location (all items or those running low): each item links to its
 * history, shows its quantity in the reader's digits, and — for someone who may write stock —
 * its low-stock threshold edited in place.
 */
export function StockLevelsTable({ rows, view, location, canWrite, itemQuery, setThresholdAction }: {
  rows: StockLevelRow[];
  view: 'all' | 'low';
  location: { id: string; name: string };
  canWrite: boolean;
  /** Appended to each item's history link ("?location=…"), so the page keeps this location. */
  itemQuery: string;
  setThresholdAction: FormAction;
}) {
  const t = useTranslations('admin.stock');
  const f = useFormats();
  return (
    <section aria-labelledby="stock-table" className={tableScrollClass}>
      <h2 id="stock-table" className="sr-only">
        {view === 'low' ? t('lowAt', { location: location.name }) : t('itemsAt', { location: location.name })}
      </h2>
      <table className="w-full text-left text-sm">
        <thead className="bg-slate-50 text-xs uppercase text-slate-500">
          <tr>
            <th scope="col" className="px-4 py-3">{t('item')}</th>
            <th scope="col" className="px-4 py-3 max-sm:hidden">{t('sku')}</th>
            <th scope="col" className="px-4 py-3 text-right">{t('onHand')}</th>
            <th scope="col" className="px-4 py-3">{t('lowAtColumn')}</th>
            <th scope="col" className="px-4 py-3">{t('status')}</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((row) => {
            const name = variantLabel(row);
            return (
              <tr key={`${view}-${row.variantId}`} data-testid="stock-row">
                <td className="px-4 py-3 align-top">
                  <Link href={`/admin/stock/items/${row.variantId}${itemQuery}`} className="font-medium text-slate-900 underline decoration-slate-300 underline-offset-2 hover:decoration-brand-600">
                    {name}
                  </Link>
                  {/* A phone shows the SKU under the name: one column fewer to swipe past. */}
                  <span className="block font-mono text-xs text-slate-600 sm:hidden">{row.sku}</span>
                </td>
                <td className="px-4 py-3 align-top font-mono text-xs whitespace-nowrap text-slate-600 max-sm:hidden">{row.sku}</td>
                {row.trackStock ? (
                  <>
                    <td className="px-4 py-3 text-right align-top text-base font-semibold tabular-nums">{f.number(row.quantity)}</td>
                    <td className="px-4 py-2 align-top">
                      {canWrite ? (
                        <ThresholdEditor locationId={location.id} variantId={row.variantId} itemName={name} threshold={row.threshold} setThresholdAction={setThresholdAction} />
                      ) : row.threshold === null ? (
                        '—'
                      ) : (
                        f.number(row.threshold)
                      )}
                    </td>
                    <td className="px-4 py-3 align-top">
                      <StockBadge quantity={row.quantity} isLow={row.isLow} />
                    </td>
                  </>
                ) : (
                  <td colSpan={3} className="px-4 py-3 align-top text-slate-500">
                    {t('notTracked')}
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
