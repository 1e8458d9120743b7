import { auditEvents } from '@/db/schema/platform';
import type { Tx } from './db';

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
