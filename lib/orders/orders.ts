import { asc, eq, sql, type SQL } from 'drizzle-orm';
import { orderLines, orderRefunds, orders, shifts, type OrderStatus } from '@/db/schema/orders';
import { authorise, can, type TenantContext, type TenantScope } from '@/lib/auth';
import { appendEvents } from '@/lib/events';
import { defaultLocation, releaseStock, reserveStock } from '@/lib/inventory';
import { paymentsOfOrder, refundsOfOrder, type PaymentView } from '@/lib/payments';
import { businessDayOf, DEFAULT_DAY_START } from '@/lib/platform/business-day';
import { withTenant, type Tx } from '@/lib/platform/db';
import { AppError, notFound } from '@/lib/platform/errors';
import { setTableOccupancy } from '@/lib/restaurant';
import { variantLabel } from '@/lib/catalog';
import { customerForOrder, redeemPoints } from '@/lib/customers';
import { auditDiscountOverLimit, auditFiredVoid, auditVoid } from './audit';
import { assertNoOtherTab, courseOf, firedLine, planLines, writeLines, type FiredLine } from './firing';
import { quoteWithSettings, type Quote } from './quote';
import { orderConditions, pageOfOrders, type OrderRow } from './search';
import { partsOfOrder, type SplitPartView } from './split-parts';
import type { CreateOrderInput, ListOrdersQuery, UpdateOrderInput } from './schemas';

export type { OrderRow };
type LineRow = typeof orderLines.$inferSelect;

export type OrderView = Omit<OrderRow, 'tenantId'> & {
  lines: Omit<LineRow, 'tenantId' | 'orderId'>[];
  payments: PaymentView[];
  /** Money back per tender. */
  refunds: Awaited<ReturnType<typeof refundsOfOrder>>;
  /** Each refund as decided: why, which lines, restocked or not, who approved. */
  refundDocuments: Omit<typeof orderRefunds.$inferSelect, 'tenantId'>[];
  balanceDue: number;
  /** Cash handed back over all cash tenders. */
  changeGiven: number;
  /** Tips given with the captured tenders (not part of the total or the balance). */
  tipTotal: number;
  /** The split bill's parts, in order (empty: not split). */
  parts: SplitPartView[];
};

/**
 * The order state machine. `open` is a parked order or a dine-in tab (editable, no stock
 * taken); `placed` has taken its items out of stock and waits for money.
 */
const TRANSITIONS: Record<OrderStatus, OrderStatus[]> = {
  open: ['placed', 'voided', 'merged', 'cancelled'],
  placed: ['partially_paid', 'paid', 'voided'],
  partially_paid: ['partially_paid', 'paid'],
  paid: ['completed'],
  completed: ['partially_refunded', 'refunded'],
  partially_refunded: ['partially_refunded', 'refunded'],
  refunded: [],
  voided: [],
  merged: [],
  cancelled: [],
};

const STATUS_WORDS: Record<OrderStatus, string> = {
  open: 'open',
  placed: 'waiting for payment',
  partially_paid: 'partly paid',
  paid: 'paid',
  completed: 'completed',
  voided: 'voided',
  partially_refunded: 'partly refunded',
  refunded: 'refunded',
  merged: 'merged into another table',
  cancelled: 'cancelled',
};

export function assertTransition(from: OrderStatus, to: OrderStatus): void {
  if (!TRANSITIONS[from].includes(to)) {
    throw new AppError('conflict', `This order is ${STATUS_WORDS[from]}; it cannot become ${STATUS_WORDS[to]}`);
  }
}

/**
 * The business day (YYYY-MM-DD) of `at` in the tenant's time zone, cut at the tenant's day
 * start (lib/platform/business-day.ts, the same rule the reports use): order numbers restart
 * each business day, so a bar open past midnight keeps counting until its day ends.
 */
export function businessDate(timeZone: string, at = new Date(), dayStartsAt = DEFAULT_DAY_START): string {
  return businessDayOf(at, { timeZone, dayStartsAt }).date;
}

