import { and, asc, desc, eq, gte, inArray, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import { QueryBuilder } from 'drizzle-orm/pg-core';
import { orderRefunds, orders, type OrderStatus } from '@/db/schema/orders';
import type { TenantContext } from '@/lib/auth';
import { ordersPaidBy, ordersThroughDrawer, paymentsOfOrders, type PaymentView, type Tender } from '@/lib/payments';
import { businessDayRange } from '@/lib/platform/business-day';
import { businessDayRule } from '@/lib/tenancy';
import { withTenant, type Tx } from '@/lib/platform/db';
import type { OrderSearch, OrderSearchFilters } from './schemas';

/**
 * Finding orders: one WHERE for every order list (the register's today, the admin search, the
 * API's list, the CSV export), offset pages with a total for screens, keyset pages for exports.
 * Every filter is a column of `orders` except the tender, which the payments module answers as
 * a subquery (`ordersPaidBy`): the database does the work, with the indexes of the
 * `orders_search` migration (docs/orders-search.md has the plans).
 */
export type OrderRow = typeof orders.$inferSelect;

/** What an order list can be narrowed by; instants are exact (the end is exclusive, or inclusive as `through`). */
export type OrderFilters = {
  statuses?: readonly OrderStatus[];
  since?: Date;
  before?: Date;
  through?: Date;
  shift?: string;
  /** Rung up on the shift, or paid or refunded through its drawer. */
  drawer?: string;
  /** Refunded (a settled refund) or voided, by `staff` when given, in [since, before) of the refund or void. */
  happened?: Happened;
  location?: string;
  number?: number;
  tender?: Tender;
  staff?: string;
  table?: string;
  minTotal?: number;
  maxTotal?: number;
};

export type Happened = { what: 'refunded' | 'voided'; staff?: string; since?: Date; before?: Date };

function happenedCondition({ what, staff, since, before }: Happened): SQL | undefined {
  if (what === 'voided') return and(eq(orders.status, 'voided'), staff ? eq(orders.voidedBy, staff) : undefined, since && gte(orders.voidedAt, since), before && lt(orders.voidedAt, before));
  const refunds = new QueryBuilder()
    .select({ orderId: orderRefunds.orderId })
    .from(orderRefunds)
    .where(and(eq(orderRefunds.status, 'settled'), staff ? eq(orderRefunds.createdBy, staff) : undefined, since && gte(orderRefunds.settledAt, since), before && lt(orderRefunds.settledAt, before)));
  return inArray(orders.id, refunds);
}

export function orderConditions(f: OrderFilters): SQL | undefined {
  const conditions: (SQL | undefined)[] = [
    f.statuses?.length ? inArray(orders.status, [...f.statuses]) : undefined,
    f.since && gte(orders.createdAt, f.since),
    f.before && lt(orders.createdAt, f.before),
    f.through && lte(orders.createdAt, f.through),
    f.shift ? eq(orders.shiftId, f.shift) : undefined,
    f.drawer ? or(eq(orders.shiftId, f.drawer), inArray(orders.id, ordersThroughDrawer(f.drawer))) : undefined,
    f.happened && happenedCondition(f.happened),
    f.location ? eq(orders.locationId, f.location) : undefined,
    f.number !== undefined ? eq(orders.number, f.number) : undefined,
    f.staff ? eq(orders.createdBy, f.staff) : undefined,
    f.table ? eq(orders.tableId, f.table) : undefined,
    f.minTotal !== undefined ? gte(orders.total, f.minTotal) : undefined,
    f.maxTotal !== undefined ? lte(orders.total, f.maxTotal) : undefined,
    f.tender ? inArray(orders.id, ordersPaidBy(f.tender)) : undefined,
  ];
  const set = conditions.filter((c): c is SQL => !!c);
  return set.length ? and(...set) : undefined;
}

const withoutTenant = ({ tenantId: _t, ...o }: OrderRow) => o;

/** One page of the orders matching `where`, newest first, and how many match in all. */
export async function pageOfOrders(tenantId: string, where: SQL | undefined, skip: number, limit: number) {
  return withTenant(tenantId, async (tx) => {
    const [{ total }] = (await tx.select({ total: sql<number>`count(*)::int` }).from(orders).where(where)) as [{ total: number }];
    const rows = total > skip ? await tx.select().from(orders).where(where).orderBy(desc(orders.createdAt), desc(orders.id)).offset(skip).limit(limit) : [];
    return { data: rows.map(withoutTenant), total, skip, limit };
  });
}

/**
 * The search's business days as exact instants, in the tenant's time zone and day start. With an
 * activity (refunded, voided) the days and the staff member are those of the refund or void.
 */
export async function searchFilters(ctx: TenantContext, search: OrderSearchFilters): Promise<OrderFilters> {
  const rule = await businessDayRule(ctx);
  const since = search.from ? businessDayRange(search.from, search.from, rule).from : undefined;
  const before = search.to ? businessDayRange(search.to, search.to, rule).to : undefined;
  const what = search.activity === 'sold' ? undefined : search.activity;
  return {
    statuses: search.status,
    ...(what ? { happened: { what, staff: search.staff, since, before } } : { since, before, staff: search.staff }),
    drawer: search.shift,
    location: search.location,
    number: search.number,
    tender: search.tender,
    table: search.table,
    minTotal: search.min,
    maxTotal: search.max,
  };
}

/** The tenders that paid each order (captured payments, first use first): cash, card or both. */
function tendersByOrder(payments: PaymentView[]): Map<string, Tender[]> {
  const byOrder = new Map<string, Tender[]>();
  for (const p of payments) {
    if (p.status !== 'captured') continue;
    const list = byOrder.get(p.orderId) ?? [];
    if (!list.includes(p.tender)) list.push(p.tender);
    byOrder.set(p.orderId, list);
  }
  return byOrder;
}

export type FoundOrder = ReturnType<typeof withoutTenant> & { tenders: Tender[] };

/** The admin order search: one page of matching orders, newest first, each with its tenders, and the total. */
export async function searchOrders(ctx: TenantContext, search: OrderSearch): Promise<{ data: FoundOrder[]; total: number; skip: number; limit: number }> {
  const page = await pageOfOrders(ctx.tenantId, orderConditions(await searchFilters(ctx, search)), search.skip, search.limit);
  const payments = page.data.length ? await withTenant(ctx.tenantId, (tx) => paymentsOfOrders(tx, page.data.map((o) => o.id))) : [];
  const tenders = tendersByOrder(payments);
  return { ...page, data: page.data.map((o) => ({ ...o, tenders: tenders.get(o.id) ?? [] })) };
}

/**
 * Every order matching `where`, oldest first, `size` at a time: keyset pages over
 * (created_at, id), each its own short transaction, so an export of a year holds one page in
 * memory and no transaction open. The cursor is the database's own text of created_at
 * (microseconds; a JS Date would round them off and repeat or skip rows). `each` may read
 * more of the page's data in the same transaction (its lines, its payments).
 */
export async function* orderPages<T>(tenantId: string, where: SQL | undefined, size: number, each: (tx: Tx, page: OrderRow[]) => Promise<T>): AsyncGenerator<T> {
  let cursor: Cursor | null = null;
  for (;;) {
    const after = cursor;
    const page = await withTenant(tenantId, async (tx) => {
      const rows = await keysetPage(tx, where, after, size);
      return { rows, result: rows.length ? await each(tx, rows.map((r) => r.order)) : null };
    });
    if (page.rows.length === 0) return;
    yield page.result as T;
    if (page.rows.length < size) return;
    const last = page.rows[page.rows.length - 1]!;
    cursor = { at: last.at, id: last.order.id };
  }
}

type Cursor = { at: string; id: string };

function keysetPage(tx: Tx, where: SQL | undefined, after: Cursor | null, size: number): Promise<{ order: OrderRow; at: string }[]> {
  const keyset = after ? sql`(${orders.createdAt}, ${orders.id}) > (${after.at}::timestamptz, ${after.id}::uuid)` : undefined;
  return tx
    .select({ order: orders, at: sql<string>`${orders.createdAt}::text` })
    .from(orders)
    .where(and(where, keyset))
    .orderBy(asc(orders.createdAt), asc(orders.id))
    .limit(size);
}

/** The tenders of a page's orders, for the export's orders sheet. */
export async function tendersOfOrders(tx: Tx, orderIds: string[]): Promise<Map<string, Tender[]>> {
  return tendersByOrder(await paymentsOfOrders(tx, orderIds));
}

