/** Liveness: the process answers. Touches no dependency, so a database outage never restarts it. */
export function GET(): Response {
  return Response.json({ status: 'ok' }, { headers: { 'cache-control': 'no-store' } });
}
