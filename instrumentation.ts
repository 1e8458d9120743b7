import { registerOTel } from '@vercel/otel';

/**
 * Runs once when a server instance starts — the composition root: traces (OpenTelemetry;
 * exported when OTEL_EXPORTER_OTLP_ENDPOINT is set), validated config and migrations, the
 * modules that subscribe to domain events, the NATS relay (when NATS_URL is set) and the outbox dispatcher.
 */
export async function register(): Promise<void> {
  // Only with somewhere to send them: a tracer provider with no exporter still builds, samples and
  // buffers a span for every step Next takes (≈ 4 % of a checkout's CPU, docs/performance.md).
  if (process.env.OTEL_EXPORTER_OTLP_ENDPOINT || process.env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) registerOTel({ serviceName: 'tillwise' });
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { startServer } = await import('./lib/server/startup');
  await startServer();
  await import('./lib/inventory'); // subscribes to TenantCreated
  await import('./lib/analytics'); // subscribes to OrderPaid, OrderRefunded, OrderVoided (the rollups)
  await import('./lib/restaurant'); // subscribes to OrderPlaced, OrderVoided (kitchen tickets)
  await import('./lib/assistant'); // subscribes to SalesFiguresChanged (its cache version)
  await import('./lib/orders'); // subscribes to ReceiptEmailRequested (sends emailed receipts)
  await import('./lib/customers'); // subscribes to OrderPaid, OrderRefunded, OrderVoided (loyalty points)
  const { startWebhookWorker } = await import('./lib/webhooks'); // subscribes to the events webhooks send (docs/api.md › Webhooks)
  const { startDispatcher, startNatsRelay } = await import('./lib/events');
  startNatsRelay(); // NATS_URL set: every event is also published to JetStream (docs/scaling.md)
  startDispatcher();
  startWebhookWorker();
  // Card payments and refunds a crash left half-done: settle them with the gateway's answer.
  const [{ every }, { recoverAll }] = await Promise.all([import('./lib/platform/jobs'), import('./lib/orders')]);
  every(60_000, 'recover interrupted payments', recoverAll, true);
}
