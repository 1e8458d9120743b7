'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button, buttonClass } from '@/components/ui/button';
import { SelectField, TextField } from '@/components/ui/field';
import { useFormAction, type FormAction } from '@/components/ui/use-form-action';
import { variantLabel } from '@/lib/catalog/labels';
import { StockItemPicker, type PickableItem, type SearchStockItems } from './stock-item-picker';

type Line = { item: PickableItem; quantity: string; unitCost: string };
type Named = { id: string; name: string };

/**
 * A purchase order written by hand: for which location, from which supplier, and each item with
 * the quantity to buy and its unit cost (blank: the item's current cost). Saved as a draft; the
 * action opens the new order's page.
 */
export function PurchaseOrderForm({
  locations,
  suppliers,
  currency,
  action,
  searchStockItemsAction,
}: {
  locations: Named[];
  suppliers: Named[];
  currency: string;
  action: FormAction;
  searchStockItemsAction: SearchStockItems;
}) {
  const t = useTranslations('purchaseOrderNew');
  const { state, pending, onSubmit } = useFormAction(action, null);
  const [locationId, setLocationId] = useState(locations[0]?.id ?? '');
  const [lines, setLines] = useState<Line[]>([]);
  const current = useRef(lines); // the picker may call add() from an earlier render
  useEffect(() => {
    current.current = lines;
  }, [lines]);
  const fe = state?.fieldErrors ?? {};
  const location = locations.find((l) => l.id === locationId) ?? locations[0]!;

  const add = (item: PickableItem) => {
    if (current.current.some((l) => l.item.variantId === item.variantId)) return;
    setLines((ls) => [...ls, { item, quantity: '1', unitCost: '' }]);
  };
  const update = (variantId: string, change: Partial<Line>) => setLines((ls) => ls.map((l) => (l.item.variantId === variantId ? { ...l, ...change } : l)));

  return (
    <form onSubmit={onSubmit} className="space-y-6" noValidate aria-label={t('title')}>
      {state?.error && <Alert tone="error">{state.error}</Alert>}
      <section aria-labelledby="po-details" className="rounded-xl border border-slate-200 bg-white p-5">
        <h2 id="po-details" className="text-lg font-semibold">
          {t('details')}
        </h2>
        <div className="mt-4 grid gap-4 sm:grid-cols-2">
          <SelectField label={t('location')} name="locationId" value={locationId} onChange={(e) => setLocationId(e.target.value)} error={fe.locationId}>
            {locations.map((l) => (
              <option key={l.id} value={l.id}>
                {l.name}
              </option>
            ))}
          </SelectField>
          <SelectField label={t('supplier')} name="supplierId" defaultValue="" error={fe.supplierId}>
            <option value="">{t('noSupplier')}</option>
            {suppliers.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </SelectField>
          <TextField label={t('note')} name="note" autoComplete="off" maxLength={500} error={fe.note} />
        </div>
      </section>

      <section aria-labelledby="po-items" className="rounded-xl border border-slate-200 bg-white p-5">
        <h2 id="po-items" className="text-lg font-semibold">
          {t('items')}
        </h2>
        <div className="mt-4">
          <StockItemPicker location={location} hint={t('pickerHint')} showQuantity onPick={add} searchStockItemsAction={searchStockItemsAction} />
        </div>
        {lines.length === 0 ? (
          <p className={`mt-4 rounded-lg border border-dashed px-4 py-6 text-center text-sm ${fe.lines ? 'border-red-300 text-red-700' : 'border-slate-300 text-slate-500'}`}>
            {fe.lines ?? t('noItems')}
          </p>
        ) : (
          <ul className="mt-4 divide-y divide-slate-100">
            {lines.map((line, i) => {
              const label = variantLabel(line.item);
              return (
                <li key={line.item.variantId} className="grid gap-3 py-3 sm:grid-cols-[1fr_9rem_10rem_auto] sm:items-start" data-testid="purchase-line">
                  <div>
                    <input type="hidden" name="variantId" value={line.item.variantId} />
                    <p className="font-medium text-slate-900">{label}</p>
                    <p className="text-xs text-slate-500">{t('sku', { sku: line.item.sku })}</p>
                  </div>
                  <TextField
                    label={t('quantityOf', { item: label })}
                    name="quantity"
                    type="number"
                    inputMode="numeric"
                    min={1}
                    step={1}
                    value={line.quantity}
                    onChange={(e) => update(line.item.variantId, { quantity: e.target.value })}
                    error={fe[`lines.${i}.quantity`] ?? fe[`lines.${i}.variantId`]}
                  />
                  <TextField
                    label={t('unitCostOf', { item: label, currency })}
                    name="unitCost"
                    inputMode="decimal"
                    placeholder={t('unitCostPlaceholder')}
                    value={line.unitCost}
                    onChange={(e) => update(line.item.variantId, { unitCost: e.target.value })}
                    error={fe[`lines.${i}.unitCost`]}
                  />
                  <Button variant="ghost" onClick={() => setLines((ls) => ls.filter((l) => l !== line))} aria-label={t('removeItem', { item: label })}>
                    {t('remove')}
                  </Button>
                </li>
              );
            })}
          </ul>
        )}
      </section>

      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={pending || lines.length === 0}>
          {pending ? t('saving') : t('save')}
        </Button>
        <Link href="/admin/stock/purchase-lists" className={buttonClass('ghost')}>
          {t('cancel')}
        </Link>
      </div>
    </form>
  );
}
