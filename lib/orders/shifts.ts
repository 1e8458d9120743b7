import { and, asc, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import { cashMovements, orderLines, orders, shifts } from '@/db/schema/orders';
import { authorise, staffHoursIn, staffNamesIn, type TenantContext, type TenantScope } from '@/lib/auth';
import { appendEvents } from '@/lib/events';
import { defaultLocation } from '@/lib/inventory';
import { tenderTotalsOfShift, tipsOfShift } from '@/lib/payments';
import { recordAudit } from '@/lib/platform/audit';
import { withTenant, type Tx } from '@/lib/platform/db';
import { AppError, notFound, pgErrorCode } from '@/lib/platform/errors';
import { businessDayRange } from '@/lib/platform/business-day';
import { businessDayRule, getTenantSettings } from '@/lib/tenancy';
import { openShiftOf, type OrderRow } from './orders';

/**
 * Shifts and the cash drawer. One open shift per register (a unique index on open shifts);
 * cash in/out with a reason; the X report any time, the Z report when closing:
 * expected cash = opening float + cash taken − cash refunded + cash tips + cash in − cash out.
 * Money is booked only to an open drawer of the order's location (drawerFor). Cash out above
 * the tenant's `cashOutLimit`, and closing a shift someone else opened, need `shift:manage`
 * or a manager's approval.
 */
export type Shift = Omit<typeof shifts.$inferSelect, 'tenantId'>;

export type ShiftReport = {
  shiftId: string;
  registerName: string;
  openedAt: Date;
  closedAt: Date | null;
  openingFloat: number;
  orders: { count: number; total: number; voided: number };
  /**
   * What the shift sold (its orders, voided ones aside) and what its drawer gave back: net sales
   * = sales − refunds paid out in this shift. Absent on Z reports kept before it existed.
   */
  sales?: { items: number; discounts: number; tax: number; refunds: number; net: number; voidedAmount: number };
  openedBy?: { id: string; name: string | null };
  closedBy?: { id: string; name: string | null } | null;
  /** Who was clocked in during the shift and for how long within it (ms). Absent on Z reports kept before the time clock. */
  staffHours?: { userId: string; name: string; workedMs: number }[];
  /** `taken`/`net` are the orders' money; `tips` came on top (absent on Z reports kept before tips). */
  byTender: { tender: 'cash' | 'card'; taken: number; refunded: number; net: number; count: number; tips?: number }[];
  /**
   * Tips taken in this shift: per tender, and per staff member who served the order (its creator,
   * the server of the table — not whoever happened to take the money). Absent on older Z reports.
   */
  tips?: { total: number; cash: number; card: number; byStaff: { staffId: string; name: string | null; amount: number }[] };
  cashIn: number;
  cashOut: number;
  movements: { kind: 'in' | 'out'; amount: number; reason: string; at: Date }[];
  expectedCash: number;
  countedCash: number | null;
  /** counted − expected: negative is a shortage. */
  difference: number | null;
};

const publicShift = ({ tenantId: _t, ...s }: typeof shifts.$inferSelect): Shift => s;

async function lockShift(tx: Tx, shiftId: string) {
  const [shift] = await tx.select().from(shifts).where(eq(shifts.id, shiftId)).for('update');
  if (!shift) throw notFound('Shift');
  return shift;
}

export async function openShift(ctx: TenantContext, input: { registerName: string; locationId?: string; openingFloat: number }): Promise<Shift> {
  const locationId = input.locationId ?? (await defaultLocation(ctx))?.id;
  if (!locationId) throw new AppError('unprocessable', 'This business has no location yet', undefined, { words: { key: 'noLocation' } });
  return withTenant(ctx.tenantId, async (tx) => {
    const [row] = await tx
      .insert(shifts)
      // The app's clock, like closedAt: a database default would stamp the two ends of one shift
      // from different clocks (the drawer alert's link ran from the DB's day to the app's).
      .values({ tenantId: ctx.tenantId, locationId, registerName: input.registerName, openingFloat: input.openingFloat, openedBy: ctx.userId, openedAt: new Date() })
      .returning()
      .catch((err: unknown) => {
        if (pgErrorCode(err) === '23505') throw new AppError('conflict', `${input.registerName} already has an open shift; close it first`, undefined, { words: { key: 'registerHasShift', values: { register: input.registerName } } });
        if (pgErrorCode(err) === '23503') throw new AppError('unprocessable', 'No such location', undefined, { words: { key: 'gone' } });
        throw err;
      });
    await recordAudit(tx, ctx.tenantId, { actorUserId: ctx.userId, action: 'shift.opened', entityType: 'shift', entityId: row!.id, details: { registerName: input.registerName, openingFloat: input.openingFloat } });
    await appendEvents(tx, ctx.tenantId, [{ type: 'ShiftOpened', payload: { shiftId: row!.id, registerName: row!.registerName, locationId, openingFloat: input.openingFloat } }]);
    return publicShift(row!);
  });
}

export async function currentShift({ tenantId }: TenantScope, registerName: string, locationId?: string): Promise<Shift | null> {
  const [row] = await withTenant(tenantId, (tx) =>
    tx
      .select()
      .from(shifts)
      .where(and(eq(shifts.status, 'open'), eq(shifts.registerName, registerName), locationId ? eq(shifts.locationId, locationId) : undefined)),
  );
  return row ? publicShift(row) : null;
}

/**
 * The shifts opened on business day `date` (the tenant's zone and day start), with each one's
 * report (a closed shift's stored Z report, an open one's X report so far), and the day's
 * totals across registers: the end-of-day summary.
 */
export async function shiftsOfDay(scope: Pick<TenantContext, 'tenantId' | 'tenant'>, date: string): Promise<{ shifts: ShiftReport[]; totals: DayTotals }> {
  const { from, to } = businessDayRange(date, date, await businessDayRule(scope));
  const reports = await withTenant(scope.tenantId, async (tx) => {
    const rows = await tx.select().from(shifts).where(and(gte(shifts.openedAt, from), lt(shifts.openedAt, to))).orderBy(asc(shifts.openedAt));
    const out: ShiftReport[] = [];
    for (const shift of rows) out.push(shift.status === 'closed' && shift.report ? storedReport(shift.report) : await buildReport(tx, shift));
    return out;
  });
  const sum = (pick: (r: ShiftReport) => number) => reports.reduce((s, r) => s + pick(r), 0);
  const closed = reports.filter((r) => r.closedAt !== null);
  return {
    shifts: reports,
    totals: {
      shifts: reports.length,
      open: reports.length - closed.length,
      orders: sum((r) => r.orders.count),
      sales: sum((r) => r.orders.total),
      refunds: sum((r) => r.sales?.refunds ?? 0),
      net: sum((r) => r.sales?.net ?? r.orders.total),
      voided: sum((r) => r.orders.voided),
      byTender: (['cash', 'card'] as const).map((tender) => ({ tender, net: sum((r) => r.byTender.find((t) => t.tender === tender)?.net ?? 0) })),
      tips: sum((r) => r.tips?.total ?? 0),
      expectedCash: closed.reduce((s, r) => s + r.expectedCash, 0),
      countedCash: closed.reduce((s, r) => s + (r.countedCash ?? 0), 0),
      difference: closed.reduce((s, r) => s + (r.difference ?? 0), 0),
    },
  };
}

export type DayTotals = {
  shifts: number;
  /** Shifts still open: their figures are so far, and they are not in the drawer totals. */
  open: number;
  orders: number;
  sales: number;
  refunds: number;
  net: number;
  voided: number;
  byTender: { tender: 'cash' | 'card'; net: number }[];
  /** Tips across the day's shifts (not in sales or net). */
  tips: number;
  /** Closed shifts only. */
  expectedCash: number;
  countedCash: number;
  difference: number;
};

/** One shift of this tenant, open or closed (null: no such shift here). */
export async function getShift({ tenantId }: TenantScope, shiftId: string): Promise<Shift | null> {
  const [row] = await withTenant(tenantId, (tx) => tx.select().from(shifts).where(eq(shifts.id, shiftId)));
  return row ? publicShift(row) : null;
}

/**
 * The drawer a tender or cash refund goes to: the shift given, which must be open and at the
 * order's location (else 422/409); without one, the order's own shift while it is still open.
 */
export async function drawerFor(tx: Tx, order: OrderRow, shiftId: string | null): Promise<string | null> {
  if (shiftId) {
    await openShiftOf(tx, shiftId, order.locationId);
    return shiftId;
  }
  if (!order.shiftId) return null;
  const [own] = await tx.select({ status: shifts.status }).from(shifts).where(eq(shifts.id, order.shiftId));
  return own?.status === 'open' ? order.shiftId : null;
}

export async function addCashMovement(
  ctx: TenantContext,
  shiftId: string,
  input: { kind: 'in' | 'out'; amount: number; reason: string },
  approval: { token: string } | null = null,
) {
  const approvedBy =
    input.kind === 'out' && input.amount > (await getTenantSettings(ctx)).cashOutLimit
      ? await authorise(ctx, 'shift:manage', approval, 'A manager must approve taking this much cash out of the drawer')
      : null;
  return withTenant(ctx.tenantId, async (tx) => {
    const shift = await lockShift(tx, shiftId);
    if (shift.status !== 'open') throw new AppError('conflict', 'This shift is closed', undefined, { words: { key: 'shiftClosed' } });
    const [row] = await tx.insert(cashMovements).values({ tenantId: ctx.tenantId, shiftId, ...input, approvedBy, createdBy: ctx.userId }).returning();
    if (approvedBy) {
      await recordAudit(tx, ctx.tenantId, { actorUserId: ctx.userId, approverUserId: approvedBy, action: 'shift.cash_out', entityType: 'shift', entityId: shiftId, details: { registerName: shift.registerName, amount: input.amount, reason: input.reason } });
    }
    const { tenantId: _t, ...movement } = row!;
    return movement;
  });
}

async function buildReport(tx: Tx, shift: typeof shifts.$inferSelect): Promise<ShiftReport> {
  const orderRows = await tx
    .select({ id: orders.id, status: orders.status, total: orders.total, discounts: orders.discountTotal, tax: orders.taxTotal })
    .from(orders)
    .where(eq(orders.shiftId, shift.id));
  const tenders = await tenderTotalsOfShift(tx, shift.id);
  const movements = await tx
    .select({ kind: cashMovements.kind, amount: cashMovements.amount, reason: cashMovements.reason, at: cashMovements.createdAt })
    .from(cashMovements)
    .where(eq(cashMovements.shiftId, shift.id))
    .orderBy(asc(cashMovements.createdAt));

  const byTender = (['cash', 'card'] as const).map((tender) => {
    const { taken, refunded, count, tips } = tenders[tender];
    return { tender, taken, refunded, net: taken - refunded, count, tips };
  });
  const cashIn = movements.filter((m) => m.kind === 'in').reduce((s, m) => s + m.amount, 0);
  const cashOut = movements.filter((m) => m.kind === 'out').reduce((s, m) => s + m.amount, 0);
  // Cash tips were handed over with the payment: they are in the drawer until someone takes them out (a cash out).
  const expectedCash = shift.openingFloat + byTender[0]!.net + tenders.cash.tips + cashIn - cashOut;
  const tips = await tipsByStaff(tx, shift.id);
  // A merged tab's lines were sold on the tab they joined: counted there, not twice. A cancelled tab sold nothing.
  const sold = orderRows.filter((o) => o.status !== 'voided' && o.status !== 'open' && o.status !== 'merged' && o.status !== 'cancelled');
  const voided = orderRows.filter((o) => o.status === 'voided');
  const [items] = sold.length
    ? ((await tx
        .select({ n: sql<number>`coalesce(sum(${orderLines.quantity}), 0)::int` })
        .from(orderLines)
        .where(inArray(orderLines.orderId, sold.map((o) => o.id)))) as [{ n: number }])
    : [{ n: 0 }];
  const salesTotal = sold.reduce((s, o) => s + o.total, 0);
  const refunds = byTender.reduce((s, t) => s + t.refunded, 0);
  const names = await staffNamesIn(tx, [shift.openedBy, shift.closedBy, ...tips.map((t) => t.staffId)]);
  return {
    shiftId: shift.id,
    registerName: shift.registerName,
    openedAt: shift.openedAt,
    closedAt: shift.closedAt,
    openingFloat: shift.openingFloat,
    orders: { count: sold.length, total: salesTotal, voided: voided.length },
    sales: {
      items: items.n,
      discounts: sold.reduce((s, o) => s + o.discounts, 0),
      tax: sold.reduce((s, o) => s + o.tax, 0),
      refunds,
      net: salesTotal - refunds,
      voidedAmount: voided.reduce((s, o) => s + o.total, 0),
    },
    openedBy: { id: shift.openedBy, name: names[shift.openedBy] ?? null },
    closedBy: shift.closedBy ? { id: shift.closedBy, name: names[shift.closedBy] ?? null } : null,
    staffHours: await staffHoursIn(tx, shift.openedAt, shift.closedAt ?? new Date()),
    byTender,
    tips: {
      total: tenders.cash.tips + tenders.card.tips,
      cash: tenders.cash.tips,
      card: tenders.card.tips,
      byStaff: tips.map((t) => ({ ...t, name: names[t.staffId] ?? null })),
    },
    cashIn,
    cashOut,
    movements,
    expectedCash,
    countedCash: shift.countedCash,
    difference: shift.countedCash === null ? null : shift.countedCash - expectedCash,
  };
}

/** The shift's tips per staff member who served the order, most first. */
async function tipsByStaff(tx: Tx, shiftId: string): Promise<{ staffId: string; amount: number }[]> {
  const tips = await tipsOfShift(tx, shiftId);
  if (tips.length === 0) return [];
  const servers = await tx.select({ id: orders.id, by: orders.createdBy }).from(orders).where(inArray(orders.id, tips.map((t) => t.orderId)));
  const serverOf = new Map(servers.map((o) => [o.id, o.by]));
  const byStaff = new Map<string, number>();
  for (const t of tips) {
    const staffId = serverOf.get(t.orderId)!;
    byStaff.set(staffId, (byStaff.get(staffId) ?? 0) + t.tip);
  }
  return [...byStaff.entries()].map(([staffId, amount]) => ({ staffId, amount })).sort((a, b) => b.amount - a.amount || a.staffId.localeCompare(b.staffId));
}

/** A Z report as stored (JSON): its times come back as Dates. */
function storedReport(json: Record<string, unknown>): ShiftReport {
  const report = json as unknown as ShiftReport & { openedAt: string; closedAt: string | null };
  return {
    ...report,
    openedAt: new Date(report.openedAt),
    closedAt: report.closedAt ? new Date(report.closedAt) : null,
    movements: report.movements.map((m) => ({ ...m, at: new Date(m.at) })),
  };
}

/** The X report: the shift so far (nothing changes). */
export async function shiftReport({ tenantId }: TenantScope, shiftId: string): Promise<ShiftReport> {
  return withTenant(tenantId, async (tx) => {
    const [shift] = await tx.select().from(shifts).where(eq(shifts.id, shiftId));
    if (!shift) throw notFound('Shift');
    return shift.status === 'closed' && shift.report ? storedReport(shift.report) : buildReport(tx, shift);
  });
}

/**
 * Closes the shift with the cash counted and keeps the Z report as it was at that moment.
 * Someone else's shift takes `shift:manage` or a manager's approval (recorded in the audit).
 */
export async function closeShift(ctx: TenantContext, shiftId: string, countedCash: number, approval: { token: string } | null = null): Promise<ShiftReport> {
  const [opened] = await withTenant(ctx.tenantId, (tx) => tx.select({ by: shifts.openedBy }).from(shifts).where(eq(shifts.id, shiftId)));
  if (!opened) throw notFound('Shift');
  const approvedBy =
    opened.by === ctx.userId ? null : await authorise(ctx, 'shift:manage', approval, 'A manager must approve closing a shift someone else opened');
  return withTenant(ctx.tenantId, async (tx) => {
    const shift = await lockShift(tx, shiftId);
    if (shift.status !== 'open') throw new AppError('conflict', 'This shift is already closed', undefined, { words: { key: 'shiftAlreadyClosed' } });
    const [unpaid] = (await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(orders)
      .where(and(eq(orders.shiftId, shiftId), inArray(orders.status, ['placed', 'partially_paid'])))) as [{ n: number }];
    if (unpaid.n > 0) throw new AppError('conflict', `${unpaid.n} order(s) of this shift still wait for payment; take payment or void them first`, undefined, { words: { key: 'shiftUnpaid', values: { count: unpaid.n } } });
    const closedAt = new Date();
    const report = await buildReport(tx, { ...shift, countedCash, closedAt, closedBy: ctx.userId });
    await tx
      .update(shifts)
      .set({ status: 'closed', closedAt, closedBy: ctx.userId, countedCash, expectedCash: report.expectedCash, report: report as unknown as Record<string, unknown> })
      .where(eq(shifts.id, shiftId));
    await recordAudit(tx, ctx.tenantId, {
      actorUserId: ctx.userId,
      approverUserId: approvedBy,
      action: 'shift.closed',
      entityType: 'shift',
      entityId: shiftId,
      before: { status: 'open' },
      after: { status: 'closed' },
      details: { registerName: shift.registerName, countedCash, expectedCash: report.expectedCash, difference: report.difference },
    });
    await appendEvents(tx, ctx.tenantId, [
      { type: 'ShiftClosed', payload: { shiftId, registerName: shift.registerName, locationId: shift.locationId, countedCash, expectedCash: report.expectedCash, difference: report.difference } },
    ]);
    return report;
  });
}

/** Whether any shift was ever opened (the first-day checklist). */
export async function anyShiftOpened({ tenantId }: TenantScope): Promise<boolean> {
  const rows = await withTenant(tenantId, (tx) => tx.select({ id: shifts.id }).from(shifts).limit(1));
  return rows.length > 0;
}

/** Which of `variantIds` any order line ever named (removing a sample item must not orphan a past sale). */
export async function variantsSold({ tenantId }: TenantScope, variantIds: string[]): Promise<Set<string>> {
  if (variantIds.length === 0) return new Set();
  const rows = await withTenant(tenantId, (tx) =>
    tx.selectDistinct({ variantId: orderLines.variantId }).from(orderLines).where(inArray(orderLines.variantId, variantIds)),
  );
  return new Set(rows.map((r) => r.variantId));
}
