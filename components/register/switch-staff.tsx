'use client';

import { useTranslations } from 'next-intl';
import { useRef } from 'react';
import { signInText } from '@/components/auth/sign-in-errors';
import { useCredentialsSignIn } from '@/components/auth/use-credentials-sign-in';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { StaffPinFields, type StaffOption } from './staff-pin-fields';

/**
 * Hands the register to another staff member: pick a name, enter their PIN. The server checks
 * the PIN (10 wrong tries lock it for 15 minutes) and replaces the session.
 */
export function SwitchStaff({ staff }: { staff: StaffOption[] }) {
  const t = useTranslations('pin');
  const ts = useTranslations('signin');
  const tc = useTranslations('common');
  const dialog = useRef<HTMLDialogElement>(null);
  const { error, pending, submit } = useCredentialsSignIn('pin', () => window.location.reload());

  return (
    <>
      <Button variant="secondary" onClick={() => dialog.current?.showModal()}>
        {t('switchStaff')}
      </Button>
      <dialog
        ref={dialog}
        aria-labelledby="switch-staff-title"
        className="m-auto w-[min(24rem,92vw)] rounded-2xl p-0 shadow-xl backdrop:bg-slate-900/40"
      >
        <form
          className="space-y-4 p-6"
          onSubmit={(e) => {
            e.preventDefault();
            const form = new FormData(e.currentTarget);
            void submit({ userId: String(form.get('userId') ?? ''), pin: String(form.get('pin') ?? '') });
          }}
        >
          <h2 id="switch-staff-title" className="text-lg font-semibold">
            {t('switchStaff')}
          </h2>
          {staff.length === 0 ? (
            <p className="text-sm text-slate-600">{t('nobodyElse')}</p>
          ) : (
            <>
              {error && <Alert tone="error">{signInText(error, ts)}</Alert>}
              <StaffPinFields staff={staff} label={t('staffMember')} autoFocus />
            </>
          )}
          <div className="flex justify-end gap-2">
            <Button variant="ghost" onClick={() => dialog.current?.close()}>
              {tc('cancel')}
            </Button>
            {staff.length > 0 && (
              <Button type="submit" disabled={pending}>
                {pending ? t('checking') : t('switch')}
              </Button>
            )}
          </div>
        </form>
      </dialog>
    </>
  );
}
