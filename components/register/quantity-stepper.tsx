'use client';

import { useEffect, useState } from 'react';
import { useTranslations } from 'next-intl';
import { MAX_QUANTITY } from './use-cart';

/** − [n] + with big touch targets; the number can be typed too (whole units, 1…10,000). */
export function QuantityStepper({
  value,
  onChange,
  labelledBy,
  itemName,
  size = 'md',
  disabled = false,
}: {
  value: number;
  onChange: (n: number) => void;
  labelledBy?: string;
  itemName: string;
  size?: 'sm' | 'md';
  disabled?: boolean;
}) {
  const t = useTranslations('picker');
  const [text, setText] = useState(String(value));
  useEffect(() => setText(String(value)), [value]);
  const commit = (raw: string) => {
    const n = Number.parseInt(raw, 10);
    if (Number.isFinite(n) && n >= 1) onChange(Math.min(MAX_QUANTITY, n));
    else setText(String(value));
  };
  const box = size === 'sm' ? 'size-10 text-lg' : 'size-12 text-xl';
  return (
    <div className="inline-flex items-center gap-1" role="group" aria-labelledby={labelledBy} aria-label={labelledBy ? undefined : t('quantityOf', { item: itemName })}>
      <button
        type="button"
        className={`${box} rounded-lg bg-white font-bold ring-1 ring-slate-300 hover:bg-slate-50 disabled:text-slate-300`}
        onClick={() => onChange(Math.max(1, value - 1))}
        disabled={disabled || value <= 1}
        aria-label={t('oneLess', { item: itemName })}
      >
        −
      </button>
      <input
        value={text}
        inputMode="numeric"
        disabled={disabled}
        aria-label={t('quantityOf', { item: itemName })}
        onChange={(e) => setText(e.target.value.replace(/\D/g, ''))}
        onBlur={(e) => commit(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            commit(e.currentTarget.value);
          }
        }}
        className={`${size === 'sm' ? 'h-10 w-11' : 'h-12 w-14'} rounded-lg border border-slate-300 text-center text-base font-semibold tabular-nums focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600/30`}
      />
      <button
        type="button"
        className={`${box} rounded-lg bg-white font-bold ring-1 ring-slate-300 hover:bg-slate-50 disabled:text-slate-300`}
        onClick={() => onChange(Math.min(MAX_QUANTITY, value + 1))}
        disabled={disabled || value >= MAX_QUANTITY}
        aria-label={t('oneMore', { item: itemName })}
      >
        +
      </button>
    </div>
  );
}
