import { and, asc, desc, eq, gte, inArray, isNotNull, lt, sql, type SQL } from 'drizzle-orm';
import { orderLines, orderRefunds, orders, shifts, type DiscountRecord, type OrderType } from '@/db/schema/orders';
import { capturedByOrder, refundedByDocument } from '@/lib/payments';
import type { Tx } from '@/lib/platform/db';

/**
 * The sales read model: what reports need to know about sales, refunds and voids, as facts
 * that never change once they happened. lib/analytics reads order data only through these
 * functions (it may not read this module's tables); they take the caller's transaction so an
 * event handler can use them inside the dispatcher's.
 *
 * - A **sale** is a paid order, at the instant it became fully paid (`paidAt`). Its lines,
 *   amounts and tenders are fixed from then on (refunds are their own facts).
 * - A **refund** is a settled refund document, at its `settledAt`: pending refunds moved no
 *   money, failed ones never will.
 * - A **void** is a voided order, at its `voidedAt`: no sale, but counted with its reason,
 *   who voided it and who approved.
 *
 * Each kind is selected by ids (one event) or by a time range [from, to) (a rebuild), through
 * one loader, so the incremental path and the rebuild can never disagree.
 */
export type SaleLineFact = {
  variantId: string;
  productId: string;
  categoryId: string | null;
  productName: string;
  variantName: string;
  taxRateBasisPoints: number;
  /** The variant's cost per unit when sold (null: not known). */
  unitCost: number | null;
  quantity: number;
  /** (unit price + modifiers) × quantity, before discounts. */
  gross: number;
  /** Line discount + its share of the order discount. */
  discount: number;
  /** gross − discount. */
  net: number;
  /** The line's share of the order's service charge (dine-in); tax was computed on net + serviceCharge. */
  serviceCharge: number;
  tax: number;
};

export type SaleFact = {
  orderId: string;
  number: number;
  locationId: string;
  /** Who rang the order up. */
  staffId: string;
  type: OrderType;
  covers: number | null;
  paidAt: Date;
  pricesIncludeTax: boolean;
  lines: SaleLineFact[];
  /** Captured money per tender (cash is the amount kept, change excluded; tips not included). */
  tenders: { tender: 'cash' | 'card'; amount: number; count: number }[];
  /** Tips on the captured payments: the staff's (the order's server, as on the X/Z report), outside every sales figure. */
  tips: number;
  /** The money taken off, per reason (a saved discount's name or what the cashier typed; '' when none was given). */
  discounts: { reason: string; amount: number }[];
};

export type RefundLineFact = Omit<SaleLineFact, 'quantity' | 'gross' | 'discount' | 'net' | 'serviceCharge' | 'tax'> & {
  quantity: number;
  /** Money back for these units (tax included when the tenant prices that way, or added on top). */
  amount: number;
  /** The tax inside `amount`. */
  tax: number;
};

export type RefundFact = {
  refundId: string;
  orderId: string;
  orderNumber: number;
  locationId: string;
  /** Who sold the order, who gave the money back, and the manager who approved (null: none needed). */
  sellerId: string;
  refundedBy: string;
  approvedBy: string | null;
  reason: string;
  settledAt: Date;
  pricesIncludeTax: boolean;
  amount: number;
  lines: RefundLineFact[];
  tenders: { tender: 'cash' | 'card'; amount: number }[];
};

export type VoidFact = {
  orderId: string;
  number: number;
  locationId: string;
  sellerId: string;
  /** Who voided it (voids before this was recorded: the seller) and who approved (null: none needed or unknown). */
  voidedBy: string;
  approvedBy: string | null;
  reason: string;
  voidedAt: Date;
  /** What the order came to. */
  total: number;
  items: number;
};

export type FactSelection = { ids: string[] } | { from: Date; to: Date };

const inRange = (column: typeof orders.paidAt | typeof orders.voidedAt | typeof orderRefunds.settledAt, s: { from: Date; to: Date }) =>
  and(gte(column, s.from), lt(column, s.to));

/** Large id lists go to the payments module in chunks (bind parameters are finite). */
async function chunked<T>(ids: string[], read: (chunk: string[]) => Promise<T[]>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < ids.length; i += 5000) out.push(...(await read(ids.slice(i, i + 5000))));
  return out;
}

const lineColumns = {
  id: orderLines.id,
  orderId: orderLines.orderId,
  variantId: orderLines.variantId,
  productId: orderLines.productId,
  categoryId: orderLines.categoryId,
  productName: orderLines.productName,
  variantName: orderLines.variantName,
  taxRateBasisPoints: orderLines.taxRateBasisPoints,
  unitCost: orderLines.unitCost,
  quantity: orderLines.quantity,
  gross: orderLines.gross,
  lineDiscount: orderLines.lineDiscount,
  orderDiscount: orderLines.orderDiscount,
  discountRecord: orderLines.discount,
  net: orderLines.net,
  serviceCharge: orderLines.serviceCharge,
  tax: orderLines.tax,
  total: orderLines.total,
  position: orderLines.position,
};