/**
 * The next order number for a location and day, as a value of the order's insert: the SQL
 * function (db/policies.sql) takes it in that same statement. The counter row is locked until commit.
 */
const nextOrderNumber = (tenantId: string, locationId: string, day: string) => sql<number>`take_order_number(${tenantId}, ${locationId}, ${day}::date)`;

const saleLines = (lines: Pick<LineRow, 'variantId' | 'quantity' | 'trackStock' | 'allowNegativeStock' | 'productName' | 'variantName'>[]) =>
  lines.map((l) => ({ variantId: l.variantId, quantity: l.quantity, trackStock: l.trackStock, allowNegativeStock: l.allowNegativeStock, label: variantLabel(l) }));

/** What placing needs of each line: stock flags for inventory, the snapshot for the kitchen's tickets. */
type PlacedLine = Pick<
  LineRow,
  | 'id'
  | 'position'
  | 'variantId'
  | 'productId'
  | 'categoryId'
  | 'quantity'
  | 'trackStock'
  | 'allowNegativeStock'
  | 'productName'
  | 'variantName'
  | 'modifiers'
  | 'note'
  | 'course'
  | 'firedQuantity'
>;

const nothingToPlace = () => new AppError('unprocessable', 'Add at least one item before checking out', [{ path: 'lines', message: 'Add at least one item' }]);

/** Takes a sale's items out of stock (in the caller's transaction); short items fail it. */
const takeStock = (tx: Tx, tenantId: string, sale: { orderId: string; locationId: string; createdBy: string | null }, lines: Parameters<typeof saleLines>[0]) =>
  reserveStock(tx, tenantId, { locationId: sale.locationId, lines: saleLines(lines), referenceType: 'order', referenceId: sale.orderId, actorUserId: sale.createdBy });

/** Emits OrderPlaced; each line's `firedQuantity` is what the kitchen had before (a tab's Send), the ticket makes the rest. */
const announcePlaced = (tx: Tx, order: OrderRow, lines: PlacedLine[]) =>
  appendEvents(tx, order.tenantId, [
    {
      type: 'OrderPlaced',
      payload: {
        orderId: order.id,
        number: order.number,
        locationId: order.locationId,
        total: order.total,
        type: order.type,
        tableId: order.tableId,
        customerName: order.customerName,
        note: order.note,
        // In the order they were rung up: a ticket lists them so.
        lines: [...lines].sort((a, b) => a.position - b.position).map((l) => ({ ...firedLine(l, l.quantity), firedQuantity: l.firedQuantity })),
      },
    },
  ]);

/** Places an open order (parked, or a tab): its items out of stock, OrderPlaced, everything fired (in the caller's transaction). */
async function place(tx: Tx, order: OrderRow, lines: PlacedLine[]): Promise<void> {
  assertTransition(order.status, 'placed');
  if (lines.length === 0) throw nothingToPlace();
  await takeStock(tx, order.tenantId, { orderId: order.id, locationId: order.locationId, createdBy: order.createdBy }, lines);
  await tx
    .update(orders)
    .set({ status: 'placed', stockReserved: true, placedAt: new Date(), updatedAt: new Date() })
    .where(eq(orders.id, order.id));
  await announcePlaced(tx, order, lines);
  // Everything is with the kitchen now (held courses included: checkout fires the rest).
  await tx.update(orderLines).set({ firedQuantity: sql`${orderLines.quantity}`, firedAt: new Date(), held: false }).where(eq(orderLines.orderId, order.id));
}

export async function lockOrder(tx: Tx, orderId: string): Promise<OrderRow> {
  const [order] = await tx.select().from(orders).where(eq(orders.id, orderId)).for('update');
  if (!order) throw notFound('Order');
  return order;
}

