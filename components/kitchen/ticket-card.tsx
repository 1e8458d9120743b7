'use client';

import { useTranslations } from 'next-intl';
import { useEffect } from 'react';
import { printHtml } from '@/components/register/shift/report-sections';
import { Alert } from '@/components/ui/alert';
import { buttonClass } from '@/components/ui/button';
import { useFormats } from '@/components/ui/formats';
import { useFormAction, type FormAction } from '@/components/ui/use-form-action';
import { ticketHtml } from './ticket-print';
import { ticketAge, ticketCourses, ticketDestination, type AgeTone, type KitchenT, type TicketView } from './ticket-view';

const AGE_LOOK: Record<AgeTone, { bar: string; chip: string; words: 'late' | 'veryLate' | null }> = {
  fresh: { bar: 'border-t-slate-300', chip: 'bg-slate-100 text-slate-800', words: null },
  late: { bar: 'border-t-amber-500', chip: 'bg-amber-100 text-amber-900', words: 'late' },
  very_late: { bar: 'border-t-red-600', chip: 'bg-red-600 text-white', words: 'veryLate' },
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
  const t = useTranslations('kitchen');
  const kt = t as unknown as KitchenT;
  const f = useFormats();
  const { state, pending, onSubmit } = useFormAction(bumpAction, null);
  const { label, tone } = ticketAge(ticket.firedAt, age.now, age.skew, kt);
  const look = AGE_LOOK[tone];
  const voided = ticket.voidedAt !== null;
  const titleId = `ticket-${ticket.id}`;
  const fired = f.dateTime(ticket.firedAt, timeZone, 'time');

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
            <span className="sr-only">{t('orderSr')}</span>#{ticket.orderNumber}
          </h2>
          <p className="mt-1 text-base font-semibold">{ticketDestination(ticket, kt)}</p>
        </div>
        <p className="text-right text-sm text-slate-600">
          <span className={`inline-block rounded-full px-2.5 py-1 text-base font-bold tabular-nums ${voided ? 'bg-slate-100 text-slate-700' : look.chip}`} data-testid="ticket-age">
            {label}
            <span className="sr-only">{voided || !look.words ? '' : t(look.words)}</span>
          </span>
          <br />
          <span>{t('fired', { time: fired })}</span>
        </p>
      </header>

      {voided && <p className="bg-slate-800 px-4 py-2 text-center text-base font-bold tracking-wide text-white uppercase">{t('voidedDoNotMake')}</p>}
      {ticket.recalledAt && !voided && <p className="bg-sky-50 px-4 py-1 text-sm font-semibold text-sky-900">{t('recalled')}</p>}

      <div className={`space-y-2 px-4 py-3 ${voided ? 'text-slate-500 line-through' : ''}`}>
        {ticketCourses(ticket.lines).map(({ course, lines }) => (
          <section key={course ?? 0} aria-label={course ? t('course', { course }) : t('items')}>
            {course && <h3 className="border-b border-slate-300 text-sm font-bold tracking-wide text-slate-700 uppercase">{t('course', { course })}</h3>}
            <ul className="space-y-2" aria-label={course ? undefined : t('items')}>
              {lines.map((line) => (
                <li key={`${line.lineId}-${line.voided ? 'void' : 'make'}`} data-testid="ticket-line">
                  <p className={`text-lg leading-snug font-semibold ${line.voided ? 'text-red-800' : ''}`}>
                    {line.voided && <span className="mr-1 rounded bg-red-800 px-1.5 py-0.5 text-sm font-bold text-white">{t('void')}</span>}
                    <span className="tabular-nums">{f.number(line.quantity)}</span> × {line.name}
                  </p>
                  {line.modifiers.length > 0 && (
                    <ul className="pl-6 text-base text-slate-800">
                      {line.modifiers.map((m) => (
                        <li key={m}>+ {m}</li>
                      ))}
                    </ul>
                  )}
                  {line.note && <p className="pl-6 text-base font-medium text-amber-900 italic">{t('note', { note: line.note })}</p>}
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
      {ticket.orderNote && <p className="mx-4 mb-3 rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-950">{t('orderNote', { note: ticket.orderNote })}</p>}

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
          onClick={() => printHtml(ticketHtml(ticket, { stationName, businessName, timeZone }, { t: kt, f }))}
        >
          {t('print')}
          <span className="sr-only">{t('printSr', { number: ticket.orderNumber })}</span>
        </button>
        <button type="submit" data-bump disabled={pending} className={buttonClass(voided ? 'secondary' : 'primary', 'min-h-14 text-lg')}>
          {pending ? t('bumping') : voided ? t('clear') : t('bump')}
          <span className="sr-only">{t(voided ? 'bumpSrVoided' : 'bumpSrOrder', { number: ticket.orderNumber })}</span>
        </button>
      </form>
    </li>
  );
}
