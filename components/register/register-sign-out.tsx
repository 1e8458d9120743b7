'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { signOutAndLeave } from '@/components/auth/sign-out-button';
import { Button } from '@/components/ui/button';
import { forgetSessionOnDevice, unsentOnDevice } from './device-sign-out';
import { Modal } from './modal';

/**
 * Sign out on a register device (the staff screens' header): the session's copies on the device are
 * cleared first (device-sign-out.ts). Sales made offline that the server has not taken stay, and
 * when there are any the person is told so before signing out — the next one to sign in here sends
 * them — and may still cancel.
 */
export function RegisterSignOutButton({ tenantId }: { tenantId: string }) {
  const t = useTranslations('common');
  const [pending, setPending] = useState(false);
  const [unsent, setUnsent] = useState<number | null>(null);

  const signOutNow = async () => {
    setPending(true);
    setUnsent(null);
    await forgetSessionOnDevice(tenantId);
    await signOutAndLeave();
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
      <Button variant="ghost" disabled={pending} onClick={() => void start()} data-testid="sign-out">
        {pending ? t('signingOut') : t('signOut')}
      </Button>
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
