import { and, asc, count, desc, eq, inArray, isNotNull, isNull } from 'drizzle-orm';
import { diningTables, kitchenStations, kitchenTickets, type KitchenTicketLine } from '@/db/schema/restaurant';
import { can, type TenantContext, type TenantScope } from '@/lib/auth';
import { appendEvents, onEvent, type DomainEvent } from '@/lib/events';
import { withTenant, type Tx } from '@/lib/platform/db';
import { AppError, notFound } from '@/lib/platform/errors';
import { routingIn, stationFor } from './stations';

/**
 * Kitchen tickets: what one station must make for an order. Fired by the outbox handler of
 * OrderPlaced (one ticket per station the order's items route to), on the station's screen until
 * bumped, back on it when recalled, marked when the order is voided. Every change is announced
 * as KitchenTicketsChanged, in its transaction, so the station's screens refetch. docs/kitchen.md.
 */
export type { KitchenTicketLine };
export type KitchenTicket = {
  id: string;
  stationId: string;
  orderId: string;
  orderNumber: number;
  orderType: string;
  tableName: string | null;
  customerName: string | null;
  orderNote: string | null;
  lines: KitchenTicketLine[];
  firedAt: Date;
  bumpedAt: Date | null;
  recalledAt: Date | null;
  voidedAt: Date | null;
};

const columns = {
  id: kitchenTickets.id,
  stationId: kitchenTickets.stationId,
  orderId: kitchenTickets.orderId,
  orderNumber: kitchenTickets.orderNumber,
  orderType: kitchenTickets.orderType,
  tableName: kitchenTickets.tableName,
  customerName: kitchenTickets.customerName,
  orderNote: kitchenTickets.orderNote,
  lines: kitchenTickets.lines,
  firedAt: kitchenTickets.firedAt,
  bumpedAt: kitchenTickets.bumpedAt,
  recalledAt: kitchenTickets.recalledAt,
  voidedAt: kitchenTickets.voidedAt,
};

/** A screen shows at most this many (the oldest first); a kitchen 200 tickets behind has other troubles. */
const SCREEN_LIMIT = 200;

const announce = (tx: Tx, tenantId: string, stationIds: Iterable<string>) =>
  appendEvents(
    tx,
    tenantId,
    [...new Set(stationIds)].map((stationId) => ({ type: 'KitchenTicketsChanged' as const, payload: { stationId } })),
  );

type FiringHeader = {
  orderId: string;
  number: number;
  locationId: string;
  type?: string;
  tableId?: string | null;
  customerName?: string | null;
  note?: string | null;
};
type FiringLine = KitchenTicketLine & { productId: string; categoryId: string | null };

/**
 * One ticket per station the lines go to, for one firing (event) of an order. Inserted ON
 * CONFLICT DO NOTHING on (order, station, event), so a redelivered event fires nothing twice (the
 * dispatcher already skips a handled one; this holds without it too). A business with no station
 * yet fires nothing.
 */
async function makeTickets(tx: Tx, event: { id: string; tenantId: string; occurredAt: Date }, header: FiringHeader, lines: FiringLine[]): Promise<void> {
  const { tenantId } = event;
  if (lines.length === 0) return;
  const routing = await routingIn(
    tx,
    [...new Set(lines.map((l) => l.productId))],
    [...new Set(lines.flatMap((l) => (l.categoryId ? [l.categoryId] : [])))],
  );
  if (!routing) return;

  const byStation = new Map<string, KitchenTicketLine[]>();
  for (const { productId, categoryId, ...ticketLine } of lines) {
    const stationId = stationFor(routing, { productId, categoryId });
    if (!stationId) continue;
    byStation.set(stationId, [...(byStation.get(stationId) ?? []), ticketLine]);
  }
  if (byStation.size === 0) return;

  const [table] = header.tableId ? await tx.select({ name: diningTables.name }).from(diningTables).where(eq(diningTables.id, header.tableId)) : [];
  const fired = await tx
    .insert(kitchenTickets)
    .values(
      [...byStation].map(([stationId, ticketLines]) => ({
        tenantId,
        stationId,
        orderId: header.orderId,
        eventId: event.id,
        locationId: header.locationId,
        orderNumber: header.number,
        orderType: header.type ?? 'takeaway',
        tableName: table?.name ?? null,
        customerName: header.customerName ?? null,
        orderNote: header.note ?? null,
        // Courses in order (a ticket lists starters before mains), then as rung up.
        lines: ticketLines.map((l, i) => ({ l, i })).sort((a, b) => (a.l.course ?? 1) - (b.l.course ?? 1) || a.i - b.i).map(({ l }) => l),
        firedAt: event.occurredAt,
      })),
    )
    .onConflictDoNothing({ target: [kitchenTickets.tenantId, kitchenTickets.orderId, kitchenTickets.stationId, kitchenTickets.eventId] })
    .returning({ stationId: kitchenTickets.stationId });
  await announce(tx, tenantId, fired.map((t) => t.stationId));
}

