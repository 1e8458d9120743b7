'use client';

import { useRef, useState } from 'react';
import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import { EmailReceipt } from './email-receipt';
import { useRegisterWords } from './format';
import { Modal } from './modal';
import type { Order } from './types';

/**
 * The sale is done: "Paid — change X" in big type, the printable receipt (the server's
 * GET /api/v1/orders/{id}/receipt, embedded, with its QR code), Print (prints just the receipt),
 * Email receipt, and New sale
 * (or `doneLabel`: "Done" where no sale follows, as on the orders screen).
 */
export function ReceiptDialog({ order, onNewSale, doneLabel }: { order: Order | null; onNewSale: () => void; doneLabel?: string }) {
  const t = useTranslations('dialogs');
  return (
    <Modal open={order !== null} onClose={onNewSale} size="lg" testId="receipt-dialog" title={order ? t('orderPaid', { number: order.number }) : t('receipt')}>
      {order && <ReceiptBody order={order} onNewSale={onNewSale} doneLabel={doneLabel ?? t('newSale')} />}
    </Modal>
  );
}

function ReceiptBody({ order, onNewSale, doneLabel }: { order: Order; onNewSale: () => void; doneLabel: string }) {
  const w = useRegisterWords();
  const t = useTranslations('dialogs');
  const frame = useRef<HTMLIFrameElement>(null);
  const [loaded, setLoaded] = useState(false);
  const money = (n: number) => w.f.money(n, order.currency);
  return (
    <div className="grid gap-0 md:grid-cols-[1fr_20rem]">
      <div className="space-y-4 p-5">
        <div role="status" className="rounded-2xl bg-brand-600 px-5 py-4 text-white" data-testid="paid-banner">
          <p className="text-sm font-semibold uppercase tracking-wide text-brand-50">{t('paidAmount', { amount: money(order.total) })}</p>
          <p className="text-3xl font-bold tabular-nums">{order.changeGiven > 0 ? t('change', { amount: money(order.changeGiven) }) : t('noChangeDue')}</p>
        </div>
        <ul className="space-y-1 text-sm tabular-nums">
          {order.payments
            .filter((p) => p.status === 'captured')
            .map((p) => (
              <li key={p.id} className="flex justify-between">
                <span>✓ {p.tender === 'cash' ? (p.cashTendered ? t('cashReceived', { amount: money(p.cashTendered) }) : t('cash')) : t('card')}</span>
                <span>{money(p.amount)}</span>
              </li>
            ))}
        </ul>
        <div className="flex flex-wrap gap-2">
          <Button
            variant="secondary"
            className="min-h-12"
            disabled={!loaded}
            onClick={() => {
              const win = frame.current?.contentWindow;
              win?.focus();
              win?.print();
            }}
            data-testid="print-receipt"
          >
            {t('printReceipt')}
          </Button>
          <Button className="min-h-12 flex-1 text-base" data-autofocus onClick={onNewSale} data-testid="new-sale">
            {doneLabel}
          </Button>
        </div>
        <EmailReceipt orderId={order.id} orderNumber={order.number} />
      </div>
      <div className="border-t border-slate-200 bg-slate-100 p-3 md:border-l md:border-t-0">
        <iframe
          ref={frame}
          title={t('receiptForOrder', { number: order.number })}
          src={`/api/v1/orders/${order.id}/receipt`}
          onLoad={() => setLoaded(true)}
          className="h-[55dvh] w-full rounded-lg bg-white"
          data-testid="receipt-frame"
        />
      </div>
    </div>
  );
}
