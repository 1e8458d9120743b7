import { config } from '@/lib/platform/config';
import { AppError, toErrorResponse } from '@/lib/platform/errors';
import { metrics } from '@/lib/platform/metrics';
import { hasOpsToken } from '@/lib/platform/readiness';
import { sampleMetrics } from '@/lib/server/metrics';

/** Prometheus scrape endpoint (no tenant data in any label), for the bearer of METRICS_TOKEN. */
export async function GET(req: Request): Promise<Response> {
  if (!config().METRICS_TOKEN) {
    return toErrorResponse(new AppError('not_found', 'Metrics are off: set METRICS_TOKEN and scrape with Authorization: Bearer <token>'));
  }
  if (!hasOpsToken(req)) {
    return toErrorResponse(new AppError('unauthorized', 'Send Authorization: Bearer <METRICS_TOKEN>'), { 'www-authenticate': 'Bearer' });
  }
  await sampleMetrics();
  const { registry } = metrics();
  return new Response(await registry.metrics(), { headers: { 'content-type': registry.contentType, 'cache-control': 'no-store' } });
}
