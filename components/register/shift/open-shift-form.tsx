'use client';

import { useEffect, useRef } from 'react';
import { useTranslations } from 'next-intl';
import { useApiErrorText } from '@/components/register/api-errors';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';
import { useFormAction, type FormAction } from '@/components/ui/use-form-action';
import { minorDigits } from '@/lib/platform/money';
import { saveRegisterName } from './register-name';

/**
 * No open shift on this register: name the register (remembered in this browser) and count
 * the starting cash into the drawer. Once open, the caller goes back to the sale screen.
 */
export function OpenShiftForm({
  registerName,
  currency,
  onOpened,
  onShowRegister,
  openShiftAction,
}: {
  registerName: string;
  currency: string;
  onOpened: (registerName: string) => void;
  onShowRegister: (registerName: string) => void;
  openShiftAction: FormAction;
}) {
  const { state, pending, onSubmit } = useFormAction(openShiftAction, null);
  const form = useRef<HTMLFormElement>(null);
  const t = useTranslations('shift');
  const errorText = useApiErrorText();
  const fe = state?.fieldErrors ?? {};
  const input = (name: string) => form.current?.elements.namedItem(name) as HTMLInputElement | null | undefined;
  const typedName = () => input('registerName')?.value.trim() || registerName;

  useEffect(() => {
    if (state?.ok) {
      saveRegisterName(typedName());
      onOpened(typedName());
    } else if (state?.error) {
      input(fe.registerName ? 'registerName' : 'openingFloat')?.focus();
    }
  }, [state]); // only a new answer from the server matters here

  // lib/orders/shifts.ts refuses a second open shift on a register in these words.
  const taken = state?.error ? /^(.+) already has an open shift; close it first$/.exec(state.error) : null;

  return (
    <section aria-labelledby="open-shift" className="mx-auto max-w-lg rounded-xl border border-slate-200 bg-white p-6">
      <h1 id="open-shift" className="text-2xl font-bold">
        {t('openAShift')}
      </h1>
      <p className="mt-1 text-slate-600">
        {t.rich('noOpenShift', { register: registerName, b: (chunks) => <strong>{chunks}</strong> })}
      </p>
      <form ref={form} onSubmit={onSubmit} className="mt-5 space-y-4" noValidate>
        {state?.error && (
          <Alert tone="error">
            {taken ? t('alreadyOpen', { register: taken[1]! }) : errorText(state.error)}
            {taken && (
              <span className="mt-2 block">
                <Button variant="secondary" onClick={() => onShowRegister(typedName())}>
                  {t('showOpenShift', { register: typedName() })}
                </Button>
              </span>
            )}
          </Alert>
        )}
        {state?.ok && <Alert tone="success">{t('goingToRegister', { message: state.ok })}</Alert>}
        <TextField
          label={t('registerName')}
          name="registerName"
          defaultValue={registerName}
          maxLength={40}
          required
          autoComplete="off"
          error={fe.registerName}
          hint={t('registerNameHint')}
        />
        <TextField
          label={t('startingCash', { currency })}
          name="openingFloat"
          inputMode={minorDigits(currency) === 0 ? 'numeric' : 'decimal'}
          autoComplete="off"
          required
          autoFocus
          placeholder={minorDigits(currency) === 0 ? t('floatExampleWhole') : t('floatExampleDecimal')}
          error={fe.openingFloat}
        />
        <Button type="submit" disabled={pending || Boolean(state?.ok)} className="w-full">
          {pending ? t('opening') : t('openShift')}
        </Button>
      </form>
    </section>
  );
}
