'use client';

import { useId, useState } from 'react';
import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import { decimalToMinor, discountLabel, minorToDecimal, percentToBasisPoints, trimPercent , useRegisterWords } from './format';
import { Modal } from './modal';
import type { Discount, RegisterData, TypedDiscount } from './types';

type SavedDiscount = RegisterData['savedDiscounts'][number];

export type DiscountTarget = { scope: 'line'; key: string; name: string; current: Discount | null } | { scope: 'order'; current: Discount | null };

/**
 * A discount on one line or on the whole order: one of the saved discounts offered there (one
 * tap), or a percentage or an amount typed in with why. Over the store's limit — or a saved
 * discount that asks for one — the server asks for a manager's approval (then their PIN).
 * Offline only the saved discounts that ask for no manager can be priced (offline-quote.ts): the
 * others are shown as needing the connection, and typing one in waits for it.
 */
export function DiscountDialog({
  target,
  currency,
  limitBasisPoints,
  savedDiscounts,
  offline = false,
  onClose,
  onApply,
}: {
  target: DiscountTarget | null;
  currency: string;
  limitBasisPoints: number;
  savedDiscounts: SavedDiscount[];
  /** The server cannot be reached: typed-in discounts and those asking for a manager wait for it. */
  offline?: boolean;
  onClose: () => void;
  onApply: (target: DiscountTarget, discount: Discount | null) => void;
}) {
  const t = useTranslations('dialogs');
  return (
    <Modal
      open={target !== null}
      onClose={onClose}
      size="sm"
      testId="discount-dialog"
      title={target?.scope === 'line' ? t('discountOn', { name: target.name }) : t('orderDiscount')}
      description={t('upToWithoutManager', { percent: trimPercent(limitBasisPoints) })}
    >
      {target && (
        <>
          <SavedDiscounts
            saved={savedDiscounts.filter((d) => d.appliesTo === 'any' || d.appliesTo === target.scope)}
            current={target.current}
            currency={currency}
            offline={offline}
            onApply={(d) => onApply(target, d)}
          />
          {offline ? (
            <OfflineNote target={target} onRemove={() => onApply(target, null)} />
          ) : (
            <DiscountForm target={target} currency={currency} onApply={(d) => onApply(target, d)} />
          )}
        </>
      )}
    </Modal>
  );
}

const savedValue = (d: SavedDiscount): TypedDiscount =>
  d.kind === 'percent' ? { kind: 'percent', basisPoints: d.basisPoints ?? 0 } : { kind: 'amount', amount: d.amount ?? 0 };

