'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState } from 'react';
import { signInText } from '@/components/auth/sign-in-errors';
import { useCredentialsSignIn } from '@/components/auth/use-credentials-sign-in';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { useOnline } from './connection';
import { endOfflineCashier, switchOffline, useOfflineCashier, verifiersOf, type OfflineSwitch } from './offline-pins';
import { StaffPinFields, type StaffOption } from './staff-pin-fields';

/**
 * Hands the register to another staff member: pick a name, enter their PIN. Online the server
 * checks the PIN (10 wrong tries lock it for 15 minutes) and replaces the session. Offline the
 * PIN is checked on this device against its verifiers (offline-pins.ts): the signed-in session
 * stays, and the sales rung up from then on carry the chosen person's proof, so the server records
 * them as theirs when they sync. Choosing the signed-in person offline switches back.
 */
export function SwitchStaff({ staff, tenantId, signedIn }: { staff: StaffOption[]; tenantId: string; signedIn: StaffOption }) {
  const t = useTranslations('pin');
  const ts = useTranslations('signin');
  const tc = useTranslations('common');
  const dialog = useRef<HTMLDialogElement>(null);
  const { error, pending, submit } = useCredentialsSignIn('pin', () => window.location.reload());
  const online = useOnline();
  const offlineCashier = useOfflineCashier(tenantId);
  const [offlineStaff, setOfflineStaff] = useState<StaffOption[] | null>(null);
  const [offlineError, setOfflineError] = useState<Exclude<OfflineSwitch, { ok: true }>['reason'] | null>(null);
  const [checking, setChecking] = useState(false);

  // Offline, whom this device can check a PIN for (everyone but whoever is selling now).
  useEffect(() => {
    if (online) return;
    const selling = offlineCashier?.userId ?? signedIn.id;
    verifiersOf(tenantId).then(
      (kept) => setOfflineStaff(kept ? kept.staff.filter((s) => s.id !== selling).map(({ id, name, role }) => ({ id, name, role })) : []),
      () => setOfflineStaff([]),
    );
  }, [online, tenantId, offlineCashier, signedIn.id]);

  const choices = online ? staff : (offlineStaff ?? []);
  const busy = online ? pending : checking;

  const switchWithoutServer = async (userId: string, pin: string) => {
    setChecking(true);
    setOfflineError(null);
    try {
      const result = await switchOffline(tenantId, userId, pin);
      if (!result.ok) return setOfflineError(result.reason);
      if (userId === signedIn.id) await endOfflineCashier(tenantId);
      dialog.current?.close();
    } catch {
      setOfflineError('not_here');
    } finally {
      setChecking(false);
    }
  };

  return (
    <>
      {offlineCashier && (
        <p className="rounded-lg bg-amber-100 px-3 py-2 text-sm font-semibold whitespace-nowrap text-amber-900" data-testid="offline-cashier">
          {t('offlineSelling', { name: offlineCashier.name })}
        </p>
      )}
      <Button
        variant="secondary"
        onClick={() => {
          setOfflineError(null);
          dialog.current?.showModal();
        }}
      >
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
            const userId = String(form.get('userId') ?? '');
            const pin = String(form.get('pin') ?? '');
            if (online) void submit({ userId, pin });
            else void switchWithoutServer(userId, pin);
          }}
        >
          <h2 id="switch-staff-title" className="text-lg font-semibold">
            {t('switchStaff')}
          </h2>
          {!online && <p className="text-sm text-slate-600">{t('offlineIntro')}</p>}
          {choices.length === 0 ? (
            <p className="text-sm text-slate-600">{online ? t('nobodyElse') : t('offlineNobody')}</p>
          ) : (
            <>
              {online && error && <Alert tone="error">{signInText(error, ts)}</Alert>}
              {!online && offlineError && (
                <Alert tone="error">{offlineError === 'wrong_pin' ? ts('wrongPin') : offlineError === 'locked' ? t('offlineLocked') : t('offlineNotHere')}</Alert>
              )}
              <StaffPinFields key={online ? 'online' : 'offline'} staff={choices} label={t('staffMember')} autoFocus />
            </>
          )}
          <div className="flex justify-end gap-2">
            <Button variant="ghost" onClick={() => dialog.current?.close()}>
              {tc('cancel')}
            </Button>
            {choices.length > 0 && (
              <Button type="submit" disabled={busy}>
                {busy ? t('checking') : t('switch')}
              </Button>
            )}
          </div>
        </form>
      </dialog>
    </>
  );
}
