import { useTranslations } from 'next-intl';
import type { OrderEvent } from '@/lib/orders';
import type { Formats } from '@/lib/platform/formats';

type TimelineT = ReturnType<typeof useTranslations<'admin.orders'>>;

function describe(e: OrderEvent, money: (minor: number) => string, t: TimelineT): { title: string; detail?: string; tone: string } {
  switch (e.type) {
    case 'OrderPlaced':
      return { title: t('eventPlaced'), detail: t('eventPlacedDetail', { number: e.payload.number, total: money(e.payload.total) }), tone: 'bg-slate-400' };
    case 'PaymentCaptured':
      return { title: t(e.payload.tender === 'cash' ? 'eventCashTaken' : 'eventCardTaken'), detail: money(e.payload.amount), tone: 'bg-brand-600' };
    case 'PaymentFailed':
      return { title: t('eventCardFailed'), detail: e.payload.code.replaceAll('_', ' '), tone: 'bg-red-600' };
    case 'OrderPaid':
      return { title: t('eventPaid'), detail: money(e.payload.total), tone: 'bg-brand-600' };
    case 'OrderRefunded':
      return { title: t('eventRefunded', { amount: money(e.payload.amount) }), detail: e.payload.restocked ? t('eventRestocked') : t('eventNotRestocked'), tone: 'bg-sky-600' };
    case 'OrderVoided':
      return { title: t('eventVoided'), detail: `“${e.payload.reason}”`, tone: 'bg-slate-600' };
  }
}

/** What happened to the order, oldest first, from the event log (outbox), in the reader's words and formats. */
export function OrderTimeline({ events, currency, timeZone, formats: f }: { events: OrderEvent[]; currency: string; timeZone: string; formats: Formats }) {
  const t = useTranslations('admin.orders');
  const when = { format: (at: Date) => f.dateTime(at, timeZone, 'dateTimeSeconds') };
  const money = (minor: number) => f.money(minor, currency);
  return (
    <section aria-labelledby="timeline-title" className="space-y-3 rounded-xl border border-slate-200 bg-white p-5" data-testid="order-timeline">
      <h2 id="timeline-title" className="text-lg font-semibold">
        {t('timeline')}
      </h2>
      {events.length === 0 ? (
        <p className="text-sm text-slate-600">{t('noEvents')}</p>
      ) : (
        <ol className="space-y-4 border-l border-slate-200 pl-5">
          {events.map((e) => {
            const { title, detail, tone } = describe(e, money, t);
            return (
              <li key={e.id} className="relative">
                <span className={`absolute top-1.5 -left-[1.61rem] size-2.5 rounded-full ring-4 ring-white ${tone}`} aria-hidden="true" />
                <p className="text-sm font-semibold">{title}</p>
                {detail && <p className="text-sm text-slate-700">{detail}</p>}
                <p className="text-xs text-slate-500">
                  <time dateTime={e.occurredAt.toISOString()}>{when.format(e.occurredAt)}</time>
                </p>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