/** The saved discounts offered here, one button each; the one applied now is pressed. */
function SavedDiscounts({ saved, current, currency, offline, onApply }: { saved: SavedDiscount[]; current: Discount | null; currency: string; offline: boolean; onApply: (d: Discount) => void }) {
  const w = useRegisterWords();
  const t = useTranslations('dialogs');
  if (saved.length === 0) return null;
  return (
    <section aria-labelledby="saved-discounts" className="border-b border-slate-200 px-5 pt-4 pb-5">
      <h3 id="saved-discounts" className="mb-2 text-sm font-bold">
        {t('savedDiscounts')}
      </h3>
      <ul className="grid grid-cols-2 gap-2">
        {saved.map((d) => {
          const value = savedValue(d);
          const pressed = current?.kind === 'saved' && current.discountId === d.id;
          const waits = offline && d.needsApproval;
          return (
            <li key={d.id}>
              <button
                type="button"
                aria-pressed={pressed}
                disabled={waits}
                onClick={() => onApply({ kind: 'saved', discountId: d.id, name: d.name, value })}
                className="flex min-h-14 w-full flex-col items-start justify-center rounded-lg border-2 border-slate-200 px-3 py-2 text-left hover:bg-slate-50 disabled:cursor-not-allowed disabled:bg-slate-100 aria-pressed:border-brand-600 aria-pressed:bg-brand-50"
              >
                <span className="font-semibold">{d.name}</span>
                <span className="text-xs text-slate-600">
                  {discountLabel(value, currency, w)}
                  {d.needsApproval && t('needsManager')}
                </span>
                {waits && <span className="text-xs font-medium text-slate-700">{t('needsConnection')}</span>}
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** Offline, in place of the typed-in form: why it is not there, and a way to take the discount off. */
function OfflineNote({ target, onRemove }: { target: DiscountTarget; onRemove: () => void }) {
  const t = useTranslations('dialogs');
  return (
    <div className="space-y-4 p-5" data-testid="discount-offline-note">
      <p className="text-sm text-slate-700">{t('typedDiscountOffline')}</p>
      {target.current && (
        <Button variant="danger" onClick={onRemove}>
          {t('removeDiscount')}
        </Button>
      )}
    </div>
  );
}

function DiscountForm({ target, currency, onApply }: { target: DiscountTarget; currency: string; onApply: (d: Discount | null) => void }) {
  const t = useTranslations('dialogs');
  const id = useId();
  const typed = target.current?.kind === 'saved' ? null : target.current;
  const [kind, setKind] = useState<TypedDiscount['kind']>(typed?.kind ?? 'percent');
  const [value, setValue] = useState(typed ? (typed.kind === 'percent' ? trimPercent(typed.basisPoints) : minorToDecimal(typed.amount, currency)) : '');
  const [reason, setReason] = useState(typed?.reason ?? '');
  const [error, setError] = useState<string | null>(null);

  const submit = () => {
    const why = reason.trim() || null;
    if (kind === 'percent') {
      const bp = percentToBasisPoints(value);
      if (bp === null) return setError(t('enterPercentage'));
      onApply({ kind: 'percent', basisPoints: bp, reason: why });
    } else {
      const amount = decimalToMinor(value, currency);
      if (amount === null || amount < 1) return setError(t('enterAmountIn', { currency }));
      onApply({ kind: 'amount', amount, reason: why });
    }
  };

  return (
    <form
      className="space-y-4 p-5"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <fieldset>
        <legend className="mb-2 text-sm font-bold">{t('kind')}</legend>
        <div className="grid grid-cols-2 gap-2">
          {(['percent', 'amount'] as const).map((k) => (
            <label
              key={k}
              className="flex min-h-11 cursor-pointer items-center justify-center rounded-lg border-2 border-slate-200 text-sm font-semibold has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50 has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-brand-600"
            >
              <input type="radio" name="kind" className="sr-only" checked={kind === k} onChange={() => setKind(k)} />
              {kind === k && <span aria-hidden="true">✓&nbsp;</span>}
              {k === 'percent' ? t('percentKind') : t('amountKind', { currency })}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="space-y-1">
        <label htmlFor={`${id}-value`} className="block text-sm font-bold">
          {kind === 'percent' ? t('percentOff') : t('amountOff', { currency })}
        </label>
        <input
          id={`${id}-value`}
          data-autofocus
          inputMode="decimal"
          autoComplete="off"
          value={value}
          onChange={(e) => {
            setValue(e.target.value);
            setError(null);
          }}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          className="block min-h-12 w-full rounded-lg border border-slate-300 px-3 text-lg tabular-nums focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600/30 aria-[invalid=true]:border-red-600"
        />
        {error && (
          <p id={`${id}-error`} className="text-sm text-red-700" role="alert">
            {error}
          </p>
        )}
      </div>
      <div className="space-y-1">
        <label htmlFor={`${id}-reason`} className="block text-sm font-bold">
          {t.rich('discountReason', { muted: (chunks) => <span className="font-normal text-slate-500">{chunks}</span> })}
        </label>
        <input
          id={`${id}-reason`}
          maxLength={80}
          autoComplete="off"
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          placeholder={t('discountReasonExample')}
          className="block min-h-12 w-full rounded-lg border border-slate-300 px-3 focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600/30"
        />
      </div>
      <div className="flex justify-between gap-2">
        {target.current ? (
          <Button variant="danger" onClick={() => onApply(null)}>
            {t('removeDiscount')}
          </Button>
        ) : (
          <span />
        )}
        <Button type="submit">{t('apply')}</Button>
      </div>
    </form>
  );
}
