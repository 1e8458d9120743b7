'use client';

import { useTranslations } from 'next-intl';
import type { FormEvent, ReactNode } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button, type ButtonVariant } from '@/components/ui/button';
import { SelectField, TextField } from '@/components/ui/field';
import { useFormAction, type FormAction } from '@/components/ui/use-form-action';
import type { StaffMember } from '@/lib/auth';

/**
 * Per-person changes in a disclosure: role, PIN, password, deactivate. Each form posts one
 * `intent` to the same server action; the outcome shows above the forms.
 */
export function StaffRowEditor({
  member,
  canManageOwners,
  isSelf,
  minPinLength,
  updateStaffAction,
}: {
  member: StaffMember;
  canManageOwners: boolean;
  isSelf: boolean;
  minPinLength: 4 | 6;
  updateStaffAction: FormAction;
}) {
  const t = useTranslations('admin.staff');
  const { state, pending, onSubmit } = useFormAction(updateStaffAction, null);
  const fe = state?.fieldErrors ?? {};
  const form = { memberId: member.id, pending, onSubmit };

  return (
    <details className="group inline-block text-left">
      <summary className="cursor-pointer list-none rounded-lg px-3 py-2 text-sm font-semibold text-brand-700 ring-1 ring-slate-200 hover:bg-slate-50">
        {t('manage')}
        <span className="sr-only">{t('manageSr', { name: member.name })}</span>
      </summary>
      <div className="mt-2 w-[min(22rem,80vw)] space-y-4 rounded-xl border border-slate-200 bg-white p-4 shadow-lg">
        {state?.error && <Alert tone="error">{state.error}</Alert>}
        {state?.ok && <Alert tone="success">{state.ok}</Alert>}

        <IntentForm {...form} intent="role" submit={t('save')}>
          <SelectField label={t('role')} name="role" defaultValue={member.role} error={fe.role}>
            <option value="cashier">{t('cashier')}</option>
            <option value="manager">{t('manager')}</option>
            {canManageOwners && <option value="owner">{t('owner')}</option>}
          </SelectField>
        </IntentForm>
        <IntentForm {...form} intent="pin" submit={t('set')}>
          <TextField
            label={member.hasPin ? t('newPin') : t('setPin')}
            name="pin"
            inputMode="numeric"
            maxLength={6}
            autoComplete="off"
            error={fe.pin}
            hint={minPinLength === 6 ? t('sixDigits') : t('fourToSix')}
          />
        </IntentForm>
        {member.hasPin && <IntentForm {...form} intent="clear-pin" submit={t('removePin')} variant="ghost" />}
        <IntentForm {...form} intent="password" submit={t('reset')}>
          <TextField label={t('newPassword')} name="password" type="password" autoComplete="new-password" error={fe.password} />
        </IntentForm>
        {!isSelf && (
          <IntentForm
            {...form}
            intent={member.active ? 'deactivate' : 'reactivate'}
            submit={member.active ? t('deactivate') : t('reactivate')}
            variant={member.active ? 'danger' : 'secondary'}
          />
        )}
      </div>
    </details>
  );
}

function IntentForm(props: {
  memberId: string;
  intent: string;
  submit: string;
  pending: boolean;
  onSubmit: (e: FormEvent<HTMLFormElement>) => void;
  variant?: ButtonVariant;
  children?: ReactNode;
}) {
  return (
    <form onSubmit={props.onSubmit} className="flex items-end gap-2">
      <input type="hidden" name="id" value={props.memberId} />
      <input type="hidden" name="intent" value={props.intent} />
      {props.children && <div className="flex-1">{props.children}</div>}
      <Button type="submit" variant={props.variant ?? 'secondary'} disabled={props.pending} className={props.children ? '' : 'w-full'}>
        {props.submit}
      </Button>
    </form>
  );
}
