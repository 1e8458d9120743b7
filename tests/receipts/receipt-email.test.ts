import { and, eq, sql } from 'drizzle-orm';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as emails from '@/app/api/v1/orders/[id]/receipt/emails/route';
import * as orders from '@/app/api/v1/orders/route';
import { outboxDeliveries, outboxEvents } from '@/db/schema/events';
import { receiptEmails } from '@/db/schema/orders';
import { dispatchPending } from '@/lib/events';
import { sendReceiptEmail } from '@/lib/orders'; // also registers the ReceiptEmailRequested handler
import { resetConfigForTests } from '@/lib/platform/config';
import { withTenant } from '@/lib/platform/db';
import { closeMailer } from '@/lib/platform/mailer';
import { apiRequest, createStockedProduct, createTenant, json, mainLocation, noParams, segment, type TestTenant } from '../helpers';

/**
 * Emailed receipts against a real SMTP server (smtp-server on an ephemeral port): asked for over
 * the API, sent by the outbox handler, once, however often the event is delivered; retried with
 * the dispatcher's backoff while the server is down; logged, not dropped, without SMTP_URL.
 */
type Received = { envelopeTo: string[]; mail: ParsedMail };
const received: Received[] = [];
let server: SMTPServer;
let smtpUrl: string;
const saved = { SMTP_URL: process.env.SMTP_URL, MAIL_FROM: process.env.MAIL_FROM };

let a: TestTenant;
let b: TestTenant;

const useSmtp = (url: string | undefined) => {
  if (url) process.env.SMTP_URL = url;
  else delete process.env.SMTP_URL;
  resetConfigForTests();
  closeMailer();
};