/** The open shift an order is rung up in (its register and location), checked. */
export async function openShiftOf(tx: Tx, shiftId: string | null, locationId: string | undefined): Promise<{ registerName: string; locationId: string; openedAt: Date } | null> {
  if (!shiftId) return null;
  const [shift] = await tx
    .select({ status: shifts.status, locationId: shifts.locationId, registerName: shifts.registerName, openedAt: shifts.openedAt })
    .from(shifts)
    .where(eq(shifts.id, shiftId));
  if (!shift) throw new AppError('unprocessable', 'No such shift', [{ path: 'shiftId', message: 'No such shift' }]);
  if (shift.status !== 'open') throw new AppError('conflict', 'This shift is closed; open a new one', undefined, { words: { key: 'shiftClosedOpenNew' } });
  if (locationId && shift.locationId !== locationId) throw new AppError('unprocessable', 'The shift belongs to another location');
  return shift;
}

const lineValues = (tenantId: string, orderId: string, quote: Quote, input: CreateOrderInput['lines']) =>
  quote.lines.map((l, position) => ({
    tenantId,
    orderId,
    position,
    ...courseOf(input, position),
    variantId: l.variantId,
    productId: l.productId,
    categoryId: l.categoryId,
    productName: l.productName,
    variantName: l.variantName,
    sku: l.sku,
    unitPrice: l.unitPrice,
    unitCost: l.unitCost,
    modifiers: l.modifiers,
    modifiersTotal: l.modifiersTotal,
    quantity: l.quantity,
    note: l.note,
    discount: l.discount,
    taxRateBasisPoints: l.taxRateBasisPoints,
    gross: l.gross,
    lineDiscount: l.lineDiscount,
    orderDiscount: l.orderDiscount,
    net: l.net,
    serviceCharge: l.serviceCharge,
    tax: l.tax,
    total: l.total,
    trackStock: l.trackStock,
    allowNegativeStock: l.allowNegativeStock,
    seat: l.seat,
  }));

const totalsOf = (quote: Quote) => ({
  orderDiscount: quote.orderDiscount,
  serviceChargeBasisPoints: quote.serviceChargeBasisPoints,
  subtotal: quote.subtotal,
  discountTotal: quote.discountTotal,
  serviceChargeTotal: quote.serviceChargeTotal,
  taxTotal: quote.taxTotal,
  total: quote.total,
});

/**
 * Checkout (or park): one transaction writes the order and its lines, takes the items out of
 * stock (a guarded update per line — short items fail the whole order), seats the table and
 * appends OrderPlaced. Tenders come after, each on its own (see payments.ts) — except the cash
 * handed over with a checkout, which `createOrderOnce`'s `andThen` takes in this transaction.
 *
 * A checkout writes the order as placed at once, and takes its stock *before* its number: the
 * location's day counter is the one row every sale there waits for, locked until commit, so
 * the fewer statements after it the more sales a second (it was taken first, with eleven
 * round trips to the app behind it, and capped a busy till at ~30 sales a second).
 */
export async function createOrder(ctx: TenantContext, input: CreateOrderInput): Promise<string> {
  const orderId = crypto.randomUUID();
  await writeOrder(ctx, input, orderId, async () => undefined);
  return orderId;
}

/** How far ahead of the server's clock a register's may run before its time is refused. */
const CLOCK_SKEW_MS = 5 * 60 * 1000;

/**
 * The time of a sale a register made offline, checked against the business's offline window: not
 * ahead of now (beyond a register clock's drift), not older than `maxHours`, and not before the
 * shift it was rung up in opened. Refused before anything is written; the register keeps it for a
 * manager to look at.
 */
function offlineSaleTime(placedAt: Date, now: Date, maxHours: number, shift: { openedAt: Date } | null): Date {
  const refuse = (message: string) => new AppError('unprocessable', message, [{ path: 'placedAt', message }]);
  if (placedAt.getTime() > now.getTime() + CLOCK_SKEW_MS) throw refuse("The sale's time is in the future: check the register's clock");
  if (now.getTime() - placedAt.getTime() > maxHours * 3600 * 1000) throw refuse(`This sale was made offline more than ${maxHours} hours ago, longer than the business allows`);
  if (shift && placedAt < shift.openedAt) throw refuse('This sale is older than the shift it was rung up in');
  return placedAt;
}

/** Thrown inside writeOrder's transaction to undo it: the order of that id is there already. */
class OrderExists extends Error {}

