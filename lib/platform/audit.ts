import { auditEvents } from '@/db/schema/platform';
import { withTenant, type Tx } from './db';
import { logger } from './logger';

export type AuditEntry = {
  actorUserId: string | null;
  action: string;
  entityType: string;
  entityId?: string;
  details?: Record<string, unknown>;
};

/** Appends to the tenant's audit log inside the caller's transaction (so it commits with the change). */
export async function recordAudit(tx: Tx, tenantId: string, entry: AuditEntry): Promise<void> {
  await tx.insert(auditEvents).values({ tenantId, ...entry, details: entry.details ?? {} });
}

/**
 * Audits a change made outside a Postgres transaction (e.g. a catalog write to MongoDB):
 * written right after the change; a failure is logged rather than undoing the change.
 */
export async function recordAuditAfter(tenantId: string, entry: AuditEntry): Promise<void> {
  try {
    await withTenant(tenantId, (tx) => recordAudit(tx, tenantId, entry));
  } catch (err) {
    logger.error({ err, audit: entry.action }, 'could not write audit entry');
  }
}
