import type { OrderEvent } from '@/lib/orders';
import { formatMoney } from '@/lib/platform/money';
import { dateTimeFormat } from '@/lib/platform/format-time';

const TENDER = { cash: 'Cash', card: 'Card' } as const;

function describe(e: OrderEvent, money: (minor: number) => string): { title: string; detail?: string; tone: string } {
  switch (e.type) {
    case 'OrderPlaced':
      return { title: 'Placed', detail: `Order #${e.payload.number}, ${money(e.payload.total)}`, tone: 'bg-slate-400' };
    case 'PaymentCaptured':
      return { title: `${TENDER[e.payload.tender]} payment taken`, detail: money(e.payload.amount), tone: 'bg-brand-600' };
    case 'PaymentFailed':
      return { title: 'Card payment failed', detail: e.payload.code.replaceAll('_', ' '), tone: 'bg-red-600' };
    case 'OrderPaid':
      return { title: 'Paid in full', detail: money(e.payload.total), tone: 'bg-brand-600' };
    case 'OrderRefunded':
      return { title: `Refunded ${money(e.payload.amount)}`, detail: e.payload.restocked ? 'Items back in stock' : 'Items not restocked', tone: 'bg-sky-600' };
    case 'OrderVoided':
      return { title: 'Voided', detail: `“${e.payload.reason}”`, tone: 'bg-slate-600' };
  }
}

/** What happened to the order, oldest first, from the event log (outbox). */
export function OrderTimeline({ events, currency, timeZone }: { events: OrderEvent[]; currency: string; timeZone: string }) {
  const when = dateTimeFormat(timeZone, 'dateTimeSeconds');
  const money = (minor: number) => formatMoney(minor, currency);
  return (
    <section aria-labelledby="timeline-title" className="space-y-3 rounded-xl border border-slate-200 bg-white p-5" data-testid="order-timeline">
      <h2 id="timeline-title" className="text-lg font-semibold">
        Timeline
      </h2>
      {events.length === 0 ? (
        <p className="text-sm text-slate-600">No events are recorded for this order. Orders brought in from before Tillwise (such as the demo&apos;s history) have none.</p>
      ) : (
        <ol className="space-y-4 border-l border-slate-200 pl-5">
          {events.map((e) => {
            const { title, detail, tone } = describe(e, money);
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
