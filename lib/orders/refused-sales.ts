import { and, count, desc, eq, inArray, ne, type SQL } from 'drizzle-orm';
import { refusedOfflineSales, type RefusedOfflineSale, type RefusedSaleLine, type RefusedSaleStatus } from '@/db/schema/orders';
import { can, type TenantContext, type TenantScope } from '@/lib/auth';
import { getVariants, variantLabel } from '@/lib/catalog';
import { recordAudit } from '@/lib/platform/audit';
import { withTenant } from '@/lib/platform/db';
import { AppError } from '@/lib/platform/errors';
import { checkout } from './checkout';
import { quoteOrder } from './quote';
import { createOrderSchema, type ListRefusedSalesQuery, type ReportRefusedSaleInput, type ResolveRefusedSaleInput } from './schemas';

/**
 * "Needs attention" (docs/offline.md): the offline sales the server refused for good when the
 * register sent them. The register reports each one here (any staff member who can sell), so a
 * manager sees it in the admin and on any register; a manager or owner resolves it — re-rung as a
 * normal sale, or written off with a reason — and the register that made it clears its own copy on
 * its next sync. Each resolution is audited.
 */
export type RefusedSaleView = {
  id: string;
  saleKey: string;
  provisional: string;
  device: string;
  registerName: string | null;
  shiftId: string | null;
  cashierId: string | null;
  cashierName: string | null;
  reportedBy: string;
  /** The lines, each with what the catalog calls it now (null: no longer in the catalog). */
  lines: (RefusedSaleLine & { item: string | null })[];
  currency: string;
  total: number;
  cashTendered: number;
  placedAt: string;
  error: { status: number; code: string; message: string };
  reportedAt: string;
  status: RefusedSaleStatus;
  resolvedBy: string | null;
  resolvedAt: string | null;
  resolutionReason: string | null;
  orderId: string | null;
};

function view(row: RefusedOfflineSale, names: ReadonlyMap<string, string> = new Map()): RefusedSaleView {
  return {
    id: row.id,
    saleKey: row.saleKey,
    provisional: row.provisional,
    device: row.device,
    registerName: row.registerName,
    shiftId: row.shiftId,
    cashierId: row.cashierId,
    cashierName: row.cashierName,
    reportedBy: row.reportedBy,
    lines: row.lines.map((l) => ({ ...l, item: names.get(l.variantId) ?? null })),
    currency: row.currency,
    total: row.total,
    cashTendered: row.cashTendered,
    placedAt: row.placedAt.toISOString(),
    error: { status: row.errorStatus, code: row.errorCode, message: row.errorMessage },
    reportedAt: row.reportedAt.toISOString(),
    status: row.status,
    resolvedBy: row.resolvedBy,
    resolvedAt: row.resolvedAt?.toISOString() ?? null,
    resolutionReason: row.resolutionReason,
    orderId: row.orderId,
  };
}

const lineOf = (l: Record<string, unknown>): RefusedSaleLine => ({
  variantId: String(l.variantId),
  quantity: Number(l.quantity),
  ...(Array.isArray(l.modifierOptionIds) && { modifierOptionIds: l.modifierOptionIds.map(String) }),
  ...(typeof l.note === 'string' && { note: l.note }),
  ...(typeof l.unitPrice === 'number' && { unitPrice: l.unitPrice }),
});

/**
 * The register reports a sale the server refused. Once per sale: the same `saleKey` again answers
 * the row already kept (`created: false`), whatever else the second report says.
 */
export async function reportRefusedSale(ctx: TenantContext, input: ReportRefusedSaleInput): Promise<{ sale: RefusedSaleView; created: boolean }> {
  return withTenant(ctx.tenantId, async (tx) => {
    const [inserted] = await tx
      .insert(refusedOfflineSales)
      .values({
        tenantId: ctx.tenantId,
        saleKey: input.saleKey,
        provisional: input.provisional,
        device: input.device,
        registerName: input.registerName,
        shiftId: input.sale.shiftId ?? null,
        cashierId: input.cashierId,
        cashierName: input.cashierName,
        reportedBy: ctx.userId,
        lines: input.sale.lines.map(lineOf),
        body: input.sale,
        currency: input.currency,
        total: input.total,
        cashTendered: input.cashTendered,
        placedAt: input.placedAt,
        errorStatus: input.error.status,
        errorCode: input.error.code,
        errorMessage: input.error.message,
      })
      .onConflictDoNothing({ target: [refusedOfflineSales.tenantId, refusedOfflineSales.saleKey] })
      .returning();
    if (inserted) return { sale: view(inserted), created: true };
    const [kept] = await tx.select().from(refusedOfflineSales).where(eq(refusedOfflineSales.saleKey, input.saleKey));
    return { sale: view(kept!), created: false };
  });
}

