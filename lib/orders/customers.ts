import { and, desc, eq, inArray, notInArray, sql } from 'drizzle-orm';
import { orderLines, orders, type OrderStatus } from '@/db/schema/orders';
import type { TenantContext, TenantScope } from '@/lib/auth';
import { eraseCustomerIn, exportCustomerIn, getCustomer, pointsLedgerOf, type CustomerExport, type CustomerView, type LedgerEntryView } from '@/lib/customers';
import { variantLabel } from '@/lib/catalog';
import { withTenant, type Tx } from '@/lib/platform/db';
import { forgetTicketNames } from '@/lib/restaurant';

/**
 * A customer's profile with what they bought: lib/customers owns the profile and the points
 * ledger, this module the orders, so the two are put together here (orders may call customers;
 * customers never imports orders).
 */
export type CustomerOrder = { id: string; number: number; status: OrderStatus; createdAt: Date; total: number; paidTotal: number; refundedTotal: number; currency: string };
export type CustomerTotals = { orders: number; spent: number; refunded: number; lastOrderAt: Date | null };
export type CustomerProfile = { customer: CustomerView; orders: CustomerOrder[]; totals: CustomerTotals; pointsLedger: LedgerEntryView[] };

/** Orders that never became a sale (nothing was spent) do not count in a customer's totals. */
const NOT_SALES: OrderStatus[] = ['open', 'voided', 'merged', 'cancelled'];

const orderColumns = {
  id: orders.id,
  number: orders.number,
  status: orders.status,
  createdAt: orders.createdAt,
  total: orders.total,
  paidTotal: orders.paidTotal,
  refundedTotal: orders.refundedTotal,
  currency: orders.currency,
};

async function historyIn(tx: Tx, customerId: string, limit: number): Promise<{ orders: CustomerOrder[]; totals: CustomerTotals }> {
  const mine = eq(orders.customerId, customerId);
  const [list, [sums]] = await Promise.all([
    tx.select(orderColumns).from(orders).where(mine).orderBy(desc(orders.createdAt), desc(orders.id)).limit(limit),
    tx
      .select({
        orders: sql<number>`count(*)::int`,
        spent: sql<number>`coalesce(sum(${orders.paidTotal}), 0)::int`,
        refunded: sql<number>`coalesce(sum(${orders.refundedTotal}), 0)::int`,
        lastOrderAt: sql<string | null>`max(${orders.createdAt})`,
      })
      .from(orders)
      .where(and(mine, notInArray(orders.status, NOT_SALES))),
  ]);
  return {
    orders: list,
    totals: { orders: sums?.orders ?? 0, spent: sums?.spent ?? 0, refunded: sums?.refunded ?? 0, lastOrderAt: sums?.lastOrderAt ? new Date(sums.lastOrderAt) : null },
  };
}

/** The profile page and GET /customers/{id}: the customer, their latest 50 orders, their totals and points ledger. */
export async function customerProfile(scope: TenantScope, customerId: string): Promise<CustomerProfile> {
  return withTenant(scope.tenantId, async (tx) => {
    const customer = await getCustomer(scope, customerId, tx);
    const [history, pointsLedger] = await Promise.all([historyIn(tx, customerId, 50), pointsLedgerOf(scope, customerId, tx)]);
    return { customer, ...history, pointsLedger };
  });
}

export type CustomerDataExport = CustomerExport & {
  exportedAt: string;
  orders: (CustomerOrder & { customerName: string | null; lines: { name: string; quantity: number; total: number }[] })[];
};

/** Everything the business holds on a customer, as JSON (owner only; audited in the same transaction). */
export async function exportCustomer(ctx: TenantContext, customerId: string): Promise<CustomerDataExport> {
  return withTenant(ctx.tenantId, async (tx) => {
    const own = await exportCustomerIn(tx, ctx, customerId);
    const list = await tx.select({ ...orderColumns, customerName: orders.customerName }).from(orders).where(eq(orders.customerId, customerId)).orderBy(desc(orders.createdAt));
    const lines = list.length
      ? await tx
          .select({ orderId: orderLines.orderId, productName: orderLines.productName, variantName: orderLines.variantName, quantity: orderLines.quantity, total: orderLines.total })
          .from(orderLines)
          .where(inArray(orderLines.orderId, list.map((o) => o.id)))
          .orderBy(orderLines.orderId, orderLines.position)
      : [];
    return {
      exportedAt: new Date().toISOString(),
      ...own,
      orders: list.map((o) => ({ ...o, lines: lines.filter((l) => l.orderId === o.id).map((l) => ({ name: variantLabel(l), quantity: l.quantity, total: l.total })) })),
    };
  });
}

/**
 * Erases a customer's personal data (owner only), in one transaction: the profile's fields
 * (lib/customers), the name on their orders and on those orders' kitchen tickets. The orders
 * stay, with their lines, money and the now anonymous customer id, so reports and the ledger
 * still add up. Audited as `customer.erased` (no personal data in the row).
 */
export async function eraseCustomer(ctx: TenantContext, customerId: string): Promise<CustomerView> {
  return withTenant(ctx.tenantId, async (tx) => {
    const erased = await eraseCustomerIn(tx, ctx, customerId);
    const theirs = await tx.update(orders).set({ customerName: null, updatedAt: new Date() }).where(eq(orders.customerId, customerId)).returning({ id: orders.id });
    await forgetTicketNames(tx, theirs.map((o) => o.id));
    return erased;
  });
}
