import type { JetStreamClient, JetStreamManager, JsMsg } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { config } from '@/lib/platform/config';
import { logger } from '@/lib/platform/logger';
import { onEvents, type BatchHandler } from './dispatcher';
import type { EventType } from './types';

/**
 * Events past one process: the outbox relay to NATS JetStream (docs/scaling.md).
 *
 * With NATS_URL set, `startNatsRelay()` registers one more outbox handler, `nats-relay`, for every
 * event type. It publishes the event to `<prefix>.<tenantId>.<EventType>` with `Nats-Msg-Id` = the
 * event id and waits for JetStream's ack *inside* the handler's transaction, the one that records
 * the delivery in `outbox_deliveries`:
 * - a crash before the ack leaves the delivery unrecorded, so the dispatcher publishes again
 *   (at least once);
 * - a crash after the ack but before the commit publishes the same id again, which JetStream's
 *   duplicate window drops (exactly one stored message per event, as long as the retry comes
 *   within the window — DUPLICATE_WINDOW_MS; consumers dedupe by the same id past it).
 * The subject names the tenant by id, not slug: ids never change and never hold a dot (a subject
 * token separator), and every other key of ours (Redis, RLS) is by id too.
 *
 * Without NATS_URL nothing here runs: the in-process dispatcher and the Redis wake-ups of
 * lib/events/live.ts stay the only delivery. Live fan-out (SSE) does not read NATS.
 */
export const NATS_RELAY = 'nats-relay';

/** Every event type, so a new one cannot be left out of the relay (tsc checks the list is complete). */
const RELAYED: Record<EventType, true> = {
  TenantCreated: true,
  StockChanged: true,
  LowStock: true,
  ProductOutOfStock: true,
  ItemAvailabilityChanged: true,
  OrderPlaced: true,
  OrderLinesFired: true,
  OrderMoved: true,
  OrderMerged: true,
  PaymentCaptured: true,
  PaymentFailed: true,
  OrderPaid: true,
  OrderVoided: true,
  OrderRefunded: true,
  SalesFiguresChanged: true,
  KitchenTicketsChanged: true,
  ReceiptEmailRequested: true,
  TableStatusChanged: true,
  ShiftOpened: true,
  ShiftClosed: true,
};
export const RELAYED_EVENT_TYPES = Object.keys(RELAYED) as EventType[];

/** How long JetStream remembers a message id: a retry within it is dropped as a duplicate. */
export const DUPLICATE_WINDOW_MS = 60 * 60_000;
/** How long the stream keeps events when the relay creates it (NATS is transport; the outbox is the record). */
const STREAM_MAX_AGE_MS = 7 * 24 * 60 * 60_000;
/** A publish not acked in this long fails the handler (retried with backoff), so a transaction is never held open for long. */
const PUBLISH_TIMEOUT_MS = 5_000;

export type NatsSettings = { url: string; subjectPrefix: string; stream: string };

/** From config: undefined when NATS_URL is not set (the relay stays off). */
export function natsSettings(): NatsSettings | undefined {
  const { NATS_URL, NATS_SUBJECT_PREFIX, NATS_STREAM } = config();
  return NATS_URL ? { url: NATS_URL, subjectPrefix: NATS_SUBJECT_PREFIX, stream: NATS_STREAM } : undefined;
}

export const eventSubject = (prefix: string, tenantId: string, type: EventType) => `${prefix}.${tenantId}.${type}`;

/** The message body: the event as the outbox holds it (occurredAt as an ISO string). */
export type EventMessage = { id: string; tenantId: string; type: EventType; occurredAt: string; payload: unknown };

type Link = { nc: NatsConnection; js: JetStreamClient; jsm: JetStreamManager; client: NatsClient };
/** The client packages, loaded only once NATS is used: a process without NATS_URL never loads them. */
type NatsClient = typeof import('@nats-io/jetstream') & typeof import('@nats-io/transport-node');
const natsClient = async (): Promise<NatsClient> => {
  const [jetstreamPackage, transport] = await Promise.all([import('@nats-io/jetstream'), import('@nats-io/transport-node')]);
  return { ...transport, ...jetstreamPackage };
};
const g = globalThis as typeof globalThis & { __tillwiseNats?: Map<string, Promise<Link>> };
const links: Map<string, Promise<Link>> = (g.__tillwiseNats ??= new Map());

/**
 * One connection per process and settings, opened on first use and with the stream ensured. A
 * failed connect is forgotten, so the next delivery tries again (the dispatcher's backoff paces it);
 * a connection that drops later reconnects on its own.
 */
