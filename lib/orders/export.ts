import { asc, inArray } from 'drizzle-orm';
import { orderLines } from '@/db/schema/orders';
import type { TenantContext } from '@/lib/auth';
import { variantLabel } from '@/lib/catalog';
import { listLocations } from '@/lib/inventory';
import { paymentsOfOrders, refundsOfOrders } from '@/lib/payments';
import { businessDayOf, type BusinessDayRule } from '@/lib/platform/business-day';
import { localDateTime } from '@/lib/platform/calendar';
import { csvStream, type CsvColumn } from '@/lib/platform/csv';
import type { Tx } from '@/lib/platform/db';
import { minorToDecimal } from '@/lib/platform/money';
import { listTables } from '@/lib/restaurant';
import { businessDayRule } from '@/lib/tenancy';
import { staffNames } from './order-detail';
import type { ExportKind, OrderExport } from './schemas';
import { orderConditions, orderPages, searchFilters, tendersOfOrders, type OrderRow } from './search';

/**
 * CSV exports of the order search: orders, their lines, or their payments and refunds, for the
 * same filters as the admin search. Streamed: keyset pages of PAGE_SIZE orders (search.ts's
 * orderPages), each page's lines or payments read in the same short transaction, each page one
 * chunk of CSV (lib/platform/csv.ts) — a year of a busy café never sits in memory.
 * Money is a decimal in the order's currency (MMK "2500", USD "4.50"); times are the
 * tenant's wall clock; the business day follows the search's rule.
 */
const PAGE_SIZE = 500;

type Names = { staff: Record<string, string>; tables: Map<string, string>; locations: Map<string, string>; timeZone: string; rule: BusinessDayRule };
type OrderBase = { order: OrderRow };

const money = (minor: number | null | undefined, currency: string) => (minor === null || minor === undefined ? '' : minorToDecimal(minor, currency));

/** The columns every sheet starts with: which order, which day, when. */
const orderKey = <T extends OrderBase>(n: Names): CsvColumn<T>[] => [
  { header: 'order_id', value: (r) => r.order.id },
  { header: 'order_number', value: (r) => r.order.number, numeric: true },
  { header: 'business_date', value: (r) => businessDayOf(r.order.createdAt, n.rule).date },
  { header: 'order_time', value: (r) => localDateTime(r.order.createdAt, n.timeZone) },
];

type OrderSheetRow = OrderBase & { tenders: string[] };
const orderColumns = (n: Names): CsvColumn<OrderSheetRow>[] => [
  ...orderKey<OrderSheetRow>(n),
  { header: 'location', value: (r) => n.locations.get(r.order.locationId) ?? '' },
  { header: 'register', value: (r) => r.order.registerName },
  { header: 'type', value: (r) => r.order.type },
  { header: 'table', value: (r) => (r.order.tableId ? (n.tables.get(r.order.tableId) ?? '') : '') },
  { header: 'covers', value: (r) => r.order.covers, numeric: true },
  { header: 'staff', value: (r) => n.staff[r.order.createdBy] ?? '' },
  { header: 'status', value: (r) => r.order.status },
  { header: 'tenders', value: (r) => r.tenders.join('|') },
  { header: 'currency', value: (r) => r.order.currency },
  { header: 'subtotal', value: (r) => money(r.order.subtotal, r.order.currency), numeric: true },
  { header: 'discounts', value: (r) => money(r.order.discountTotal, r.order.currency), numeric: true },
  { header: 'tax', value: (r) => money(r.order.taxTotal, r.order.currency), numeric: true },
  { header: 'total', value: (r) => money(r.order.total, r.order.currency), numeric: true },
  { header: 'paid', value: (r) => money(r.order.paidTotal, r.order.currency), numeric: true },
  { header: 'refunded', value: (r) => money(r.order.refundedTotal, r.order.currency), numeric: true },
  { header: 'customer', value: (r) => r.order.customerName },
  { header: 'note', value: (r) => r.order.note },
  { header: 'void_reason', value: (r) => r.order.voidReason },
  // Last, so files exported before the service charge existed still line up.
  { header: 'service_charge', value: (r) => money(r.order.serviceChargeTotal, r.order.currency), numeric: true },
];

type LineSheetRow = OrderBase & { line: typeof orderLines.$inferSelect };
const lineColumns = (n: Names): CsvColumn<LineSheetRow>[] => {
  const m = (pick: (l: LineSheetRow['line']) => number) => (r: LineSheetRow) => money(pick(r.line), r.order.currency);
  return [
    ...orderKey<LineSheetRow>(n),
    { header: 'order_status', value: (r) => r.order.status },
    { header: 'line', value: (r) => r.line.position + 1, numeric: true },
    { header: 'item', value: (r) => variantLabel(r.line) },
    { header: 'sku', value: (r) => r.line.sku },
    { header: 'quantity', value: (r) => r.line.quantity, numeric: true },
    { header: 'refunded_quantity', value: (r) => r.line.refundedQuantity, numeric: true },
    { header: 'unit_price', value: m((l) => l.unitPrice), numeric: true },
    { header: 'modifiers', value: (r) => r.line.modifiers.map((x) => (x.priceDelta ? `${x.optionName} (${money(x.priceDelta, r.order.currency)})` : x.optionName)).join('|') },
    { header: 'modifiers_total', value: m((l) => l.modifiersTotal), numeric: true },
    { header: 'gross', value: m((l) => l.gross), numeric: true },
    { header: 'line_discount', value: m((l) => l.lineDiscount), numeric: true },
    { header: 'order_discount', value: m((l) => l.orderDiscount), numeric: true },
    { header: 'net', value: m((l) => l.net), numeric: true },
    { header: 'tax_rate_percent', value: (r) => (r.line.taxRateBasisPoints / 100).toFixed(2), numeric: true },
    { header: 'tax', value: m((l) => l.tax), numeric: true },
    { header: 'total', value: m((l) => l.total), numeric: true },
    { header: 'note', value: (r) => r.line.note },
    // The line's share of the service charge (in `total`, and taxed with the line); last, as above.
    { header: 'service_charge', value: m((l) => l.serviceCharge), numeric: true },
  ];
};

