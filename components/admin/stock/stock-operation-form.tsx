'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button, buttonClass } from '@/components/ui/button';
import { useFormats } from '@/components/ui/formats';
import { SelectField, TextField } from '@/components/ui/field';
import { useFormAction, type FormAction } from '@/components/ui/use-form-action';
import { adjustmentReasons } from '@/lib/inventory/schemas';
import { variantLabel } from '@/lib/catalog/labels';
import { StockItemPicker, type PickableItem, type SearchStockItems } from './stock-item-picker';

type Mode = 'receive' | 'adjust' | 'transfer';
type Line = { item: PickableItem; quantity: string; direction: 'remove' | 'add' };


/**
 * Receive, adjust or transfer: pick items (name, SKU or scanned barcode), give each a
 * quantity, submit once. The whole operation succeeds or nothing changes; a short item is
 * named on its own line.
 */
export function StockOperationForm({
  mode,
  location,
  otherLocations,
  action,
  searchStockItemsAction,
  currency,
}: {
  mode: Mode;
  /** Receiving: the currency unit costs are typed in. */
  currency?: string;
  location: { id: string; name: string };
  /** Transfer destinations. */
  otherLocations?: { id: string; name: string }[];
  /** The server action of this mode (receive, adjust or transfer). */
  action: FormAction;
  searchStockItemsAction: SearchStockItems;
}) {
  const t = useTranslations('admin.stockForm');
  const tr = useTranslations('admin.stock');
  const f = useFormats();
  const { state, pending, onSubmit } = useFormAction(action, null);
  const [lines, setLines] = useState<Line[]>([]);
  const [announcement, setAnnouncement] = useState('');
  const form = useRef<HTMLFormElement>(null);
  const fe = state?.fieldErrors ?? {};

  useEffect(() => {
    if (state?.ok) {
      setLines([]);
      form.current?.reset();
    }
  }, [state]);

  const current = useRef(lines); // the picker may call add() from an earlier render
  useEffect(() => {
    current.current = lines;
  }, [lines]);

  const add = (item: PickableItem) => {
    const label = variantLabel(item);
    const existing = current.current.find((l) => l.item.variantId === item.variantId);
    if (existing) {
      // Scanning the same item again adds one more.
      const next = String((Number(existing.quantity) || 0) + 1);
      update(item.variantId, { quantity: next });
      setAnnouncement(t('quantityNow', { item: label, quantity: next }));
    } else {
      setLines((lines) => [...lines, { item, quantity: '1', direction: 'remove' }]);
      setAnnouncement(t('added', { item: label }));
    }
  };
  const update = (variantId: string, change: Partial<Line>) =>
    setLines((current) => current.map((l) => (l.item.variantId === variantId ? { ...l, ...change } : l)));
  const remove = (line: Line) => {
    setLines((current) => current.filter((l) => l !== line));
    setAnnouncement(t('removed', { item: variantLabel(line.item) }));
  };

  const quantityField = mode === 'adjust' ? 'delta' : 'quantity';
  const units = lines.reduce((sum, l) => sum + (Number(l.quantity) || 0), 0);

  return (
    <form ref={form} onSubmit={onSubmit} className="space-y-6" noValidate>
      <input type="hidden" name="locationId" value={location.id} />
      {state?.error && <Alert tone="error">{state.error}</Alert>}
      {state?.ok && (
        <Alert tone="success">
          {state.ok}{' '}
          <Link href={`/admin/stock?location=${location.id}`} className="font-semibold underline">
            {t('backToStock')}
          </Link>
        </Alert>
      )}
      {fe.locationId && <Alert tone="error">{fe.locationId}</Alert>}

      <section aria-labelledby="op-details" className="rounded-xl border border-slate-200 bg-white p-5">
        <h2 id="op-details" className="text-lg font-semibold">
          {t('details')}
        </h2>
        <div className="mt-4 grid gap-4 sm:grid-cols-2">
          {mode === 'receive' && (
            <TextField label={t('supplierOptional')} name="supplier" autoComplete="off" maxLength={120} error={fe.supplier} />
          )}
          {mode === 'adjust' && (
            <SelectField label={t('reason')} name="reason" defaultValue="" required error={fe.reason}>
              <option value="" disabled>
                {t('chooseReason')}
              </option>
              {adjustmentReasons.map((r) => (
                <option key={r} value={r}>
                  {tr(`reason.${r}`)}
                </option>
              ))}
            </SelectField>
          )}
          {mode === 'transfer' && (
            <SelectField label={t('fromTo', { location: location.name })} name="toLocationId" defaultValue="" required error={fe.toLocationId}>
              <option value="" disabled>
                {t('chooseLocation')}
              </option>
              {(otherLocations ?? []).map((l) => (
                <option key={l.id} value={l.id}>
                  {l.name}
                </option>
              ))}
            </SelectField>
          )}
          <TextField
            label={mode === 'adjust' ? t('noteRequiredOther') : t('noteOptional')}
            name="note"
            autoComplete="off"
            maxLength={500}
            error={fe.note}
          />
        </div>
      </section>

      <section aria-labelledby="op-items" className="rounded-xl border border-slate-200 bg-white p-5">
        <h2 id="op-items" className="text-lg font-semibold">
          {t('items')}
        </h2>
        <div className="mt-4">
          <StockItemPicker
            location={location}
            hint={t('pickerHint')}
            showQuantity={true}
            onPick={add}
            searchStockItemsAction={searchStockItemsAction}
          />
        </div>
        <p role="status" aria-live="polite" className="sr-only">
          {announcement}
        </p>

        {lines.length === 0 ? (
          <p className={`mt-4 rounded-lg border border-dashed px-4 py-6 text-center text-sm ${fe.lines ? 'border-red-300 text-red-700' : 'border-slate-300 text-slate-500'}`}>
            {fe.lines ?? t('noItems')}
          </p>
        ) : (
          <table className="mt-4 w-full text-left text-sm">
            <caption className="sr-only">{t(`caption.${mode}`)}</caption>
            <thead className="text-xs uppercase text-slate-500">
              <tr>
                <th scope="col" className="py-2 pr-3">{t('item')}</th>
                {mode === 'adjust' && <th scope="col" className="py-2 pr-3">{t('change')}</th>}
                <th scope="col" className="w-36 py-2 pr-3">{t('quantity')}</th>
                {mode === 'receive' && (
                  <th scope="col" className="w-40 py-2 pr-3">
                    {currency ? t('unitCostIn', { currency }) : t('unitCost')}
                  </th>
                )}
                <th scope="col" className="py-2">
                  <span className="sr-only">{t('remove')}</span>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {lines.map((line, i) => {
                const label = variantLabel(line.item);
                const error = fe[`lines.${i}.${quantityField}`] ?? fe[`lines.${i}.variantId`];
                const errorId = `line-${line.item.variantId}-error`;
                return (
                  <tr key={line.item.variantId} data-testid="stock-line">
                    <td className="py-3 pr-3 align-top">
                      <input type="hidden" name="variantId" value={line.item.variantId} />
                      <p className="font-medium text-slate-900">{label}</p>
                      <p className="text-xs text-slate-500">
                        {t('sku', { sku: line.item.sku })}
                        {line.item.quantity !== null && ` · ${t('onHandAt', { quantity: f.number(line.item.quantity), location: location.name })}`}
                      </p>
                    </td>
                    {mode === 'adjust' && (
                      <td className="py-3 pr-3 align-top">
                        <label className="sr-only" htmlFor={`dir-${line.item.variantId}`}>
                          {t('addOrRemove', { item: label })}
                        </label>
                        <select
                          id={`dir-${line.item.variantId}`}
                          name="direction"
                          value={line.direction}
                          onChange={(e) => update(line.item.variantId, { direction: e.target.value as Line['direction'] })}
                          className="min-h-11 rounded-lg border border-slate-300 bg-white px-2 py-2 text-base"
                        >
                          <option value="remove">{t('removeMinus')}</option>
                          <option value="add">{t('addPlus')}</option>
                        </select>
                      </td>
                    )}
                    <td className="py-3 pr-3 align-top">
                      <label className="sr-only" htmlFor={`qty-${line.item.variantId}`}>
                        {t('quantityOf', { item: label })}
                      </label>
                      <input
                        id={`qty-${line.item.variantId}`}
                        name="quantity"
                        type="number"
                        inputMode="numeric"
                        min={1}
                        step={1}
                        value={line.quantity}
                        onChange={(e) => update(line.item.variantId, { quantity: e.target.value })}
                        aria-invalid={error ? true : undefined}
                        aria-describedby={error ? errorId : undefined}
                        className="block min-h-11 w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-base aria-[invalid=true]:border-red-500"
                      />
                      {error && (
                        <p id={errorId} className="mt-1 text-sm text-red-700">
                          {error}
                        </p>
                      )}
                    </td>
                    {mode === 'receive' && (
                      <td className="py-3 pr-3 align-top">
                        <label className="sr-only" htmlFor={`cost-${line.item.variantId}`}>
                          {t('unitCostOf', { item: label })}
                        </label>
                        <input
                          id={`cost-${line.item.variantId}`}
                          name="unitCost"
                          inputMode="decimal"
                          placeholder={t('optional')}
                          aria-invalid={fe[`lines.${i}.unitCost`] ? true : undefined}
                          className="block min-h-11 w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-base aria-[invalid=true]:border-red-500"
                        />
                        {fe[`lines.${i}.unitCost`] && <p className="mt-1 text-sm text-red-700">{fe[`lines.${i}.unitCost`]}</p>}
                      </td>
                    )}
                    <td className="py-3 text-right align-top">
                      <Button variant="ghost" onClick={() => remove(line)} aria-label={t('removeItem', { item: label })}>
                        {t('remove')}
                      </Button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
        {lines.length > 0 && (
          <p className="mt-3 text-sm text-slate-600">
            {mode === 'adjust' ? t('totalsChanged', { items: lines.length, units }) : t('totals', { items: lines.length, units })}
          </p>
        )}
      </section>

      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={pending || lines.length === 0}>
          {pending ? t(`submitting.${mode}`) : t(`submit.${mode}`)}
        </Button>
        <Link href={`/admin/stock?location=${location.id}`} className={buttonClass('ghost')}>
          {t('cancel')}
        </Link>
      </div>
    </form>
  );
}
