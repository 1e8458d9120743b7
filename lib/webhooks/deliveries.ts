import { and, asc, desc, eq, inArray, lte, sql } from 'drizzle-orm';
import { webhookAttempts, webhookDeliveries, webhookEndpoints } from '@/db/schema/webhooks';
import { listStaff, type TenantContext, type TenantScope } from '@/lib/auth';
import { onEvents, type DomainEvent } from '@/lib/events';
import { recordAudit } from '@/lib/platform/audit';
import { afterCommit, webhookTenantsDue, withTenant, type Tx } from '@/lib/platform/db';
import { AppError, notFound } from '@/lib/platform/errors';
import { translatorFor } from '@/lib/platform/i18n';
import { logger } from '@/lib/platform/logger';
import { sendMail } from '@/lib/platform/mailer';
import { getTenantSettings } from '@/lib/tenancy';
import { abandonPending } from './endpoints';
import { DOMAIN_EVENTS, envelopeOf, TEST_EVENT, type WebhookEnvelope } from './event-types';
import { openSecret } from './secrets';
import { postWebhook, type SendResult } from './send';
import type { Resolver } from './ssrf';
import { signPayload } from './verify';

/** Retries stop this long after the first attempt; an endpoint failing this long is turned off. */
export const RETRY_WINDOW_MS = 24 * 3600_000;
const BASE_DELAY_S = 30;
const MAX_DELAY_S = 3600;
/** How long a leased delivery is kept from other workers while its attempt runs (longer than any attempt's timeouts). */
const LEASE_MS = 120_000;
const BATCH = 20;

/**
 * The wait before retry `attempt` + 1, after `attempt` failures: exponential from 30 s (30, 60,
 * 120 … capped at an hour) with "equal jitter" (half fixed, half random), so endpoints that came
 * back at once are not all hit again in the same second.
 */
export function retryDelayMs(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(MAX_DELAY_S, BASE_DELAY_S * 2 ** Math.max(0, attempt - 1)) * 1000;
  return Math.round(base / 2 + random() * (base / 2));
}

// ---------------------------------------------------------------- from the outbox

/**
 * The outbox handler: one delivery per event and matching enabled endpoint, in the dispatcher's
 * transaction (so it commits with "handled"). The unique (endpoint, event) key makes a second
 * delivery of the same event, however it comes (lost delivery record, a second dispatcher, the
 * handler called twice), add nothing. The sending is the worker's, outside any transaction.
 */
export async function enqueueDeliveries(tx: Tx, events: DomainEvent[], now = new Date()): Promise<number> {
  const types = [...new Set(events.map((e) => envelopeOf(e, '')?.type).filter((t): t is string => !!t))];
  if (types.length === 0) return 0;
  const endpoints = await tx
    .select({ id: webhookEndpoints.id, eventTypes: webhookEndpoints.eventTypes, tenantSlug: webhookEndpoints.tenantSlug })
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.enabled, true), sql`${webhookEndpoints.eventTypes} && ${sql.param(types)}::text[]`));
  const rows = events.flatMap((event) =>
    endpoints.flatMap((endpoint) => {
      const envelope = envelopeOf(event, endpoint.tenantSlug);
      if (!envelope || !endpoint.eventTypes.includes(envelope.type)) return [];
      return [{ tenantId: event.tenantId, endpointId: endpoint.id, eventId: event.id, eventType: envelope.type, body: JSON.stringify(envelope), nextAttemptAt: now, firstAttemptAt: now }];
    }),
  );
  if (rows.length === 0) return 0;
  const made = await tx.insert(webhookDeliveries).values(rows).onConflictDoNothing().returning({ id: webhookDeliveries.id });
  // Once the dispatcher's transaction commits (before, the worker could not see the rows yet).
  if (made.length > 0) afterCommit(tx, () => wake?.());
  return made.length;
}

for (const type of DOMAIN_EVENTS) onEvents(type, 'webhooks.enqueue', (tx, events) => enqueueDeliveries(tx, events).then(() => undefined));

