import { and, asc, count, desc, eq, isNotNull, isNull } from 'drizzle-orm';
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

/**
 * The OrderPlaced handler: one ticket per station the order's items go to, with the lines it
 * makes. Inserted ON CONFLICT DO NOTHING on (order, station, event), so a redelivered event fires
 * nothing twice (the dispatcher already skips a handled one; this holds without it too). A
 * business with no station yet fires nothing; lines of events from before tickets (no snapshot)
 * are skipped.
 */
export async function fireTickets(tx: Tx, event: DomainEvent<'OrderPlaced'>): Promise<void> {
  const { payload, tenantId } = event;
  const lines = payload.lines.flatMap((l) => (l.lineId && l.productId && l.name ? [{ ...l, lineId: l.lineId, productId: l.productId, name: l.name }] : []));
  if (lines.length === 0) return;
  const routing = await routingIn(
    tx,
    [...new Set(lines.map((l) => l.productId))],
    [...new Set(lines.flatMap((l) => (l.categoryId ? [l.categoryId] : [])))],
  );
  if (!routing) return;

  const byStation = new Map<string, KitchenTicketLine[]>();
  for (const l of lines) {
    const stationId = stationFor(routing, { productId: l.productId, categoryId: l.categoryId ?? null });
    if (!stationId) continue;
    const ticketLine = { lineId: l.lineId, name: l.name, quantity: l.quantity, modifiers: l.modifiers ?? [], note: l.note ?? null };
    byStation.set(stationId, [...(byStation.get(stationId) ?? []), ticketLine]);
  }
  if (byStation.size === 0) return;

  const [table] = payload.tableId ? await tx.select({ name: diningTables.name }).from(diningTables).where(eq(diningTables.id, payload.tableId)) : [];
  const fired = await tx
    .insert(kitchenTickets)
    .values(
      [...byStation].map(([stationId, ticketLines]) => ({
        tenantId,
        stationId,
        orderId: payload.orderId,
        eventId: event.id,
        locationId: payload.locationId,
        orderNumber: payload.number,
        orderType: payload.type ?? 'takeaway',
        tableName: table?.name ?? null,
        customerName: payload.customerName ?? null,
        orderNote: payload.note ?? null,
        lines: ticketLines,
        firedAt: event.occurredAt,
      })),
    )
    .onConflictDoNothing({ target: [kitchenTickets.tenantId, kitchenTickets.orderId, kitchenTickets.stationId, kitchenTickets.eventId] })
    .returning({ stationId: kitchenTickets.stationId });
  await announce(tx, tenantId, fired.map((t) => t.stationId));
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
onEvent('OrderVoided', 'restaurant.kitchen-void', voidTickets);

function mayUse(ctx: TenantContext): void {
  if (!can(ctx.role, 'kitchen:use')) throw new AppError('forbidden', 'Your role does not use the kitchen display');
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
    if (!last) throw new AppError('not_found', 'Nothing has been bumped at this station yet');
    const [recalled] = await tx
      .update(kitchenTickets)
      .set({ bumpedAt: null, bumpedBy: null, recalledAt: new Date() })
      .where(eq(kitchenTickets.id, last.id))
      .returning(columns);
    await announce(tx, ctx.tenantId, [stationId]);
    return recalled!;
  });
}
