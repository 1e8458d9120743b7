'use client';

import { useTranslations } from 'next-intl';
import { variantLabel } from '@/lib/catalog/labels';
import { discountLabel , useRegisterWords } from './format';
import { QuantityStepper } from './quantity-stepper';
import type { CartLine } from './use-cart';
import type { QuoteLine } from './types';

/**
 * One cart line: what it is (variant, options, note, discount), how many, what it costs (the
 * server's figure once quoted). Tapping selects it — the selected line shows its controls and
 * is the one +, − and Delete act on. Problems the server found with the line show beside it.
 */
export function CartLineItem({
  line,
  index,
  priced,
  selected,
  locked,
  currency,
  errors,
  warning,
  onSelect,
  onQuantity,
  onRemove,
  onDiscount,
  onEdit,
  onCourse,
  seats,
  onSeat,
}: {
  line: CartLine;
  index: number;
  priced: QuoteLine | null;
  selected: boolean;
  locked: boolean;
  currency: string;
  errors: string[];
  warning: string | null;
  onSelect: () => void;
  onQuantity: (n: number) => void;
  onRemove: () => void;
  onDiscount: () => void;
  onEdit: (() => void) | null;
  /** Dine-in only: set the line's course and whether it is held for "Fire course n". */
  onCourse: ((course: number, held: boolean) => void) | null;
  /** Seats to choose from (dine-in: 1…seats); null: no seats on this order. */
  seats: number | null;
  onSeat: (seat: number | null) => void;
}) {
  const w = useRegisterWords();
  const t = useTranslations('register');
  const name = variantLabel(line);
  const course = line.course ?? 1;
  const sent = line.firedQuantity ?? 0;
  const errorId = `line-${line.key}-errors`;
  return (
    <li
      data-testid="cart-line"
      data-selected={selected || undefined}
      className={`border-b border-slate-200 px-3 py-2 ${selected && !locked ? 'bg-brand-50 shadow-[inset_4px_0_0_var(--color-brand-600)]' : ''} ${errors.length ? 'bg-red-50' : ''}`}
    >
      <button
        type="button"
        onClick={onSelect}
        aria-pressed={selected}
        aria-describedby={errors.length ? errorId : undefined}
        disabled={locked}
        className="flex w-full items-start justify-between gap-2 rounded text-left disabled:cursor-default"
      >
        <span className="min-w-0">
          <span className="block font-semibold leading-snug">
            <span className="tabular-nums">{line.quantity} ×</span> {name}
            <span className="sr-only">{t('lineNumber', { index: index + 1 })}</span>
          </span>
          {line.modifierNames.length > 0 && <span className="block text-sm text-slate-600">{line.modifierNames.join(' · ')}</span>}
          {line.note && <span className="block text-sm italic text-slate-600">“{line.note}”</span>}
          {onCourse && (
            <span className="block text-xs font-semibold text-slate-700" data-testid="line-course">
              {t('courseN', { course })}
              {line.held && sent < line.quantity && t('lineHeld')}
              {sent > 0 && (sent >= line.quantity ? t('lineSent') : t('lineSomeSent', { count: sent }))}
            </span>
          )}
          {seats !== null && line.seat ? <span className="block text-sm font-medium text-slate-700">{t('seatN', { seat: line.seat })}</span> : null}
          {line.discount && (
            <span className="block text-sm font-medium text-brand-700">
              {discountLabel(line.discount, currency, w)}
              {priced && priced.lineDiscount > 0 && ` (−${w.f.money(priced.lineDiscount, currency)})`}
            </span>
          )}
        </span>
        <span className="shrink-0 text-right tabular-nums">
          {priced ? (
            <>
              <span className="block font-semibold">{w.f.money(priced.gross - priced.lineDiscount, currency)}</span>
              {priced.lineDiscount > 0 && <span className="block text-xs text-slate-500 line-through">{w.f.money(priced.gross, currency)}</span>}
            </>
          ) : (
            <span className="block text-slate-400" aria-label={t('priceUpdating')}>
              …
            </span>
          )}
        </span>
      </button>

      {errors.length > 0 && (
        <ul id={errorId} className="mt-1 space-y-0.5 text-sm font-semibold text-red-800" data-testid="line-error">
          {errors.map((e) => (
            <li key={e}>⚠ {e}</li>
          ))}
        </ul>
      )}
      {warning && errors.length === 0 && <p className="mt-1 text-sm font-semibold text-amber-900">⚠ {warning}</p>}

      {selected && !locked && (
        <div className="mt-2 flex flex-wrap items-center gap-1.5">
          <QuantityStepper value={line.quantity} onChange={onQuantity} size="sm" itemName={name} />
          <button type="button" onClick={onDiscount} className="min-h-10 rounded-lg px-2.5 text-sm font-semibold text-brand-700 ring-1 ring-slate-300 hover:bg-white">
            {t('discount')}
          </button>
          {onCourse && (
            <>
              <label className="sr-only" htmlFor={`course-${line.key}`}>
                {t('courseOf', { name })}
              </label>
              <select
                id={`course-${line.key}`}
                value={course}
                onChange={(e) => onCourse(Number(e.target.value), line.held ?? false)}
                className="min-h-10 rounded-lg bg-white px-2 text-sm font-semibold ring-1 ring-slate-300"
              >
                {[1, 2, 3, 4].map((c) => (
                  <option key={c} value={c}>
                    {t('courseN', { course: c })}
                  </option>
                ))}
              </select>
              <button
                type="button"
                aria-pressed={line.held ?? false}
                onClick={() => onCourse(course, !line.held)}
                className="min-h-10 rounded-lg px-2.5 text-sm font-semibold text-slate-800 ring-1 ring-slate-300 hover:bg-white aria-pressed:bg-amber-100 aria-pressed:ring-amber-400"
              >
                {line.held ? t('held') : t('hold')}
              </button>
            </>
          )}
          {seats !== null && (
            <label className="inline-flex min-h-10 items-center gap-1 rounded-lg px-2 text-sm font-semibold text-slate-800 ring-1 ring-slate-300">
              {t('seat')}
              <select
                value={line.seat ?? ''}
                onChange={(e) => onSeat(e.target.value ? Number(e.target.value) : null)}
                className="min-h-8 rounded bg-white text-sm"
                data-testid="line-seat"
              >
                <option value="">{t('shared')}</option>
                {Array.from({ length: Math.max(seats, line.seat ?? 0) }, (_, i) => i + 1).map((n) => (
                  <option key={n} value={n}>
                    {n}
                  </option>
                ))}
              </select>
            </label>
          )}
          {onEdit && (
            <button type="button" onClick={onEdit} className="min-h-10 rounded-lg px-2.5 text-sm font-semibold text-slate-800 ring-1 ring-slate-300 hover:bg-white">
              {t('edit')}
            </button>
          )}
          <button
            type="button"
            onClick={onRemove}
            className="ml-auto inline-flex size-10 items-center justify-center rounded-lg text-lg font-bold text-red-700 ring-1 ring-red-300 hover:bg-red-50"
            aria-label={t('removeItem', { name })}
            title={t('removeShortcut')}
          >
            ✕
          </button>
        </div>
      )}
    </li>
  );
}
