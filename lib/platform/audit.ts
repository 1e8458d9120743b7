import { and, asc, desc, eq, getTableColumns, inArray, sql, type SQL } from 'drizzle-orm';
import { auditEvents } from '@/db/schema/platform';
import type { AuditAction } from './audit-actions';
import { withTenant, type Tx } from './db';
import { logger } from './logger';
import { currentContext } from './request-context';

export type { AuditAction } from './audit-actions';

export type AuditEntry = {
  /** Who did it (null: nobody known, e.g. a failed sign-in with an unknown email). */
  actorUserId: string | null;
  /** Whose PIN approved it (a manager at the register); dropped when it is the actor. */
  approverUserId?: string | null;
  action: AuditAction;
  entityType: string;
  entityId?: string | null;
  /** The changed fields as they were and as they became (only those: see `changes`). */
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  /** What else says what happened: a reason, the email typed, counts. */
  details?: Record<string, unknown>;
};

/**
 * Appends one row to the tenant's audit log inside the caller's transaction, so it commits
 * (or not) with the change. Address, device and request id come from the request context
 * that tenantRoute, staffAction/staffRead and next-auth's route set; work no request carries
 * (recovery, seeding) records none.
 */
export async function recordAudit(tx: Tx, tenantId: string, entry: AuditEntry): Promise<void> {
  const request = currentContext();
  await tx.insert(auditEvents).values({
    tenantId,
    actorUserId: entry.actorUserId,
    approverUserId: entry.approverUserId && entry.approverUserId !== entry.actorUserId ? entry.approverUserId : null,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId ?? null,
    before: entry.before ? withoutSecrets(entry.before) : null,
    after: entry.after ? withoutSecrets(entry.after) : null,
    // Work done with an API key names the key (its creator is the actor: docs/api.md).
    details: withoutSecrets({ ...entry.details, ...(request?.apiKeyId && { apiKey: { id: request.apiKeyId, name: request.apiKeyName } }) }),
    ip: request?.client?.ip ?? null,
    userAgent: request?.client?.userAgent ?? null,
    requestId: request?.requestId ?? null,
  });
}

/**
 * Audits a change made outside a Postgres transaction (a catalog write to MongoDB): written
 * right after the change; a failure is logged rather than undoing the change.
 */
export async function recordAuditAfter(tenantId: string, entry: AuditEntry): Promise<void> {
  try {
    await withTenant(tenantId, (tx) => recordAudit(tx, tenantId, entry));
  } catch (err) {
    logger.error({ err, audit: entry.action }, 'could not write audit entry');
  }
}

/** The words a `pin` field may hold; anything else there would be a PIN itself. */
export const PIN_STATES = ['none', 'set', 'new'] as const;
const SECRET_KEY = /^password$|hash$|token$|secret$/i;

