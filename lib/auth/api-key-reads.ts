import { recordAuditAfter } from '@/lib/platform/audit';
import { outsideContext } from '@/lib/platform/request-context';

/**
 * A key's reads in the audit log, in summary (docs/api.md › Audit and logs). A change made with a
 * key gets its own `api_key.request` row; a read does not: a row per read would put a database
 * write on the hottest path (a key may make 600 requests a minute, its business 3000) and grow the
 * audit log by millions of rows a day for nothing changed. So each instance counts a key's reads
 * in memory — by method, path and status — and writes one `api_key.reads` row per key a minute
 * (`writeReadSummaries`, started with the server). What this costs: the reads of the last minute
 * before an instance dies are not written; every read is still in the request log with the key's
 * name, and the key's "last used".
 */
export const READ_SUMMARY_EVERY_MS = 60_000;
/** Distinct method/path/status lines kept in one summary; more are counted under `other`. */
export const READ_SUMMARY_ROUTES = 50;

type ReadTally = { tenantId: string; keyId: string; keyName: string; actorUserId: string; since: Date; requests: number; routes: Map<string, number>; other: number };
// On globalThis: next build gives route handlers (which count) and the server's start-up (which
// writes, instrumentation.ts) their own copies of a module; a tally in a module variable would be
// counted in one and never written by the other (the card breaker had the same trap).
const tallies = ((globalThis as { __tillwiseKeyReads?: Map<string, ReadTally> }).__tillwiseKeyReads ??= new Map());

export type KeyRead = { tenantId: string; actorUserId: string; apiKey: { id: string; name: string }; method: string; path: string; status: number };

/** Counts one read made with a key (no I/O: the summary is written by `writeReadSummaries`). */
export function countKeyRead(read: KeyRead): void {
  const id = `${read.tenantId}:${read.apiKey.id}`;
  let tally = tallies.get(id);
  if (!tally) {
    tally = { tenantId: read.tenantId, keyId: read.apiKey.id, keyName: read.apiKey.name, actorUserId: read.actorUserId, since: new Date(), requests: 0, routes: new Map(), other: 0 };
    tallies.set(id, tally);
  }
  tally.keyName = read.apiKey.name; // a rename shows from its next read
  tally.requests++;
  const route = `${read.method} ${read.path} ${read.status}`;
  if (tally.routes.has(route) || tally.routes.size < READ_SUMMARY_ROUTES) tally.routes.set(route, (tally.routes.get(route) ?? 0) + 1);
  else tally.other++;
}

/**
 * Writes one `api_key.reads` audit row per key read since the last call, and starts afresh.
 * Outside any request's context: the row names its own key, not the request that happened to run.
 */
export async function writeReadSummaries(now = new Date()): Promise<number> {
  const taken = [...tallies.values()];
  tallies.clear();
  await outsideContext(() =>
    Promise.all(
      taken.map((t) =>
        recordAuditAfter(t.tenantId, {
          actorUserId: t.actorUserId,
          action: 'api_key.reads',
          entityType: 'api_key',
          entityId: t.keyId,
          details: {
            apiKey: { id: t.keyId, name: t.keyName },
            from: t.since.toISOString(),
            to: now.toISOString(),
            requests: t.requests,
            routes: [...t.routes].map(([route, count]) => {
              const [method, path, status] = route.split(' ');
              return { method, path, status: Number(status), count };
            }),
            ...(t.other > 0 && { otherRequests: t.other }),
          },
        }),
      ),
    ),
  );
  return taken.length;
}