/**
 * The OrderPlaced handler: the lines' units not already fired from the open tab (hold & fire);
 * lines of events from before tickets (no snapshot) are skipped.
 */
export async function fireTickets(tx: Tx, event: DomainEvent<'OrderPlaced'>): Promise<void> {
  const lines = event.payload.lines.flatMap((l) => {
    const quantity = l.quantity - (l.firedQuantity ?? 0);
    if (!l.lineId || !l.productId || !l.name || quantity <= 0) return [];
    const line: FiringLine = { lineId: l.lineId, productId: l.productId, categoryId: l.categoryId ?? null, name: l.name, quantity, modifiers: l.modifiers ?? [], note: l.note ?? null };
    return [l.course ? { ...line, course: l.course } : line];
  });
  await makeTickets(tx, event, event.payload, lines);
}

/** The OrderLinesFired handler: a tab's Send, "Fire course n", or units voided after firing. */
export async function fireTabLines(tx: Tx, event: DomainEvent<'OrderLinesFired'>): Promise<void> {
  await makeTickets(
    tx,
    event,
    event.payload,
    event.payload.lines.map((l) => ({
      lineId: l.lineId,
      productId: l.productId,
      categoryId: l.categoryId,
      name: l.name,
      quantity: l.quantity,
      modifiers: l.modifiers,
      note: l.note,
      course: l.course,
      ...(l.voided && { voided: true }),
    })),
  );
}

/** An order moved table: its tickets name the new table (a cook must know where to take it). */
export async function retableTickets(tx: Tx, event: DomainEvent<'OrderMoved'>): Promise<void> {
  const [table] = await tx.select({ name: diningTables.name }).from(diningTables).where(eq(diningTables.id, event.payload.toTableId));
  const moved = await tx
    .update(kitchenTickets)
    .set({ tableName: table?.name ?? null })
    .where(eq(kitchenTickets.orderId, event.payload.orderId))
    .returning({ stationId: kitchenTickets.stationId, bumpedAt: kitchenTickets.bumpedAt });
  await announce(tx, event.tenantId, moved.filter((t) => !t.bumpedAt).map((t) => t.stationId));
}

/**
 * A tab merged into another: its tickets belong to the tab it joined (a later void of that tab
 * marks them too) and name its table and number.
 */
export async function mergeTickets(tx: Tx, event: DomainEvent<'OrderMerged'>): Promise<void> {
  const { orderId, intoOrderId, intoNumber, intoTableId } = event.payload;
  const [table] = intoTableId ? await tx.select({ name: diningTables.name }).from(diningTables).where(eq(diningTables.id, intoTableId)) : [];
  const merged = await tx
    .update(kitchenTickets)
    .set({ orderId: intoOrderId, orderNumber: intoNumber, tableName: table?.name ?? null })
    .where(eq(kitchenTickets.orderId, orderId))
    .returning({ stationId: kitchenTickets.stationId, bumpedAt: kitchenTickets.bumpedAt });
  await announce(tx, event.tenantId, merged.filter((t) => !t.bumpedAt).map((t) => t.stationId));
}

/** The OrderVoided handler: the order's tickets are marked voided; those on a screen show it until bumped. */
export async function voidTickets(tx: Tx, event: DomainEvent<'OrderVoided'>): Promise<void> {
  const voided = await tx
    .update(kitchenTickets)
    .set({ voidedAt: event.occurredAt })
    .where(and(eq(kitchenTickets.orderId, event.payload.orderId), isNull(kitchenTickets.voidedAt)))
    .returning({ stationId: kitchenTickets.stationId });
  await announce(tx, event.tenantId, voided.map((t) => t.stationId));
}

onEvent('OrderPlaced', 'restaurant.kitchen-tickets', fireTickets);
onEvent('OrderLinesFired', 'restaurant.kitchen-tab-tickets', fireTabLines);
onEvent('OrderMoved', 'restaurant.kitchen-move', retableTickets);
onEvent('OrderMerged', 'restaurant.kitchen-merge', mergeTickets);
onEvent('OrderVoided', 'restaurant.kitchen-void', voidTickets);

