import Link from 'next/link';
import type { ReactNode } from 'react';
import { useTranslations } from 'next-intl';
import { getTranslations } from 'next-intl/server';
import type { FormAction } from '@/components/ui/use-form-action';
import { can, currentDisplayPreferences, type Role } from '@/lib/auth';
import { formatsFor, type Formats } from '@/lib/platform/formats';
import { variantLabel } from '@/lib/catalog';
import { STATUS_FILTER_KEY, STATUS_FILTERS, STATUS_KEY, STATUS_TONE, TYPE_KEY, type OrderStatus, type StatusFilterKey } from './format';
import { OrderActions } from './order-actions';
import { TakePayment } from './take-payment';
import type { OrderDetailData, OrderSummary, RegisterTips } from '@/lib/orders';

/** The reader's formats (language and the tenant's currency display), for these server components. */
async function readerFormats(): Promise<Formats> {
  const { locale, currencyDisplay } = await currentDisplayPreferences();
  return formatsFor(locale, currencyDisplay);
}

/**
 * The order list and detail shared by the register (/register/orders) and the admin
 * (/admin/orders). Server components: selecting an order or a filter is a link, so the
 * browser's back button and a reload keep the view.
 */
export function StatusBadge({ status }: { status: OrderStatus }) {
  const t = useTranslations('orders');
  return <span className={`inline-flex shrink-0 rounded-full px-2 py-0.5 text-xs font-semibold ring-1 ${STATUS_TONE[status]}`}>{t(STATUS_KEY[status])}</span>;
}

export function StatusChips({ active, href, counts }: { active: StatusFilterKey; href: (key: StatusFilterKey) => string; counts?: Partial<Record<StatusFilterKey, number>> }) {
  const t = useTranslations('orders');
  return (
    <nav aria-label={t('filterByStatus')} className="flex flex-wrap gap-2">
      {STATUS_FILTERS.map((f) => {
        const current = f.key === active;
        return (
          <Link
            key={f.key}
            href={href(f.key)}
            aria-current={current ? 'true' : undefined}
            className={`inline-flex min-h-11 items-center gap-1 rounded-full px-4 text-sm font-semibold ring-1 ${
              current ? 'bg-brand-600 text-white ring-brand-600' : 'bg-white text-slate-700 ring-slate-300 hover:bg-slate-50'
            }`}
          >
            {t(STATUS_FILTER_KEY[f.key])}
            {counts?.[f.key] !== undefined && <span className={current ? 'text-white/80' : 'text-slate-500'}>({counts[f.key]})</span>}
          </Link>
        );
      })}
    </nav>
  );
}

export async function OrderList({
  orders,
  selectedId,
  href,
  timeZone,
  showDate,
  staffNames,
  locationNames,
  empty,
}: {
  orders: OrderSummary[];
  selectedId?: string;
  href: (orderId: string) => string;
  timeZone: string;
  showDate: boolean;
  staffNames: Record<string, string>;
  /** Given when the business has more than one location. */
  locationNames?: Record<string, string>;
  empty: ReactNode;
}) {
  const t = await getTranslations('orders');
  const f = await readerFormats();
  if (orders.length === 0) {
    return (
      <div className="rounded-xl border border-dashed border-slate-300 bg-white px-5 py-10 text-center text-slate-600" data-testid="orders-empty">
        {empty}
      </div>
    );
  }
  const when = (at: Date | string) => f.dateTime(at, timeZone, showDate ? 'dateTime' : 'time');
  return (
    <ul className="divide-y divide-slate-100 overflow-hidden rounded-xl border border-slate-200 bg-white" aria-label={t('ordersList')}>
      {orders.map((o) => {
        const selected = o.id === selectedId;
        return (
          <li key={o.id}>
            <Link
              href={href(o.id)}
              scroll={false}
              aria-current={selected ? 'true' : undefined}
              data-testid="order-row"
              className={`flex items-center gap-3 px-4 py-3 hover:bg-slate-50 ${selected ? 'bg-brand-50 shadow-[inset_4px_0_0] shadow-brand-600' : ''}`}
            >
              <span className="w-14 shrink-0 text-lg font-bold tabular-nums">#{o.number}</span>
              <span className="min-w-0 flex-1">
                <span className="block truncate text-sm font-medium">
                  {t(TYPE_KEY[o.type])}
                  {o.customerName && ` · ${o.customerName}`}
                </span>
                <span className="block truncate text-xs text-slate-500">
                  {when(o.createdAt)} · {staffNames[o.createdBy] ?? t('unknownStaff')}
                  {locationNames && ` · ${locationNames[o.locationId] ?? ''}`}
                </span>
              </span>
              <span className="flex flex-col items-end gap-1">
                <span className="font-semibold tabular-nums">{f.money(o.total, o.currency)}</span>
                <StatusBadge status={o.status} />
              </span>
            </Link>
          </li>
        );
      })}
    </ul>
  );
}

