import { checkReadiness } from '@/lib/platform/readiness';

/** Readiness: 200 when the database and Redis answer, else 503 with what is down. */
export async function GET(): Promise<Response> {
  const report = await checkReadiness();
  return Response.json(report, { status: report.status === 'ready' ? 200 : 503, headers: { 'cache-control': 'no-store' } });
}
