'use client';

import { useEffect } from 'react';
import { printHtml } from '@/components/register/shift/report-sections';
import { Alert } from '@/components/ui/alert';
import { buttonClass } from '@/components/ui/button';
import { useFormAction, type FormAction } from '@/components/ui/use-form-action';
import { ticketHtml } from './ticket-print';
import { ticketAge, ticketCourses, ticketDestination, type AgeTone, type TicketView } from './ticket-view';
import { formatDateTime } from '@/lib/platform/format-time';

const AGE_LOOK: Record<AgeTone, { bar: string; chip: string; words: string }> = {
  fresh: { bar: 'border-t-slate-300', chip: 'bg-slate-100 text-slate-800', words: '' },
  late: { bar: 'border-t-amber-500', chip: 'bg-amber-100 text-amber-900', words: ', late' },
  very_late: { bar: 'border-t-red-600', chip: 'bg-red-600 text-white', words: ', very late' },
};

/**
 * One ticket: the order number large, where it goes, how long it has waited (the colour says
 * late or very late, the words say it too), each line with its modifiers and note, then Print and
 * Bump. A voided order's ticket says so; bumping it clears it.
 */
export function TicketCard({
  ticket,
  age,
  stationName,
  businessName,
  timeZone,
  bumpAction,
  onBumped,
}: {
  ticket: TicketView;
  age: { now: number; skew: number };
  stationName: string;
  businessName: string;
  timeZone: string;
  bumpAction: FormAction;
  onBumped: (message: string) => void;
}) {
  const { state, pending, onSubmit } = useFormAction(bumpAction, null);
  const { label, tone } = ticketAge(ticket.firedAt, age.now, age.skew);
  const look = AGE_LOOK[tone];
  const voided = ticket.voidedAt !== null;
  const titleId = `ticket-${ticket.id}`;
  const fired = formatDateTime(ticket.firedAt, timeZone, 'time');

  useEffect(() => {
    if (state?.ok) onBumped(state.ok);
  }, [state]); // only a new result matters (onBumped is a new function every render)

  return (
    <li
      aria-labelledby={titleId}
      data-testid="kitchen-ticket"
      data-order={ticket.orderNumber}
      data-voided={voided || undefined}
      className={`flex flex-col rounded-xl border border-t-8 border-slate-200 bg-white shadow-sm ${voided ? 'border-t-slate-500 opacity-90' : look.bar}`}
    >
      <header className="flex items-start justify-between gap-2 border-b border-slate-100 px-4 pt-3 pb-2">
        <div>
          <h2 id={titleId} className="text-3xl leading-none font-extrabold tabular-nums">
            <span className="sr-only">Order </span>#{ticket.orderNumber}
          </h2>
          <p className="mt-1 text-base font-semibold">{ticketDestination(ticket)}</p>
        </div>
        <p className="text-right text-sm text-slate-600">
          <span className={`inline-block rounded-full px-2.5 py-1 text-base font-bold tabular-nums ${voided ? 'bg-slate-100 text-slate-700' : look.chip}`} data-testid="ticket-age">
            {label}
            <span className="sr-only">{voided ? '' : look.words}</span>
          </span>
          <br />
          <span>Fired {fired}</span>
        </p>
      </header>

      {voided && <p className="bg-slate-800 px-4 py-2 text-center text-base font-bold tracking-wide text-white uppercase">Voided — do not make</p>}
      {ticket.recalledAt && !voided && <p className="bg-sky-50 px-4 py-1 text-sm font-semibold text-sky-900">Recalled</p>}

      <div className={`space-y-2 px-4 py-3 ${voided ? 'text-slate-500 line-through' : ''}`}>
        {ticketCourses(ticket.lines).map(({ course, lines }) => (
          <section key={course ?? 0} aria-label={course ? `Course ${course}` : 'Items'}>
            {course && <h3 className="border-b border-slate-300 text-sm font-bold tracking-wide text-slate-700 uppercase">Course {course}</h3>}
            <ul className="space-y-2" aria-label={course ? undefined : 'Items'}>
              {lines.map((line) => (
                <li key={`${line.lineId}-${line.voided ? 'void' : 'make'}`} data-testid="ticket-line">
                  <p className={`text-lg leading-snug font-semibold ${line.voided ? 'text-red-800' : ''}`}>
                    {line.voided && <span className="mr-1 rounded bg-red-800 px-1.5 py-0.5 text-sm font-bold text-white">VOID</span>}
                    <span className="tabular-nums">{line.quantity}</span> × {line.name}
                  </p>
                  {line.modifiers.length > 0 && (
                    <ul className="pl-6 text-base text-slate-800">
                      {line.modifiers.map((m) => (
                        <li key={m}>+ {m}</li>
                      ))}
                    </ul>
                  )}
                  {line.note && <p className="pl-6 text-base font-medium text-amber-900 italic">Note: {line.note}</p>}
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
      {ticket.orderNote && <p className="mx-4 mb-3 rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-950">Order note: {ticket.orderNote}</p>}

      <form onSubmit={onSubmit} className="mt-auto grid grid-cols-[auto_1fr] gap-2 border-t border-slate-100 p-3">
        {state?.error && (
          <div className="col-span-2">
            <Alert tone="error">{state.error}</Alert>
          </div>
        )}
        <input type="hidden" name="id" value={ticket.id} />
        <button
          type="button"
          className={buttonClass('secondary', 'min-h-14 px-4 text-base')}
          onClick={() => printHtml(ticketHtml(ticket, { stationName, businessName, timeZone }))}
        >
          Print<span className="sr-only"> order {ticket.orderNumber}</span>
        </button>
        <button type="submit" data-bump disabled={pending} className={buttonClass(voided ? 'secondary' : 'primary', 'min-h-14 text-lg')}>
          {pending ? 'Bumping…' : voided ? 'Clear' : 'Bump'}
          <span className="sr-only"> {voided ? 'voided order' : 'order'} {ticket.orderNumber}</span>
        </button>
      </form>
    </li>
  );
}