function link(settings: NatsSettings): Promise<Link> {
  const key = `${settings.url} ${settings.stream}`;
  let opened = links.get(key);
  if (!opened) {
    opened = (async () => {
      const client = await natsClient();
      const nc = await client.connect({ servers: settings.url, name: 'tillwise-outbox-relay', timeout: PUBLISH_TIMEOUT_MS, maxReconnectAttempts: -1 });
      try {
        const jsm = await client.jetstreamManager(nc, { timeout: PUBLISH_TIMEOUT_MS });
        await ensureStream(client, jsm, settings);
        void nc.closed().then(() => links.delete(key));
        return { nc, jsm, client, js: client.jetstream(nc, { timeout: PUBLISH_TIMEOUT_MS }) };
      } catch (err) {
        await nc.close();
        throw err;
      }
    })();
    opened.catch(() => links.delete(key));
    links.set(key, opened);
  }
  return opened;
}

/**
 * Creates the stream for `<prefix>.>` if it is missing. An existing stream is the operator's: it
 * is kept as configured, and only gains our subjects if it lacks them.
 */
async function ensureStream(client: NatsClient, jsm: JetStreamManager, { stream, subjectPrefix }: NatsSettings): Promise<void> {
  const subjects = `${subjectPrefix}.>`;
  try {
    const info = await jsm.streams.info(stream);
    if (!info.config.subjects?.includes(subjects)) await jsm.streams.update(stream, { subjects: [...(info.config.subjects ?? []), subjects] });
  } catch (err) {
    if (!(err instanceof client.JetStreamApiError && err.code === client.JetStreamApiCodes.StreamNotFound)) throw err;
    const { nanos } = client;
    await jsm.streams.add({ name: stream, subjects: [subjects], duplicate_window: nanos(DUPLICATE_WINDOW_MS), max_age: nanos(STREAM_MAX_AGE_MS) });
  }
}

/**
 * The outbox handler that publishes a batch of events and returns once JetStream has stored (or
 * deduplicated) every one. They go out together, in order on the one connection, and are
 * acknowledged together: one wait for JetStream per batch while the dispatcher's transaction is
 * open, not one per event. A failed batch is retried event by event; the message id dedupes
 * what was stored already.
 */
export function natsRelay(settings: NatsSettings): BatchHandler {
  return async (_tx, events) => {
    const { js } = await link(settings);
    await Promise.all(
      events.map((event) => {
        const message: EventMessage = { id: event.id, tenantId: event.tenantId, type: event.type, occurredAt: new Date(event.occurredAt).toISOString(), payload: event.payload };
        return js.publish(eventSubject(settings.subjectPrefix, event.tenantId, event.type), JSON.stringify(message), { msgID: event.id });
      }),
    );
  };
}

/** Registers the relay for every event type when NATS_URL is set; returns whether it did. */
export function startNatsRelay(): boolean {
  const settings = natsSettings();
  if (!settings) return false;
  const relay = natsRelay(settings);
  for (const type of RELAYED_EVENT_TYPES) onEvents(type, NATS_RELAY, relay);
  logger.info({ stream: settings.stream, subjects: `${settings.subjectPrefix}.>` }, 'outbox events are relayed to NATS');
  return true;
}

/** Closes this process's NATS connections (tests, shutdown). */
export async function closeNats(): Promise<void> {
  const open = [...links.values()];
  links.clear();
  await Promise.all(open.map((p) => p.then(({ nc }) => nc.close()).catch(() => {})));
}

export type EventConsumer = { stop(): Promise<void> };

/**
 * A durable pull consumer of relayed events, for a process that acts on events without sharing
 * the dispatcher's database (a background worker, another service). `durable` names it on the
 * stream: it resumes where it left off after a restart, and processes sharing the name share the
 * work. `handle` runs once per message and the message is acked after it returns; a throw makes
 * JetStream redeliver it (after `retryMs`). Delivery is at least once: dedupe by `event.id`.
 *
 * `subject` filters, e.g. `tillwise.<tenantId>.>` for one tenant or `tillwise.*.OrderPaid` for one
 * type; default: every event. One filter, not several: `filter_subjects` needs nats-server 2.10,
 * and Debian bookworm ships 2.9.
 */
export async function consumeEvents(options: {
  durable: string;
  handle: (event: EventMessage, message: JsMsg) => Promise<void>;
  subject?: string;
  settings?: NatsSettings;
  retryMs?: number;
}): Promise<EventConsumer> {
  const settings = options.settings ?? natsSettings();
  if (!settings) throw new Error('consumeEvents needs NATS_URL');
  const { js, jsm, client } = await link(settings);
  await jsm.consumers.add(settings.stream, {
    durable_name: options.durable,
    ack_policy: client.AckPolicy.Explicit,
    deliver_policy: client.DeliverPolicy.All,
    filter_subject: options.subject ?? `${settings.subjectPrefix}.>`,
  });
  const consumer = await js.consumers.get(settings.stream, options.durable);
  const messages = await consumer.consume();
  const done = (async () => {
    for await (const message of messages) {
      try {
        await options.handle(message.json<EventMessage>(), message);
        message.ack();
      } catch (err) {
        logger.error({ err, subject: message.subject, durable: options.durable }, 'NATS event handler failed');
        message.nak(options.retryMs ?? 5_000);
      }
    }
  })();
  return {
    async stop() {
      await messages.close();
      await done;
    },
  };
}