/** Reported sales, newest first: open ones (default), resolved ones, or all; `keys` narrows to those sales. */
export async function listRefusedSales({ tenantId }: TenantScope, query: ListRefusedSalesQuery): Promise<{ data: RefusedSaleView[] }> {
  const where: (SQL | undefined)[] = [
    query.status === 'open' ? eq(refusedOfflineSales.status, 'open') : query.status === 'resolved' ? ne(refusedOfflineSales.status, 'open') : undefined,
    query.keys ? inArray(refusedOfflineSales.saleKey, query.keys.length ? query.keys : ['']) : undefined,
  ];
  const rows = await withTenant(tenantId, (tx) =>
    tx
      .select()
      .from(refusedOfflineSales)
      .where(and(...where))
      .orderBy(desc(refusedOfflineSales.reportedAt), desc(refusedOfflineSales.id))
      .limit(query.limit),
  );
  const variants = rows.length ? await getVariants({ tenantId }, rows.flatMap((r) => r.lines.map((l) => l.variantId))) : [];
  const names = new Map(variants.map((v) => [v.variantId, variantLabel(v)]));
  return { data: rows.map((r) => view(r, names)) };
}

/** How many reported sales wait for a manager (the admin's badge). */
export async function countOpenRefusedSales({ tenantId }: TenantScope): Promise<number> {
  const [row] = await withTenant(tenantId, (tx) => tx.select({ n: count() }).from(refusedOfflineSales).where(eq(refusedOfflineSales.status, 'open')));
  return row?.n ?? 0;
}

async function openSale(ctx: TenantContext, id: string): Promise<RefusedOfflineSale> {
  if (!can(ctx, 'offline:resolve')) throw new AppError('forbidden', 'Your role does not allow this');
  const [row] = await withTenant(ctx.tenantId, (tx) => tx.select().from(refusedOfflineSales).where(eq(refusedOfflineSales.id, id)));
  if (!row) throw new AppError('not_found', 'No such refused sale');
  if (row.status !== 'open') throw new AppError('conflict', 'This sale was already dealt with', undefined, { words: { key: 'saleDealtWith' } });
  return row;
}

/** Marks it resolved and audits it, in one transaction; a sale someone else resolved meanwhile is a 409. */
async function settle(ctx: TenantContext, row: RefusedOfflineSale, change: { status: Exclude<RefusedSaleStatus, 'open'>; orderId?: string; orderNumber?: number; reason?: string }): Promise<RefusedSaleView> {
  return withTenant(ctx.tenantId, async (tx) => {
    const [done] = await tx
      .update(refusedOfflineSales)
      .set({ status: change.status, resolvedBy: ctx.userId, resolvedAt: new Date(), resolutionReason: change.reason ?? null, orderId: change.orderId ?? null })
      .where(and(eq(refusedOfflineSales.id, row.id), eq(refusedOfflineSales.status, 'open')))
      .returning();
    if (!done) throw new AppError('conflict', 'This sale was already dealt with', undefined, { words: { key: 'saleDealtWith' } });
    await recordAudit(tx, ctx.tenantId, {
      actorUserId: ctx.userId,
      approverUserId: null,
      action: change.status === 'rerung' ? 'offline_sale.rerung' : 'offline_sale.written_off',
      entityType: 'refused_offline_sale',
      entityId: row.id,
      before: { status: 'open' },
      after: { status: change.status },
      details: {
        provisional: row.provisional,
        total: row.total,
        cashTendered: row.cashTendered,
        refusal: row.errorMessage,
        ...(change.reason && { reason: change.reason }),
        ...(change.orderId && { orderId: change.orderId, number: change.orderNumber }),
      },
    });
    return view(done);
  });
}

/**
 * A manager's answer to a refused sale (`offline:resolve`). Written off: kept, with the reason.
 * Re-rung: the same lines become a normal sale now, in the shift given (the register's open one),
 * priced as today and paid in cash for its total. The order's id comes from the refused sale's
 * own (a key derived from it), so pressing it twice, or retrying after a lost answer, is one order.
 */
export async function resolveRefusedSale(ctx: TenantContext, id: string, input: ResolveRefusedSaleInput): Promise<RefusedSaleView & { order?: { id: string; number: number } }> {
  const row = await openSale(ctx, id);
  if (input.resolution === 'written_off') return settle(ctx, row, { status: 'written_off', reason: input.reason });

  const body = row.body as Record<string, unknown>;
  const sale = createOrderSchema.parse({
    type: body.type ?? 'retail',
    locationId: body.locationId,
    customerName: body.customerName ?? null,
    note: body.note ?? null,
    lines: row.lines,
    shiftId: input.shiftId,
    payments: [],
  });
  const { total } = await quoteOrder(ctx, sale);
  const { order, paymentError } = await checkout(ctx, { ...sale, payments: total > 0 ? [{ tender: 'cash', tendered: total }] : [] }, `rering:${row.id}`);
  if (paymentError) throw new AppError('conflict', paymentError.message);
  return { ...(await settle(ctx, row, { status: 'rerung', orderId: order.id, orderNumber: order.number })), order: { id: order.id, number: order.number } };
}
