'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import { useApiErrorText } from './api-errors';
import { detailsAt, lineErrors, needsApproval, type ApiError } from './api';
import { ApprovalWaiting } from './approval-waiting';
import { CartLineItem } from './cart-line-item';
import { CartTotals } from './cart-totals';
import { useRegisterWords } from './format';
import { OrderOptions } from './order-options';
import type { CartApi } from './use-cart';
import type { Order, Quote, RegisterTable } from './types';

/**
 * The right-hand side: the sale being rung up. Order type and table, the lines, the server's
 * totals, and Park / Pay. While an order is being paid the cart is locked to it (its items
 * already left stock) and offers to continue the payment or void it.
 */
export function CartPanel({
  cart,
  quote,
  quotePending,
  quoteError,
  saleError,
  currency,
  loyaltyReward,
  pricesIncludeTax,
  tables,
  order,
  locked,
  canPay,
  busy,
  stockWarning,
  tableHint,
  onEditLine,
  onDiscountLine,
  onOrderDiscount,
  approvers,
  onAskApproval,
  onRemoveDiscounts,
  onRefreshTables,
  onPark,
  onSend,
  onChooseTable,
  onPay,
  onVoid,
  onCancelTab,
}: {
  cart: CartApi;
  quote: Quote | null;
  quotePending: boolean;
  quoteError: ApiError | null;
  saleError: ApiError | null;
  currency: string;
  /** The business's loyalty reward (null: none). */
  loyaltyReward: { points: number; value: number } | null;
  pricesIncludeTax: boolean;
  tables: RegisterTable[];
  order: Order | null;
  locked: boolean;
  canPay: boolean;
  busy: null | 'park' | 'send' | 'pay' | 'void';
  stockWarning: (variantId: string, quantity: number, productId: string) => string | null;
  /** A problem with the table found before asking the server (dine-in without one). */
  tableHint: string | null;
  onEditLine: ((key: string) => void) | null;
  onDiscountLine: (key: string) => void;
  onOrderDiscount: () => void;
  /** Who can approve a discount at this register (managers and owners with a PIN). */
  approvers: { name: string; role?: string }[];
  onAskApproval: () => void;
  /** Takes every discount off the sale: the way on without a manager. */
  onRemoveDiscounts: () => void;
  onRefreshTables: () => void;
  onPark: () => void;
  /** A dine-in tab to the kitchen without paying: `course` fires that held course, none sends what is not held. */
  onSend: (course?: number) => void;
  /** A table picked: one with an open tab opens that tab instead. */
  onChooseTable: (tableId: string | null) => void;
  onPay: () => void;
  onVoid: () => void;
  /** A resumed tab emptied before anything was sent: cancel it (not a void) and free its table. */
  onCancelTab: () => void;
}) {
  const w = useRegisterWords();
  const t = useTranslations('register');
  const errorText = useApiErrorText();
  const tc = useTranslations('common');
  const { lines, selectedKey, resumed } = cart.cart;
  const listRef = useRef<HTMLUListElement>(null);
  const [confirmClear, setConfirmClear] = useState(false);
  const money = (n: number) => w.f.money(n, currency);

  // Keep the selected line in view (new lines are selected).
  useEffect(() => {
    listRef.current?.querySelector('[data-selected]')?.scrollIntoView({ block: 'nearest' });
  }, [selectedKey, lines.length]);
  useEffect(() => setConfirmClear(false), [lines.length]);

  const problems = quoteError ?? saleError;
  const byLine = lineErrors(problems);
  // A discount over the limit, or units the kitchen has taken off a tab: both ask for a manager's PIN.
  const discountApproval = needsApproval(quoteError) || needsApproval(saleError);
  const approval = discountApproval || needsApproval(saleError, 'voidApproval');
  const tableError = tableHint ?? detailsAt(saleError, 'tableId')[0]?.message ?? null;
  const general = problems && !approval ? problems.details.filter((d) => !/^lines\.\d+/.test(d.path) && d.path !== 'tableId') : [];
  const generalMessage = problems && !approval && byLine.size === 0 && general.length === 0 && !tableError ? errorText(problems) : null;
  // A quote that failed for this cart leaves no prices to show: the last ones would be wrong.
  const shownQuote = quoteError ? null : quote;
  const dineIn = cart.cart.type === 'dine_in';
  // Courses held and not yet with the kitchen: each gets its "Fire course n".
  const heldCourses = dineIn ? [...new Set(lines.filter((l) => l.held && (l.firedQuantity ?? 0) < l.quantity).map((l) => l.course ?? 1))].sort() : [];
  const lineOf = (i: number) =>
    shownQuote && shownQuote.lines.length === lines.length && shownQuote.lines[i]?.variantId === lines[i]?.variantId ? shownQuote.lines[i]! : null;

  return (
    <section aria-label={t('currentSale')} className="flex min-h-0 flex-1 flex-col border-slate-200 bg-white md:border-l" data-testid="cart">
      <div className="flex items-center justify-between gap-2 border-b border-slate-200 px-3 py-2">
        <h2 className="font-bold">
          {order ? t('orderNumber', { number: order.number }) : resumed ? t(dineIn ? 'tabNumber' : 'parkedNumber', { number: resumed.number }) : t('currentSale')}
          {lines.length > 0 && (
            <span className="font-normal text-slate-600">
              {' '}
              · {t('itemCount', { count: cart.itemCount })}
            </span>
          )}
        </h2>
        {!locked && lines.length > 0 && (
          <Button
            variant={confirmClear ? 'danger' : 'ghost'}
            className="min-h-9 px-2 py-1"
            onClick={() => {
              if (!confirmClear) return setConfirmClear(true);
              setConfirmClear(false);
              cart.clear();
            }}
          >
            {confirmClear ? t('tapAgainToClear') : resumed ? tc('close') : t('clear')}
          </Button>
        )}
      </div>

      {locked && order && (
        <div role="status" className="border-b border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950">
          <p className="font-bold">{t('waitingForPayment', { amount: money(order.balanceDue) })}</p>
          <p>{t(order.paidTotal === 0 ? 'itemsLeftStockOrVoid' : 'itemsLeftStock')}</p>
        </div>
      )}

      <OrderOptions
        cart={cart}
        tables={tables}
        locked={locked}
        tableError={tableError}
        onDineIn={onRefreshTables}
        onChooseTable={onChooseTable}
        currency={currency}
        loyaltyReward={loyaltyReward}
      />

      <div className="min-h-0 flex-1 overflow-y-auto">
        {lines.length === 0 ? (
          <div className="flex h-full flex-col items-center justify-center gap-1 p-6 text-center text-slate-600" data-testid="cart-empty">
            <svg aria-hidden="true" viewBox="0 0 24 24" className="size-12 text-slate-300" fill="none" stroke="currentColor" strokeWidth="1.5">
              <path d="M6 3h12v18l-3-2-3 2-3-2-3 2V3z" />
              <path d="M9 8h6M9 12h6M9 16h3" />
            </svg>
            <p className="font-semibold text-slate-800">{t('noItemsYet')}</p>
            <p className="text-sm">{t('tapProductHint')}</p>
            {resumed && dineIn && !locked && (
              <Button variant="secondary" className="mt-3 min-h-12" onClick={onCancelTab} disabled={busy !== null} data-testid="cancel-tab">
                {t('cancelTab', { number: resumed.number })}
              </Button>
            )}
          </div>
        ) : (
          <ul ref={listRef} aria-label={t('itemsInSale')}>
            {lines.map((line, i) => (
              <CartLineItem
                key={line.key}
                line={line}
                index={i}
                priced={lineOf(i)}
                selected={line.key === selectedKey}
                locked={locked}
                currency={currency}
                errors={byLine.get(i) ?? []}
                warning={stockWarning(line.variantId, lines.filter((l) => l.variantId === line.variantId).reduce((s, l) => s + l.quantity, 0), line.productId)}
                onSelect={() => cart.select(line.key)}
                onQuantity={(n) => cart.setQuantity(line.key, n)}
                onRemove={() => cart.remove(line.key)}
                onDiscount={() => onDiscountLine(line.key)}
                onEdit={onEditLine ? () => onEditLine(line.key) : null}
                onCourse={dineIn ? (course, held) => cart.setCourse(line.key, course, held) : null}
                seats={cart.cart.type === 'dine_in' ? Math.max(2, cart.cart.covers ?? 1) : null}
                onSeat={(seat) => cart.setSeat(line.key, seat)}
              />
            ))}
          </ul>
        )}
      </div>

      {approval && (
        <div className="border-t border-slate-200 px-3 py-2">
          <ApprovalWaiting message={(quoteError ?? saleError)?.message ?? ''} approvers={approvers} onAskApproval={onAskApproval} onRemoveDiscounts={discountApproval ? onRemoveDiscounts : undefined} />
        </div>
      )}
      {!approval && (general.length > 0 || generalMessage) && (
        <div className="border-t border-slate-200 px-3 py-2" role="alert" data-testid="cart-error">
          <ul className="space-y-0.5 text-sm font-semibold text-red-800">
            {generalMessage && <li>⚠ {generalMessage}</li>}
            {general.map((d) => (
              <li key={`${d.path}-${d.message}`}>⚠ {d.message}</li>
            ))}
          </ul>
        </div>
      )}

      <CartTotals
        quote={locked && order ? { lines: [], subtotal: order.subtotal, discountTotal: order.discountTotal, serviceChargeBasisPoints: order.serviceChargeBasisPoints, serviceChargeTotal: order.serviceChargeTotal, taxTotal: order.taxTotal, total: order.total } : shownQuote}
        blocked={locked || quoteError === null ? null : needsApproval(quoteError) ? 'approval' : 'problem'}
        pending={!locked && quotePending && lines.length > 0}
        currency={currency}
        pricesIncludeTax={pricesIncludeTax}
        orderDiscount={cart.cart.orderDiscount}
        locked={locked || lines.length === 0}
        onOrderDiscount={onOrderDiscount}
      />

      {dineIn && !locked && lines.length > 0 && (
        <div className="flex flex-wrap gap-2 border-t border-slate-200 px-3 pt-3" role="group" aria-label={t('kitchenActions')}>
          <Button variant="secondary" className="min-h-12 flex-1" onClick={() => onSend()} disabled={busy !== null} data-testid="send">
            {busy === 'send' ? t('sending') : t('sendToKitchen')}
          </Button>
          {heldCourses.map((c) => (
            <Button key={c} variant="secondary" className="min-h-12" onClick={() => onSend(c)} disabled={busy !== null}>
              {t('fireCourse', { course: c })}
            </Button>
          ))}
        </div>
      )}

      <div className="grid grid-cols-[auto_1fr] gap-2 border-t border-slate-200 p-3">
        {locked ? (
          <Button variant="danger" className="min-h-14" onClick={onVoid} disabled={!order || order.paidTotal > 0 || busy !== null}>
            {t('void')}
          </Button>
        ) : (
          <Button variant="secondary" className="min-h-14 px-5" onClick={onPark} disabled={lines.length === 0 || busy !== null} data-testid="park">
            {busy === 'park' ? t('parking') : t('park')}
          </Button>
        )}
        <Button className="min-h-14 text-lg" onClick={onPay} disabled={!canPay} data-testid="pay" aria-keyshortcuts="F2 Control+Enter">
          {locked && order ? t('takePayment', { amount: money(order.balanceDue) }) : shownQuote && !quotePending ? t('payAmount', { amount: money(shownQuote.total) }) : t('pay')}
          <kbd className="ml-1 hidden rounded bg-white/20 px-1 text-xs font-normal lg:inline">F2</kbd>
        </Button>
      </div>
    </section>
  );
}