/** What writeOrder hands on to work in the same transaction: the order and its lines as written. */
export type WrittenOrder = { order: OrderRow; lines: LineRow[] };

/**
 * createOrder with the order's id given (checkout derives it from the request's
 * Idempotency-Key), then `andThen` in the same transaction (checkout takes a cash tender there).
 * Answers `null`, writing nothing, when an order of that id exists already.
 */
export async function createOrderOnce<R>(
  ctx: TenantContext,
  input: CreateOrderInput,
  orderId: string,
  andThen: (tx: Tx, written: WrittenOrder) => Promise<R>,
  paidWithSale?: PaidWithSale,
): Promise<{ value: R } | null> {
  try {
    return { value: await writeOrder(ctx, input, orderId, andThen, paidWithSale) };
  } catch (err) {
    if (err instanceof OrderExists) return null;
    throw err;
  }
}

/**
 * What a tender handed over with a sale puts toward its total (0: none, or refused), asked once the
 * sale is priced: the order is written with it paid (completed when it covers the total), and
 * `andThen` records the tender itself — one update of the order fewer while the sale holds its
 * location's day counter.
 */
export type PaidWithSale = (total: number) => number;

/** A placed order's status and paid columns, `paid` of its `total` taken with it at `at`. */
function paidColumns(paid: number, total: number, at: Date) {
  if (paid <= 0) return { status: 'placed' as const };
  if (paid < total) return { status: 'partially_paid' as const, paidTotal: paid };
  return { status: 'completed' as const, paidTotal: paid, paidAt: at, completedAt: at };
}

async function writeOrder<R>(
  ctx: TenantContext,
  input: CreateOrderInput,
  orderId: string,
  andThen: (tx: Tx, written: WrittenOrder) => Promise<R>,
  paidWithSale?: PaidWithSale,
): Promise<R> {
  const tenantId = ctx.tenantId;
  const fallbackLocation = input.locationId ?? (input.shiftId ? undefined : (await defaultLocation({ tenantId }))?.id);
  // A discount a cashier may need a manager's approval for is priced first: checking the approval
  // reads the session's state in a transaction of its own, never inside another.
  const mayNeedApproval = !can(ctx, 'discount:override') && (Boolean(input.orderDiscount) || input.lines.some((l) => Boolean(l.discount)));
  const pricedFirst = mayNeedApproval ? await quoteWithSettings(ctx, input) : null;
  return withTenant(tenantId, async (tx) => {
    // Else priced in the sale's own transaction (3 statements fewer than one of its own), before any row is locked.
    const { quote, settings } = pricedFirst ?? (await quoteWithSettings(ctx, input, new Set(), tx));
    // An order rung up in a shift belongs to that shift's register and location.
    const shift = await openShiftOf(tx, input.shiftId, input.locationId);
    const locationId = shift?.locationId ?? fallbackLocation;
    if (!locationId) throw new AppError('unprocessable', 'This business has no location yet; add one under Stock → Locations', undefined, { words: { key: 'noLocationAddOne' } });
    const now = new Date();
    const at = input.placedAt ? offlineSaleTime(input.placedAt, now, settings.offlineMaxHours, shift) : now;
    if (input.tableId && input.park) await assertNoOtherTab(tx, input.tableId, null);
    const placed = !input.park;
    // The customer attached at the register: this business's (RLS sees no other), or 422 before anything is written.
    const customer = input.customerId ? await customerForOrder(tx, input.customerId) : null;
    const values = lineValues(tenantId, orderId, quote, input.lines);
    if (placed) {
      if (values.length === 0) throw nothingToPlace();
      await takeStock(tx, tenantId, { orderId, locationId, createdBy: ctx.userId }, values);
    }
    const day = businessDate(ctx.tenant.timeZone, at, settings.dayStartsAt);
    const [order] = await tx
      .insert(orders)
      .values({
        tenantId,
        id: orderId,
        number: nextOrderNumber(tenantId, locationId, day),
        businessDate: day,
        locationId,
        shiftId: input.shiftId,
        registerName: shift?.registerName ?? null,
        // Placed: everything goes to the kitchen now (held courses included: checkout fires the rest).
        ...(placed ? { ...paidColumns(paidWithSale?.(quote.total) ?? 0, quote.total, at), stockReserved: true, placedAt: at } : { status: 'open' as const }),
        type: input.type,
        tableId: input.tableId,
        covers: input.type === 'dine_in' ? (input.covers ?? 1) : null,
        customerName: input.customerName ?? customer?.name ?? null,
        customerId: customer?.id ?? null,
        note: input.note,
        currency: ctx.tenant.currency,
        pricesIncludeTax: settings.pricesIncludeTax,
        ...totalsOf(quote),
        createdBy: ctx.userId,
        // Rung up when it was made: a sale sent later by a register that was offline is filed (order
        // search, exports, lists) under the time and day it was sold, as the reports file it.
        createdAt: at,
      })
      .onConflictDoNothing({ target: [orders.tenantId, orders.id] })
      .returning();
    if (!order) throw new OrderExists(); // its stock and number go back with the rollback
    const reward = quote.orderDiscount?.loyaltyPoints && quote.orderDiscount.kind === 'amount' ? quote.orderDiscount : null;
    if (reward && customer) await redeemPoints(tx, tenantId, { customerId: customer.id, orderId, points: reward.loyaltyPoints!, amount: reward.amount, actorUserId: ctx.userId });
    const fired = placed ? values.map((l) => ({ ...l, firedQuantity: l.quantity, firedAt: now, held: false })) : values;
    // An empty tab is a table seated before anything was ordered (startTab).
    const lines = fired.length ? await tx.insert(orderLines).values(fired).returning() : [];
    await auditDiscountOverLimit(tx, ctx, { id: orderId, number: order.number, discountTotal: null }, quote, settings.discountLimitBasisPoints);
    if (input.tableId) await setTableOccupancy(tx, input.tableId, { status: 'occupied', covers: input.covers ?? 1 });
    // Nothing of it was with the kitchen before: the tickets make every unit.
    if (placed) await announcePlaced(tx, order, lines.map((l) => ({ ...l, firedQuantity: 0 })));
    return andThen(tx, { order, lines });
  });
}

