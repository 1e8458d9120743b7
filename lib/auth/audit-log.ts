import { z } from 'zod';
import { decodeAuditCursor, queryAuditEvents, type AuditRow } from '@/lib/platform/audit';
import { actionsOf, auditActionLabel, isAuditAction, isAuditGroup, type AuditAction, type AuditGroup } from '@/lib/platform/audit-actions';
import { dayParam } from '@/lib/platform/calendar';
import { AppError } from '@/lib/platform/errors';
import type { TenantContext } from './context';
import { can } from './permissions';
import { listStaff } from './staff';
import { issueWords } from '@/lib/platform/issue-words';

/**
 * Reading the audit log. The table is the platform's (every module writes to it through
 * recordAudit); the read lives here because what makes a row readable is auth's: who the
 * people are (names of actors and approvers, from users) and who may read it (`audit:read`).
 * The SQL stays with the table's owner (queryAuditEvents in lib/platform/audit.ts).
 */

/** "YYYY-MM-DD" that is a real calendar day. */
const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date as YYYY-MM-DD')
  .refine((v) => dayParam(v) === v, 'No such day');

const cursor = z
  .string()
  .max(200)
  .transform((v, c) => decodeAuditCursor(v) ?? (c.addIssue({ code: 'custom', message: 'Not a page of this log' }), z.NEVER));

/**
 * The audit log's filters, as query parameters: `action` (an action of the vocabulary, or a
 * group of them), `actor` (a person's id), `from`/`to` (days in the tenant's time zone, both
 * included), `before`/`after` (the cursors of the neighbouring pages), `limit`. Anything else,
 * or a value not understood, is a 400.
 */
export const auditFilterSchema = z
  .strictObject({
    action: z
      .string()
      .refine((v) => isAuditAction(v) || isAuditGroup(v), 'No such action')
      .transform((v) => v as AuditAction | AuditGroup)
      .optional(),
    actor: z.uuid('A person is named by their id').optional(),
    from: day.optional(),
    to: day.optional(),
    before: cursor.optional(),
    after: cursor.optional(),
    limit: z.coerce.number().int().min(1).max(100).default(50),
  })
  .refine((f) => !(f.from && f.to && f.from > f.to), { path: ['to'], message: 'The end date is before the start date', params: issueWords('endBeforeStart') })
  .refine((f) => !(f.before && f.after), { path: ['after'], message: 'Page one way at a time' });

export type AuditFilter = z.output<typeof auditFilterSchema>;

/**
 * The filter a query string names: a parameter left empty (a form's blank choice) is no
 * filter; an unknown parameter or value is a 400 naming each, with the usual error shape.
 */
export function parseAuditFilter(params: URLSearchParams | Record<string, string | string[] | undefined>): AuditFilter {
  const entries: [string, string[]][] =
    params instanceof URLSearchParams
      ? [...new Set(params.keys())].map((k) => [k, params.getAll(k)])
      : Object.entries(params).map(([k, v]) => [k, v === undefined ? [] : Array.isArray(v) ? v : [v]]);
  const given: Record<string, string | string[]> = {};
  for (const [key, values] of entries) {
    const set = values.filter((v) => v !== '');
    if (set.length) given[key] = set.length === 1 ? set[0]! : set;
  }
  const parsed = auditFilterSchema.safeParse(given);
  if (parsed.success) return parsed.data;
  const details = parsed.error.issues.map((i) => ({ path: i.path.join('.') || 'query', message: i.message }));
  throw new AppError('bad_request', `The audit log cannot be filtered like that: ${details.map((d) => `${d.path}: ${d.message}`).join('; ')}`, details);
}

export type AuditPerson = { id: string; name: string };

/** One row as people read it: the action in words, names for the people, times as ISO instants. */
export type AuditEventView = Omit<AuditRow, 'createdAt' | 'actorUserId' | 'approverUserId'> & {
  at: string;
  label: string;
  actor: AuditPerson | null;
  approver: AuditPerson | null;
};

export type AuditLogPage = {
  data: AuditEventView[];
  /** Cursors for `before` (older) and `after` (newer) pages; null at either end. */
  older: string | null;
  newer: string | null;
  /** Names of the staff the rows name: actors, approvers, accounts a row is about, whom a PIN switch replaced. */
  people: Record<string, string>;
};

/** The ids a row names, for the people map. */
const idsOf = (r: AuditRow) => [r.actorUserId, r.approverUserId, r.entityType === 'user' ? r.entityId : null, r.details.fromUserId].filter((id): id is string => typeof id === 'string');

/** A page of the tenant's audit log, newest first (owners and managers: `audit:read`). */
export async function listAuditEvents(ctx: TenantContext, filter: AuditFilter): Promise<AuditLogPage> {
  if (!can(ctx, 'audit:read')) throw new AppError('forbidden', 'Your role does not allow this');
  const [page, staff] = await Promise.all([
    queryAuditEvents(ctx.tenantId, {
      actions: filter.action && actionsOf(filter.action),
      actorUserId: filter.actor,
      from: filter.from,
      to: filter.to,
      timeZone: ctx.tenant.timeZone,
      before: filter.before,
      after: filter.after,
      limit: filter.limit,
    }),
    listStaff(ctx),
  ]);
  const names = new Map(staff.map((s) => [s.id, s.name]));
  const person = (id: string | null): AuditPerson | null => (id ? { id, name: names.get(id) ?? 'Unknown' } : null);
  return {
    data: page.data.map(({ createdAt, actorUserId, approverUserId, ...row }) => ({
      ...row,
      at: createdAt.toISOString(),
      label: auditActionLabel(row.action),
      actor: person(actorUserId),
      approver: person(approverUserId),
    })),
    older: page.older,
    newer: page.newer,
    people: Object.fromEntries(page.data.flatMap(idsOf).map((id) => [id, names.get(id) ?? 'Unknown'])),
  };
}
