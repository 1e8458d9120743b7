'use client';

import { useRef, useState, type FormEvent } from 'react';
import { useTranslations } from 'next-intl';
import { useApiErrorText } from './api-errors';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';
import { api, detailsAt, newActionKey, type ApiError } from './api';

type Sent = { id: string; to: string; status: 'queued' | 'sent' };

/**
 * "Email receipt": the customer's address, sent to POST /api/v1/orders/{id}/receipt/emails with one
 * Idempotency-Key per address typed (a retry after a network error sends no second mail). The answer
 * comes at once; the mail itself goes out from the outbox (docs/receipts.md), so a slow mail server
 * never holds up the register. Used in the register's receipt dialog and on the admin order page.
 */
export function EmailReceipt({ orderId, orderNumber }: { orderId: string; orderNumber: number }) {
  const [open, setOpen] = useState(false);
  const t = useTranslations('dialogs');
  const errorText = useApiErrorText();
  const [to, setTo] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [sent, setSent] = useState<Sent | null>(null);
  const key = useRef<{ to: string; key: string } | null>(null);

  if (!open) {
    return (
      <Button variant="secondary" className="min-h-12" onClick={() => setOpen(true)} data-testid="email-receipt">
        {t('emailReceipt')}<span className="sr-only">{t('ofOrder', { number: orderNumber })}</span>
      </Button>
    );
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const address = to.trim();
    if (key.current?.to !== address) key.current = { to: address, key: newActionKey() };
    setBusy(true);
    setError(null);
    const res = await api<Sent>(`/api/v1/orders/${orderId}/receipt/emails`, { method: 'POST', body: { to: address }, key: key.current.key });
    setBusy(false);
    if (!res.ok) return setError(res.error);
    setSent(res.data);
    key.current = null;
    setTo('');
  };

  const fieldError = detailsAt(error, 'to')[0]?.message;
  return (
    <form onSubmit={submit} className="w-full space-y-2" noValidate aria-label={t('emailTheReceipt', { number: orderNumber })}>
      <TextField
        label={t('customersEmail')}
        name="to"
        type="email"
        inputMode="email"
        autoComplete="off"
        autoFocus
        required
        maxLength={254}
        value={to}
        onChange={(e) => setTo(e.target.value)}
        error={fieldError}
        data-testid="email-receipt-to"
      />
      {error && !fieldError && <Alert tone="error">{errorText(error)}</Alert>}
      {sent && <Alert tone="success">{t('receiptOnItsWay', { to: sent.to })}</Alert>}
      <div className="flex gap-2">
        <Button type="submit" className="min-h-12" disabled={busy || to.trim() === ''} data-testid="email-receipt-send">
          {busy ? t('sending') : t('sendReceipt')}
        </Button>
        <Button type="button" variant="ghost" className="min-h-12" onClick={() => setOpen(false)}>
          {t('close')}
        </Button>
      </div>
    </form>
  );
}