/**
 * Replaces what is on an open order (a parked order or a tab), re-priced now; answers the order as
 * it now is. Taking off units the kitchen already has (fired) is a void: it needs `order:void` or
 * a manager's approval (`voidApproval`), asked before anything is written; unfired lines go freely.
 */
export async function updateOpenOrder(ctx: TenantContext, orderId: string, input: UpdateOrderInput): Promise<OrderView> {
  const tenantId = ctx.tenantId;
  const current = await withTenant(tenantId, async (tx) => {
    const [exists] = await tx.select({ status: orders.status }).from(orders).where(eq(orders.id, orderId));
    if (!exists) throw notFound('Order');
    // Before any approval is asked for: a checked-out order's lines are all "fired", but it cannot change at all.
    if (exists.status !== 'open') throw notOpen(exists.status);
    return tx.select().from(orderLines).where(eq(orderLines.orderId, orderId)).orderBy(asc(orderLines.position));
  });
  const { quote, settings } = await quoteWithSettings(ctx, input, new Set(current.map((l) => l.variantId)));
  const values = lineValues(tenantId, orderId, quote, input.lines);
  const voids = planLines(current, values, input.lines).voids;
  const voidApprovedBy = voids.length ? await authorise(ctx, 'order:void', input.voidApproval, voidWhy(voids), 'voidApproval') : null;
  await withTenant(tenantId, async (tx) => {
    const order = await lockOrder(tx, orderId);
    if (order.status !== 'open') throw notOpen(order.status);
    const shift = await openShiftOf(tx, input.shiftId, order.locationId);
    const customer = input.customerId ? await customerForOrder(tx, input.customerId) : null;
    if (input.tableId && input.tableId !== order.tableId) await assertNoOtherTab(tx, input.tableId, orderId);
    // Line ids are kept (matched by the lineId the register sends back): what the kitchen has is known per line.
    const voided = await writeLines(tx, order, values, input.lines);
    // Sent to the kitchen since the check above (another register's Send): approved by nobody yet.
    if (voided.length && !voidApprovedBy && !can(ctx, 'order:void')) {
      throw new AppError('forbidden', voidWhy(voided), [{ path: 'voidApproval', message: 'A manager enters their PIN' }]);
    }
    if (voided.length) await auditFiredVoid(tx, ctx, order, voided, voidApprovedBy ?? ctx.userId);
    await tx
      .update(orders)
      .set({
        type: input.type,
        shiftId: input.shiftId ?? order.shiftId,
        registerName: shift?.registerName ?? order.registerName,
        tableId: input.tableId,
        covers: input.type === 'dine_in' ? (input.covers ?? order.covers ?? 1) : null,
        customerName: input.customerName ?? customer?.name ?? null,
        customerId: customer?.id ?? null,
        note: input.note,
        pricesIncludeTax: settings.pricesIncludeTax,
        ...totalsOf(quote),
        updatedAt: new Date(),
      })
      .where(eq(orders.id, orderId));
    await auditDiscountOverLimit(tx, ctx, order, quote, settings.discountLimitBasisPoints);
    if (order.tableId && order.tableId !== input.tableId) await setTableOccupancy(tx, order.tableId, { status: 'free', covers: 0 });
    if (input.tableId) await setTableOccupancy(tx, input.tableId, { status: 'occupied', covers: input.covers ?? order.covers ?? 1 });
  });
  return getOrder(ctx, orderId);
}

