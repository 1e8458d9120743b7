import { recordAudit, type AuditAction } from '@/lib/platform/audit';
import { withTenant, type Tx } from '@/lib/platform/db';

/**
 * A sign-in attempt as the audit log keeps it: who (null when nobody known is behind it, e.g.
 * a wrong password), the account it was for (`userId`, null for an unknown email), how and why
 * it failed. Never the password or PIN typed.
 */
export type SignInAudit = {
  action: Extract<AuditAction, `auth.${string}`>;
  actorUserId: string | null;
  userId: string | null;
  details: Record<string, unknown>;
};

const entry = (a: SignInAudit) => ({ actorUserId: a.actorUserId, action: a.action, entityType: 'user', entityId: a.userId, details: a.details });

/** In the sign-in's own transaction (a success also stamps last sign-in). */
export const auditSignInIn = (tx: Tx, tenantId: string, a: SignInAudit) => recordAudit(tx, tenantId, entry(a));

/** On its own: a failure or lockout changes nothing else, so its row is its transaction. */
export const auditSignIn = (tenantId: string, a: SignInAudit) => withTenant(tenantId, (tx) => recordAudit(tx, tenantId, entry(a)));
