import { recordAudit } from '@/lib/platform/audit';
import type { Tx } from '@/lib/platform/db';
import type { AuditOf } from '../repository';

/** Writes a catalog change's audit row in the change's own transaction (see AuditOf). */
export async function auditIn<T>(tx: Tx, tenantId: string, audit: AuditOf<T> | undefined, before: T | null, after: T | null): Promise<void> {
  const entry = audit?.({ before, after });
  if (entry) await recordAudit(tx, tenantId, entry);
}
