'use client';

import { useEffect, useId, useRef, useState } from 'react';
import { useTranslations } from 'next-intl';
import { useApiErrorText } from '@/components/register/api-errors';
import { ApproverPinFields } from '@/components/register/approver-pin-fields';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';
import { useFormAction, type FormAction } from '@/components/ui/use-form-action';
import { minorDigits } from '@/lib/platform/money';
import type { ShiftApprover } from './types';

/**
 * Cash put into or taken out of the drawer during the shift, with the reason (it shows on the
 * X and Z reports). Cash out above the business's limit needs a manager: when the server asks,
 * the form adds the manager's name and PIN and is sent again.
 */
export function CashMovementForm({
  shiftId,
  currency,
  approvers,
  onRecorded,
  cashMovementAction,
}: {
  shiftId: string;
  currency: string;
  approvers: ShiftApprover[];
  onRecorded: () => void;
  cashMovementAction: FormAction;
}) {
  const { state, pending, onSubmit } = useFormAction(cashMovementAction, null);
  const form = useRef<HTMLFormElement>(null);
  const t = useTranslations('shift');
  const errorText = useApiErrorText();
  const id = useId();
  const fe = state?.fieldErrors ?? {};
  const [askApproval, setAskApproval] = useState(false);

  useEffect(() => {
    if (state?.ok) {
      form.current?.reset();
      setAskApproval(false);
      onRecorded();
    } else if (state?.fieldErrors) {
      if (state.fieldErrors.pin || state.fieldErrors.approverId) setAskApproval(true);
      const first = ['kind', 'amount', 'reason', 'approverId', 'pin'].find((f) => state.fieldErrors?.[f]);
      if (first) (form.current?.querySelector(`[name="${first}"]`) as HTMLElement | null)?.focus();
    }
  }, [state]); // only a new answer from the server matters here

  return (
    <section aria-labelledby={`${id}-title`} className="rounded-xl border border-slate-200 bg-white p-5">
      <h2 id={`${id}-title`} className="text-lg font-semibold">
        {t('cashInOrOut')}
      </h2>
      <form ref={form} onSubmit={onSubmit} className="mt-3 space-y-3" noValidate>
        <input type="hidden" name="shiftId" value={shiftId} />
        {state?.error && <Alert tone="error">{errorText(state.error)}</Alert>}
        {state?.ok && <Alert tone="success">{state.ok}</Alert>}
        <fieldset aria-describedby={fe.kind ? `${id}-kind-error` : undefined}>
          <legend className="text-sm font-medium text-slate-700">{t('kind')}</legend>
          <div className="mt-1 grid grid-cols-2 gap-2">
            {[
              { value: 'in', label: t('cashIn') },
              { value: 'out', label: t('cashOut') },
            ].map((k) => (
              <label
                key={k.value}
                className="flex min-h-11 cursor-pointer items-center justify-center gap-2 rounded-lg px-3 py-2 text-sm font-semibold ring-1 ring-slate-300 has-checked:bg-brand-50 has-checked:text-brand-900 has-checked:ring-2 has-checked:ring-brand-600 has-focus-visible:outline-2 has-focus-visible:outline-brand-600"
              >
                <input type="radio" name="kind" value={k.value} className="sr-only" aria-invalid={fe.kind ? true : undefined} />
                {k.label}
              </label>
            ))}
          </div>
          {fe.kind && (
            <p id={`${id}-kind-error`} className="mt-1 text-sm text-red-700">
              {fe.kind}
            </p>
          )}
        </fieldset>
        <TextField
          label={t('amountIn', { currency })}
          name="amount"
          inputMode={minorDigits(currency) === 0 ? 'numeric' : 'decimal'}
          autoComplete="off"
          required
          error={fe.amount}
        />
        <TextField label={t('reason')} name="reason" required maxLength={200} autoComplete="off" placeholder={t('reasonExample')} error={fe.reason} />
        {askApproval && <ApproverPinFields approvers={approvers} errors={fe} what="cashOut" />}
        <Button type="submit" disabled={pending} className="w-full">
          {pending ? t('recording') : t('record')}
        </Button>
      </form>
    </section>
  );
}
