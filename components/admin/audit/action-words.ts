import { isAuditAction, type AuditAction, type AuditGroup } from '@/lib/platform/audit-actions';

/**
 * The `auditActions` words (`useTranslations('auditActions')`). The stored action codes and the
 * API's English `label` stay as they are; the page names each action in the reader's language.
 * Typed by the vocabulary, so an action added to AUDIT_GROUPS without its words fails `tsc`.
 */
export type AuditActionsT = (key: `action.${AuditAction}` | `group.${AuditGroup}`) => string;

/** An action in the reader's words; a code not in the vocabulary (an old row) is shown as it is. */
export const auditActionText = (action: string, t: AuditActionsT): string => (isAuditAction(action) ? t(`action.${action}`) : action);
