'use client';

import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { useEffect, useRef, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button, buttonClass } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';
import { useFormats } from '@/components/ui/formats';
import { useFormAction, type FormAction } from '@/components/ui/use-form-action';
import { variantLabel } from '@/lib/catalog/labels';
import type { FormMessage } from '@/lib/platform/errors';
import { StockItemPicker, type PickableItem, type SearchStockItems } from './stock-item-picker';

type Line = { item: PickableItem; counted: string };

const signed = (n: number, number: (n: number) => string) => (n > 0 ? `+${number(n)}` : n < 0 ? `−${number(Math.abs(n))}` : number(0));

export type CountPreviewLine = { variantId: string; expected: number; counted: number; difference: number };
/** The count form's state: the usual message, plus the differences of a preview, or that the count was applied. */
export type CountState = (FormMessage & { preview?: CountPreviewLine[]; applied?: boolean }) | null;

/**
 * A stock count in two steps: enter what is on the shelf, "Review differences" (a dry run
 * that changes nothing) shows expected / counted / difference, then "Apply count" records
 * it. Changing any count after the review asks for a new review first.
 */
export function StockCountForm({
  location,
  stockedHere,
  countStockAction,
  searchStockItemsAction,
}: {
  location: { id: string; name: string };
  stockedHere: PickableItem[];
  countStockAction: FormAction<CountState>;
  searchStockItemsAction: SearchStockItems;
}) {
  const t = useTranslations('admin.stockOps.count');
  const f = useFormats();
  const { state, pending, onSubmit } = useFormAction(countStockAction, null);
  const [lines, setLines] = useState<Line[]>([]);
  const [reviewed, setReviewed] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const form = useRef<HTMLFormElement>(null);
  const current = useRef(lines);
  const fe = state?.fieldErrors ?? {};

  useEffect(() => {
    current.current = lines;
  }, [lines]);

  useEffect(() => {
    if (state?.applied) {
      setLines([]);
      setReviewed(null);
      form.current?.reset();
    }
  }, [state]);

  // What the last review was for: the preview is only valid for exactly these counts.
  const key = JSON.stringify(lines.map((l) => [l.item.variantId, l.counted]));
  const order = new Map(lines.map((l, i) => [l.item.variantId, i]));
  const preview =
    state?.preview && !state.applied && reviewed === key
      ? [...state.preview].sort((a, b) => (order.get(a.variantId) ?? 0) - (order.get(b.variantId) ?? 0)) // as entered
      : null;

  const add = (item: PickableItem) => {
    const label = variantLabel(item);
    const existing = current.current.find((l) => l.item.variantId === item.variantId);
    if (existing) {
      const next = String((Number(existing.counted) || 0) + 1);
      setLines((ls) => ls.map((l) => (l.item.variantId === item.variantId ? { ...l, counted: next } : l)));
      setAnnouncement(t('countedAnnounce', { item: label, count: Number(next) }));
    } else {
      setLines((ls) => [...ls, { item, counted: '' }]);
      setAnnouncement(t('addedAnnounce', { item: label }));
    }
  };
  const addAllStocked = () => {
    const have = new Set(current.current.map((l) => l.item.variantId));
    const missing = stockedHere.filter((i) => !have.has(i.variantId));
    setLines((ls) => [...ls, ...missing.map((item) => ({ item, counted: '' }))]);
    setAnnouncement(t('addedAllAnnounce', { count: missing.length }));
  };
  const names = new Map(lines.map((l) => [l.item.variantId, l.item]));
  const changed = preview?.filter((l) => l.difference !== 0).length ?? 0;

  return (
    <form
      ref={form}
      onSubmit={(e) => {
        const intent = ((e.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null)?.value;
        if (intent === 'preview') setReviewed(key);
        onSubmit(e);
      }}
      className="space-y-6"
      noValidate
    >
      <input type="hidden" name="locationId" value={location.id} />
      {state?.error && <Alert tone="error">{state.error}</Alert>}
      {state?.ok && (state.applied || preview) && (
        <Alert tone="success">
          {state.ok}
          {state.applied && (
            <>
              {' '}
              <Link href={`/admin/stock?location=${location.id}`} className="font-semibold underline">
                {t('backToStock')}
              </Link>
            </>
          )}
        </Alert>
      )}

      <section aria-labelledby="count-items" className="rounded-xl border border-slate-200 bg-white p-5">
        <div className="flex flex-wrap items-start justify-between gap-3">
          <h2 id="count-items" className="text-lg font-semibold">
            {t('countedItems')}
          </h2>
          {stockedHere.length > 0 && (
            <Button variant="secondary" onClick={addAllStocked}>
              {t('addAll', { count: stockedHere.length })}
            </Button>
          )}
        </div>
        <div className="mt-4">
          <StockItemPicker
            location={location}
            hint={t('scanHint')}
            showQuantity={false}
            onPick={add}
            searchStockItemsAction={searchStockItemsAction}
          />
        </div>
        <p role="status" aria-live="polite" className="sr-only">
          {announcement}
        </p>

        {lines.length === 0 ? (
          <p className={`mt-4 rounded-lg border border-dashed px-4 py-6 text-center text-sm ${fe.lines ? 'border-red-300 text-red-700' : 'border-slate-300 text-slate-500'}`}>
            {fe.lines ?? t('nothingYet')}
          </p>
        ) : (
          <ul className="mt-4 divide-y divide-slate-100">
            {lines.map((line, i) => {
              const label = variantLabel(line.item);
              const error = fe[`lines.${i}.counted`] ?? fe[`lines.${i}.variantId`];
              const inputId = `count-${line.item.variantId}`;
              return (
                <li key={line.item.variantId} className="flex flex-wrap items-start gap-3 py-3" data-testid="count-line">
                  <input type="hidden" name="variantId" value={line.item.variantId} />
                  <div className="min-w-48 flex-1">
                    <label htmlFor={inputId} className="font-medium text-slate-900">
                      {label}
                    </label>
                    <p className="text-xs text-slate-500">{t('sku', { sku: line.item.sku })}</p>
                  </div>
                  <div className="w-36">
                    <input
                      id={inputId}
                      name="counted"
                      type="number"
                      inputMode="numeric"
                      min={0}
                      step={1}
                      placeholder={t('countedPlaceholder')}
                      value={line.counted}
                      onChange={(e) => setLines((ls) => ls.map((l) => (l === line ? { ...l, counted: e.target.value } : l)))}
                      aria-invalid={error ? true : undefined}
                      aria-describedby={error ? `${inputId}-error` : undefined}
                      className="block min-h-11 w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-base aria-[invalid=true]:border-red-500"
                    />
                    {error && (
                      <p id={`${inputId}-error`} className="mt-1 text-sm text-red-700">
                        {error}
                      </p>
                    )}
                  </div>
                  <Button variant="ghost" onClick={() => setLines((ls) => ls.filter((l) => l !== line))} aria-label={t('removeItem', { item: label })}>
                    {t('remove')}
                  </Button>
                </li>
              );
            })}
          </ul>
        )}
        <div className="mt-4 max-w-md">
          <TextField label={t('note')} name="note" autoComplete="off" maxLength={500} error={fe.note} />
        </div>
      </section>

      {preview && (
        <section aria-labelledby="count-review" className="rounded-xl border border-slate-200 bg-white p-5" data-testid="count-review">
          <h2 id="count-review" className="text-lg font-semibold">
            {t('differencesAt', { location: location.name })}
          </h2>
          <p className="text-sm text-slate-600">
            {changed === 0 ? t('allMatch') : t('willCorrect', { changed, total: preview.length })}
          </p>
          <table className="mt-3 w-full text-left text-sm">
            <thead className="bg-slate-50 text-xs uppercase text-slate-500">
              <tr>
                <th scope="col" className="px-3 py-2">{t('item')}</th>
                <th scope="col" className="px-3 py-2 text-right">{t('expected')}</th>
                <th scope="col" className="px-3 py-2 text-right">{t('counted')}</th>
                <th scope="col" className="px-3 py-2 text-right">{t('difference')}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {preview.map((l) => {
                const item = names.get(l.variantId);
                return (
                  <tr key={l.variantId} className={l.difference === 0 ? 'text-slate-500' : ''}>
                    <th scope="row" className="px-3 py-2 font-medium text-slate-900">
                      {item ? variantLabel(item) : t('item')}
                    </th>
                    <td className="px-3 py-2 text-right tabular-nums">{f.number(l.expected)}</td>
                    <td className="px-3 py-2 text-right tabular-nums">{f.number(l.counted)}</td>
                    <td
                      className={`px-3 py-2 text-right font-semibold tabular-nums ${l.difference < 0 ? 'text-red-700' : l.difference > 0 ? 'text-brand-700' : ''}`}
                    >
                      {signed(l.difference, f.number)}
                      {l.difference === 0 && <span className="sr-only">{t('matches')}</span>}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </section>
      )}

      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" name="intent" value="preview" variant={preview ? 'secondary' : 'primary'} disabled={pending || lines.length === 0}>
          {pending && !preview ? t('reviewing') : preview ? t('reviewAgain') : t('review')}
        </Button>
        {preview && (
          <Button type="submit" name="intent" value="apply" disabled={pending}>
            {pending ? t('applying') : t('apply')}
          </Button>
        )}
        {state?.preview && !state.applied && !preview && !pending && lines.length > 0 && (
          <p className="text-sm text-slate-600">{t('changedSince')}</p>
        )}
        <Link href={`/admin/stock?location=${location.id}`} className={buttonClass('ghost')}>
          {t('cancel')}
        </Link>
      </div>
    </form>
  );
}
