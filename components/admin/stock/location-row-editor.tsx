'use client';

import { useTranslations } from 'next-intl';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';
import { useFormAction, type FormAction } from '@/components/ui/use-form-action';

/** Rename a location (and change its address) in a disclosure, like the staff row editor. */
export function LocationRowEditor({
  location,
  updateLocationAction,
}: {
  location: { id: string; name: string; address: string | null };
  updateLocationAction: FormAction;
}) {
  const t = useTranslations('admin.stockPlaces');
  const { state, pending, onSubmit } = useFormAction(updateLocationAction, null);
  const fe = state?.fieldErrors ?? {};
  return (
    <details className="inline-block text-left">
      <summary className="cursor-pointer list-none rounded-lg px-3 py-2 text-sm font-semibold text-brand-700 ring-1 ring-slate-200 hover:bg-slate-50">
        {t('rename')}
        <span className="sr-only">{t('nameSr', { name: location.name })}</span>
      </summary>
      <form onSubmit={onSubmit} className="mt-2 w-[min(22rem,80vw)] space-y-3 rounded-xl border border-slate-200 bg-white p-4 shadow-lg" noValidate>
        {state?.error && <Alert tone="error">{state.error}</Alert>}
        {state?.ok && <Alert tone="success">{state.ok}</Alert>}
        <input type="hidden" name="id" value={location.id} />
        <TextField label={t('name')} name="name" defaultValue={location.name} required maxLength={80} autoComplete="off" error={fe.name} />
        <TextField label={t('address')} name="address" defaultValue={location.address ?? ''} maxLength={300} autoComplete="off" error={fe.address} />
        <Button type="submit" disabled={pending} className="w-full">
          {pending ? t('saving') : t('save')}
        </Button>
      </form>
    </details>
  );
}