const notOpen = (status: OrderStatus) => new AppError('conflict', `This order is ${STATUS_WORDS[status]}; only open orders can be changed`);
const voidWhy = (lines: FiredLine[]) =>
  `The kitchen already has ${lines.map((l) => `${l.quantity}× ${l.name}`).join(', ')}: taking ${lines.length === 1 && lines[0]!.quantity === 1 ? 'it' : 'them'} off needs a manager's approval`;

/** Checks out an open order (a resumed parked order or a tab being paid); answers the order as it now is. */
export async function placeOrder(ctx: TenantContext, orderId: string): Promise<OrderView> {
  await withTenant(ctx.tenantId, async (tx) => {
    const order = await lockOrder(tx, orderId);
    await place(tx, order, await tx.select().from(orderLines).where(eq(orderLines.orderId, orderId)));
  });
  return getOrder(ctx, orderId);
}

/** Places an open order inside a payment's transaction; returns the order as it now is. */
export async function placeIfOpen(tx: Tx, order: OrderRow): Promise<OrderRow> {
  if (order.status !== 'open') return order;
  await place(tx, order, await tx.select().from(orderLines).where(eq(orderLines.orderId, order.id)));
  return { ...order, status: 'placed', stockReserved: true };
}

/**
 * Voids an unpaid order: its stock goes back, its table is freed. Needs `order:void`, or a
 * manager's approval (checked by the caller, who names the approver for the audit log).
 */
export async function voidOrderInTx(tx: Tx, ctx: TenantContext, orderId: string, reason: string, approvedBy: string | null = null): Promise<void> {
  const order = await lockOrder(tx, orderId);
  assertTransition(order.status, 'voided');
  const pending = (await paymentsOfOrder(tx, orderId)).filter((p) => p.status === 'pending');
  if (pending.length) throw new AppError('conflict', 'A card payment for this order is still being confirmed; wait a moment');
  if (order.stockReserved) {
    const lines = await tx.select().from(orderLines).where(eq(orderLines.orderId, orderId));
    await releaseStock(tx, order.tenantId, {
      locationId: order.locationId,
      lines: lines.map((l) => ({ variantId: l.variantId, quantity: l.quantity, trackStock: l.trackStock })),
      reason: 'Order voided',
      referenceType: 'order',
      referenceId: orderId,
      actorUserId: ctx.userId,
    });
  }
  await tx
    .update(orders)
    .set({
      status: 'voided',
      stockReserved: false,
      voidedAt: new Date(),
      voidReason: reason,
      voidedBy: ctx.userId,
      voidApprovedBy: approvedBy === ctx.userId ? null : approvedBy,
      updatedAt: new Date(),
    })
    .where(eq(orders.id, orderId));
  if (order.tableId) await setTableOccupancy(tx, order.tableId, { status: 'free', covers: 0 });
  await auditVoid(tx, ctx, order, reason, approvedBy);
  await appendEvents(tx, order.tenantId, [{ type: 'OrderVoided', payload: { orderId, number: order.number, reason, customerId: order.customerId } }]);
}

