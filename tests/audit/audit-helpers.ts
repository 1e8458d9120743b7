import { asc } from 'drizzle-orm';
import { expect } from 'vitest';
import { auditEvents, type AuditEvent } from '@/db/schema/platform';
import { withTenant } from '@/lib/platform/db';
import type { TestTenant } from '../helpers';

/** Where the test's requests come from, as the platform's proxy would pass it on. */
export const CLIENT = {
  ip: '203.0.113.7',
  userAgent: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15',
};
export const clientHeaders = { 'x-forwarded-for': `${CLIENT.ip}, 10.0.0.1`, 'user-agent': CLIENT.userAgent };

const rowsOf = (t: TestTenant) => withTenant(t.tenant.id, (tx) => tx.select().from(auditEvents).orderBy(asc(auditEvents.createdAt)));

/** The audit rows `work` added to the tenant's log (all of them, whatever their action). */
export async function auditRowsOf(t: TestTenant, work: () => Promise<unknown>): Promise<AuditEvent[]> {
  const before = new Set((await rowsOf(t)).map((r) => r.id));
  await work();
  return (await rowsOf(t)).filter((r) => !before.has(r.id));
}

/** The one audit row `work` wrote; fails when it wrote none or more than one. */
export async function theAuditRowOf(t: TestTenant, work: () => Promise<unknown>): Promise<AuditEvent> {
  const rows = await auditRowsOf(t, work);
  expect(rows.map((r) => r.action)).toHaveLength(1);
  return rows[0]!;
}
