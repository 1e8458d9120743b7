'use client';

import { useTranslations } from 'next-intl';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { CheckboxField } from '@/components/ui/field';
import { useFormAction, type FormAction } from '@/components/ui/use-form-action';

/**
 * "Registers lost or stolen?": voids every register's offline PIN verifiers (docs/security.md ›
 * Offline PIN switching › Rotation). Says what it does and what it does not before the one button,
 * which works only with the box ticked (the server checks it too).
 */
export function StaffLostRegister({ rotateAction }: { rotateAction: FormAction }) {
  const t = useTranslations('admin.staff.lostRegister');
  const { state, pending, onSubmit } = useFormAction(rotateAction, null);
  return (
    <section aria-labelledby="lost-register" className="space-y-3 rounded-xl border border-amber-300 bg-amber-50 p-4 text-sm text-slate-800">
      <h2 id="lost-register" className="text-lg font-semibold text-slate-900">
        {t('title')}
      </h2>
      <p>{t('what')}</p>
      <p>{t('queued')}</p>
      <p>{t('notMore')}</p>
      <form onSubmit={onSubmit} className="space-y-3" noValidate>
        <CheckboxField label={t('confirm')} name="confirm" value="yes" error={state?.fieldErrors?.confirm} />
        <Button type="submit" variant="danger" disabled={pending}>
          {pending ? t('voiding') : t('void')}
        </Button>
      </form>
      {state?.ok && <Alert tone="success">{state.ok}</Alert>}
      {state?.error && <Alert tone="error">{state.error}</Alert>}
    </section>
  );
}