export async function getOrder({ tenantId }: TenantScope, orderId: string): Promise<OrderView> {
  return withTenant(tenantId, (tx) => orderViewIn(tx, orderId));
}

/** The order as getOrder answers it, read in the caller's transaction (after its own writes: no second transaction). */
export async function orderViewIn(tx: Tx, orderId: string): Promise<OrderView> {
  // Sent together: postgres.js pipelines a transaction's queries (one round trip, not five).
  const [[row], lines, documents, payments, refunds] = await Promise.all([
    tx.select().from(orders).where(eq(orders.id, orderId)),
    tx.select().from(orderLines).where(eq(orderLines.orderId, orderId)).orderBy(asc(orderLines.position)),
    tx.select().from(orderRefunds).where(eq(orderRefunds.orderId, orderId)).orderBy(asc(orderRefunds.createdAt)),
    paymentsOfOrder(tx, orderId),
    refundsOfOrder(tx, orderId),
  ]);
  if (!row) throw notFound('Order');
  return viewOf(row, lines, documents, payments, refunds, await partsOfOrder(tx, orderId, payments));
}

/**
 * The view of an order written in the caller's transaction, from the rows its writes returned:
 * nothing can have been refunded or split yet, so nothing is read back (a checkout's answer).
 */
export const newOrderView = ({ order, lines }: WrittenOrder, payments: PaymentView[]): OrderView => viewOf(order, lines, [], payments, [], []);

function viewOf(
  row: OrderRow,
  lines: LineRow[],
  documents: (typeof orderRefunds.$inferSelect)[],
  payments: PaymentView[],
  refunds: OrderView['refunds'],
  parts: SplitPartView[],
): OrderView {
  const { tenantId: _t, ...rest } = row;
  return {
    ...rest,
    lines: [...lines].sort((a, b) => a.position - b.position).map(({ tenantId: _tl, orderId: _o, ...l }) => l),
    payments,
    refunds,
    refundDocuments: documents.map(({ tenantId: _td, ...d }) => d),
    balanceDue: Math.max(0, row.total - row.paidTotal),
    changeGiven: payments.reduce((sum, p) => sum + (p.status === 'captured' ? (p.changeGiven ?? 0) : 0), 0),
    tipTotal: payments.reduce((sum, p) => sum + (p.status === 'captured' ? p.tip : 0), 0),
    parts,
  };
}

/** The WHERE of an order list: every filter of `query` that is set (the one builder: search.ts). */
function orderFilters(query: Omit<ListOrdersQuery, 'skip' | 'limit'>): SQL | undefined {
  return orderConditions({
    statuses: query.status?.split(',').filter(Boolean) as OrderStatus[] | undefined,
    since: query.from ? new Date(query.from) : undefined,
    through: query.to ? new Date(query.to) : undefined,
    shift: query.shift,
    location: query.location,
    number: query.number,
  });
}

export async function listOrders({ tenantId }: TenantScope, query: ListOrdersQuery) {
  return pageOfOrders(tenantId, orderFilters(query), query.skip, query.limit);
}

/** How many orders of each status match `query` (status, skip and limit aside), in one GROUP BY: the status chips' counts. */
export async function countOrdersByStatus({ tenantId }: TenantScope, query: Omit<ListOrdersQuery, 'status' | 'skip' | 'limit'>): Promise<Partial<Record<OrderStatus, number>>> {
  const rows = await withTenant(tenantId, (tx) =>
    tx
      .select({ status: orders.status, count: sql<number>`count(*)::int` })
      .from(orders)
      .where(orderFilters(query))
      .groupBy(orders.status),
  );
  return Object.fromEntries(rows.map((r) => [r.status, r.count]));
}
