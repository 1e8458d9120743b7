'use client';

import { useTranslations } from 'next-intl';
import type { FormState } from '@/lib/auth';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';
import { useFormAction, type FormAction } from '@/components/ui/use-form-action';

/** Erase a customer's personal data (owner): typed confirmation, because it cannot be undone. */
export function EraseCustomerForm({ action, customerId }: { action: FormAction; customerId: string }) {
  const t = useTranslations('admin.customers');
  const { state, pending, onSubmit } = useFormAction<FormState>(action, null);
  const errors = state && 'fieldErrors' in state ? (state.fieldErrors ?? {}) : {};
  return (
    <form onSubmit={onSubmit} className="space-y-3" noValidate>
      <input type="hidden" name="id" value={customerId} />
      <TextField label={t('typeErase')} name="confirm" autoComplete="off" error={errors.confirm} />
      <Button type="submit" variant="danger" disabled={pending}>
        {pending ? t('erasing') : t('erase')}
      </Button>
      {state && 'ok' in state && <Alert tone="success">{state.ok}</Alert>}
      {state && 'error' in state && <Alert tone="error">{state.error}</Alert>}
    </form>
  );
}
