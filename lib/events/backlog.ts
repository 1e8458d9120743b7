import { sql } from 'drizzle-orm';
import { rowsOf, withPlatform } from '@/lib/platform/db';

/** Counted up to this many: beyond it the number only says "very many" and the scan stays bounded. */
const CAP = 100_000;
/** A scrape must not wait on a slow count: Postgres gives up on the query after this long. */
const STATEMENT_TIMEOUT_MS = 1_500;

/**
 * How far delivery is behind, over every tenant: undelivered events (up to CAP) and the age of
 * the oldest in seconds (0 when none). Read through the definer function `outbox_backlog`
 * (db/policies.sql), which returns only the two numbers.
 */
export async function outboxBacklog(): Promise<{ pending: number; oldestSeconds: number }> {
  return withPlatform(async (tx) => {
    await tx.execute(sql`select set_config('statement_timeout', ${String(STATEMENT_TIMEOUT_MS)}, true)`);
    const result = await tx.execute(sql`select pending::int as pending, oldest_seconds as "oldestSeconds" from outbox_backlog(${CAP})`);
    const [row] = rowsOf<{ pending: number; oldestSeconds: number }>(result);
    return { pending: Number(row?.pending ?? 0), oldestSeconds: Number(row?.oldestSeconds ?? 0) };
  });
}