/** A copy with secrets blanked at any depth: hashes, passwords, tokens, and a `pin` that is not a state word. */
export function withoutSecrets(value: Record<string, unknown>): Record<string, unknown> {
  const clean = (v: unknown, key = ''): unknown => {
    if (SECRET_KEY.test(key)) return '[redacted]';
    if (key === 'pin' && !(PIN_STATES as readonly unknown[]).includes(v)) return '[redacted]';
    if (Array.isArray(v)) return v.map((item) => clean(item));
    if (isPlainObject(v)) return Object.fromEntries(Object.entries(v).map(([k, inner]) => [k, clean(inner, k)]));
    return v;
  };
  return clean(value) as Record<string, unknown>;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Before/after of what changed between two versions of a thing: only the fields that differ
 * (a nested object, like prices by SKU, is compared key by key). A creation has no before,
 * a deletion no after. `fields` limits it to the fields worth recording.
 */
export function changes(
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
  fields?: readonly string[],
): { before: Record<string, unknown> | null; after: Record<string, unknown> | null } {
  const pick = (o: Record<string, unknown>) => (fields ? Object.fromEntries(fields.filter((f) => f in o).map((f) => [f, o[f]])) : { ...o });
  if (!before || !after) return { before: before && pick(before), after: after && pick(after) };
  const [was, now] = [pick(before), pick(after)];
  const from: Record<string, unknown> = {};
  const to: Record<string, unknown> = {};
  for (const key of new Set([...Object.keys(was), ...Object.keys(now)])) {
    const [a, b] = [was[key], now[key]];
    if (same(a, b)) continue;
    if (isPlainObject(a) && isPlainObject(b)) {
      const inner = changes(a, b);
      from[key] = inner.before;
      to[key] = inner.after;
    } else {
      from[key] = a ?? null;
      to[key] = b ?? null;
    }
  }
  return { before: from, after: to };
}

/** A place in the log (newest first): a row's time, to the microsecond, and id. */
export type AuditCursor = { at: string; id: string };

const CURSOR = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z)\|([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;
export const encodeAuditCursor = (c: AuditCursor) => Buffer.from(`${c.at}|${c.id}`).toString('base64url');
/** The cursor a page link carries, or null when it is not one. */
export function decodeAuditCursor(text: string): AuditCursor | null {
  const match = CURSOR.exec(Buffer.from(text, 'base64url').toString());
  return match ? { at: match[1]!, id: match[2]! } : null;
}

export type AuditQuery = {
  actions?: AuditAction[];
  actorUserId?: string;
  /** Calendar days ("YYYY-MM-DD") in `timeZone`, both included. */
  from?: string;
  to?: string;
  timeZone: string;
  /** Rows older than this (the next page), or newer than this (the page before). */
  before?: AuditCursor;
  after?: AuditCursor;
  limit: number;
};

export type AuditRow = Omit<typeof auditEvents.$inferSelect, 'tenantId'>;
export type AuditRows = { data: AuditRow[]; older: string | null; newer: string | null };

/**
 * One page of the tenant's audit log, newest first, paged by keyset on (created_at, id) so a
 * page costs the same however long the log grows (indexes in db/schema/platform.ts). `older`
 * and `newer` are the cursors of the neighbouring pages, null at either end.
 */
export async function queryAuditEvents(tenantId: string, q: AuditQuery): Promise<AuditRows> {
  const row = sql`(${auditEvents.createdAt}, ${auditEvents.id})`;
  const filters: (SQL | undefined)[] = [
    q.actions && inArray(auditEvents.action, q.actions),
    q.actorUserId ? eq(auditEvents.actorUserId, q.actorUserId) : undefined,
    q.from ? sql`${auditEvents.createdAt} >= (${q.from}::date)::timestamp at time zone ${q.timeZone}` : undefined,
    q.to ? sql`${auditEvents.createdAt} < (${q.to}::date + 1)::timestamp at time zone ${q.timeZone}` : undefined,
    q.before ? sql`${row} < (${q.before.at}::timestamptz, ${q.before.id}::uuid)` : undefined,
    q.after ? sql`${row} > (${q.after.at}::timestamptz, ${q.after.id}::uuid)` : undefined,
  ];
  const forward = !q.after; // newest first, except when reading back towards the newest
  const order = forward ? [desc(auditEvents.createdAt), desc(auditEvents.id)] : [asc(auditEvents.createdAt), asc(auditEvents.id)];
  const { tenantId: _t, ...columns } = getTableColumns(auditEvents);
  const found = await withTenant(tenantId, (tx) =>
    tx
      .select({ ...columns, cursor: sql<string>`to_char(${auditEvents.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')` })
      .from(auditEvents)
      .where(and(...filters))
      .orderBy(...order)
      .limit(q.limit + 1),
  );
  const more = found.length > q.limit;
  const page = found.slice(0, q.limit);
  if (!forward) page.reverse();
  const cursorOf = (r: (typeof page)[number] | undefined) => (r ? encodeAuditCursor({ at: r.cursor, id: r.id }) : null);
  const olderExists = forward ? more : true; // reading back from a cursor: that cursor's row is older
  const newerExists = forward ? Boolean(q.before) : more;
  return {
    data: page.map(({ cursor: _c, ...r }) => r),
    older: olderExists && page.length ? cursorOf(page.at(-1)) : null,
    newer: newerExists && page.length ? cursorOf(page[0]) : null,
  };
}