function groupBy<T>(rows: T[], key: (row: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) {
    const list = map.get(key(row));
    if (list) list.push(row);
    else map.set(key(row), [row]);
  }
  return map;
}

/** Paid orders (by id, or paid in [from, to)), oldest first. */
export async function saleFacts(tx: Tx, selection: FactSelection): Promise<SaleFact[]> {
  if ('ids' in selection && selection.ids.length === 0) return [];
  const where: SQL = 'ids' in selection ? and(inArray(orders.id, selection.ids), isNotNull(orders.paidAt))! : inRange(orders.paidAt, selection)!;
  const rows = await tx
    .select({
      orderId: orders.id,
      number: orders.number,
      locationId: orders.locationId,
      staffId: orders.createdBy,
      type: orders.type,
      covers: orders.covers,
      paidAt: orders.paidAt,
      pricesIncludeTax: orders.pricesIncludeTax,
      orderDiscount: orders.orderDiscount,
    })
    .from(orders)
    .where(where)
    .orderBy(asc(orders.paidAt), asc(orders.id));
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.orderId);
  const lines = groupBy(
    await tx
      .select(lineColumns)
      .from(orderLines)
      .where(
        'ids' in selection
          ? inArray(orderLines.orderId, ids)
          : inArray(orderLines.orderId, tx.select({ id: orders.id }).from(orders).where(where)),
      )
      .orderBy(asc(orderLines.orderId), asc(orderLines.position)),
    (l) => l.orderId,
  );
  const tenders = groupBy(await chunked(ids, (chunk) => capturedByOrder(tx, chunk)), (p) => p.orderId);
  return rows.map(({ orderDiscount, ...r }) => ({
    ...r,
    paidAt: r.paidAt!,
    discounts: discountsByReason(lines.get(r.orderId) ?? [], orderDiscount?.reason),
    lines: (lines.get(r.orderId) ?? []).map((l) => ({
      variantId: l.variantId,
      productId: l.productId,
      categoryId: l.categoryId,
      productName: l.productName,
      variantName: l.variantName,
      taxRateBasisPoints: l.taxRateBasisPoints,
      unitCost: l.unitCost,
      quantity: l.quantity,
      gross: l.gross,
      discount: l.lineDiscount + l.orderDiscount,
      net: l.net,
      serviceCharge: l.serviceCharge,
      tax: l.tax,
    })),
    tenders: (tenders.get(r.orderId) ?? []).map((t) => ({ tender: t.tender, amount: t.amount, count: t.count })),
    tips: (tenders.get(r.orderId) ?? []).reduce((sum, t) => sum + t.tip, 0),
  }));
}

/** Each line's own discount under its reason, the order discount's shares under the order's; nothing for none. */
function discountsByReason(
  lines: { lineDiscount: number; orderDiscount: number; discountRecord: DiscountRecord | null }[],
  orderReason: string | null | undefined,
): { reason: string; amount: number }[] {
  const byReason = new Map<string, number>();
  const add = (reason: string | null | undefined, amount: number) => {
    if (amount > 0) byReason.set(reason ?? '', (byReason.get(reason ?? '') ?? 0) + amount);
  };
  for (const l of lines) add(l.discountRecord?.reason, l.lineDiscount);
  add(orderReason, lines.reduce((s, l) => s + l.orderDiscount, 0));
  return [...byReason].map(([reason, amount]) => ({ reason, amount }));
}

/**
 * The tax inside a refunded line's money. Refunds record it since the sales read model
 * exists; older ones get the line's tax in proportion to the money (rounded half up).
 */
const refundedTax = (line: { tax: number; total: number }, part: { amount: number; tax?: number }) =>
  part.tax ?? (line.total > 0 ? Math.floor((2 * line.tax * part.amount + line.total) / (2 * line.total)) : 0);

/** Settled refunds (by refund id, or settled in [from, to)), oldest first. */
export async function refundFacts(tx: Tx, selection: FactSelection): Promise<RefundFact[]> {
  if ('ids' in selection && selection.ids.length === 0) return [];
  const settled = eq(orderRefunds.status, 'settled');
  const rows = await tx
    .select({
      refundId: orderRefunds.id,
      orderId: orderRefunds.orderId,
      orderNumber: orders.number,
      locationId: orders.locationId,
      sellerId: orders.createdBy,
      refundedBy: orderRefunds.createdBy,
      approvedBy: orderRefunds.approvedBy,
      reason: orderRefunds.reason,
      settledAt: orderRefunds.settledAt,
      pricesIncludeTax: orders.pricesIncludeTax,
      amount: orderRefunds.amount,
      parts: orderRefunds.lines,
    })
    .from(orderRefunds)
    .innerJoin(orders, eq(orders.id, orderRefunds.orderId))
    .where(and(settled, isNotNull(orderRefunds.settledAt), 'ids' in selection ? inArray(orderRefunds.id, selection.ids) : inRange(orderRefunds.settledAt, selection)))
    .orderBy(asc(orderRefunds.settledAt), asc(orderRefunds.id));
  if (rows.length === 0) return [];
  const orderIds = [...new Set(rows.map((r) => r.orderId))];
  const lines = new Map(
    (await chunked(orderIds, (chunk) => tx.select(lineColumns).from(orderLines).where(inArray(orderLines.orderId, chunk)))).map((l) => [l.id, l]),
  );
  const tenders = groupBy(await chunked(rows.map((r) => r.refundId), (chunk) => refundedByDocument(tx, chunk)), (p) => p.orderRefundId);
  return rows.map(({ parts, ...r }) => ({
    ...r,
    settledAt: r.settledAt!,
    lines: parts.flatMap((part) => {
      const line = lines.get(part.lineId);
      if (!line) return [];
      return [
        {
          variantId: line.variantId,
          productId: line.productId,
          categoryId: line.categoryId,
          productName: line.productName,
          variantName: line.variantName,
          taxRateBasisPoints: line.taxRateBasisPoints,
          unitCost: line.unitCost,
          quantity: part.quantity,
          amount: part.amount,
          tax: refundedTax(line, part),
        },
      ];
    }),
    tenders: (tenders.get(r.refundId) ?? []).map((t) => ({ tender: t.tender, amount: t.amount })),
  }));
}

