import { logger } from '@/lib/platform/logger';
import { metrics } from '@/lib/platform/metrics';
import { eventsAfter, eventTime, onTenantEvents } from './live';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const HEARTBEAT_MS = 15_000;
const SEEN_LIMIT = 2_000;

/**
 * A server-sent event stream of one tenant's domain events: `id`, `event` (the type) and
 * `data` ({ id, type, occurredAt, payload }). A reconnect sends Last-Event-ID and gets what it
 * missed; events may repeat around a reconnect, so clients keep the ids they have applied.
 * `stillAllowed` is asked on every heartbeat: a signed-out session's stream ends.
 */
export async function eventStream(options: {
  tenantId: string;
  lastEventId: string | null;
  signal: AbortSignal;
  stillAllowed: () => Promise<boolean>;
}): Promise<Response> {
  const { tenantId, lastEventId, signal } = options;
  const seen = new Set<string>();
  let cursor = new Date();
  if (lastEventId && UUID.test(lastEventId)) {
    cursor = (await eventTime(tenantId, lastEventId)) ?? cursor;
    seen.add(lastEventId);
  }
  const encoder = new TextEncoder();
  let stop: (() => void) | undefined;

  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      let closed = false;
      let running = false;
      let again = false;
      const send = (text: string) => {
        if (!closed) controller.enqueue(encoder.encode(text));
      };
      const pump = async () => {
        if (running) {
          again = true;
          return;
        }
        running = true;
        try {
          do {
            again = false;
            for (const event of await eventsAfter(tenantId, cursor, seen)) {
              send(`id: ${event.id}\nevent: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`);
              seen.add(event.id);
              if (event.occurredAt > cursor) cursor = event.occurredAt;
            }
            while (seen.size > SEEN_LIMIT) seen.delete(seen.values().next().value!);
          } while (again && !closed);
        } catch (err) {
          logger.warn({ err, tenantId }, 'live event stream read failed');
        } finally {
          running = false;
        }
      };
      const close = (cancelled = false) => {
        if (closed) return;
        closed = true;
        unsubscribe();
        clearInterval(heartbeat);
        metrics().sseConnections.dec();
        if (!cancelled) controller.close();
      };
      stop = () => close(true);
      metrics().sseConnections.inc();
      const unsubscribe = onTenantEvents(tenantId, () => void pump());
      const heartbeat = setInterval(() => {
        void options.stillAllowed().then((ok) => (ok ? send(': keep-alive\n\n') : close()));
      }, HEARTBEAT_MS);
      signal.addEventListener('abort', () => close());
      send('retry: 3000\n\n');
      void pump();
    },
    // The reader went away without the request being aborted: stop as on abort.
    cancel() {
      stop?.();
    },
  });
  return new Response(stream, {
    headers: { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store, no-transform', 'x-accel-buffering': 'no' },
  });
}
