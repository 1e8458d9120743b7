import { and, desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { orders, receiptEmails } from '@/db/schema/orders';
import type { TenantContext } from '@/lib/auth';
import { appendEvents, onEvent, type DomainEvent } from '@/lib/events';
import { config } from '@/lib/platform/config';
import { notFound } from '@/lib/platform/errors';
import { withTenant, type Tx } from '@/lib/platform/db';
import { logger } from '@/lib/platform/logger';
import { sendMail } from '@/lib/platform/mailer';
import { translatorFor } from '@/lib/platform/i18n';
import { receiptText, renderedReceipt } from './receipt';

/**
 * Emailed receipts (docs/receipts.md). Asking renders the receipt once (HTML with its public link
 * and QR code, and the text version of the same markup), stores the message `queued` and appends
 * ReceiptEmailRequested in one transaction; the answer does not wait for any mail server. The
 * outbox handler below sends it: a failure (server down, slow past SMTP_TIMEOUT_MS) throws, and the
 * dispatcher retries it with its backoff. A message already `sent` is never sent again, however
 * often its event comes back.
 */
export const emailReceiptSchema = z.object({
  to: z.email({ message: 'Enter an email address' }).max(254, 'At most 254 characters'),
});
export type EmailReceiptInput = z.output<typeof emailReceiptSchema>;

export type ReceiptEmailView = { id: string; orderId: string; to: string; status: 'queued' | 'sent'; createdAt: Date };

/** Queues the order's receipt for `to`; `origin` is the tenant host's, for the link in the mail. */
export async function requestReceiptEmail(ctx: TenantContext, orderId: string, input: EmailReceiptInput, origin: string): Promise<ReceiptEmailView> {
  const { html, order, locale } = await renderedReceipt(ctx, orderId, { origin });
  const id = crypto.randomUUID();
  // The tenant's language, as the receipt inside it.
  const subject = translatorFor(locale, 'receipt')('emailSubject', { store: ctx.tenant.name, number: order.number });
  return withTenant(ctx.tenantId, async (tx) => {
    const [row] = await tx
      .insert(receiptEmails)
      .values({ tenantId: ctx.tenantId, id, orderId: order.id, recipient: input.to, senderName: ctx.tenant.name, subject, html, text: receiptText(html), requestedBy: ctx.userId })
      .returning({ id: receiptEmails.id, orderId: receiptEmails.orderId, to: receiptEmails.recipient, status: receiptEmails.status, createdAt: receiptEmails.createdAt });
    await appendEvents(tx, ctx.tenantId, [{ type: 'ReceiptEmailRequested', payload: { emailId: id, orderId: order.id } }]);
    return row!;
  });
}

/** The receipt emails asked for one of the tenant's orders, newest first (another business's order: not_found). */
export async function receiptEmailsOf(ctx: { tenantId: string }, orderId: string): Promise<ReceiptEmailView[]> {
  return withTenant(ctx.tenantId, async (tx) => {
    const [order] = await tx.select({ id: orders.id }).from(orders).where(eq(orders.id, orderId));
    if (!order) throw notFound('Order');
    return tx
      .select({ id: receiptEmails.id, orderId: receiptEmails.orderId, to: receiptEmails.recipient, status: receiptEmails.status, createdAt: receiptEmails.createdAt })
      .from(receiptEmails)
      .where(eq(receiptEmails.orderId, orderId))
      .orderBy(desc(receiptEmails.createdAt));
  });
}

/**
 * Sends a queued receipt email, in the dispatcher's savepoint: the row is locked, a `sent` one is
 * skipped (a redelivery, or a second dispatcher that waited on the lock), and "sent" commits with
 * the delivery. The Message-ID is the email's id, so even a resend after a crash between the SMTP
 * server's answer and the commit is recognisably the same message.
 */
export async function sendReceiptEmail(tx: Tx, event: DomainEvent<'ReceiptEmailRequested'>): Promise<void> {
  const [email] = await tx
    .select()
    .from(receiptEmails)
    .where(and(eq(receiptEmails.tenantId, event.tenantId), eq(receiptEmails.id, event.payload.emailId)))
    .for('update');
  if (!email) {
    logger.warn({ eventId: event.id, emailId: event.payload.emailId }, 'receipt email not found; nothing to send');
    return;
  }
  if (email.status === 'sent') {
    logger.info({ eventId: event.id, emailId: email.id }, 'receipt email already sent; not sent again');
    return;
  }
  const domain = config().MAIL_FROM.split('@')[1];
  const sent = await sendMail({ to: email.recipient, subject: email.subject, html: email.html, text: email.text, fromName: email.senderName, messageId: `<receipt-${email.id}@${domain}>` });
  await tx
    .update(receiptEmails)
    .set({ status: 'sent', sentAt: new Date(), messageId: sent.via === 'log' ? `log:${sent.messageId}` : sent.messageId })
    .where(and(eq(receiptEmails.tenantId, email.tenantId), eq(receiptEmails.id, email.id)));
}

onEvent('ReceiptEmailRequested', 'orders.send-receipt-email', sendReceiptEmail);
