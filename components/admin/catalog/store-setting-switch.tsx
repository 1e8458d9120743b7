'use client';

import { useTranslations } from 'next-intl';
import { useId } from 'react';
import { Alert } from '@/components/ui/alert';
import { useFormAction, type FormAction } from '@/components/ui/use-form-action';

/** An on/off store setting as a switch that saves when tapped (the form sends the opposite of `value` as `name`). */
export function StoreSettingSwitch({ name, label, value, action }: { name: string; label: string; value: boolean; action: FormAction }) {
  const t = useTranslations('admin.catalog');
  const { state, pending, onSubmit } = useFormAction(action, null);
  const id = useId();
  return (
    <form onSubmit={onSubmit} className="space-y-3">
      <input type="hidden" name={name} value={String(!value)} />
      <div className="flex items-center gap-3">
        <button
          type="submit"
          role="switch"
          aria-checked={value}
          aria-labelledby={`${id}-label`}
          disabled={pending}
          className={`relative inline-flex h-8 w-14 shrink-0 items-center rounded-full transition disabled:opacity-60 ${value ? 'bg-brand-600' : 'bg-slate-300'}`}
        >
          <span className={`inline-block size-6 rounded-full bg-white shadow transition ${value ? 'translate-x-7' : 'translate-x-1'}`} />
        </button>
        <span id={`${id}-label`} className="font-medium">
          {label}
        </span>
        <span className="text-sm text-slate-500">{pending ? t('saving') : value ? t('on') : t('off')}</span>
      </div>
      {state?.error && <Alert tone="error">{state.error}</Alert>}
      {state?.ok && (
        <p role="status" className="text-sm text-brand-700">
          {state.ok}
        </p>
      )}
    </form>
  );
}
