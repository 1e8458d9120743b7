'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { SelectField, TextField } from '@/components/ui/field';
import { useAddForm, useFormAction, type FormAction } from '@/components/ui/use-form-action';

/** An entry as the hours page hands it over: its times as the tenant's wall clock ("YYYY-MM-DDTHH:MM"). */
export type EditableEntry = { id: string; name: string; clockedInAt: string; clockedOutAt: string | null };

/** "Correct" on one entry: its times and why (audited). An empty clock-out leaves it open. */
export function CorrectEntryForm({ entry, action }: { entry: EditableEntry; action: FormAction }) {
  const t = useTranslations('admin.hours');
  const [open, setOpen] = useState(false);
  const { state, pending, onSubmit } = useFormAction(action, null);
  const fe = state?.fieldErrors ?? {};
  useEffect(() => {
    if (state?.ok) setOpen(false);
  }, [state]);

  if (!open) {
    return (
      <>
        {state?.ok && <span className="mr-2 text-xs text-brand-800" role="status">{state.ok}</span>}
        <Button variant="ghost" onClick={() => setOpen(true)} aria-label={t('correctLabel', { name: entry.name })}>
          {t('correct')}
        </Button>
      </>
    );
  }
  return (
    <form onSubmit={onSubmit} className="mt-2 grid gap-3 text-left sm:grid-cols-2" noValidate>
      {state?.error && (
        <div className="sm:col-span-2">
          <Alert tone="error">{state.error}</Alert>
        </div>
      )}
      <input type="hidden" name="id" value={entry.id} />
      <TextField label={t('clockedIn')} name="clockedInAt" type="datetime-local" defaultValue={entry.clockedInAt} required error={fe.clockedInAt} />
      <TextField label={t('clockedOut')} name="clockedOutAt" type="datetime-local" defaultValue={entry.clockedOutAt ?? ''} error={fe.clockedOutAt} hint={t('emptyStillIn')} />
      <div className="sm:col-span-2">
        <TextField label={t('reason')} name="reason" required maxLength={200} error={fe.reason} hint={t('reasonHint')} />
      </div>
      <div className="flex gap-2 sm:col-span-2">
        <Button type="submit" disabled={pending}>
          {pending ? t('saving') : t('saveCorrection')}
        </Button>
        <Button variant="ghost" onClick={() => setOpen(false)}>
          {t('cancel')}
        </Button>
      </div>
    </form>
  );
}

/** Hours someone forgot to clock: who, from, to, why (audited). */
export function AddHoursForm({ staff, action }: { staff: { id: string; name: string }[]; action: FormAction }) {
  const t = useTranslations('admin.hours');
  const { state, pending, onSubmit, form, fieldErrors: fe } = useAddForm(action);
  return (
    <form ref={form} onSubmit={onSubmit} className="grid gap-3 sm:grid-cols-2" noValidate>
      {state?.error && (
        <div className="sm:col-span-2">
          <Alert tone="error">{state.error}</Alert>
        </div>
      )}
      {state?.ok && (
        <div className="sm:col-span-2">
          <Alert tone="success">{state.ok}</Alert>
        </div>
      )}
      <SelectField label={t('staffMember')} name="userId" required error={fe.userId}>
        {staff.map((s) => (
          <option key={s.id} value={s.id}>
            {s.name}
          </option>
        ))}
      </SelectField>
      <TextField label={t('reason')} name="reason" required maxLength={200} error={fe.reason} />
      <TextField label={t('clockedIn')} name="clockedInAt" type="datetime-local" required error={fe.clockedInAt} />
      <TextField label={t('clockedOut')} name="clockedOutAt" type="datetime-local" required error={fe.clockedOutAt} />
      <div className="sm:col-span-2">
        <Button type="submit" disabled={pending}>
          {pending ? t('adding') : t('addHours')}
        </Button>
      </div>
    </form>
  );
}
