import { metrics } from '@/lib/platform/metrics';

/** Prometheus scrape endpoint (no tenant data in any label). */
export async function GET(): Promise<Response> {
  const { registry } = metrics();
  return new Response(await registry.metrics(), { headers: { 'content-type': registry.contentType, 'cache-control': 'no-store' } });
}
