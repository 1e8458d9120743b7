'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState } from 'react';
import { signInText } from '@/components/auth/sign-in-errors';
import { useCredentialsSignIn } from '@/components/auth/use-credentials-sign-in';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { api } from './api';
import { StaffPinFields, type StaffOption } from './staff-pin-fields';
import { punchClock, type ClockMessage } from './time-clock';
import { ACTIVITY_EVENTS, checkEveryMs, idleLockHeld, isIdle, onIdleHoldChange } from './idle-timer';

/**
 * The register's idle lock: after `minutes` without a tap or key (0: never; not while a payment
 * holds it, see useIdleHold) the server ends this session (POST /api/v1/register/lock) and the
 * PIN screen covers everything. The sale in progress stays on the device (cart-storage.ts), so
 * whoever signs in next by PIN finds it after the page loads afresh.
 */
export function IdleLock({ minutes, staff, signedInId }: { minutes: number; staff: StaffOption[]; signedInId: string }) {
  const [locked, setLocked] = useState(false);
  const lastActivity = useRef(0);

  useEffect(() => {
    if (minutes <= 0 || locked) return;
    lastActivity.current = Date.now();
    const touch = () => {
      lastActivity.current = Date.now();
    };
    const check = () => {
      if (isIdle(lastActivity.current, Date.now(), minutes, idleLockHeld())) {
        setLocked(true);
        // Even if this fails (offline), the PIN screen still signs in: the session is then valid.
        void api('/api/v1/register/lock', { method: 'POST', body: {}, key: null, retries: 1 });
      }
    };
    for (const type of ACTIVITY_EVENTS) window.addEventListener(type, touch, { capture: true, passive: true });
    document.addEventListener('visibilitychange', check);
    const offHold = onIdleHoldChange(touch); // a payment that just ended counts as activity
    const timer = setInterval(check, checkEveryMs(minutes));
    return () => {
      for (const type of ACTIVITY_EVENTS) window.removeEventListener(type, touch, { capture: true });
      document.removeEventListener('visibilitychange', check);
      offHold();
      clearInterval(timer);
    };
  }, [minutes, locked]);

  return locked ? <PinScreen minutes={minutes} staff={staff} signedInId={signedInId} /> : null;
}

/** The locked register: pick yourself, enter your PIN. Escape does not close it. */
export function PinScreen({ minutes, staff, signedInId }: { minutes: number; staff: StaffOption[]; signedInId: string }) {
  const t = useTranslations('pin');
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal(); // the top layer: above any dialog that was open, the rest inert
  }, []);

  return (
    <dialog
      ref={dialog}
      aria-labelledby="pin-screen-title"
      data-testid="pin-screen"
      onCancel={(e) => e.preventDefault()}
      className="m-0 h-dvh max-h-none w-screen max-w-none bg-slate-900/95 p-0 backdrop:bg-slate-900"
    >
      <div className="flex h-full items-center justify-center p-4">
        <PinSignInForm
          titleId="pin-screen-title"
          staff={staff}
          signedInId={signedInId}
          intro={t('idleIntro', { minutes })}
          passwordLink
        />
      </div>
    </dialog>
  );
}

/**
 * PIN sign-in on a locked register (the lock screen, and the sign-in page after a reload). The
 * same PIN clocks its owner in or out without signing in to sell (the lock token stands in for a
 * session: /api/v1/register/lock/clock-in|out); the register stays locked.
 */
export function PinSignInForm({
  titleId,
  staff,
  signedInId,
  intro,
  passwordLink = false,
}: {
  titleId: string;
  staff: StaffOption[];
  signedInId: string;
  intro: string;
  passwordLink?: boolean;
}) {
  const t = useTranslations('pin');
  const tc = useTranslations('timeClock');
  const ts = useTranslations('signin');
  const { error, pending, submit } = useCredentialsSignIn('pin', () => window.location.reload());
  const form = useRef<HTMLFormElement>(null);
  const [clock, setClock] = useState<ClockMessage | null>(null);
  const [punching, setPunching] = useState(false);
  const punch = async (direction: 'in' | 'out') => {
    if (!form.current?.reportValidity()) return;
    setPunching(true);
    setClock(null);
    setClock(await punchClock('/api/v1/register/lock', direction, form.current, tc, null));
    setPunching(false);
  };
  return (
    <form
      ref={form}
      className="w-[min(24rem,100%)] space-y-4 rounded-2xl bg-white p-6 text-slate-900 shadow-xl"
      onSubmit={(e) => {
        e.preventDefault();
        const form = new FormData(e.currentTarget);
        void submit({ userId: String(form.get('userId') ?? ''), pin: String(form.get('pin') ?? '') });
      }}
    >
      <h2 id={titleId} className="text-xl font-bold">
        {t('locked')}
      </h2>
      <p className="text-sm text-slate-600">{intro}</p>
      {error && <Alert tone="error">{signInText(error, ts)}</Alert>}
      <div aria-live="polite">{clock && <Alert tone={clock.tone}>{clock.text}</Alert>}</div>
      {staff.length === 0 ? (
        <p className="text-sm text-slate-600">{t('nobodyHasPin')}</p>
      ) : (
        <>
          <StaffPinFields staff={staff} label={tc('whoAreYou')} selected={signedInId} autoFocus />
        </>
      )}
      <div className="flex flex-wrap items-center justify-between gap-2">
        {passwordLink ? (
          <a href="/signin?callbackUrl=%2Fregister" className="text-sm font-semibold text-brand-700 underline">
            {t('withPassword')}
          </a>
        ) : (
          <span />
        )}
        {staff.length > 0 && (
          <Button type="submit" disabled={pending || punching}>
            {pending ? t('checking') : t('signIn')}
          </Button>
        )}
      </div>
      {staff.length > 0 && (
        <div className="flex flex-wrap items-center justify-end gap-2 border-t border-slate-200 pt-3" role="group" aria-label={tc('title')}>
          <span className="mr-auto text-sm text-slate-600">{tc('startingOrEnding')}</span>
          <Button variant="secondary" disabled={pending || punching} onClick={() => void punch('in')}>
            {tc('clockIn')}
          </Button>
          <Button variant="secondary" disabled={pending || punching} onClick={() => void punch('out')}>
            {tc('clockOut')}
          </Button>
        </div>
      )}
    </form>
  );
}