let wake: (() => void) | undefined;
/** The worker (worker.ts) asks to be woken when deliveries were made, instead of waiting for its poll. */
export function onDeliveriesMade(listener: () => void): void {
  wake = listener;
}

// ---------------------------------------------------------------- sending

type Leased = {
  id: string;
  endpointId: string;
  eventId: string;
  body: string;
  attempts: number;
  firstAttemptAt: Date;
  url: string;
  secretCiphertext: string;
  previousSecretCiphertext: string | null;
  previousSecretExpiresAt: Date | null;
};

const leasedColumns = {
  id: webhookDeliveries.id,
  endpointId: webhookDeliveries.endpointId,
  eventId: webhookDeliveries.eventId,
  body: webhookDeliveries.body,
  attempts: webhookDeliveries.attempts,
  firstAttemptAt: webhookDeliveries.firstAttemptAt,
  url: webhookEndpoints.url,
  secretCiphertext: webhookEndpoints.secretCiphertext,
  previousSecretCiphertext: webhookEndpoints.previousSecretCiphertext,
  previousSecretExpiresAt: webhookEndpoints.previousSecretExpiresAt,
};

/** The headers of one attempt: `Tillwise-Signature: t=<unix s>,v1=<hex>[,v1=<previous secret's>]` and the event id. */
export function signedHeaders(delivery: Pick<Leased, 'eventId' | 'body' | 'secretCiphertext' | 'previousSecretCiphertext' | 'previousSecretExpiresAt'>, now: Date): Record<string, string> {
  const t = Math.floor(now.getTime() / 1000);
  const secrets = [openSecret(delivery.secretCiphertext)];
  if (delivery.previousSecretCiphertext && delivery.previousSecretExpiresAt && delivery.previousSecretExpiresAt > now) secrets.push(openSecret(delivery.previousSecretCiphertext));
  return {
    'tillwise-signature': [`t=${t}`, ...secrets.map((s) => `v1=${signPayload(s, t, delivery.body)}`)].join(','),
    'tillwise-event-id': delivery.eventId,
    'tillwise-event-type': (JSON.parse(delivery.body) as WebhookEnvelope).type,
  };
}

export type WorkerOptions = { now?: Date; resolve?: Resolver };

/**
 * One round of the worker: every tenant with due deliveries, each one's due deliveries leased in a
 * short transaction, sent outside any transaction (a slow receiver holds no connection), each result
 * recorded in its own. Answers how many attempts were made.
 */
export async function deliverDue(options: WorkerOptions = {}): Promise<number> {
  const now = options.now ?? new Date();
  let attempts = 0;
  for (const tenantId of await webhookTenantsDue(now, 1000)) {
    for (;;) {
      const leased = await lease(tenantId, now);
      const results = await Promise.all(leased.map((d) => attemptDelivery(tenantId, d, 'scheduled', now, options.resolve)));
      attempts += results.length;
      if (leased.length < BATCH) break;
    }
  }
  return attempts;
}

async function lease(tenantId: string, now: Date): Promise<Leased[]> {
  return withTenant(tenantId, async (tx) => {
    const due = await tx
      .select(leasedColumns)
      .from(webhookDeliveries)
      .innerJoin(webhookEndpoints, and(eq(webhookEndpoints.tenantId, webhookDeliveries.tenantId), eq(webhookEndpoints.id, webhookDeliveries.endpointId)))
      .where(and(eq(webhookDeliveries.status, 'pending'), lte(webhookDeliveries.nextAttemptAt, now)))
      .orderBy(asc(webhookDeliveries.nextAttemptAt))
      .limit(BATCH)
      .for('update', { of: webhookDeliveries, skipLocked: true });
    if (due.length > 0) {
      await tx
        .update(webhookDeliveries)
        .set({ nextAttemptAt: new Date(now.getTime() + LEASE_MS) })
        .where(inArray(webhookDeliveries.id, due.map((d) => d.id)));
    }
    return due;
  });
}