/** A payment taken, or money given back (a negative amount), each on its own row. */
type MoneyRow = OrderBase & {
  kind: 'payment' | 'refund';
  id: string;
  paymentId: string;
  at: Date;
  tender: string;
  status: string;
  amount: number;
  cashTendered: number | null;
  changeGiven: number | null;
  by: string;
};
const paymentColumns = (n: Names): CsvColumn<MoneyRow>[] => [
  ...orderKey<MoneyRow>(n),
  { header: 'kind', value: (r) => r.kind },
  { header: 'id', value: (r) => r.id },
  { header: 'payment_id', value: (r) => r.paymentId },
  { header: 'time', value: (r) => localDateTime(r.at, n.timeZone) },
  { header: 'tender', value: (r) => r.tender },
  { header: 'status', value: (r) => r.status },
  { header: 'currency', value: (r) => r.order.currency },
  { header: 'amount', value: (r) => money(r.amount, r.order.currency), numeric: true },
  { header: 'cash_tendered', value: (r) => money(r.cashTendered, r.order.currency), numeric: true },
  { header: 'change_given', value: (r) => money(r.changeGiven, r.order.currency), numeric: true },
  { header: 'staff', value: (r) => n.staff[r.by] ?? '' },
];

const byId = (orders: OrderRow[]) => new Map(orders.map((o) => [o.id, o]));

async function orderRows(tx: Tx, orders: OrderRow[]): Promise<OrderSheetRow[]> {
  const tenders = await tendersOfOrders(tx, orders.map((o) => o.id));
  return orders.map((order) => ({ order, tenders: tenders.get(order.id) ?? [] }));
}

async function lineRows(tx: Tx, orders: OrderRow[]): Promise<LineSheetRow[]> {
  const order = byId(orders);
  const rank = new Map(orders.map((o, i) => [o.id, i]));
  const lines = await tx.select().from(orderLines).where(inArray(orderLines.orderId, [...order.keys()])).orderBy(asc(orderLines.position));
  return lines.sort((a, b) => rank.get(a.orderId)! - rank.get(b.orderId)! || a.position - b.position).map((line) => ({ order: order.get(line.orderId)!, line }));
}

async function moneyRows(tx: Tx, orders: OrderRow[]): Promise<MoneyRow[]> {
  const order = byId(orders);
  const rank = new Map(orders.map((o, i) => [o.id, i]));
  const ids = [...order.keys()];
  const [payments, refunds] = [await paymentsOfOrders(tx, ids), await refundsOfOrders(tx, ids)];
  const rows: MoneyRow[] = [
    ...payments.map((p) => ({
      order: order.get(p.orderId)!,
      kind: 'payment' as const,
      id: p.id,
      paymentId: p.id,
      at: p.createdAt,
      tender: p.tender,
      status: p.status,
      amount: p.amount,
      cashTendered: p.cashTendered,
      changeGiven: p.changeGiven,
      by: p.createdBy,
    })),
    ...refunds.map((r) => ({
      order: order.get(r.orderId)!,
      kind: 'refund' as const,
      id: r.id,
      paymentId: r.paymentId,
      at: r.createdAt,
      tender: r.tender,
      status: r.status,
      amount: -r.amount,
      cashTendered: null,
      changeGiven: null,
      by: r.createdBy,
    })),
  ];
  return rows.sort((a, b) => rank.get(a.order.id)! - rank.get(b.order.id)! || a.at.getTime() - b.at.getTime());
}

/**
 * The CSV of `query.kind` for the orders the search finds, as a stream, and a file name. The
 * filters are checked and the names looked up before the first byte, so bad input is still a
 * 4xx; the rows are read as the client downloads them.
 */
export async function exportOrders(ctx: TenantContext, query: OrderExport): Promise<{ filename: string; body: ReadableStream<Uint8Array> }> {
  const [rule, filters, staff, tables, locations] = await Promise.all([
    businessDayRule(ctx),
    searchFilters(ctx, query),
    staffNames(ctx),
    listTables(ctx),
    listLocations(ctx),
  ]);
  const names: Names = {
    staff,
    tables: new Map(tables.map((t) => [t.id, t.name])),
    locations: new Map(locations.map((l) => [l.id, l.name])),
    timeZone: ctx.tenant.timeZone,
    rule,
  };
  const where = orderConditions(filters);
  const stream = <T>(columns: CsvColumn<T>[], rows: (tx: Tx, orders: OrderRow[]) => Promise<T[]>) => csvStream(orderPages(ctx.tenantId, where, PAGE_SIZE, rows), columns);
  const sheets: Record<ExportKind, () => ReadableStream<Uint8Array>> = {
    orders: () => stream(orderColumns(names), orderRows),
    lines: () => stream(lineColumns(names), lineRows),
    payments: () => stream(paymentColumns(names), moneyRows),
  };
  const range = query.from || query.to ? `${query.from ?? 'start'}-to-${query.to ?? 'now'}` : 'all';
  return {
    filename: `${ctx.tenant.slug}-${query.kind}-${range}.csv`,
    body: sheets[query.kind](),
  };
}
