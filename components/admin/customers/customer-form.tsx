'use client';

import { useTranslations } from 'next-intl';
import type { FormState } from '@/lib/auth';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextAreaField, TextField } from '@/components/ui/field';
import { useFormAction, type FormAction } from '@/components/ui/use-form-action';

export type CustomerFormValues = { id?: string; name: string; phone: string | null; email: string | null; note: string | null; tags: string[] };

/** Add a customer, or change one (`initial.id`); tags are typed comma-separated. */
export function CustomerForm({ action, initial, submitLabel }: { action: FormAction; initial?: CustomerFormValues; submitLabel: string }) {
  const t = useTranslations('admin.customers');
  const { state, pending, onSubmit } = useFormAction<FormState>(action, null);
  const errors = state && 'fieldErrors' in state ? (state.fieldErrors ?? {}) : {};
  return (
    <form onSubmit={onSubmit} className="grid gap-4 sm:grid-cols-2" noValidate>
      {initial?.id && <input type="hidden" name="id" value={initial.id} />}
      <TextField label={t('name')} name="name" required autoComplete="off" defaultValue={initial?.name} error={errors.name} />
      <TextField label={t('phone')} name="phone" type="tel" inputMode="tel" autoComplete="off" defaultValue={initial?.phone ?? ''} error={errors.phone} />
      <TextField label={t('email')} name="email" type="email" autoComplete="off" defaultValue={initial?.email ?? ''} error={errors.email} />
      <TextField label={t('tags')} name="tags" hint={t('tagsHint')} defaultValue={initial?.tags.join(', ') ?? ''} error={errors.tags} />
      <div className="sm:col-span-2">
        <TextAreaField label={t('note')} name="note" rows={2} defaultValue={initial?.note ?? ''} error={errors.note} />
      </div>
      <div className="flex flex-wrap items-center gap-3 sm:col-span-2">
        <Button type="submit" disabled={pending}>
          {pending ? t('saving') : submitLabel}
        </Button>
        {state && 'ok' in state && <Alert tone="success">{state.ok}</Alert>}
        {state && 'error' in state && <Alert tone="error">{state.error}</Alert>}
      </div>
    </form>
  );
}