/** Sends one delivery and records the attempt; a scheduled failure schedules the next or gives up, and may turn the endpoint off. */
async function attemptDelivery(tenantId: string, delivery: Leased, trigger: 'scheduled' | 'manual', now: Date, resolve?: Resolver): Promise<SendResult> {
  let result: SendResult;
  try {
    result = await postWebhook(delivery.url, delivery.body, signedHeaders(delivery, now), resolve);
  } catch (err) {
    logger.error({ err, deliveryId: delivery.id }, 'webhook attempt failed unexpectedly');
    result = { status: null, body: null, error: 'internal error', latencyMs: 0, succeeded: false };
  }
  const turnedOff = await withTenant(tenantId, async (tx) => {
    const attempt = delivery.attempts + 1;
    await tx.insert(webhookAttempts).values({
      tenantId,
      deliveryId: delivery.id,
      attempt,
      trigger,
      startedAt: now,
      latencyMs: result.latencyMs,
      responseStatus: result.status,
      responseBody: result.body,
      error: result.error,
      succeeded: result.succeeded,
    });
    const giveUp = now.getTime() - delivery.firstAttemptAt.getTime() >= RETRY_WINDOW_MS;
    await tx
      .update(webhookDeliveries)
      .set({
        attempts: attempt,
        lastAttemptAt: now,
        lastResponseStatus: result.status,
        ...(result.succeeded
          ? { status: 'succeeded' as const, succeededAt: now }
          : trigger === 'manual'
            ? { nextAttemptAt: new Date(now.getTime() + retryDelayMs(attempt)) }
            : giveUp
              ? { status: 'failed' as const }
              : { nextAttemptAt: new Date(now.getTime() + retryDelayMs(attempt)) }),
      })
      .where(eq(webhookDeliveries.id, delivery.id));
    return recordEndpointHealth(tx, tenantId, delivery.endpointId, result.succeeded, trigger, now);
  });
  if (turnedOff) await tellOwners(tenantId, turnedOff).catch((err) => logger.error({ err, endpointId: delivery.endpointId }, 'could not tell the owners a webhook endpoint was turned off'));
  return result;
}

/**
 * A success clears the endpoint's failure clock; a scheduled failure starts it (if not running). An
 * endpoint whose failures have lasted RETRY_WINDOW_MS is turned off (its waiting deliveries are given
 * up), audited, and answered here so the owners are told after the commit. A manual attempt that
 * fails does not count: someone is watching.
 */
async function recordEndpointHealth(tx: Tx, tenantId: string, endpointId: string, succeeded: boolean, trigger: 'scheduled' | 'manual', now: Date): Promise<{ id: string; url: string } | undefined> {
  if (succeeded) {
    await tx.update(webhookEndpoints).set({ failingSince: null }).where(eq(webhookEndpoints.id, endpointId));
    return undefined;
  }
  if (trigger === 'manual') return undefined;
  const [endpoint] = await tx
    .update(webhookEndpoints)
    .set({ failingSince: sql`coalesce(${webhookEndpoints.failingSince}, ${now.toISOString()}::timestamptz)` })
    .where(eq(webhookEndpoints.id, endpointId))
    .returning({ id: webhookEndpoints.id, url: webhookEndpoints.url, enabled: webhookEndpoints.enabled, failingSince: webhookEndpoints.failingSince });
  if (!endpoint?.enabled || !endpoint.failingSince || now.getTime() - endpoint.failingSince.getTime() < RETRY_WINDOW_MS) return undefined;
  await tx.update(webhookEndpoints).set({ enabled: false, disabledReason: 'failing', disabledAt: now, updatedAt: now }).where(eq(webhookEndpoints.id, endpointId));
  await abandonPending(tx, endpointId);
  await recordAudit(tx, tenantId, {
    actorUserId: null,
    action: 'webhook.disabled_failing',
    entityType: 'webhook_endpoint',
    entityId: endpointId,
    details: { url: endpoint.url, failingSince: endpoint.failingSince.toISOString() },
  });
  logger.warn({ tenantId, endpointId, url: endpoint.url }, 'webhook endpoint turned off: failing for 24 hours');
  return { id: endpoint.id, url: endpoint.url };
}

