'use client';

import { signOut } from 'next-auth/react';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { forgetSessionOnDevice, unsentOnDevice } from './device-sign-out';
import { Modal } from './modal';

/**
 * Sign out on a register device (the staff screens' header). Sales made offline that the server
 * has not taken stay on the device — when there are any the person is told so first, and may still
 * cancel; the next one to sign in here sends them. The session ends on the server first (next-auth
 * revokes it); only then are its copies on the device cleared (device-sign-out.ts), so a sign-out
 * that cannot reach the server changes nothing and says so, rather than leaving a live session
 * behind a cleared screen.
 */
export function RegisterSignOutButton({ tenantId }: { tenantId: string }) {
  const t = useTranslations('common');
  const [pending, setPending] = useState(false);
  const [unsent, setUnsent] = useState<number | null>(null);
  const [failed, setFailed] = useState(false);

  const signOutNow = async () => {
    setPending(true);
    setUnsent(null);
    setFailed(false);
    try {
      await signOut({ redirect: false });
    } catch {
      setPending(false);
      setFailed(true);
      return;
    }
    await forgetSessionOnDevice(tenantId);
    window.location.assign('/signin');
  };
  const start = async () => {
    setPending(true);
    const count = await unsentOnDevice(tenantId);
    if (count === 0) return signOutNow();
    setPending(false);
    setUnsent(count);
  };

  return (
    <>
      <Button variant="ghost" disabled={pending} onClick={() => void start()}>
        {pending ? t('signingOut') : t('signOut')}
      </Button>
      {failed && (
        <p role="alert" className="text-sm font-semibold text-red-800" data-testid="sign-out-failed">
          {t('signOutNeedsConnection')}
        </p>
      )}
      <Modal open={unsent !== null} onClose={() => setUnsent(null)} size="sm" title={t('signOutUnsentTitle')} testId="sign-out-unsent">
        <div className="space-y-4 p-5">
          <p>{t('signOutUnsent', { count: unsent ?? 0 })}</p>
          <div className="flex justify-end gap-2">
            <Button variant="secondary" data-autofocus onClick={() => setUnsent(null)}>
              {t('cancel')}
            </Button>
            <Button onClick={() => void signOutNow()}>{t('signOutAnyway')}</Button>
          </div>
        </div>
      </Modal>
    </>
  );
}
