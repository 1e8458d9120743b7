'use client';

import { useTranslations } from 'next-intl';
import { useRef, useState } from 'react';
import { useFormats } from '@/components/ui/formats';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { api, newActionKey } from './api';
import { StaffPinFields, type StaffOption } from './staff-pin-fields';

type OpenEntry = { userId: string; name: string; clockedInAt: string };
type Punched = OpenEntry & { clockedOutAt: string | null };
export type ClockMessage = { tone: 'success' | 'error'; text: string };
type ClockWords = ReturnType<typeof useTranslations<'timeClock'>>;

/**
 * One clock-in or -out by the PIN typed in `form` (fields `userId`, `pin`), then the PIN is
 * cleared. `base`: /api/v1/time-clock at a signed-in register, /api/v1/register/lock on the
 * locked register's PIN screen (its lock token stands in for the session).
 */
export async function punchClock(base: string, direction: 'in' | 'out', form: HTMLFormElement, t: ClockWords, time: ((at: string) => string) | null): Promise<ClockMessage> {
  const data = new FormData(form);
  const result = await api<Punched>(`${base}/clock-${direction}`, {
    method: 'POST',
    body: { userId: String(data.get('userId') ?? ''), pin: String(data.get('pin') ?? '') },
    key: newActionKey(),
  });
  const pin = form.querySelector<HTMLInputElement>('input[name="pin"]');
  if (pin) pin.value = '';
  if (!result.ok) return { tone: 'error', text: result.error.details[0]?.message === 'Wrong PIN.' ? t('wrongPin') : result.error.message };
  const e = result.data;
  const at = direction === 'in' ? e.clockedInAt : e.clockedOutAt!;
  if (!time) return { tone: 'success', text: t(direction === 'in' ? 'clockedInPlain' : 'clockedOutPlain', { name: e.name }) };
  return { tone: 'success', text: t(direction === 'in' ? 'clockedIn' : 'clockedOut', { name: e.name, time: time(at) }) };
}

/**
 * The register's time clock: anyone clocks themselves in or out with their own PIN, whoever
 * is signed in to the register. Shows who is clocked in now.
 */
export function TimeClock({ staff, signedInId, timeZone }: { staff: StaffOption[]; signedInId: string; timeZone: string }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const form = useRef<HTMLFormElement>(null);
  const [clockedIn, setClockedIn] = useState<OpenEntry[] | null>(null);
  const [message, setMessage] = useState<ClockMessage | null>(null);
  const [pending, setPending] = useState(false);
  const t = useTranslations('timeClock');
  const tc = useTranslations('common');
  const formats = useFormats();
  const time = (at: string) => formats.dateTime(at, timeZone, 'time');

  const refresh = async () => {
    const result = await api<{ data: OpenEntry[] }>('/api/v1/time-clock', { retries: 1 });
    setClockedIn(result.ok ? result.data.data : null);
  };

  const punch = async (direction: 'in' | 'out') => {
    setPending(true);
    setMessage(null);
    const said = await punchClock('/api/v1/time-clock', direction, form.current!, t, time);
    setPending(false);
    setMessage(said);
    if (said.tone === 'success') void refresh();
  };

  return (
    <>
      <Button
        variant="secondary"
        onClick={() => {
          setMessage(null);
          void refresh();
          dialog.current?.showModal();
        }}
      >
        {t('title')}
      </Button>
      <dialog ref={dialog} aria-labelledby="time-clock-title" className="m-auto w-[min(26rem,92vw)] rounded-2xl p-0 shadow-xl backdrop:bg-slate-900/40">
        <form ref={form} className="space-y-4 p-6" onSubmit={(e) => e.preventDefault()}>
          <h2 id="time-clock-title" className="text-lg font-semibold">
            {t('title')}
          </h2>
          {staff.length === 0 ? (
            <p className="text-sm text-slate-600">{t('noPins')}</p>
          ) : (
            <>
              {message && <Alert tone={message.tone}>{message.text}</Alert>}
              <StaffPinFields staff={staff} label={t('whoAreYou')} selected={signedInId} />
            </>
          )}
          <section aria-labelledby="clocked-in-now">
            <h3 id="clocked-in-now" className="text-sm font-semibold text-slate-700">
              {t('clockedInNow')}
            </h3>
            {clockedIn === null ? (
              <p className="text-sm text-slate-500">…</p>
            ) : clockedIn.length === 0 ? (
              <p className="text-sm text-slate-500">{t('nobody')}</p>
            ) : (
              <ul className="text-sm" data-testid="clocked-in">
                {clockedIn.map((e) => (
                  <li key={e.userId}>
                    {e.name} <span className="text-slate-500">{t('since', { time: time(e.clockedInAt) })}</span>
                  </li>
                ))}
              </ul>
            )}
          </section>
          <div className="flex flex-wrap justify-end gap-2">
            <Button variant="ghost" onClick={() => dialog.current?.close()}>
              {tc('close')}
            </Button>
            {staff.length > 0 && (
              <>
                <Button variant="secondary" disabled={pending} onClick={() => void punch('out')}>
                  {t('clockOut')}
                </Button>
                <Button disabled={pending} onClick={() => void punch('in')}>
                  {t('clockIn')}
                </Button>
              </>
            )}
          </div>
        </form>
      </dialog>
    </>
  );
}
