import { breakerStatus } from '@/lib/payments';
import { checkReadiness } from '@/lib/platform/readiness';

/**
 * Readiness: 200 when the database and Redis answer, else 503 with what is down. The card
 * gateway's circuit is reported too, without failing readiness: the register sells for cash.
 */
export async function GET(): Promise<Response> {
  const report = await checkReadiness();
  return Response.json(
    { ...report, cardPayments: breakerStatus() },
    { status: report.status === 'ready' ? 200 : 503, headers: { 'cache-control': 'no-store' } },
  );
}
