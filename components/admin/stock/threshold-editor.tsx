'use client';

import { useTranslations } from 'next-intl';
import { useFormAction, type FormAction } from '@/components/ui/use-form-action';

/**
 * The low-stock threshold of one item at one location, edited in place: blank means "never
 * warn". Saving refreshes the row (its Low badge follows).
 */
export function ThresholdEditor({
  locationId,
  variantId,
  itemName,
  threshold,
  setThresholdAction,
}: {
  locationId: string;
  variantId: string;
  itemName: string;
  threshold: number | null;
  setThresholdAction: FormAction;
}) {
  const t = useTranslations('admin.stock');
  const { state, pending, onSubmit } = useFormAction(setThresholdAction, null);
  const inputId = `threshold-${variantId}`;
  const error = state?.fieldErrors?.lowStockThreshold ?? state?.error;
  return (
    <form onSubmit={onSubmit} className="flex items-start gap-1" noValidate>
      <input type="hidden" name="locationId" value={locationId} />
      <input type="hidden" name="variantId" value={variantId} />
      <div>
        <label htmlFor={inputId} className="sr-only">
          {t('thresholdLabel', { item: itemName })}
        </label>
        <input
          id={inputId}
          name="threshold"
          type="number"
          inputMode="numeric"
          min={0}
          step={1}
          placeholder={t('thresholdNone')}
          defaultValue={threshold ?? ''}
          aria-invalid={error ? true : undefined}
          aria-describedby={`${inputId}-msg`}
          className="block min-h-11 w-20 rounded-lg border border-slate-300 bg-white px-2 py-2 text-base aria-[invalid=true]:border-red-500"
        />
        <p id={`${inputId}-msg`} role={error ? 'alert' : 'status'} className={`text-xs ${error ? 'text-red-700' : 'text-slate-500'}`}>
          {error ?? (state?.ok && !pending ? t('saved') : '')}
        </p>
      </div>
      <button
        type="submit"
        disabled={pending}
        className="min-h-11 rounded-lg px-3 text-sm font-semibold text-brand-700 ring-1 ring-slate-200 hover:bg-slate-50 disabled:text-slate-400"
      >
        {pending ? t('saving') : t('save')}
        <span className="sr-only">{t('saveThreshold', { item: itemName })}</span>
      </button>
    </form>
  );
}
