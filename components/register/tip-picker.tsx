'use client';

import { useId } from 'react';
import { useTranslations } from 'next-intl';
import { decimalToMinor, trimPercent , useRegisterWords } from './format';
import type { RegisterTips } from '@/lib/orders';

/**
 * The tip prompt at payment (tenant settings): no tip, a preset percentage of the amount being
 * paid, or a custom amount. The tip is the staff's: it goes on the payment, not on the order.
 */
export type TipChoice = { kind: 'none' } | { kind: 'preset'; basisPoints: number } | { kind: 'custom'; text: string };

/** The tip in minor units for a choice on `amount` (half up; null: a custom amount that does not read). */
export function tipAmount(choice: TipChoice, amount: number, currency: string): number | null {
  if (choice.kind === 'none') return 0;
  if (choice.kind === 'preset') return Math.floor((amount * choice.basisPoints + 5_000) / 10_000);
  if (!choice.text.trim()) return 0;
  return decimalToMinor(choice.text, currency);
}

export function TipPicker({
  tips,
  choice,
  amount,
  currency,
  disabled,
  onChange,
}: {
  tips: RegisterTips;
  choice: TipChoice;
  amount: number;
  currency: string;
  disabled: boolean;
  onChange: (choice: TipChoice) => void;
}) {
  const w = useRegisterWords();
  const t = useTranslations('payment');
  const id = useId();
  const chip = (selected: boolean) =>
    `min-h-12 rounded-lg border-2 px-3 text-sm font-bold tabular-nums ${selected ? 'border-brand-600 bg-brand-50 text-brand-900' : 'border-slate-200 bg-white text-slate-800 hover:bg-slate-50'} disabled:text-slate-400`;
  return (
    <fieldset className="space-y-2" data-testid="tip-picker">
      <legend className="text-sm font-bold">{t('tip')}</legend>
      <div className="flex flex-wrap gap-2">
        <button type="button" aria-pressed={choice.kind === 'none'} disabled={disabled} onClick={() => onChange({ kind: 'none' })} className={chip(choice.kind === 'none')}>
          {t('noTip')}
        </button>
        {tips.presets.map((bp) => {
          const selected = choice.kind === 'preset' && choice.basisPoints === bp;
          return (
            <button key={bp} type="button" aria-pressed={selected} disabled={disabled} onClick={() => onChange({ kind: 'preset', basisPoints: bp })} className={chip(selected)}>
              {t('tipPreset', { percent: trimPercent(bp), amount: w.f.money(tipAmount({ kind: 'preset', basisPoints: bp }, amount, currency) ?? 0, currency) })}
            </button>
          );
        })}
        {tips.custom && (
          <button type="button" aria-pressed={choice.kind === 'custom'} disabled={disabled} onClick={() => onChange({ kind: 'custom', text: '' })} className={chip(choice.kind === 'custom')}>
            {t('customTip')}
          </button>
        )}
      </div>
      {choice.kind === 'custom' && (
        <div className="flex items-center gap-2">
          <label htmlFor={`${id}-custom`} className="text-sm font-semibold">
            {t('tipAmount', { currency })}
          </label>
          <input
            id={`${id}-custom`}
            inputMode="decimal"
            autoComplete="off"
            value={choice.text}
            disabled={disabled}
            onChange={(e) => onChange({ kind: 'custom', text: e.target.value })}
            className="min-h-11 w-28 rounded-lg border border-slate-300 px-2 tabular-nums"
            data-testid="tip-custom"
          />
        </div>
      )}
    </fieldset>
  );
}
