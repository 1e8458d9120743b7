'use client';

import { useTranslations } from 'next-intl';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';
import { useAddForm, type FormAction } from '@/components/ui/use-form-action';

export function LocationAddForm({ addLocationAction }: { addLocationAction: FormAction }) {
  const t = useTranslations('admin.stockPlaces');
  const { state, pending, onSubmit, form, fieldErrors: fe } = useAddForm(addLocationAction);

  return (
    <section aria-labelledby="add-location" className="rounded-xl border border-slate-200 bg-white p-5">
      <h2 id="add-location" className="text-lg font-semibold">
        {t('addLocation')}
      </h2>
      <form ref={form} onSubmit={onSubmit} className="mt-4 space-y-4" noValidate>
        {state?.error && <Alert tone="error">{state.error}</Alert>}
        {state?.ok && <Alert tone="success">{state.ok}</Alert>}
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField label={t('name')} name="name" required maxLength={80} autoComplete="off" error={fe.name} hint={t('locationHint')} />
          <TextField label={t('addressOptional')} name="address" maxLength={300} autoComplete="off" error={fe.address} />
        </div>
        <Button type="submit" disabled={pending}>
          {pending ? t('adding') : t('addLocationButton')}
        </Button>
      </form>
    </section>
  );
}
