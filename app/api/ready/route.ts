import { breakerStatus } from '@/lib/payments';
import { observedRoute } from '@/lib/platform/metrics';
import { checkReadiness, hasOpsToken, perProcessStateWarning } from '@/lib/platform/readiness';

/**
 * Readiness: 200 when the database and Redis answer, else 503. Anyone (a load balancer) gets
 * the status; what is up or down, and the card gateway's circuit (reported without failing
 * readiness: the register sells for cash), only the bearer of METRICS_TOKEN.
 */
export const GET = observedRoute('/api/ready', async (req: Request): Promise<Response> => {
  const report = await checkReadiness();
  const warning = perProcessStateWarning();
  const body = {
    ...(hasOpsToken(req) ? { ...report, cardPayments: breakerStatus() } : { status: report.status }),
    ...(warning && { warnings: [warning] }),
  };
  return Response.json(body, { status: report.status === 'ready' ? 200 : 503, headers: { 'cache-control': 'no-store' } });
});
