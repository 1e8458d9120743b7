'use client';

import { useRef, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { dateTimeFormat } from '@/lib/platform/format-time';
import { api, newActionKey } from './api';
import { StaffPinFields, type StaffOption } from './staff-pin-fields';

type OpenEntry = { userId: string; name: string; clockedInAt: string };
type Punched = OpenEntry & { clockedOutAt: string | null };
export type ClockMessage = { tone: 'success' | 'error'; text: string };

/**
 * One clock-in or -out by the PIN typed in `form` (fields `userId`, `pin`), then the PIN is
 * cleared. `base`: /api/v1/time-clock at a signed-in register, /api/v1/register/lock on the
 * locked register's PIN screen (its lock token stands in for the session).
 */
export async function punchClock(base: string, direction: 'in' | 'out', form: HTMLFormElement, time: Intl.DateTimeFormat | null): Promise<ClockMessage> {
  const data = new FormData(form);
  const result = await api<Punched>(`${base}/clock-${direction}`, {
    method: 'POST',
    body: { userId: String(data.get('userId') ?? ''), pin: String(data.get('pin') ?? '') },
    key: newActionKey(),
  });
  const pin = form.querySelector<HTMLInputElement>('input[name="pin"]');
  if (pin) pin.value = '';
  if (!result.ok) return { tone: 'error', text: result.error.details[0]?.message === 'Wrong PIN.' ? 'Wrong PIN.' : result.error.message };
  const e = result.data;
  const at = direction === 'in' ? e.clockedInAt : e.clockedOutAt!;
  return { tone: 'success', text: `${e.name} clocked ${direction}${time ? ` at ${time.format(new Date(at))}` : ''}.` };
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
  const time = dateTimeFormat(timeZone, 'time');

  const refresh = async () => {
    const result = await api<{ data: OpenEntry[] }>('/api/v1/time-clock', { retries: 1 });
    setClockedIn(result.ok ? result.data.data : null);
  };

  const punch = async (direction: 'in' | 'out') => {
    setPending(true);
    setMessage(null);
    const said = await punchClock('/api/v1/time-clock', direction, form.current!, time);
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
        Time clock
      </Button>
      <dialog ref={dialog} aria-labelledby="time-clock-title" className="m-auto w-[min(26rem,92vw)] rounded-2xl p-0 shadow-xl backdrop:bg-slate-900/40">
        <form ref={form} className="space-y-4 p-6" onSubmit={(e) => e.preventDefault()}>
          <h2 id="time-clock-title" className="text-lg font-semibold">
            Time clock
          </h2>
          {staff.length === 0 ? (
            <p className="text-sm text-slate-600">Nobody has a register PIN yet. An owner or manager can set PINs in Admin → Staff.</p>
          ) : (
            <>
              {message && <Alert tone={message.tone}>{message.text}</Alert>}
              <StaffPinFields staff={staff} label="Who are you?" selected={signedInId} />
            </>
          )}
          <section aria-labelledby="clocked-in-now">
            <h3 id="clocked-in-now" className="text-sm font-semibold text-slate-700">
              Clocked in now
            </h3>
            {clockedIn === null ? (
              <p className="text-sm text-slate-500">…</p>
            ) : clockedIn.length === 0 ? (
              <p className="text-sm text-slate-500">Nobody.</p>
            ) : (
              <ul className="text-sm" data-testid="clocked-in">
                {clockedIn.map((e) => (
                  <li key={e.userId}>
                    {e.name} <span className="text-slate-500">since {time.format(new Date(e.clockedInAt))}</span>
                  </li>
                ))}
              </ul>
            )}
          </section>
          <div className="flex flex-wrap justify-end gap-2">
            <Button variant="ghost" onClick={() => dialog.current?.close()}>
              Close
            </Button>
            {staff.length > 0 && (
              <>
                <Button variant="secondary" disabled={pending} onClick={() => void punch('out')}>
                  Clock out
                </Button>
                <Button disabled={pending} onClick={() => void punch('in')}>
                  Clock in
                </Button>
              </>
            )}
          </div>
        </form>
      </dialog>
    </>
  );
}
