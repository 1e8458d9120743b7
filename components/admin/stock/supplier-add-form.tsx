'use client';

import { useTranslations } from 'next-intl';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';
import { useAddForm, type FormAction } from '@/components/ui/use-form-action';

/** Adds a supplier: name, then who to talk to and how to reach them. */
export function SupplierAddForm({ action }: { action: FormAction }) {
  const t = useTranslations('admin.stockPlaces');
  const { state, pending, onSubmit, form, fieldErrors: fe } = useAddForm(action);
  return (
    <form ref={form} onSubmit={onSubmit} className="space-y-3 rounded-xl border border-slate-200 bg-white p-4" aria-label={t('addSupplier')}>
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField label={t('name')} name="name" required maxLength={120} error={fe.name} />
        <TextField label={t('contact')} name="contact" maxLength={120} error={fe.contact} />
        <TextField label={t('email')} name="email" type="email" maxLength={254} error={fe.email} />
        <TextField label={t('phone')} name="phone" maxLength={40} error={fe.phone} />
        <TextField label={t('note')} name="note" maxLength={1000} error={fe.note} />
      </div>
      <Button type="submit" disabled={pending}>
        {pending ? t('adding') : t('addSupplierButton')}
      </Button>
      {state?.error && <Alert tone="error">{state.error}</Alert>}
      {state?.ok && <Alert tone="success">{state.ok}</Alert>}
    </form>
  );
}
