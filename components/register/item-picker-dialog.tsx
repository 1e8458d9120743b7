'use client';

import { useTranslations } from 'next-intl';
import { useId, useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import { decimalToMinor, minorToDecimal , useRegisterWords } from './format';
import { Modal } from './modal';
import { QuantityStepper } from './quantity-stepper';
import { canSell, variantStock } from './stock';
import type { NewLine } from './use-cart';
import type { RegisterModifierGroup, RegisterProduct, RegisterStockLevel } from './types';

export type PickerRequest = {
  product: RegisterProduct;
  variantId?: string;
  /** Editing a cart line: its current choices, and its key to replace. */
  line?: { key: string; modifierOptionIds: string[]; quantity: number; note: string | null; unitPrice?: number };
};

type PickerT = ReturnType<typeof useTranslations<'picker'>>;
const rule = (g: RegisterModifierGroup, t: PickerT) =>
  g.minSelect > 0
    ? g.minSelect === g.maxSelect
      ? t('requiredExactly', { count: g.minSelect })
      : t('requiredRange', { min: g.minSelect, max: g.maxSelect })
    : g.maxSelect === 1
      ? t('optional')
      : t('optionalUpTo', { max: g.maxSelect });

/**
 * Choosing what exactly to add: the variant, each modifier group's options (required groups
 * say so; the price each option adds is shown), the price of an open-price item ("Custom
 * amount"), how many, and a note for the kitchen.
 */
export function ItemPickerDialog({
  request,
  stock,
  currency,
  onClose,
  onSubmit,
}: {
  request: PickerRequest | null;
  stock: Record<string, RegisterStockLevel>;
  currency: string;
  onClose: () => void;
  onSubmit: (line: NewLine, replaceKey?: string) => void;
}) {
  const t = useTranslations('picker');
  return (
    <Modal
      open={request !== null}
      onClose={onClose}
      size="lg"
      testId="item-picker"
      title={request ? (request.line ? t('change', { name: request.product.name }) : request.product.name) : ''}
      description={request && request.product.modifierGroups.some((g) => g.minSelect > 0) ? t('requiredMustBeMade') : undefined}
    >
      {request && <PickerForm request={request} stock={stock} currency={currency} onSubmit={onSubmit} />}
    </Modal>
  );
}

function PickerForm({
  request,
  stock,
  currency,
  onSubmit,
}: {
  request: PickerRequest;
  stock: Record<string, RegisterStockLevel>;
  currency: string;
  onSubmit: (line: NewLine, replaceKey?: string) => void;
}) {
  const w = useRegisterWords();
  const t = useTranslations('picker');
  const { product, line } = request;
  const idPrefix = useId();
  const firstSellable = product.variants.find((v) => canSell(product, variantStock(product, v.id, stock)))?.id ?? product.variants[0]!.id;
  const [variantId, setVariantId] = useState(request.variantId ?? firstSellable);
  const [chosen, setChosen] = useState<Record<string, string[]>>(() =>
    Object.fromEntries(product.modifierGroups.map((g) => [g.id, g.options.filter((o) => line?.modifierOptionIds.includes(o.id)).map((o) => o.id)])),
  );
  const [quantity, setQuantity] = useState(line?.quantity ?? 1);
  const [note, setNote] = useState(line?.note ?? '');
  const suggested = line?.unitPrice ?? (product.variants.find((v) => v.id === (request.variantId ?? firstSellable))?.price || null);
  const [priceText, setPriceText] = useState(suggested ? minorToDecimal(suggested, currency) : '');
  const [showErrors, setShowErrors] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);

  const variant = product.variants.find((v) => v.id === variantId) ?? product.variants[0]!;
  const variantState = variantStock(product, variant.id, stock);
  const missing = product.modifierGroups.filter((g) => (chosen[g.id]?.length ?? 0) < g.minSelect);
  const options = product.modifierGroups.flatMap((g) => g.options.filter((o) => chosen[g.id]?.includes(o.id)).map((o) => ({ ...o, group: g })));
  const typedPrice = product.openPrice ? decimalToMinor(priceText, currency) : null;
  const priceMissing = product.openPrice && (typedPrice === null || typedPrice < 0);
  const unit = (product.openPrice ? (typedPrice ?? 0) : variant.price) + options.reduce((sum, o) => sum + o.priceDelta, 0);
  const sellable = canSell(product, variantState);

  const toggle = (g: RegisterModifierGroup, optionId: string, on: boolean) =>
    setChosen((prev) => {
      const current = prev[g.id] ?? [];
      if (g.maxSelect === 1) return { ...prev, [g.id]: on ? [optionId] : [] };
      return { ...prev, [g.id]: on ? [...current, optionId].slice(0, g.maxSelect) : current.filter((id) => id !== optionId) };
    });

  const submit = () => {
    if (missing.length || !sellable || priceMissing) {
      setShowErrors(true);
      const first = missing[0];
      if (priceMissing) document.getElementById(`${idPrefix}-price`)?.focus();
      else if (first) formRef.current?.querySelector<HTMLElement>(`#${CSS.escape(`${idPrefix}-group-${first.id}`)} input`)?.focus();
      return;
    }
    onSubmit(
      {
        productId: product.id,
        variantId: variant.id,
        quantity,
        modifierOptionIds: options.map((o) => o.id),
        note: note.trim() || null,
        discount: null,
        ...(product.openPrice && { unitPrice: typedPrice ?? 0 }),
        productName: product.name,
        variantName: variant.name,
        modifierNames: options.map((o) => o.name),
      },
      line?.key,
    );
  };

  return (
    <form
      ref={formRef}
      className="space-y-5 p-5"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      {product.variants.length > 1 && (
        <fieldset>
          <legend className="mb-2 text-sm font-bold">
            {t.rich('sizeVariant', { muted: (chunks) => <span className="font-normal text-slate-600">{chunks}</span> })}
          </legend>
          <div className="grid grid-cols-[repeat(auto-fill,minmax(9rem,1fr))] gap-2">
            {product.variants.map((v, i) => {
              const s = variantStock(product, v.id, stock);
              const blocked = !canSell(product, s);
              return (
                <label
                  key={v.id}
                  className={`flex min-h-14 cursor-pointer flex-col justify-center rounded-xl border-2 px-3 py-2 text-sm has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50 has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-brand-600 ${
                    blocked ? 'cursor-not-allowed border-slate-200 bg-slate-100 text-slate-500' : 'border-slate-200'
                  }`}
                >
                  <input
                    type="radio"
                    name="variant"
                    className="sr-only"
                    value={v.id}
                    checked={variantId === v.id}
                    disabled={blocked}
                    data-autofocus={(request.variantId ? v.id === request.variantId : i === 0) || undefined}
                    onChange={() => setVariantId(v.id)}
                  />
                  <span className="font-semibold">
                    {variantId === v.id && <span aria-hidden="true">✓ </span>}
                    {v.name}
                  </span>
                  <span className="text-slate-700">{w.f.money(v.price, currency)}</span>
                  {s.tracked && (s.out || s.low) && (
                    <span className={`text-xs font-semibold ${s.out ? 'text-red-800' : 'text-amber-900'}`}>
                      {s.out ? (blocked ? t('outOfStock') : t('outCanSell')) : t('lowLeft', { count: s.quantity })}
                    </span>
                  )}
                </label>
              );
            })}
          </div>
        </fieldset>
      )}

      {product.openPrice && (
        <div className="space-y-1">
          <label htmlFor={`${idPrefix}-price`} className="block text-sm font-bold">
            {t.rich('price', { currency, req: (chunks) => <span className="font-semibold text-red-800">{chunks}</span> })}
          </label>
          <input
            id={`${idPrefix}-price`}
            inputMode="decimal"
            autoComplete="off"
            value={priceText}
            onChange={(e) => setPriceText(e.target.value)}
            data-autofocus
            aria-invalid={showErrors && priceMissing ? true : undefined}
            aria-describedby={showErrors && priceMissing ? `${idPrefix}-price-error` : undefined}
            className="block min-h-12 w-full max-w-xs rounded-lg border border-slate-300 px-3 text-lg tabular-nums focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600/30 aria-[invalid=true]:border-red-600"
          />
          {showErrors && priceMissing && (
            <p id={`${idPrefix}-price-error`} role="alert" className="text-sm font-semibold text-red-700">
              {t('enterPrice', { currency })}
            </p>
          )}
        </div>
      )}

      {product.modifierGroups.map((g, gi) => {
        const picked = chosen[g.id] ?? [];
        const short = showErrors && picked.length < g.minSelect;
        const single = g.maxSelect === 1;
        return (
          <fieldset key={g.id} id={`${idPrefix}-group-${g.id}`} aria-describedby={short ? `${idPrefix}-err-${g.id}` : undefined}>
            <legend className="mb-2 text-sm font-bold">
              {g.name}{' '}
              <span className={g.minSelect > 0 ? 'font-semibold text-red-800' : 'font-normal text-slate-600'}>
                · {rule(g, t)}
                {g.minSelect > 0 && <span aria-hidden="true"> *</span>}
              </span>
            </legend>
            {short && (
              <p id={`${idPrefix}-err-${g.id}`} className="mb-2 text-sm font-semibold text-red-700" role="alert">
                {t('chooseGroup', { group: g.name.toLowerCase() })}
              </p>
            )}
            <div className={`grid grid-cols-[repeat(auto-fill,minmax(9rem,1fr))] gap-2 rounded-xl ${short ? 'ring-2 ring-red-600 ring-offset-2' : ''}`}>
              {single && g.minSelect === 0 && (
                <OptionCard
                  type="radio"
                  name={`g-${g.id}`}
                  label={t('none')}
                  checked={picked.length === 0}
                  onChange={() => setChosen((prev) => ({ ...prev, [g.id]: [] }))}
                />
              )}
              {g.options.map((o, oi) => {
                const checked = picked.includes(o.id);
                return (
                  <OptionCard
                    key={o.id}
                    type={single ? 'radio' : 'checkbox'}
                    name={`g-${g.id}`}
                    label={o.name}
                    extra={w.f.moneyDelta(o.priceDelta, currency)}
                    checked={checked}
                    disabled={!single && !checked && picked.length >= g.maxSelect}
                    autoFocus={product.variants.length === 1 && !product.openPrice && gi === 0 && oi === 0}
                    onChange={(on) => toggle(g, o.id, on)}
                  />
                );
              })}
            </div>
          </fieldset>
        );
      })}

      <div className="grid gap-4 sm:grid-cols-[auto_1fr]">
        <div>
          <p className="mb-1 text-sm font-bold" id={`${idPrefix}-qty`}>
            {t('quantity')}
          </p>
          <QuantityStepper value={quantity} onChange={setQuantity} labelledBy={`${idPrefix}-qty`} itemName={product.name} />
        </div>
        <div>
          <label htmlFor={`${idPrefix}-note`} className="mb-1 block text-sm font-bold">
            {t.rich('note', { muted: (chunks) => <span className="font-normal text-slate-600">{chunks}</span> })}
          </label>
          <input
            id={`${idPrefix}-note`}
            value={note}
            maxLength={200}
            onChange={(e) => setNote(e.target.value)}
            placeholder={t('noteExample')}
            data-autofocus={(product.variants.length === 1 && product.modifierGroups.length === 0 && !product.openPrice) || undefined}
            className="block min-h-11 w-full rounded-lg border border-slate-300 px-3 py-2 text-base focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600/30"
          />
        </div>
      </div>

      {showErrors && !sellable && (
        <p role="alert" className="text-sm font-semibold text-red-700">
          {t('cannotBeSold', { name: product.name, variant: variant.name })}
        </p>
      )}

      <div className="flex items-center justify-between gap-3 border-t border-slate-200 pt-4">
        <p className="text-sm text-slate-600">
          {t('each', { price: w.f.money(unit, currency) })}{missing.length > 0 && <span className="font-semibold text-red-800">{t('requiredLeft', { count: missing.length })}</span>}
        </p>
        <Button type="submit" className="min-w-40 text-base" data-testid="picker-add">
          {t(line ? 'update' : 'add', { quantity, amount: w.f.money(unit * quantity, currency) })}
        </Button>
      </div>
    </form>
  );
}

function OptionCard({
  type,
  name,
  label,
  extra,
  checked,
  disabled,
  autoFocus,
  onChange,
}: {
  type: 'radio' | 'checkbox';
  name: string;
  label: string;
  extra?: string;
  checked: boolean;
  disabled?: boolean;
  autoFocus?: boolean;
  onChange: (on: boolean) => void;
}) {
  return (
    <label
      className={`flex min-h-12 cursor-pointer items-center justify-between gap-2 rounded-xl border-2 px-3 py-2 text-sm has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50 has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-brand-600 ${
        disabled ? 'cursor-not-allowed border-slate-200 bg-slate-50 text-slate-400' : 'border-slate-200'
      }`}
    >
      <input type={type} name={name} className="sr-only" checked={checked} disabled={disabled} data-autofocus={autoFocus || undefined} onChange={(e) => onChange(e.target.checked)} />
      <span className="font-semibold">
        <span aria-hidden="true">{checked ? '✓ ' : ''}</span>
        {label}
      </span>
      {extra && <span className="text-slate-700">{extra}</span>}
    </label>
  );
}