/** Mails every active owner that an endpoint was turned off, in the business's language (through the mailer: logged without SMTP_URL). */
async function tellOwners(tenantId: string, endpoint: { id: string; url: string }): Promise<void> {
  const [staff, settings] = await Promise.all([listStaff({ tenantId }), getTenantSettings({ tenantId })]);
  const t = translatorFor(settings.locale, 'webhooks');
  for (const owner of staff.filter((s) => s.role === 'owner' && s.active && s.email)) {
    const text = t('disabledMail.body', { url: endpoint.url });
    await sendMail({
      to: owner.email!,
      subject: t('disabledMail.subject'),
      text,
      html: `<p>${text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!)}</p>`,
      fromName: 'Tillwise',
      messageId: `<webhook-disabled-${endpoint.id}-${Date.now()}@tillwise>`,
    });
  }
}

// ---------------------------------------------------------------- by hand

export type AttemptView = { attempt: number; trigger: 'scheduled' | 'manual'; startedAt: Date; latencyMs: number; responseStatus: number | null; responseBody: string | null; error: string | null; succeeded: boolean };
export type DeliveryView = {
  id: string;
  endpointId: string;
  eventId: string;
  eventType: string;
  status: 'pending' | 'succeeded' | 'failed';
  attempts: number;
  nextAttemptAt: Date | null;
  lastAttemptAt: Date | null;
  lastResponseStatus: number | null;
  createdAt: Date;
  log: AttemptView[];
};

const deliveryColumns = {
  id: webhookDeliveries.id,
  endpointId: webhookDeliveries.endpointId,
  eventId: webhookDeliveries.eventId,
  eventType: webhookDeliveries.eventType,
  status: webhookDeliveries.status,
  attempts: webhookDeliveries.attempts,
  nextAttemptAt: webhookDeliveries.nextAttemptAt,
  lastAttemptAt: webhookDeliveries.lastAttemptAt,
  lastResponseStatus: webhookDeliveries.lastResponseStatus,
  createdAt: webhookDeliveries.createdAt,
};

const attemptColumns = {
  deliveryId: webhookAttempts.deliveryId,
  attempt: webhookAttempts.attempt,
  trigger: webhookAttempts.trigger,
  startedAt: webhookAttempts.startedAt,
  latencyMs: webhookAttempts.latencyMs,
  responseStatus: webhookAttempts.responseStatus,
  responseBody: webhookAttempts.responseBody,
  error: webhookAttempts.error,
  succeeded: webhookAttempts.succeeded,
};

/** The delivery log of one endpoint, newest first, each with its attempts (another business's endpoint: not_found). */
export async function deliveriesOf({ tenantId }: TenantScope, endpointId: string, limit = 25): Promise<DeliveryView[]> {
  return withTenant(tenantId, async (tx) => {
    const [endpoint] = await tx.select({ id: webhookEndpoints.id }).from(webhookEndpoints).where(eq(webhookEndpoints.id, endpointId));
    if (!endpoint) throw notFound('Webhook endpoint');
    const deliveries = await tx.select(deliveryColumns).from(webhookDeliveries).where(eq(webhookDeliveries.endpointId, endpointId)).orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id)).limit(limit);
    if (deliveries.length === 0) return [];
    const attempts = await tx.select(attemptColumns).from(webhookAttempts).where(inArray(webhookAttempts.deliveryId, deliveries.map((d) => d.id))).orderBy(asc(webhookAttempts.attempt));
    return deliveries.map((d) => ({
      ...d,
      nextAttemptAt: d.status === 'pending' ? d.nextAttemptAt : null,
      log: attempts.filter((a) => a.deliveryId === d.id).map(({ deliveryId: _, ...a }) => a),
    }));
  });
}