beforeAll(async () => {
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((mail) => {
          received.push({ envelopeTo: session.envelope.rcptTo.map((r) => r.address), mail });
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  smtpUrl = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
  process.env.MAIL_FROM = 'receipts@tillwise.test';
  useSmtp(smtpUrl);
  [a, b] = await Promise.all([createTenant({ currency: 'USD' }), createTenant({ currency: 'USD' })]);
  await Promise.all([mainLocation(a), mainLocation(b)]);
});
afterEach(() => useSmtp(smtpUrl));
afterAll(async () => {
  closeMailer();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  Object.assign(process.env, saved);
  if (saved.SMTP_URL === undefined) delete process.env.SMTP_URL;
  if (saved.MAIL_FROM === undefined) delete process.env.MAIL_FROM;
  resetConfigForTests();
});

async function orderOf(t: TestTenant, name: string): Promise<{ id: string; number: number }> {
  const product = await createStockedProduct(t, { trackStock: false, name });
  const res = await json(await orders.POST(await apiRequest('POST', '/api/v1/orders', { host: t.tenant, as: t.cashier, body: { type: 'retail', lines: [{ variantId: product.variants[0]!.id, quantity: 1 }] } }), noParams));
  expect(res.status).toBe(201);
  return res.body;
}

const ask = async (host: TestTenant, orderId: string, body: unknown, headers: Record<string, string> = {}, as = host.cashier) =>
  emails.POST(await apiRequest('POST', `/api/v1/orders/${orderId}/receipt/emails`, { host: host.tenant, as, body, headers }), segment({ id: orderId }));

const mailsTo = (address: string) => received.filter((r) => r.envelopeTo.includes(address));
const emailRow = (t: TestTenant, id: string) => withTenant(t.tenant.id, async (tx) => (await tx.select().from(receiptEmails).where(eq(receiptEmails.id, id)))[0]!);
const eventOf = (t: TestTenant, emailId: string) =>
  withTenant(t.tenant.id, async (tx) => (await tx.select().from(outboxEvents).where(and(eq(outboxEvents.type, 'ReceiptEmailRequested'), sql`${outboxEvents.payload}->>'emailId' = ${emailId}`)))[0]!);

describe('POST /api/v1/orders/{id}/receipt/emails', () => {
  it('answers 202 before any mail is sent; the outbox sends it once with HTML and text, even when the event is delivered again', async () => {
    const order = await orderOf(a, 'Mohinga');
    const to = `guest-${crypto.randomUUID()}@example.com`;
    const res = await json(await ask(a, order.id, { to }, { 'idempotency-key': `mail-${order.id}` }));
    expect(res.status).toBe(202);
    expect(res.body).toMatchObject({ orderId: order.id, to, status: 'queued' });
    expect(mailsTo(to)).toHaveLength(0); // the request did not wait for the mail server

    await dispatchPending();
    expect(mailsTo(to)).toHaveLength(1);
    const { mail } = mailsTo(to)[0]!;
    expect(mail.subject).toBe(`Your receipt from ${a.tenant.name} · order #${order.number}`);
    expect(mail.from?.value[0]).toMatchObject({ name: a.tenant.name, address: 'receipts@tillwise.test' });
    expect(mail.to && !Array.isArray(mail.to) ? mail.to.value[0]!.address : null).toBe(to);
    expect(mail.html).toContain(`Order #${order.number}`);
    expect(mail.html).toContain('Mohinga');
    expect(mail.html).toMatch(/http:\/\/app\.test\/r\/[A-Za-z0-9_-]{43}/);
    expect(mail.text).toMatch(/^1 × Mohinga.* +\$1\.00$/m);
    expect(mail.text).not.toContain('<');
    expect(mail.messageId).toBe(`<receipt-${res.body.id}@tillwise.test>`);
    expect(await emailRow(a, res.body.id)).toMatchObject({ status: 'sent', recipient: to });

    // The dispatcher delivers the event again (its delivery record lost, the event due again) …
    const event = await eventOf(a, res.body.id);
    await withTenant(a.tenant.id, async (tx) => {
      await tx.delete(outboxDeliveries).where(eq(outboxDeliveries.eventId, event.id));
      await tx.update(outboxEvents).set({ dispatchedAt: null, nextAttemptAt: new Date(Date.now() - 1000) }).where(eq(outboxEvents.id, event.id));
    });
    await dispatchPending();
    // … and the handler is called twice more directly, as a second dispatcher would.
    for (let i = 0; i < 2; i++) await withTenant(a.tenant.id, (tx) => sendReceiptEmail(tx, { id: event.id, tenantId: a.tenant.id, type: 'ReceiptEmailRequested', occurredAt: event.occurredAt, payload: { emailId: res.body.id, orderId: order.id } }));
    expect((await withTenant(a.tenant.id, async (tx) => (await tx.select().from(outboxEvents).where(eq(outboxEvents.id, event.id)))[0]!)).dispatchedAt).not.toBeNull();
    expect(mailsTo(to)).toHaveLength(1);

    // A retried request with the same Idempotency-Key queues no second mail.
    const replay = await ask(a, order.id, { to }, { 'idempotency-key': `mail-${order.id}` });
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect((await replay.json()).id).toBe(res.body.id);
    await dispatchPending();
    expect(mailsTo(to)).toHaveLength(1);
  });

  it('retries with the dispatcher’s backoff while the mail server is down, then sends it once', async () => {
    const order = await orderOf(a, 'Laphet thoke');
    const to = `later-${crypto.randomUUID()}@example.com`;
    useSmtp('smtp://127.0.0.1:9'); // nothing listens there
    const res = await json(await ask(a, order.id, { to }));
    expect(res.status).toBe(202);
    await dispatchPending();
    const failed = await eventOf(a, res.body.id);
    expect(failed.dispatchedAt).toBeNull();
    expect(failed.attempts).toBe(1);
    expect(failed.lastError).toContain('orders.send-receipt-email');
    expect(failed.nextAttemptAt.getTime()).toBeGreaterThan(Date.now());
    expect((await emailRow(a, res.body.id)).status).toBe('queued');

    useSmtp(smtpUrl);
    await dispatchPending(); // not due yet: backoff
    expect(mailsTo(to)).toHaveLength(0);
    await withTenant(a.tenant.id, (tx) => tx.update(outboxEvents).set({ nextAttemptAt: new Date(Date.now() - 1000) }).where(eq(outboxEvents.id, failed.id)));
    await dispatchPending();
    expect(mailsTo(to)).toHaveLength(1);
    expect((await emailRow(a, res.body.id)).status).toBe('sent');
  });

  it('without SMTP_URL writes the mail to the log instead of dropping it', async () => {
    const order = await orderOf(a, 'Ohn no khao swe');
    const to = `nowhere-${crypto.randomUUID()}@example.com`;
    useSmtp(undefined);
    const res = await json(await ask(a, order.id, { to }));
    await dispatchPending();
    const row = await emailRow(a, res.body.id);
    expect(row.status).toBe('sent');
    expect(row.messageId).toBe(`log:<receipt-${res.body.id}@tillwise.test>`);
    expect(mailsTo(to)).toHaveLength(0);
  });

  it('refuses a bad address with 422 and queues nothing', async () => {
    const order = await orderOf(a, 'Nan gyi thoke');
    for (const to of ['not-an-email', '', 'a@b', `${'x'.repeat(250)}@example.com`]) {
      const res = await json(await ask(a, order.id, { to }));
      expect(res.status, to).toBe(422);
      expect(res.body.error.code).toBe('unprocessable');
    }
    const listed = await json(await emails.GET(await apiRequest('GET', `/api/v1/orders/${order.id}/receipt/emails`, { host: a.tenant, as: a.cashier }), segment({ id: order.id })));
    expect(listed.body).toEqual([]);
  });

  it('another business cannot email, or see the emails of, an order not its own', async () => {
    const order = await orderOf(a, 'Kyay oh');
    const to = `cross-${crypto.randomUUID()}@example.com`;
    const fromB = await json(await ask(b, order.id, { to }));
    expect(fromB.status).toBe(404);
    const aSessionOnB = await ask(b, order.id, { to }, {}, a.cashier);
    expect(aSessionOnB.status).toBe(401);
    const listed = await emails.GET(await apiRequest('GET', `/api/v1/orders/${order.id}/receipt/emails`, { host: b.tenant, as: b.cashier }), segment({ id: order.id }));
    expect(listed.status).toBe(404);
    await dispatchPending();
    expect(mailsTo(to)).toHaveLength(0);
    expect(await withTenant(a.tenant.id, (tx) => tx.select().from(receiptEmails).where(eq(receiptEmails.recipient, to)))).toEqual([]);
  });
});
