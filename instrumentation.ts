import { registerOTel } from '@vercel/otel';

/**
 * Runs once when a server instance starts: traces (OpenTelemetry; exported when
 * OTEL_EXPORTER_OTLP_ENDPOINT is set), validated config, migrations, background jobs.
 */
export async function register(): Promise<void> {
  registerOTel({ serviceName: 'tillwise' });
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { startServer } = await import('./lib/platform/startup');
  await startServer();
}
