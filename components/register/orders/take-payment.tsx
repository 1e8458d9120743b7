'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';
import { useTranslations } from 'next-intl';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { useFormats } from '@/components/ui/formats';
import { useApiErrorText } from '../api-errors';
import { fetchOrder, UNPAID_STATUSES, useOrderPayment } from '../order-payment';
import { PaymentDialog } from '../payment-dialog';
import { ReceiptDialog } from '../receipt-dialog';
import { useCardStatus } from '../use-card-status';
import { useRegisterShift } from '../use-register-shift';
import type { RegisterTips } from '@/lib/orders';
import type { Order, OrderStatus } from '../types';

/**
 * "Take payment" for an order still waiting for money (a declined card, a customer who
 * walked to another till): on any device, not only the one that started it. The money goes
 * into this device's register and its open shift; the payment dialog and its rules are the
 * sale screen's own (cash with change, card, split, a card still being checked).
 */
export function TakePayment({
  orderId,
  orderNumber,
  status,
  balanceDue,
  currency,
  tips = null,
}: {
  orderId: string;
  orderNumber: number;
  status: OrderStatus;
  balanceDue: number;
  currency: string;
  /** The tenant's tip prompt: the same picker as the sale screen's payment dialog. */
  tips?: RegisterTips | null;
}) {
  const router = useRouter();
  const t = useTranslations('orders');
  const f = useFormats();
  const errorText = useApiErrorText();
  const register = useRegisterShift();
  const [paying, setPaying] = useState<Order | null>(null);
  const [loading, setLoading] = useState(false);
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const messageRef = useRef<HTMLDivElement>(null);
  const unpaid = UNPAID_STATUSES.has(status);

  // Once the page shows the order paid, the button is gone: the focus goes to what happened.
  useEffect(() => {
    if (!unpaid && message) messageRef.current?.focus();
  }, [unpaid, message]);

  const start = async () => {
    setMessage(null);
    setLoading(true);
    const now = await fetchOrder(orderId);
    setLoading(false);
    if (!now) return setMessage({ tone: 'error', text: t('noAnswer') });
    if (!UNPAID_STATUSES.has(now.status)) {
      setMessage({ tone: 'success', text: t('noLongerWaits', { number: orderNumber }) });
      return router.refresh();
    }
    setPaying(now);
  };

  const shift = register.shift.status === 'open' ? register.shift.shift : null;
  return (
    <div className="space-y-2">
      {unpaid &&
        (register.shift.status === 'none' ? (
          <p className="text-sm text-slate-700">
            {t.rich('openShiftFirst', { register: register.registerName ?? '', b: (chunks) => <strong>{chunks}</strong> })}{' '}
            <Link href="/register/shift" className="font-semibold text-brand-700 underline">
              {t('openAShift')}
            </Link>
          </p>
        ) : register.shift.status === 'error' ? (
          <Alert tone="error">{t('shiftCheckFailed', { register: register.registerName ?? '', error: errorText(register.shift.error) })}</Alert>
        ) : (
          <Button className="min-h-12 text-base" onClick={() => void start()} disabled={!shift || loading} aria-busy={!shift || loading}>
            {loading ? t('opening') : t('takePayment', { amount: f.money(balanceDue, currency) })}
          </Button>
        ))}
      <div ref={messageRef} tabIndex={-1} aria-live="polite" className="outline-none">
        {message && <Alert tone={message.tone}>{message.text}</Alert>}
      </div>
      {paying && shift && (
        <PaymentSession
          order={paying}
          shiftId={shift.id}
          currency={currency}
          tips={tips}
          onDone={(paid) => {
            setPaying(null);
            if (paid) setMessage({ tone: 'success', text: paid.changeGiven > 0 ? t('orderPaidChange', { number: paid.number, change: f.money(paid.changeGiven, currency) }) : t('orderPaid', { number: paid.number }) });
            // Paid, part-paid or a card still being checked: the page shows the order as it now is.
            router.refresh();
          }}
        />
      )}
    </div>
  );
}

/** The payment dialog for one order, then its receipt; mounted while it is being paid. */
function PaymentSession({
  order: initial,
  shiftId,
  currency,
  tips,
  onDone,
}: {
  order: Order;
  shiftId: string;
  currency: string;
  tips: RegisterTips | null;
  onDone: (paid: Order | null) => void;
}) {
  const payment = useOrderPayment(initial, shiftId);
  const card = useCardStatus();
  const tc = useTranslations('common');
  const [receipt, setReceipt] = useState<Order | null>(null);
  return (
    <>
      <PaymentDialog
        open={receipt === null}
        currency={currency}
        total={payment.order.balanceDue}
        order={payment.order}
        cardState={card.state}
        busy={payment.busy}
        onPay={payment.pay}
        onCheckCard={payment.checkCard}
        onCardUnavailable={card.reportUnavailable}
        onPaid={setReceipt}
        tips={tips}
        splitting={{ ensureOrder: async () => ({ ok: true, order: payment.order }), split: payment.split }}
        onClose={() => {
          if (!receipt) onDone(null);
        }}
      />
      <ReceiptDialog order={receipt} doneLabel={tc('done')} onNewSale={() => onDone(receipt)} />
    </>
  );
}
