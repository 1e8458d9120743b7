import { and, eq, sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import * as orderPayments from '@/app/api/v1/orders/[id]/payments/route';
import * as orders from '@/app/api/v1/orders/route';
import { outboxDeliveries, outboxEvents } from '@/db/schema/events';
import { auditEvents } from '@/db/schema/platform';
import { webhookAttempts, webhookDeliveries, webhookEndpoints } from '@/db/schema/webhooks';
import { dispatchPending, type DomainEvent } from '@/lib/events';
import { closeShift, openShift } from '@/lib/orders';
import { createTable, updateTable } from '@/lib/restaurant';
import { withTenant } from '@/lib/platform/db';
import { logger } from '@/lib/platform/logger';
import {
  countEndpointsTurnedOff,
  createEndpoint,
  deliverDue,
  deliveriesOf,
  enqueueDeliveries,
  getEndpoint,
  redeliver,
  retryDelayMs,
  RETRY_WINDOW_MS,
  sendTestEvent,
  updateEndpoint,
  verifyWebhook,
  webhookEndpointInputSchema,
  type WebhookEnvelope,
} from '@/lib/webhooks';
import { apiRequest, contextOf, createStockedProduct, createTenant, json, mainLocation, noParams, segment, type TestTenant } from '../helpers';
import { allowHosts, startReceiver } from './receiver';

/**
 * Deliveries from the outbox to a real receiver (node:http on 127.0.0.1, allowed by
 * WEBHOOK_ALLOW_HOSTS): made once per event × endpoint however often the outbox delivers, signed,
 * retried on the backoff schedule until a 2xx, given up and the endpoint turned off after 24 hours
 * of failures. Time is moved by handing the worker its clock (`deliverDue({ now })`), never slept.
 */
let receiver: Awaited<ReturnType<typeof startReceiver>>;
let a: TestTenant;
let b: TestTenant;

beforeAll(async () => {
  receiver = await startReceiver();
  allowHosts(`127.0.0.1:${receiver.port}`);
  [a, b] = await Promise.all([createTenant({ currency: 'USD' }), createTenant({ currency: 'USD' })]);
  await Promise.all([mainLocation(a), mainLocation(b)]);
});
afterEach(() => receiver.answer(() => ({ status: 200, body: 'ok' })));
afterAll(async () => {
  allowHosts(undefined);
  await receiver.close();
});

const endpointFor = async (t: TestTenant, path: string, eventTypes: string[]) =>
  createEndpoint(contextOf(t), webhookEndpointInputSchema.parse({ url: receiver.url(path), eventTypes }));

const to = (path: string) => receiver.received.filter((r) => r.url === path);
const later = (ms: number) => new Date(Date.now() + ms);

/** Checks out and pays one item over the API, then lets the outbox deliver its events. */
async function paidSale(t: TestTenant): Promise<string> {
  const product = await createStockedProduct(t, { trackStock: false });
  const placed = await json(await orders.POST(await apiRequest('POST', '/api/v1/orders', { host: t.tenant, as: t.cashier, body: { type: 'retail', lines: [{ variantId: product.variants[0]!.id, quantity: 1 }] } }), noParams));
  expect(placed.status).toBe(201);
  const paid = await orderPayments.POST(await apiRequest('POST', `/api/v1/orders/${placed.body.id}/payments`, { host: t.tenant, as: t.cashier, body: { tender: 'cash', tendered: 1000 } }), segment({ id: placed.body.id }));
  expect(paid.status).toBe(201);
  for (let round = 0; round < 5; round++) await dispatchPending();
  return placed.body.id;
}

const deliveryRows = (t: TestTenant, endpointId: string) => withTenant(t.tenant.id, (tx) => tx.select().from(webhookDeliveries).where(eq(webhookDeliveries.endpointId, endpointId)));

describe('the backoff schedule', () => {
  it('doubles from 30 s up to an hour, with half of each wait random', () => {
    const low = () => 0;
    const high = () => 0.999999;
    expect([1, 2, 3, 4, 5, 6, 7, 8, 12].map((n) => retryDelayMs(n, low))).toEqual([15, 30, 60, 120, 240, 480, 960, 1800, 1800].map((s) => s * 1000));
    expect([1, 2, 3, 8, 20].map((n) => Math.round(retryDelayMs(n, high) / 1000))).toEqual([30, 60, 120, 3600, 3600]);
    for (let n = 1; n < 30; n++) {
      const d = retryDelayMs(n);
      expect(d).toBeGreaterThanOrEqual(retryDelayMs(n, low));
      expect(d).toBeLessThanOrEqual(retryDelayMs(n, high));
    }
  });

  it('retries for 24 hours: about thirty attempts, never one after the window', () => {
    let elapsed = 0;
    let attempts = 1;
    while (elapsed < RETRY_WINDOW_MS) {
      elapsed += retryDelayMs(attempts, () => 0.5);
      attempts++;
    }
    expect(attempts).toBeGreaterThan(20);
    expect(attempts).toBeLessThan(40);
  });
});

describe('a real checkout reaches a real receiver', () => {
  it('sends order.placed and order.paid, signed, in the documented envelope, verifiable by the reference verifier', async () => {
    const endpoint = await endpointFor(a, '/real', ['order.placed', 'order.paid']);
    const orderId = await paidSale(a);
    expect(await deliverDue()).toBeGreaterThanOrEqual(2);
    const got = to('/real');
    const types = got.map((r) => (JSON.parse(r.body) as WebhookEnvelope).type).sort();
    expect(types).toEqual(['order.paid', 'order.placed']);
    for (const r of got) {
      const envelope = JSON.parse(r.body) as WebhookEnvelope;
      expect(envelope).toMatchObject({ id: r.headers['tillwise-event-id'], tenant: { id: a.tenant.id, slug: a.tenant.slug }, data: { orderId } });
      expect(Object.keys(envelope)).toEqual(['id', 'type', 'createdAt', 'tenant', 'data']);
      expect(r.headers['content-type']).toBe('application/json');
      expect(verifyWebhook({ secret: endpoint.secret, header: r.headers['tillwise-signature'] as string, body: r.body })).toMatchObject({ ok: true });
      // Another secret, a changed body or a stale timestamp: refused.
      expect(verifyWebhook({ secret: 'whsec_other', header: r.headers['tillwise-signature'] as string, body: r.body })).toEqual({ ok: false, reason: 'mismatch' });
      expect(verifyWebhook({ secret: endpoint.secret, header: r.headers['tillwise-signature'] as string, body: r.body.replace(orderId, b.tenant.id) })).toEqual({ ok: false, reason: 'mismatch' });
      expect(verifyWebhook({ secret: endpoint.secret, header: r.headers['tillwise-signature'] as string, body: r.body, now: later(10 * 60_000) })).toEqual({ ok: false, reason: 'too_old' });
    }
    const log = await deliveriesOf(contextOf(a), endpoint.id);
    expect(log.map((d) => d.status)).toEqual(['succeeded', 'succeeded']);
    expect(log[0]!.log).toMatchObject([{ attempt: 1, trigger: 'scheduled', responseStatus: 200, responseBody: 'ok', succeeded: true }]);
    // Nothing more is sent later: a 2xx ends a delivery.
    expect(await deliverDue({ now: later(2 * RETRY_WINDOW_MS) })).toBe(0);
    expect(to('/real')).toHaveLength(2);
    // Another business's sale sends nothing to A's endpoint.
    await paidSale(b);
    await deliverDue();
    expect(to('/real')).toHaveLength(2);
  });
});

describe('restaurant and shift events', () => {
  it('sends table.status_changed when a table is seated and cleared (not when nothing changed), and shift.opened and shift.closed', async () => {
    await endpointFor(a, '/floor', ['table.status_changed', 'shift.opened', 'shift.closed']);
    const ctx = contextOf(a);
    const table = await createTable(ctx, { name: `T${Date.now().toString(36)}`, seats: 4, area: 'Main', position: 99 });
    const shift = await openShift(ctx, { registerName: `Webhook till ${Date.now().toString(36)}`, openingFloat: 5000 });
    await updateTable(ctx, table.id, { status: 'occupied', covers: 3 });
    await updateTable(ctx, table.id, { status: 'occupied', covers: 3 }); // the same again: no event
    await updateTable(ctx, table.id, { status: 'free' });
    await closeShift(ctx, shift.id, 5000);
    for (let round = 0; round < 5; round++) await dispatchPending();
    await deliverDue();
    const got = to('/floor').map((r) => JSON.parse(r.body) as WebhookEnvelope);
    expect(got.filter((e) => e.type === 'table.status_changed').map((e) => e.data).sort((x, y) => String(x.status).localeCompare(String(y.status)))).toEqual([
      { tableId: table.id, status: 'free', covers: 0 },
      { tableId: table.id, status: 'occupied', covers: 3 },
    ]);
    expect(got.find((e) => e.type === 'shift.opened')?.data).toEqual({ shiftId: shift.id, registerName: shift.registerName, locationId: shift.locationId, openingFloat: 5000 });
    expect(got.find((e) => e.type === 'shift.closed')?.data).toMatchObject({ shiftId: shift.id, countedCash: 5000, expectedCash: 5000, difference: 0 });
  });
});

describe('made once per event and endpoint', () => {
  it('however often the dispatcher delivers the event, and however often the handler is called', async () => {
    const endpoint = await endpointFor(a, '/once', ['order.paid']);
    const orderId = await paidSale(a);
    const [paidEvent] = await withTenant(a.tenant.id, (tx) => tx.select().from(outboxEvents).where(and(eq(outboxEvents.type, 'OrderPaid'), eq(outboxEvents.orderId, orderId))));
    expect(await deliveryRows(a, endpoint.id)).toHaveLength(1);

    // The dispatcher delivers it again: its delivery record lost, the event due once more.
    await withTenant(a.tenant.id, async (tx) => {
      await tx.delete(outboxDeliveries).where(eq(outboxDeliveries.eventId, paidEvent!.id));
      await tx.update(outboxEvents).set({ dispatchedAt: null, nextAttemptAt: sql`now() - interval '1 second'` }).where(eq(outboxEvents.id, paidEvent!.id));
    });
    await dispatchPending();
    // And the handler called directly, twice more.
    const event = { id: paidEvent!.id, tenantId: a.tenant.id, type: 'OrderPaid', occurredAt: paidEvent!.occurredAt, payload: paidEvent!.payload } as DomainEvent;
    for (let i = 0; i < 2; i++) await withTenant(a.tenant.id, (tx) => enqueueDeliveries(tx, [event]));
    expect(await deliveryRows(a, endpoint.id)).toHaveLength(1);

    await deliverDue();
    await deliverDue();
    expect(to('/once').map((r) => r.headers['tillwise-event-id'])).toEqual([paidEvent!.id]);
  });

  it('only to enabled endpoints that chose the event type', async () => {
    const chose = await endpointFor(a, '/stock', ['stock.changed']);
    const off = await endpointFor(a, '/off', ['order.paid']);
    await updateEndpoint(contextOf(a), off.id, { enabled: false });
    await paidSale(a);
    expect(await deliveryRows(a, chose.id)).toHaveLength(0); // the item is not tracked: no stock change
    expect(await deliveryRows(a, off.id)).toHaveLength(0);
  });
});

describe('retries', () => {
  it('follow the schedule and stop after the first success', async () => {
    const endpoint = await endpointFor(a, '/flaky', ['order.paid']);
    receiver.answer((req) => (req.url === '/flaky' && to('/flaky').length <= 2 ? { status: 503, body: 'busy' } : { status: 200, body: 'ok' }));
    await paidSale(a);
    await deliverDue();
    let [row] = await deliveryRows(a, endpoint.id);
    expect(row).toMatchObject({ status: 'pending', attempts: 1, lastResponseStatus: 503 });
    // Not due before its wait is over.
    expect(await deliverDue({ now: new Date(row!.lastAttemptAt!.getTime() + retryDelayMs(1, () => 0) - 1000) })).toBe(0);
    const second = new Date(row!.nextAttemptAt.getTime() + 1);
    expect(await deliverDue({ now: second })).toBe(1);
    [row] = await deliveryRows(a, endpoint.id);
    expect(row).toMatchObject({ status: 'pending', attempts: 2 });
    expect(row!.nextAttemptAt.getTime() - second.getTime()).toBeGreaterThanOrEqual(retryDelayMs(2, () => 0));
    expect(row!.nextAttemptAt.getTime() - second.getTime()).toBeLessThanOrEqual(retryDelayMs(2, () => 1));
    expect(await deliverDue({ now: new Date(row!.nextAttemptAt.getTime() + 1) })).toBe(1);
    [row] = await deliveryRows(a, endpoint.id);
    expect(row).toMatchObject({ status: 'succeeded', attempts: 3, lastResponseStatus: 200 });
    expect(await deliverDue({ now: later(RETRY_WINDOW_MS) })).toBe(0);
    expect(to('/flaky')).toHaveLength(3);
    // One event id on every attempt; the endpoint's failure clock cleared by the success.
    expect(new Set(to('/flaky').map((r) => r.headers['tillwise-event-id'])).size).toBe(1);
    expect((await getEndpoint(contextOf(a), endpoint.id)).failingSince).toBeNull();
  });

  it('give up after 24 hours; an endpoint failing for 24 hours is turned off, audited and flagged for the owner', async () => {
    const t = await createTenant({ currency: 'USD' });
    await mainLocation(t);
    const endpoint = await endpointFor(t, '/down', ['order.paid']);
    receiver.answer((req) => (req.url === '/down' ? { status: 500, body: 'down' } : { status: 200 }));
    await paidSale(t);
    const start = new Date();
    await deliverDue({ now: start });
    const failingSince = (await getEndpoint(contextOf(t), endpoint.id)).failingSince!;
    expect(failingSince.getTime()).toBe(start.getTime());
    // Half a day on: still retrying, still on.
    await deliverDue({ now: new Date(start.getTime() + RETRY_WINDOW_MS / 2) });
    expect(await getEndpoint(contextOf(t), endpoint.id)).toMatchObject({ enabled: true });
    // A day on: the delivery is given up and the endpoint turned off.
    const warn = vi.spyOn(logger, 'warn');
    await deliverDue({ now: new Date(start.getTime() + RETRY_WINDOW_MS + 1000) });
    // The owner is mailed (through the mailer; with no SMTP_URL here, the mail goes to the log).
    const mails = warn.mock.calls.filter(([fields]) => typeof fields === 'object' && (fields as { subject?: string }).subject === 'A webhook endpoint was turned off');
    warn.mockRestore();
    expect(mails.map(([fields]) => (fields as { to: string }).to)).toEqual([t.owner.email]);
    const [row] = await deliveryRows(t, endpoint.id);
    expect(row).toMatchObject({ status: 'failed', attempts: 3 });
    expect(await getEndpoint(contextOf(t), endpoint.id)).toMatchObject({ enabled: false, disabledReason: 'failing' });
    expect(await countEndpointsTurnedOff(contextOf(t))).toBe(1); // the admin nav's badge, on every page
    const audit = await withTenant(t.tenant.id, (tx) => tx.select().from(auditEvents).where(eq(auditEvents.action, 'webhook.disabled_failing')));
    expect(audit).toMatchObject([{ entityId: endpoint.id, actorUserId: null }]);
    // Nothing more is sent to it, and new events make no deliveries for it.
    const sent = to('/down').length;
    await paidSale(t);
    expect(await deliverDue({ now: new Date(start.getTime() + 3 * RETRY_WINDOW_MS) })).toBe(0);
    expect(to('/down')).toHaveLength(sent);
    expect(await deliveryRows(t, endpoint.id)).toHaveLength(1);
    // Turned on again: its failure clock starts afresh, and the missed delivery can be sent by hand.
    receiver.answer(() => ({ status: 200, body: 'ok' }));
    await updateEndpoint(contextOf(t), endpoint.id, { enabled: true });
    expect(await getEndpoint(contextOf(t), endpoint.id)).toMatchObject({ enabled: true, disabledReason: null, failingSince: null });
    expect(await countEndpointsTurnedOff(contextOf(t))).toBe(0);
    const again = await redeliver(contextOf(t), row!.id);
    expect(again).toMatchObject({ succeeded: true, status: 200, eventId: row!.eventId });
    expect((await deliveryRows(t, endpoint.id))[0]).toMatchObject({ status: 'succeeded', attempts: 4 });
  });
});

describe('by hand', () => {
  it('a redelivery is a new attempt of the same event id and body, logged as manual; it makes no new delivery', async () => {
    const endpoint = await endpointFor(a, '/manual', ['order.paid']);
    await paidSale(a);
    await deliverDue();
    const [row] = await deliveryRows(a, endpoint.id);
    const result = await redeliver(contextOf(a), row!.id);
    expect(result).toMatchObject({ succeeded: true, status: 200 });
    const got = to('/manual');
    expect(got).toHaveLength(2);
    expect(got[1]!.headers['tillwise-event-id']).toBe(got[0]!.headers['tillwise-event-id']);
    expect(got[1]!.body).toBe(got[0]!.body);
    expect(verifyWebhook({ secret: endpoint.secret, header: got[1]!.headers['tillwise-signature'] as string, body: got[1]!.body }).ok).toBe(true);
    expect(await deliveryRows(a, endpoint.id)).toHaveLength(1);
    const attempts = await withTenant(a.tenant.id, (tx) => tx.select().from(webhookAttempts).where(eq(webhookAttempts.deliveryId, row!.id)));
    expect(attempts.map((x) => x.trigger).sort()).toEqual(['manual', 'scheduled']);
    const audit = await withTenant(a.tenant.id, (tx) => tx.select().from(auditEvents).where(and(eq(auditEvents.action, 'webhook.redelivered'), eq(auditEvents.entityId, row!.id))));
    expect(audit).toHaveLength(1);
  });

  it('a test event reaches the endpoint signed, with type webhook.test', async () => {
    const endpoint = await endpointFor(a, '/test', ['order.paid']);
    const result = await sendTestEvent(contextOf(a), endpoint.id);
    expect(result).toMatchObject({ succeeded: true, status: 200 });
    const [got] = to('/test');
    expect(JSON.parse(got!.body)).toMatchObject({ id: result.eventId, type: 'webhook.test', tenant: { id: a.tenant.id } });
    expect(verifyWebhook({ secret: endpoint.secret, header: got!.headers['tillwise-signature'] as string, body: got!.body }).ok).toBe(true);
  });

  it('a test event is refused for a turned-off endpoint and for another business (not found)', async () => {
    const endpoint = await endpointFor(a, '/test-off', ['order.paid']);
    await expect(sendTestEvent(contextOf(b), endpoint.id)).rejects.toMatchObject({ code: 'not_found' });
    await updateEndpoint(contextOf(a), endpoint.id, { enabled: false });
    await expect(sendTestEvent(contextOf(a), endpoint.id)).rejects.toMatchObject({ code: 'conflict' });
    expect(to('/test-off')).toHaveLength(0);
  });
});

describe('the SSRF guard at delivery', () => {
  it('refuses an address that became internal after the endpoint was saved (DNS rebinding), and logs why', async () => {
    const url = `http://rebind.example.test:${receiver.port}/rebind`;
    const endpoint = await createEndpoint(contextOf(a), webhookEndpointInputSchema.parse({ url, eventTypes: ['order.paid'] }), async () => [{ address: '93.184.216.34', family: 4 }]);
    await paidSale(a);
    await deliverDue({ resolve: async () => [{ address: '127.0.0.1', family: 4 }] });
    const [row] = await deliveriesOf(contextOf(a), endpoint.id);
    expect(row).toMatchObject({ status: 'pending', attempts: 1 });
    expect(row!.log[0]).toMatchObject({ responseStatus: null, succeeded: false, error: 'refused: rebind.example.test is loopback (127.0.0.1)' });
    expect(to('/rebind')).toHaveLength(0);
  });

  it('refuses internal URLs at save without the allow-list', async () => {
    allowHosts(undefined);
    try {
      for (const url of ['http://127.0.0.1:9/x', 'http://10.0.0.1/x', 'http://169.254.169.254/latest', 'http://localhost/x']) {
        await expect(createEndpoint(contextOf(a), webhookEndpointInputSchema.parse({ url, eventTypes: ['order.paid'] }))).rejects.toMatchObject({ code: 'unprocessable', details: [{ path: 'url' }] });
      }
      const rows = await withTenant(a.tenant.id, (tx) => tx.select({ url: webhookEndpoints.url }).from(webhookEndpoints));
      expect(rows.map((r) => r.url)).not.toContain('http://10.0.0.1/x');
    } finally {
      allowHosts(`127.0.0.1:${receiver.port}`);
    }
  });
});