function mayUse(ctx: TenantContext): void {
  if (!can(ctx, 'kitchen:use')) throw new AppError('forbidden', 'Your role does not use the kitchen display');
}

async function stationExists(tx: Tx, stationId: string): Promise<void> {
  const [row] = await tx.select({ id: kitchenStations.id }).from(kitchenStations).where(eq(kitchenStations.id, stationId));
  if (!row) throw notFound('Station');
}

/** A station's screen: its tickets not bumped yet (voided ones too, marked), oldest first. */
export async function openTickets({ tenantId }: TenantScope, stationId: string): Promise<KitchenTicket[]> {
  return withTenant(tenantId, async (tx) => {
    await stationExists(tx, stationId);
    return tx
      .select(columns)
      .from(kitchenTickets)
      .where(and(eq(kitchenTickets.stationId, stationId), isNull(kitchenTickets.bumpedAt)))
      .orderBy(asc(kitchenTickets.firedAt), asc(kitchenTickets.orderNumber))
      .limit(SCREEN_LIMIT);
  });
}

/** How many tickets wait on each station's screen (stations with none are absent). */
export async function openTicketCounts({ tenantId }: TenantScope): Promise<Map<string, number>> {
  const rows = await withTenant(tenantId, (tx) =>
    tx.select({ stationId: kitchenTickets.stationId, n: count() }).from(kitchenTickets).where(isNull(kitchenTickets.bumpedAt)).groupBy(kitchenTickets.stationId),
  );
  return new Map(rows.map((r) => [r.stationId, Number(r.n)]));
}

/** Whether the station has a bumped ticket to recall (the screen greys its Recall button otherwise). */
export async function lastBumpedTicket({ tenantId }: TenantScope, stationId: string): Promise<KitchenTicket | null> {
  const [row] = await withTenant(tenantId, (tx) =>
    tx
      .select(columns)
      .from(kitchenTickets)
      .where(and(eq(kitchenTickets.stationId, stationId), isNotNull(kitchenTickets.bumpedAt)))
      .orderBy(desc(kitchenTickets.bumpedAt))
      .limit(1),
  );
  return row ?? null;
}

/**
 * Done: the ticket leaves its station's screen. Bumping one already bumped (two cooks tapped at
 * once) changes nothing and is no error.
 */
export async function bumpTicket(ctx: TenantContext, ticketId: string): Promise<KitchenTicket> {
  mayUse(ctx);
  return withTenant(ctx.tenantId, async (tx) => {
    const [bumped] = await tx
      .update(kitchenTickets)
      .set({ bumpedAt: new Date(), bumpedBy: ctx.userId })
      .where(and(eq(kitchenTickets.id, ticketId), isNull(kitchenTickets.bumpedAt)))
      .returning(columns);
    if (bumped) {
      await announce(tx, ctx.tenantId, [bumped.stationId]);
      return bumped;
    }
    const [already] = await tx.select(columns).from(kitchenTickets).where(eq(kitchenTickets.id, ticketId));
    if (!already) throw notFound('Ticket');
    return already;
  });
}

/** Brings the station's last bumped ticket back on its screen (bumped by mistake). */
export async function recallLastTicket(ctx: TenantContext, stationId: string): Promise<KitchenTicket> {
  mayUse(ctx);
  return withTenant(ctx.tenantId, async (tx) => {
    await stationExists(tx, stationId);
    const [last] = await tx
      .select({ id: kitchenTickets.id })
      .from(kitchenTickets)
      .where(and(eq(kitchenTickets.stationId, stationId), isNotNull(kitchenTickets.bumpedAt)))
      .orderBy(desc(kitchenTickets.bumpedAt))
      .limit(1)
      .for('update');
    if (!last) throw new AppError('not_found', 'Nothing has been bumped at this station yet', undefined, { words: { key: 'nothingBumped' } });
    const [recalled] = await tx
      .update(kitchenTickets)
      .set({ bumpedAt: null, bumpedBy: null, recalledAt: new Date() })
      .where(eq(kitchenTickets.id, last.id))
      .returning(columns);
    await announce(tx, ctx.tenantId, [stationId]);
    return recalled!;
  });
}

/**
 * Blanks the name a customer gave on their orders' tickets (the customer's personal data was
 * erased, lib/orders eraseCustomer), in the caller's transaction.
 */
export async function forgetTicketNames(tx: Tx, orderIds: string[]): Promise<void> {
  if (orderIds.length) await tx.update(kitchenTickets).set({ customerName: null }).where(inArray(kitchenTickets.orderId, orderIds));
}
