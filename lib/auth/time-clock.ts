import { and, asc, eq, gt, isNull, lt, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import { timeClockEntries, users } from '@/db/schema/auth';
import { changes, recordAudit } from '@/lib/platform/audit';
import { dayParam } from '@/lib/platform/calendar';
import { csvText } from '@/lib/platform/csv';
import { addDays, businessCalendar, businessDayRange, instantOfWallTime, WALL_TIME_PATTERN, type BusinessDayRule } from '@/lib/platform/business-day';
import { withTenant, type Tx } from '@/lib/platform/db';
import { AppError, notFound, pgErrorCode } from '@/lib/platform/errors';
import { businessDayRule } from '@/lib/tenancy';
import { checkPin } from './credentials';
import { can } from './permissions';
import type { TenantContext, TenantScope } from './context';
import { issueWords } from '@/lib/platform/issue-words';

/**
 * The time clock: staff clock in and out by their own PIN at a register (the PIN says who, so
 * anyone may clock themselves from whichever register is signed in); managers correct entries
 * and add forgotten ones, each audited with a reason. Hours are cut into business days by the
 * tenant's rule (lib/platform/business-day.ts), so a night shift past midnight counts on each
 * side of the day's start in the tenant's zone, never the server's.
 */
export type TimeClockEntry = { id: string; userId: string; name: string; clockedInAt: Date; clockedOutAt: Date | null; corrected: boolean };

export const clockPunchSchema = z.object({
  userId: z.uuid({ message: 'Choose who you are' }),
  // Any text: a wrong format is only a wrong PIN (checkPin says more about the tenant's minimum).
  pin: z.string().min(1, 'Enter your PIN').max(12, 'Enter your PIN'),
});
export type ClockPunch = z.infer<typeof clockPunchSchema>;

const wallTime = z.string().regex(WALL_TIME_PATTERN, 'Enter a date and time');
const reason = z.string().trim().min(3, 'Say why the hours change').max(200, 'Use at most 200 characters');
export const timeClockCorrectionSchema = z.object({ clockedInAt: wallTime, clockedOutAt: wallTime.nullable(), reason });
export const timeClockAdditionSchema = z.object({ userId: z.uuid({ message: 'Choose a staff member' }), clockedInAt: wallTime, clockedOutAt: wallTime, reason });
const day = z.string().refine((v) => dayParam(v) !== undefined, { message: 'Use a date, YYYY-MM-DD', params: issueWords('date') });
export const hoursRangeSchema = z.object({ from: day, to: day }).strict();
export type TimeClockCorrection = z.infer<typeof timeClockCorrectionSchema>;
export type TimeClockAddition = z.infer<typeof timeClockAdditionSchema>;

const entryColumns = {
  id: timeClockEntries.id,
  userId: timeClockEntries.userId,
  name: users.name,
  clockedInAt: timeClockEntries.clockedInAt,
  clockedOutAt: timeClockEntries.clockedOutAt,
  corrected: sql<boolean>`${timeClockEntries.correctedBy} is not null`,
};

const selectEntries = (tx: Tx) => tx.select(entryColumns).from(timeClockEntries).innerJoin(users, eq(users.id, timeClockEntries.userId));

/** Entries overlapping [from, to): started before `to`, not ended before `from`. */
const overlapping = (from: Date, to: Date) =>
  and(lt(timeClockEntries.clockedInAt, to), or(isNull(timeClockEntries.clockedOutAt), gt(timeClockEntries.clockedOutAt, from)));

/** The PIN's owner, or the one answer for a wrong PIN, an unknown person and someone deactivated (as approvals give). */
/** Who clocks: the tenant, and the session (a signed-in register's, or a locked one's) whose PIN bucket the try counts against. */
type PunchSource = Pick<TenantContext, 'tenantId' | 'sessionId'>;

async function pinOwner(ctx: PunchSource, punch: ClockPunch, ip: string | null) {
  const { user, matches, attempt } = await checkPin(ctx.tenantId, punch.userId, punch.pin, { sessionId: ctx.sessionId, ip });
  if (!user || !matches || !user.active) throw new AppError('forbidden', 'Wrong PIN.', [{ path: 'pin', message: 'Wrong PIN.' }], { words: { key: 'wrongPin' }, fieldWords: { pin: { key: 'wrongPin' } } });
  await attempt.succeeded();
  return user;
}

/** Clocks the PIN's owner in: 409 when they already are (one open entry per person; the index is the race backstop). */
export async function clockIn(ctx: PunchSource, punch: ClockPunch, ip: string | null = null): Promise<TimeClockEntry> {
  const user = await pinOwner(ctx, punch, ip);
  return withTenant(ctx.tenantId, async (tx) => {
    const [open] = await selectEntries(tx).where(and(eq(timeClockEntries.userId, user.id), isNull(timeClockEntries.clockedOutAt)));
    if (open) throw alreadyIn(open);
    try {
      const [row] = await tx.insert(timeClockEntries).values({ tenantId: ctx.tenantId, userId: user.id, clockedInAt: new Date() }).returning({ id: timeClockEntries.id });
      const [entry] = await selectEntries(tx).where(eq(timeClockEntries.id, row!.id));
      return entry!;
    } catch (err) {
      if (pgErrorCode(err) === '23505') throw alreadyIn(null);
      throw err;
    }
  });
}

const alreadyIn = (open: TimeClockEntry | null) =>
  new AppError('conflict', 'Already clocked in. Clock out first.', open ? [{ path: 'userId', message: `Clocked in at ${open.clockedInAt.toISOString()}` }] : undefined);

/** Clocks the PIN's owner out, closing their open entry: 409 when there is none. */
export async function clockOut(ctx: PunchSource, punch: ClockPunch, ip: string | null = null): Promise<TimeClockEntry> {
  const user = await pinOwner(ctx, punch, ip);
  return withTenant(ctx.tenantId, async (tx) => {
    const [row] = await tx
      .update(timeClockEntries)
      // Never before the clock-in (a corrected start in the future, a clock skew): the entry is then 0 long.
      .set({ clockedOutAt: sql`greatest(${new Date().toISOString()}::timestamptz, ${timeClockEntries.clockedInAt})`, updatedAt: new Date() })
      .where(and(eq(timeClockEntries.userId, user.id), isNull(timeClockEntries.clockedOutAt)))
      .returning({ id: timeClockEntries.id });
    if (!row) throw new AppError('conflict', 'Not clocked in. Clock in first.', undefined, { words: { key: 'notClockedIn' } });
    const [entry] = await selectEntries(tx).where(eq(timeClockEntries.id, row.id));
    return entry!;
  });
}

/** Who is clocked in now, earliest first (the register's time clock shows it). */
export async function clockedIn({ tenantId }: TenantScope): Promise<TimeClockEntry[]> {
  return withTenant(tenantId, (tx) => selectEntries(tx).where(isNull(timeClockEntries.clockedOutAt)).orderBy(asc(timeClockEntries.clockedInAt)));
}

function instants(ctx: TenantContext, input: { clockedInAt: string; clockedOutAt: string | null }) {
  const zone = ctx.tenant.timeZone;
  const clockedInAt = instantOfWallTime(zone, input.clockedInAt);
  const clockedOutAt = input.clockedOutAt === null ? null : instantOfWallTime(zone, input.clockedOutAt);
  const problems = [
    ...(clockedInAt ? [] : [{ path: 'clockedInAt', message: 'Enter a real date and time' }]),
    ...(input.clockedOutAt !== null && !clockedOutAt ? [{ path: 'clockedOutAt', message: 'Enter a real date and time' }] : []),
    ...(clockedInAt && clockedOutAt && clockedOutAt < clockedInAt ? [{ path: 'clockedOutAt', message: 'Clock-out comes after clock-in' }] : []),
    ...((clockedInAt && clockedInAt.getTime() > Date.now()) || (clockedOutAt && clockedOutAt.getTime() > Date.now())
      ? [{ path: clockedOutAt && clockedOutAt.getTime() > Date.now() ? 'clockedOutAt' : 'clockedInAt', message: 'Hours cannot be in the future' }]
      : []),
  ];
  if (problems.length) throw new AppError('unprocessable', problems[0]!.message, problems);
  return { clockedInAt: clockedInAt!, clockedOutAt };
}

/** Corrections are managers' whoever calls (a server action checks too; this holds for any caller). */
function assertManages(ctx: TenantContext): void {
  if (!can(ctx, 'timeclock:manage')) throw new AppError('forbidden', 'Only a manager or owner corrects hours', undefined, { words: { key: 'hoursManagersOnly' } });
}

const audited = (e: { clockedInAt: Date; clockedOutAt: Date | null }) => ({ clockedInAt: e.clockedInAt.toISOString(), clockedOutAt: e.clockedOutAt?.toISOString() ?? null });

/** A manager corrects an entry's times (closing a forgotten one, too), audited with the reason. Another tenant's id is not found. */
export async function correctTimeClockEntry(ctx: TenantContext, id: string, input: TimeClockCorrection): Promise<TimeClockEntry> {
  assertManages(ctx);
  const times = instants(ctx, input);
  return withTenant(ctx.tenantId, async (tx) => {
    const [stored] = await tx.select().from(timeClockEntries).where(eq(timeClockEntries.id, id)).for('update');
    if (!stored) throw notFound('Time clock entry');
    await tx.update(timeClockEntries).set({ ...times, correctedBy: ctx.userId, updatedAt: new Date() }).where(eq(timeClockEntries.id, id));
    const { before, after } = changes(audited(stored), audited(times));
    await recordAudit(tx, ctx.tenantId, {
      actorUserId: ctx.userId,
      action: 'time_clock.corrected',
      entityType: 'time_clock_entry',
      entityId: id,
      before,
      after,
      details: { reason: input.reason, staffUserId: stored.userId },
    });
    const [entry] = await selectEntries(tx).where(eq(timeClockEntries.id, id));
    return entry!;
  }).catch(openTwice);
}

/** A manager adds hours someone forgot to clock, audited with the reason. */
export async function addTimeClockEntry(ctx: TenantContext, input: TimeClockAddition): Promise<TimeClockEntry> {
  assertManages(ctx);
  const times = instants(ctx, input);
  return withTenant(ctx.tenantId, async (tx) => {
    const [person] = await tx.select({ id: users.id }).from(users).where(eq(users.id, input.userId));
    if (!person) throw notFound('Staff member');
    const [row] = await tx
      .insert(timeClockEntries)
      .values({ tenantId: ctx.tenantId, userId: input.userId, ...times, correctedBy: ctx.userId })
      .returning({ id: timeClockEntries.id });
    await recordAudit(tx, ctx.tenantId, {
      actorUserId: ctx.userId,
      action: 'time_clock.added',
      entityType: 'time_clock_entry',
      entityId: row!.id,
      after: audited(times),
      details: { reason: input.reason, staffUserId: input.userId },
    });
    const [entry] = await selectEntries(tx).where(eq(timeClockEntries.id, row!.id));
    return entry!;
  });
}

const openTwice = (err: unknown): never => {
  if (pgErrorCode(err) === '23505') throw new AppError('conflict', 'This person is clocked in on another entry; close that one first.', [{ path: 'clockedOutAt', message: 'Already clocked in elsewhere' }], { words: { key: 'clockedInElsewhere' }, fieldWords: { clockedOutAt: { key: 'clockedInElsewhere' } } });
  throw err;
};

// ——— hours ———

/** Milliseconds of [start, end) within [from, to). */
const within = (start: number, end: number, from: number, to: number) => Math.max(0, Math.min(end, to) - Math.max(start, from));

/**
 * An entry's time per business day: [in, out) (an open entry runs to `now`) cut where each
 * business day starts, so 22:00–02:00 is 2 h on each side of midnight (with days starting at
 * 00:00) and 25 h days of a clock change count their extra hour. Pure, for tests.
 */
export function splitByBusinessDay(entry: { clockedInAt: Date; clockedOutAt: Date | null }, rule: BusinessDayRule, now: Date): Map<string, number> {
  const calendar = businessCalendar(rule);
  const start = entry.clockedInAt.getTime();
  const end = Math.max(start, (entry.clockedOutAt ?? now).getTime());
  const out = new Map<string, number>();
  for (let date = calendar.dayOf(entry.clockedInAt).date; ; date = addDays(date, 1)) {
    const { from, to } = calendar.range(date, date);
    const ms = within(start, end, from.getTime(), to.getTime());
    if (ms > 0) out.set(date, ms);
    if (to.getTime() >= end) return out;
  }
}

export type HoursSheet = {
  from: string;
  to: string;
  days: string[];
  /** Per person: milliseconds per business day within the range, and the total. */
  people: { userId: string; name: string; byDay: Record<string, number>; total: number; open: boolean }[];
  entries: TimeClockEntry[];
};

const MAX_DAYS = 62;

/**
 * Hours per person per business day for dates `from`..`to` (inclusive), and the entries behind
 * them: one read for the page, its CSV and anything else that shows hours, so they agree.
 */
export async function hoursSheet(ctx: Pick<TenantContext, 'tenantId' | 'tenant'>, from: string, to: string, now = new Date()): Promise<HoursSheet> {
  const rule = await businessDayRule(ctx);
  const days: string[] = [];
  for (let d = from; d <= to && days.length < MAX_DAYS; d = addDays(d, 1)) days.push(d);
  if (days.length === 0 || days.at(-1) !== to) throw new AppError('bad_request', `Choose up to ${MAX_DAYS} days, the first before the last`);
  const range = businessDayRange(from, to, rule);
  const entries = await withTenant(ctx.tenantId, (tx) =>
    selectEntries(tx).where(overlapping(range.from, range.to)).orderBy(asc(users.name), asc(timeClockEntries.clockedInAt)),
  );
  const people = new Map<string, HoursSheet['people'][number]>();
  for (const entry of entries) {
    const person = people.get(entry.userId) ?? { userId: entry.userId, name: entry.name, byDay: {}, total: 0, open: false };
    for (const [date, ms] of splitByBusinessDay(entry, rule, now)) {
      if (date < from || date > to) continue;
      person.byDay[date] = (person.byDay[date] ?? 0) + ms;
      person.total += ms;
    }
    person.open ||= entry.clockedOutAt === null;
    people.set(entry.userId, person);
  }
  return { from, to, days, people: [...people.values()], entries };
}

/**
 * Who worked within [from, to) and for how long (ms; an open entry runs to `to`), inside the
 * caller's transaction: the X/Z report lists the people on shift this way, without knowing
 * this module's tables.
 */
export async function staffHoursIn(tx: Tx, from: Date, to: Date): Promise<{ userId: string; name: string; workedMs: number }[]> {
  const rows = await selectEntries(tx).where(overlapping(from, to)).orderBy(asc(timeClockEntries.clockedInAt));
  const byPerson = new Map<string, { userId: string; name: string; workedMs: number }>();
  for (const e of rows) {
    const ms = within(e.clockedInAt.getTime(), (e.clockedOutAt ?? to).getTime(), from.getTime(), to.getTime());
    const person = byPerson.get(e.userId) ?? { userId: e.userId, name: e.name, workedMs: 0 };
    person.workedMs += ms;
    byPerson.set(e.userId, person);
  }
  return [...byPerson.values()];
}

/** The sheet as CSV: one row per person and business day worked, hours as a decimal for payroll. */
export function hoursSheetCsv(sheet: HoursSheet): string {
  const rows = sheet.people.flatMap((p) => sheet.days.filter((d) => p.byDay[d]).map((date) => ({ date, name: p.name, ms: p.byDay[date]! })));
  return csvText(rows, [
    { header: 'Date', value: (r) => r.date },
    { header: 'Staff member', value: (r) => r.name },
    { header: 'Minutes', value: (r) => Math.round(r.ms / 60_000), numeric: true },
    { header: 'Hours', value: (r) => (r.ms / 3_600_000).toFixed(2), numeric: true },
  ]);
}