type OrdersT = Awaited<ReturnType<typeof getTranslations<'orders'>>>;
const discountWords = (d: { kind: 'percent'; basisPoints: number } | { kind: 'amount'; amount: number }, currency: string, t: OrdersT, f: Formats) =>
  d.kind === 'percent' ? t('percentOff', { percent: d.basisPoints / 100 }) : t('amountOff', { amount: f.money(d.amount, currency) });

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="space-y-2">
      <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-500">{title}</h3>
      {children}
    </section>
  );
}

function Total({ label, value, strong = false }: { label: string; value: string; strong?: boolean }) {
  return (
    <div className={`flex justify-between gap-3 ${strong ? 'text-base font-bold' : ''}`}>
      <dt>{label}</dt>
      <dd className="tabular-nums">{value}</dd>
    </div>
  );
}

type MoneyMovement = { id: string; tender: string; amount: string; details: ReactNode; status: string; state: string; failure: string | null | undefined };

/** Tender, amount (a number), details, status. */
const HEADING_CLASS = ['py-1 font-medium', 'py-1 text-right font-medium', 'py-1 pl-3 font-medium', 'py-1 font-medium'];

/** An order's payments or refunds: by which tender, how much, the details, and how it stands (a failure said in red). */
function MoneyMovements({ caption, headings, rows }: { caption: string; headings: [string, string, string, string]; rows: MoneyMovement[] }) {
  return (
    <table className="w-full text-sm">
      <caption className="sr-only">{caption}</caption>
      <thead className="text-left text-xs text-slate-500">
        <tr>
          {headings.map((heading, i) => (
            <th key={i} scope="col" className={HEADING_CLASS[i]}>
              {heading}
            </th>
          ))}
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {rows.map((r) => (
          <tr key={r.id} className="align-top">
            <td className="py-1.5">{r.tender}</td>
            <td className="py-1.5 text-right tabular-nums">{r.amount}</td>
            <td className="py-1.5 pl-3 text-slate-600">{r.details}</td>
            <td className="py-1.5">
              <span className={r.state === 'failed' ? 'font-medium text-red-700' : r.state === 'pending' ? 'text-amber-800' : ''}>{r.status}</span>
              {r.failure && <span className="block text-xs text-red-700">{r.failure}</span>}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const PAYMENT_STATUS = { captured: 'paymentTaken', pending: 'paymentPending', failed: 'paymentFailed' } as const;
const REFUND_STATUS = { succeeded: 'refundDone', pending: 'refundWaiting', failed: 'refundFailed' } as const;

export async function OrderDetail({
  data,
  timeZone,
  role,
  closeHref,
  atRegister,
  tips = null,
  refundOrderAction,
  voidOrderAction,
}: {
  data: OrderDetailData;
  timeZone: string;
  role: Role;
  closeHref: string;
  atRegister: boolean;
  /** The tip prompt for Take payment at the register (the tenant's tip settings). */
  tips?: RegisterTips | null;
  refundOrderAction: FormAction;
  voidOrderAction: FormAction;
}) {
  const { order, staffNames, tableName } = data;
  const t = await getTranslations('orders');
  const f = await readerFormats();
  const money = (minor: number) => f.money(minor, order.currency);
  const when = { format: (at: Date | string) => f.dateTime(at, timeZone) };
  const mayAct = can(role, 'order:create');
  // Money actually back per payment (a pending refund only holds a reservation).
  const refundedOn = (paymentId: string) => order.refunds.filter((r) => r.paymentId === paymentId && r.status === 'succeeded').reduce((sum, r) => sum + r.amount, 0);
  const pendingRefund = order.refundDocuments.filter((d) => d.status === 'pending').reduce((sum, d) => sum + d.amount, 0);
  const where = [
    t(TYPE_KEY[order.type]),
    order.type === 'dine_in' && (tableName ? t('tableNamed', { name: tableName }) : t('table')),
    order.covers && t('guests', { count: order.covers }),
  ].filter(Boolean);

  return (
    <article aria-labelledby="order-title" className="space-y-5 rounded-xl border border-slate-200 bg-white p-5" data-testid="order-detail">
      <header className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <div className="flex items-center gap-2">
            <h2 id="order-title" className="text-2xl font-bold">
              {t('orderTitle', { number: order.number })}
            </h2>
            <StatusBadge status={order.status} />
          </div>
          <p className="text-sm text-slate-600">
            {where.join(' · ')} · {when.format(order.placedAt ?? order.createdAt)} · {t('byStaff', { name: staffNames[order.createdBy] ?? t('unknownStaff') })}
          </p>
          {order.customerId && !atRegister ? (
            <p className="text-sm">
              {t('customerLabel')}{' '}
              <Link href={`/admin/customers/${order.customerId}`} className="text-brand-700 underline">
                {order.customerName ?? t('profile')}
              </Link>
            </p>
          ) : (
            order.customerName && <p className="text-sm">{t('forCustomer', { name: order.customerName })}</p>
          )}
          {order.note && <p className="text-sm text-slate-700">{t('note', { note: order.note })}</p>}
        </div>
        <Link href={closeHref} scroll={false} className="text-sm font-semibold text-brand-700 underline">
          {t('close')}<span className="sr-only">{t('closeOrder', { number: order.number })}</span>
        </Link>
      </header>

      {order.status === 'voided' && (
        <p className="rounded-lg bg-slate-100 px-3 py-2 text-sm">
          {order.voidReason
            ? t('voidedReason', { voided: order.voidedAt ? t('voidedAt', { when: when.format(order.voidedAt) }) : t('statusVoided'), reason: order.voidReason })
            : order.voidedAt
              ? t('voidedAt', { when: when.format(order.voidedAt) })
              : t('statusVoided')}
        </p>
      )}

      {/* At the register any device takes payment for an order left unpaid (a declined card on another till).
          Its key differs from OrderActions' below: siblings sharing a key are matched wrongly on refresh. */}
      {mayAct && atRegister && (
        <TakePayment key={`take-payment-${order.id}`} orderId={order.id} orderNumber={order.number} status={order.status} balanceDue={order.balanceDue} currency={order.currency} tips={tips} />
      )}
      {mayAct && (
        <OrderActions
          key={order.id}
          orderId={order.id}
          orderNumber={order.number}
          currency={order.currency}
          canRefund={(order.status === 'completed' || order.status === 'partially_refunded') && data.refundable.length > 0}
          canVoid={order.status === 'open' || order.status === 'placed'}
          refundable={data.refundable}
          refundableByTender={data.refundableByTender}
          approvers={data.approvers}
          refundNeedsApproval={!can(role, 'refund:create')}
          voidNeedsApproval={!can(role, 'order:void')}
          atRegister={atRegister}
          refundOrderAction={refundOrderAction}
          voidOrderAction={voidOrderAction}
        />
      )}
      {pendingRefund > 0 && (
        <p role="status" className="rounded-lg border border-amber-300 bg-amber-50 px-3 py-2 text-sm font-semibold text-amber-950">
          {t('refundWaitingBody', { amount: money(pendingRefund) })}
        </p>
      )}
      {order.status === 'partially_paid' && (
        <p className="text-sm text-amber-900">{atRegister ? t('partPaidHere') : t('partPaidAtRegister')}</p>
      )}

      <Section title={t('items')}>
        <table className="w-full text-sm">
          <caption className="sr-only">{t('itemsOf', { number: order.number })}</caption>
          <thead className="sr-only">
            <tr>
              <th scope="col">{t('item')}</th>
              <th scope="col">{t('amount')}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {order.lines.map((l) => (
              <tr key={l.id} className="align-top">
                <td className="py-2 pr-3">
                  <span className="font-medium">
                    {l.quantity} × {variantLabel(l)}
                  </span>
                  <span className="text-slate-500">{t('atPrice', { price: money(l.unitPrice) })}</span>
                  <ul className="text-slate-600">
                    {l.modifiers.map((m) => (
                      <li key={m.optionId}>
                        + {m.optionName}
                        {m.priceDelta !== 0 && ` (${m.priceDelta > 0 ? '+' : '−'}${money(Math.abs(m.priceDelta))})`}
                      </li>
                    ))}
                    {l.note && <li>“{l.note}”</li>}
                    {l.discount && (
                      <li>
                        {t('lineDiscount', { discount: discountWords(l.discount, order.currency, t, f), amount: money(l.lineDiscount) })}
                      </li>
                    )}
                    {l.refundedQuantity > 0 && (
                      <li className="font-medium text-sky-800">
                        {t('refundedOf', { refunded: l.refundedQuantity, quantity: l.quantity })}
                      </li>
                    )}
                  </ul>
                </td>
                <td className="py-2 text-right tabular-nums">{money(l.gross)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Section>

      <Section title={t('totals')}>
        <dl className="space-y-1 text-sm">
          <Total label={t('subtotal')} value={money(order.subtotal)} />
          {order.discountTotal > 0 && (
            <Total label={order.orderDiscount ? t('discountsOrder', { discount: discountWords(order.orderDiscount, order.currency, t, f) }) : t('discounts')} value={`−${money(order.discountTotal)}`} />
          )}
          {order.serviceChargeTotal > 0 && <Total label={t('serviceCharge', { percent: order.serviceChargeBasisPoints / 100 })} value={money(order.serviceChargeTotal)} />}
          <Total label={order.pricesIncludeTax ? t('taxIncluded') : t('tax')} value={money(order.taxTotal)} />
          <Total label={t('total')} value={money(order.total)} strong />
          <Total label={t('paid')} value={money(order.paidTotal)} />
          {order.changeGiven > 0 && <Total label={t('changeGiven')} value={money(order.changeGiven)} />}
          {order.refundedTotal > 0 && <Total label={t('refundedLabel')} value={`−${money(order.refundedTotal)}`} />}
          {order.balanceDue > 0 && order.status !== 'voided' && <Total label={t('balanceDue')} value={money(order.balanceDue)} strong />}
        </dl>
      </Section>

      <Section title={t('payments')}>
        {order.payments.length === 0 ? (
          <p className="text-sm text-slate-600">{t('noPayments')}</p>
        ) : (
          <MoneyMovements
            caption={t('paymentsOf', { number: order.number })}
            headings={[t('tender'), t('amount'), t('details'), t('status')]}
            rows={order.payments.map((p) => ({
              id: p.id,
              tender: p.tender === 'cash' ? t('cash') : t('card'),
              amount: money(p.amount),
              details: (
                <>
                  {p.tender === 'cash' && p.cashTendered !== null && t('givenChange', { given: money(p.cashTendered), change: money(p.changeGiven ?? 0) })}
                  {refundedOn(p.id) > 0 && <span className="block">{t('refundedAmount', { amount: money(refundedOn(p.id)) })}</span>}
                  <span className="block text-xs">{when.format(p.createdAt)}</span>
                </>
              ),
              status: t(PAYMENT_STATUS[p.status]),
              state: p.status,
              failure: p.status === 'failed' ? p.failureMessage || p.failureCode : null,
            }))}
          />
        )}
      </Section>

      {order.refunds.length > 0 && (
        <Section title={t('refunds')}>
          <MoneyMovements
            caption={t('refundsOf', { number: order.number })}
            headings={[t('to'), t('amount'), t('when'), t('status')]}
            rows={order.refunds.map((r) => ({
              id: r.id,
              tender: r.tender === 'cash' ? t('cash') : t('card'),
              amount: `−${money(r.amount)}`,
              details: `${when.format(r.createdAt)} · ${staffNames[r.createdBy] ?? t('unknownStaff')}`,
              status: t(REFUND_STATUS[r.status]),
              state: r.status,
              failure: r.status === 'failed' ? r.failureMessage : null,
            }))}
          />
        </Section>
      )}
    </article>
  );
}