/** Voided orders (by order id, or voided in [from, to)), oldest first. */
export async function voidFacts(tx: Tx, selection: FactSelection): Promise<VoidFact[]> {
  if ('ids' in selection && selection.ids.length === 0) return [];
  const rows = await tx
    .select({
      orderId: orders.id,
      number: orders.number,
      locationId: orders.locationId,
      sellerId: orders.createdBy,
      voidedBy: sql<string>`coalesce(${orders.voidedBy}, ${orders.createdBy})`,
      approvedBy: orders.voidApprovedBy,
      reason: sql<string>`coalesce(${orders.voidReason}, '')`,
      voidedAt: orders.voidedAt,
      total: orders.total,
      // Qualified by hand: drizzle leaves a one-table select's columns bare, and a bare "id" here would be order_lines.id.
      items: sql<number>`(select coalesce(sum(l.quantity), 0)::int from ${orderLines} l where l.tenant_id = ${orders}.tenant_id and l.order_id = ${orders}.id)`,
    })
    .from(orders)
    .where(and(eq(orders.status, 'voided'), isNotNull(orders.voidedAt), 'ids' in selection ? inArray(orders.id, selection.ids) : inRange(orders.voidedAt, selection)))
    .orderBy(asc(orders.voidedAt), asc(orders.id));
  return rows.map((r) => ({ ...r, voidedAt: r.voidedAt! }));
}

/** The first and last instant any sale, refund or void happened (null: none yet): what a rebuild covers. */
export async function salesFactsSpan(tx: Tx): Promise<{ first: Date; last: Date } | null> {
  const [o] = await tx
    .select({
      first: sql<string | null>`least(min(${orders.paidAt}), min(${orders.voidedAt}))`,
      last: sql<string | null>`greatest(max(${orders.paidAt}), max(${orders.voidedAt}))`,
    })
    .from(orders);
  const [r] = await tx
    .select({ first: sql<string | null>`min(${orderRefunds.settledAt})`, last: sql<string | null>`max(${orderRefunds.settledAt})` })
    .from(orderRefunds)
    .where(eq(orderRefunds.status, 'settled'));
  const times = [o?.first, o?.last, r?.first, r?.last].filter((t): t is string => t !== null && t !== undefined).map((t) => new Date(t).getTime());
  return times.length ? { first: new Date(Math.min(...times)), last: new Date(Math.max(...times)) } : null;
}

export type ClosedShiftFact = {
  shiftId: string;
  locationId: string;
  registerName: string;
  openedBy: string;
  closedBy: string | null;
  openedAt: Date;
  closedAt: Date;
  openingFloat: number;
  expectedCash: number;
  countedCash: number;
  /** counted − expected: negative is a shortage. */
  difference: number;
};

/** Shifts closed in [from, to) (optionally at one location), latest first: the drawers' over/short. */
export async function closedShifts(tx: Tx, range: { from: Date; to: Date; locationId?: string }): Promise<ClosedShiftFact[]> {
  const rows = await tx
    .select({
      shiftId: shifts.id,
      locationId: shifts.locationId,
      registerName: shifts.registerName,
      openedBy: shifts.openedBy,
      closedBy: shifts.closedBy,
      openedAt: shifts.openedAt,
      closedAt: shifts.closedAt,
      openingFloat: shifts.openingFloat,
      expectedCash: shifts.expectedCash,
      countedCash: shifts.countedCash,
    })
    .from(shifts)
    .where(
      and(
        eq(shifts.status, 'closed'),
        gte(shifts.closedAt, range.from),
        lt(shifts.closedAt, range.to),
        range.locationId ? eq(shifts.locationId, range.locationId) : undefined,
      ),
    )
    .orderBy(desc(shifts.closedAt));
  return rows.map((r) => {
    const expectedCash = r.expectedCash ?? 0;
    const countedCash = r.countedCash ?? 0;
    return { ...r, closedAt: r.closedAt!, expectedCash, countedCash, difference: countedCash - expectedCash };
  });
}