export type ManualAttempt = { deliveryId: string; eventId: string; succeeded: boolean; status: number | null; error: string | null; latencyMs: number };

/**
 * Sends a delivery again now, by hand: a new attempt of the **same** event id and body (receivers
 * deduplicate by `Tillwise-Event-Id`). A given-up delivery becomes pending again with a fresh 24-hour
 * window if this attempt fails too. The endpoint must be on.
 */
export async function redeliver(ctx: TenantContext, deliveryId: string, resolve?: Resolver): Promise<ManualAttempt> {
  const now = new Date();
  const delivery = await withTenant(ctx.tenantId, async (tx) => {
    const [row] = await tx
      .select({ ...leasedColumns, enabled: webhookEndpoints.enabled, status: webhookDeliveries.status })
      .from(webhookDeliveries)
      .innerJoin(webhookEndpoints, and(eq(webhookEndpoints.tenantId, webhookDeliveries.tenantId), eq(webhookEndpoints.id, webhookDeliveries.endpointId)))
      .where(eq(webhookDeliveries.id, deliveryId))
      .for('update', { of: webhookDeliveries });
    if (!row) throw notFound('Webhook delivery');
    if (!row.enabled) throw new AppError('conflict', 'The endpoint is turned off; turn it on before sending again');
    if (row.status === 'failed') await tx.update(webhookDeliveries).set({ status: 'pending', firstAttemptAt: now }).where(eq(webhookDeliveries.id, deliveryId));
    await recordAudit(tx, ctx.tenantId, { actorUserId: ctx.userId, action: 'webhook.redelivered', entityType: 'webhook_delivery', entityId: deliveryId, details: { eventId: row.eventId, endpointId: row.endpointId } });
    return row.status === 'failed' ? { ...row, firstAttemptAt: now } : row;
  });
  const result = await attemptDelivery(ctx.tenantId, delivery, 'manual', now, resolve);
  return { deliveryId, eventId: delivery.eventId, succeeded: result.succeeded, status: result.status, error: result.error, latencyMs: result.latencyMs };
}

/** Sends a `webhook.test` event to one endpoint now (retried like any other if it fails). */
export async function sendTestEvent(ctx: TenantContext, endpointId: string, resolve?: Resolver): Promise<ManualAttempt> {
  const now = new Date();
  const eventId = crypto.randomUUID();
  const delivery = await withTenant(ctx.tenantId, async (tx) => {
    const [endpoint] = await tx.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, endpointId));
    if (!endpoint) throw notFound('Webhook endpoint');
    if (!endpoint.enabled) throw new AppError('conflict', 'The endpoint is turned off; turn it on before sending a test');
    const envelope: WebhookEnvelope = { id: eventId, type: TEST_EVENT, createdAt: now.toISOString(), tenant: { id: ctx.tenantId, slug: endpoint.tenantSlug }, data: { message: 'A test event from Tillwise' } };
    const [row] = await tx
      .insert(webhookDeliveries)
      .values({ tenantId: ctx.tenantId, endpointId, eventId, eventType: TEST_EVENT, body: JSON.stringify(envelope), nextAttemptAt: new Date(now.getTime() + LEASE_MS), firstAttemptAt: now })
      .returning({ id: webhookDeliveries.id, body: webhookDeliveries.body, attempts: webhookDeliveries.attempts, firstAttemptAt: webhookDeliveries.firstAttemptAt });
    return { ...row!, endpointId, eventId, url: endpoint.url, secretCiphertext: endpoint.secretCiphertext, previousSecretCiphertext: endpoint.previousSecretCiphertext, previousSecretExpiresAt: endpoint.previousSecretExpiresAt };
  });
  const result = await attemptDelivery(ctx.tenantId, delivery, 'manual', now, resolve);
  return { deliveryId: delivery.id, eventId, succeeded: result.succeeded, status: result.status, error: result.error, latencyMs: result.latencyMs };
}
