import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { locations, stockDocuments, stockLevels, stockMovements } from '@/db/schema/inventory';
import type { TenantContext, TenantScope } from '@/lib/auth';
import { getVariants, recordReceivedCosts, type VariantRef, variantLabel } from '@/lib/catalog';
import { recordAudit } from '@/lib/platform/audit';
import { withTenant, type Tx } from '@/lib/platform/db';
import { AppError } from '@/lib/platform/errors';
import { applyMovement, applyMovements, InsufficientStockError, isShort, type ShortItem } from './movements';
import type { AdjustmentInput, CountInput, LedgerQuery, LevelsQuery, ReceiptInput, ThresholdInput, TransferInput } from './schemas';

/**
 * Stock operations staff perform (receive, adjust, count, transfer) and the reads behind the
 * stock pages. Each operation is one transaction: a stock document, one ledger row per line,
 * the new levels and the events — or nothing at all.
 */

/** The catalog items of `variantIds`, checked to exist and to track stock. */
export async function stockedItems(tenantId: string, variantIds: string[]): Promise<Map<string, VariantRef>> {
  const refs = new Map((await getVariants({ tenantId }, variantIds)).map((v) => [v.variantId, v]));
  const problems: { path: string; message: string }[] = [];
  variantIds.forEach((id, i) => {
    const ref = refs.get(id);
    if (!ref) problems.push({ path: `lines.${i}.variantId`, message: 'No such item' });
    else if (!ref.trackStock) problems.push({ path: `lines.${i}.variantId`, message: `${describe(ref)} does not track stock` });
  });
  if (problems.length) throw new AppError('unprocessable', problems.map((p) => p.message).join('; '), problems);
  return refs;
}

const describe = (ref: VariantRef | undefined) =>
  ref ? `${variantLabel(ref)} [${ref.sku}]` : 'Unknown item';

async function assertLocations(tx: Tx, ids: string[]): Promise<void> {
  const found = await tx.select({ id: locations.id }).from(locations).where(inArray(locations.id, ids));
  if (found.length !== new Set(ids).size) throw new AppError('not_found', 'Location not found');
}

async function createDocument(tx: Tx, ctx: TenantContext, doc: Omit<typeof stockDocuments.$inferInsert, 'tenantId' | 'actorUserId'>): Promise<string> {
  const [row] = await tx
    .insert(stockDocuments)
    .values({ ...doc, tenantId: ctx.tenantId, actorUserId: ctx.userId })
    .returning({ id: stockDocuments.id });
  return row!.id;
}

export type StockOperationResult = {
  documentId: string;
  lines: { variantId: string; delta: number; quantityAfter: number }[];
};

/** Orders lines by variant id so concurrent operations lock rows in the same order (no deadlocks). */
const byVariant = <T extends { variantId: string }>(lines: T[]) => [...lines].sort((a, b) => a.variantId.localeCompare(b.variantId));

export async function receiveStock(ctx: TenantContext, input: ReceiptInput): Promise<StockOperationResult> {
  await stockedItems(ctx.tenantId, input.lines.map((l) => l.variantId));
  return withTenant(ctx.tenantId, (tx) => receiveIn(tx, ctx, input));
}

/** A receipt inside the caller's transaction (a purchase list received with it); the items must be stocked ones. */
export async function receiveIn(tx: Tx, ctx: TenantContext, input: ReceiptInput, details: Record<string, unknown> = {}): Promise<StockOperationResult> {
  await assertLocations(tx, [input.locationId]);
  const documentId = await createDocument(tx, ctx, { kind: 'receipt', locationId: input.locationId, note: input.note, details: { supplier: input.supplier, ...details } });
  const lines = [];
  for (const line of byVariant(input.lines)) {
    const applied = await applyMovement(
      tx,
      ctx.tenantId,
      {
        locationId: input.locationId,
        variantId: line.variantId,
        delta: line.quantity,
        kind: 'receipt',
        reason: input.supplier,
        note: input.note,
        referenceType: 'receipt',
        referenceId: documentId,
        unitCost: line.unitCost ?? null,
        actorUserId: ctx.userId,
      },
      false,
    );
    if (!isShort(applied)) lines.push({ variantId: line.variantId, delta: line.quantity, quantityAfter: applied.after });
  }
  await averageCosts(tx, ctx, input.lines);
  return { documentId, lines };
}

/**
 * Lines received at a unit cost move their variants' costs to the weighted average (the
 * catalog's rule, lib/catalog/costing.ts) over what the whole store held before: every
 * location's level now, less what this receipt added. Same transaction as the receipt.
 */
async function averageCosts(tx: Tx, ctx: TenantContext, lines: ReceiptInput['lines']): Promise<void> {
  const costed = lines.filter((l): l is typeof l & { unitCost: number } => typeof l.unitCost === 'number');
  if (costed.length === 0) return;
  const held = new Map(
    (
      await tx
        .select({ variantId: stockLevels.variantId, quantity: sql<number>`sum(${stockLevels.quantity})::int` })
        .from(stockLevels)
        .where(inArray(stockLevels.variantId, costed.map((l) => l.variantId)))
        .groupBy(stockLevels.variantId)
    ).map((r) => [r.variantId, r.quantity]),
  );
  await recordReceivedCosts(
    ctx,
    costed.map((l) => ({ variantId: l.variantId, onHandBefore: (held.get(l.variantId) ?? l.quantity) - l.quantity, quantity: l.quantity, unitCost: l.unitCost })),
    tx,
  );
}

/** Adjustments may take a level below zero only if the product allows selling below zero. */
export async function adjustStock(ctx: TenantContext, input: AdjustmentInput): Promise<StockOperationResult> {
  const items = await stockedItems(ctx.tenantId, input.lines.map((l) => l.variantId));
  return withTenant(ctx.tenantId, async (tx) => {
    await assertLocations(tx, [input.locationId]);
    const documentId = await createDocument(tx, ctx, { kind: 'adjustment', locationId: input.locationId, note: input.note, details: { reason: input.reason } });
    const lines = [];
    const short: ShortItem[] = [];
    for (const line of byVariant(input.lines)) {
      const applied = await applyMovement(
        tx,
        ctx.tenantId,
        { locationId: input.locationId, variantId: line.variantId, delta: line.delta, kind: 'adjustment', reason: input.reason, note: input.note, referenceType: 'adjustment', referenceId: documentId, actorUserId: ctx.userId },
        !items.get(line.variantId)!.allowNegativeStock,
      );
      if (isShort(applied)) short.push(applied);
      else lines.push({ variantId: line.variantId, delta: line.delta, quantityAfter: applied.after });
    }
    if (short.length) throw new InsufficientStockError(short, (id) => describe(items.get(id)), lineField(input.lines, 'delta'));
    const levels = lines.map((l) => ({ item: describe(items.get(l.variantId)), before: l.quantityAfter - l.delta, after: l.quantityAfter }));
    await auditStock(tx, ctx, 'stock.adjusted', documentId, input.locationId, levels, { reason: input.reason, note: input.note });
    return { documentId, lines };
  });
}

/**
 * One audit row for a stock document a person made (an adjustment, a count): each item's level
 * before and after, keyed by its name and SKU, and the location by name.
 */
async function auditStock(
  tx: Tx,
  ctx: TenantContext,
  action: 'stock.adjusted' | 'stock.counted',
  documentId: string,
  locationId: string,
  levels: { item: string; before: number; after: number }[],
  details: Record<string, unknown>,
): Promise<void> {
  const [location] = await tx.select({ name: locations.name }).from(locations).where(eq(locations.id, locationId));
  await recordAudit(tx, ctx.tenantId, {
    actorUserId: ctx.userId,
    action,
    entityType: 'stock_document',
    entityId: documentId,
    before: Object.fromEntries(levels.map((l) => [l.item, l.before])),
    after: Object.fromEntries(levels.map((l) => [l.item, l.after])),
    details: { location: location?.name ?? null, ...details },
  });
}

/** The form path of the line for `variantId`, e.g. `lines.2.quantity`. */
const lineField = (lines: { variantId: string }[], field: string) => (variantId: string) =>
  `lines.${lines.findIndex((l) => l.variantId === variantId)}.${field}`;

export type CountResult = {
  documentId: string | null;
  applied: boolean;
  lines: { variantId: string; expected: number; counted: number; difference: number }[];
};

/** A stock count: the differences between what the system expects and what was counted. */
export async function countStock(ctx: TenantContext, input: CountInput): Promise<CountResult> {
  const items = await stockedItems(ctx.tenantId, input.lines.map((l) => l.variantId));
  return withTenant(ctx.tenantId, async (tx) => {
    await assertLocations(tx, [input.locationId]);
    const ordered = byVariant(input.lines);
    const current = await tx
      .select({ variantId: stockLevels.variantId, quantity: stockLevels.quantity })
      .from(stockLevels)
      .where(and(eq(stockLevels.locationId, input.locationId), inArray(stockLevels.variantId, ordered.map((l) => l.variantId))))
      .for('update');
    const expectedOf = new Map(current.map((c) => [c.variantId, c.quantity]));
    const lines = ordered.map((l) => {
      const expected = expectedOf.get(l.variantId) ?? 0;
      return { variantId: l.variantId, expected, counted: l.counted, difference: l.counted - expected };
    });
    if (input.dryRun) return { documentId: null, applied: false, lines };
    const documentId = await createDocument(tx, ctx, { kind: 'count', locationId: input.locationId, note: input.note, details: { lines } });
    for (const line of lines.filter((l) => l.difference !== 0)) {
      await applyMovement(
        tx,
        ctx.tenantId,
        { locationId: input.locationId, variantId: line.variantId, delta: line.difference, kind: 'count', note: input.note, referenceType: 'count', referenceId: documentId, actorUserId: ctx.userId },
        false,
      );
    }
    const levels = lines.filter((l) => l.difference !== 0).map((l) => ({ item: describe(items.get(l.variantId)), before: l.expected, after: l.counted }));
    await auditStock(tx, ctx, 'stock.counted', documentId, input.locationId, levels, { itemsCounted: lines.length, note: input.note });
    return { documentId, applied: true, lines };
  });
}

/** Moves stock between locations; the source may not go below zero. */
export async function transferStock(ctx: TenantContext, input: TransferInput): Promise<StockOperationResult> {
  const items = await stockedItems(ctx.tenantId, input.lines.map((l) => l.variantId));
  return withTenant(ctx.tenantId, async (tx) => {
    await assertLocations(tx, [input.fromLocationId, input.toLocationId]);
    const documentId = await createDocument(tx, ctx, { kind: 'transfer', locationId: input.fromLocationId, toLocationId: input.toLocationId, note: input.note });
    const common = { note: input.note, referenceType: 'transfer', referenceId: documentId, actorUserId: ctx.userId };
    const lines = [];
    const short: ShortItem[] = [];
    for (const line of byVariant(input.lines)) {
      const out = await applyMovement(tx, ctx.tenantId, { ...common, locationId: input.fromLocationId, variantId: line.variantId, delta: -line.quantity, kind: 'transfer_out' }, true);
      if (isShort(out)) {
        short.push(out);
        continue;
      }
      await applyMovement(tx, ctx.tenantId, { ...common, locationId: input.toLocationId, variantId: line.variantId, delta: line.quantity, kind: 'transfer_in' }, false);
      lines.push({ variantId: line.variantId, delta: -line.quantity, quantityAfter: out.after });
    }
    if (short.length) throw new InsufficientStockError(short, (id) => describe(items.get(id)), lineField(input.lines, 'quantity'));
    return { documentId, lines };
  });
}

/** Sets (or clears, with null) an item's low-stock threshold at a location; audited with the threshold before and after. */
export async function setLowStockThreshold(ctx: TenantContext, input: ThresholdInput): Promise<{ previous: number | null }> {
  await stockedItems(ctx.tenantId, [input.variantId]);
  return withTenant(ctx.tenantId, async (tx) => {
    await assertLocations(tx, [input.locationId]);
    const [current] = await tx
      .select({ threshold: stockLevels.lowStockThreshold })
      .from(stockLevels)
      .where(and(eq(stockLevels.locationId, input.locationId), eq(stockLevels.variantId, input.variantId)))
      .for('update');
    const previous = current?.threshold ?? null;
    await tx
      .insert(stockLevels)
      .values({ tenantId: ctx.tenantId, locationId: input.locationId, variantId: input.variantId, quantity: 0, lowStockThreshold: input.lowStockThreshold })
      .onConflictDoUpdate({
        target: [stockLevels.tenantId, stockLevels.locationId, stockLevels.variantId],
        set: { lowStockThreshold: input.lowStockThreshold, updatedAt: sql`now()` },
      });
    if (previous !== input.lowStockThreshold) {
      await recordAudit(tx, ctx.tenantId, {
        actorUserId: ctx.userId,
        action: 'stock.threshold_set',
        entityType: 'variant',
        entityId: input.variantId,
        before: { lowStockThreshold: previous },
        after: { lowStockThreshold: input.lowStockThreshold },
        details: { locationId: input.locationId },
      });
    }
    return { previous };
  });
}

export type SaleLine = {
  variantId: string;
  quantity: number;
  /** How the error names the item: from the order's catalog snapshot (no lookup mid-checkout). */
  label: string;
  /** From the catalog snapshot the order took: untracked items are not decremented. */
  trackStock: boolean;
  allowNegativeStock: boolean;
};

/**
 * Takes sold items out of stock inside the checkout's transaction: one guarded atomic update
 * per line (`quantity - n >= 0` unless the product allows selling below zero). If any line is
 * short the whole transaction must fail: this throws InsufficientStockError naming them all.
 */
export async function reserveStock(
  tx: Tx,
  tenantId: string,
  sale: { locationId: string; lines: SaleLine[]; referenceType: string; referenceId: string; actorUserId: string | null },
): Promise<void> {
  const tracked = byVariant(sale.lines.filter((l) => l.trackStock && l.quantity > 0));
  const applied = await applyMovements(
    tx,
    tenantId,
    tracked.map((line) => ({
      movement: { locationId: sale.locationId, variantId: line.variantId, delta: -line.quantity, kind: 'sale' as const, referenceType: sale.referenceType, referenceId: sale.referenceId, actorUserId: sale.actorUserId },
      guard: !line.allowNegativeStock,
    })),
  );
  const short = applied.filter(isShort);
  if (short.length) {
    throw new InsufficientStockError(
      short,
      (id) => tracked.find((l) => l.variantId === id)?.label ?? id,
      (id) => `lines.${sale.lines.findIndex((l) => l.variantId === id)}.quantity`,
    );
  }
}

/**
 * Puts items back into stock inside the caller's transaction (a voided order, a refund with
 * restock). Untracked items are skipped, as they were when sold.
 */
export async function releaseStock(
  tx: Tx,
  tenantId: string,
  release: { locationId: string; lines: Omit<SaleLine, 'label' | 'allowNegativeStock'>[]; reason: string; referenceType: string; referenceId: string; actorUserId: string | null },
): Promise<void> {
  await applyMovements(
    tx,
    tenantId,
    byVariant(release.lines.filter((l) => l.trackStock && l.quantity > 0)).map((line) => ({
      movement: { locationId: release.locationId, variantId: line.variantId, delta: line.quantity, kind: 'return' as const, reason: release.reason, referenceType: release.referenceType, referenceId: release.referenceId, actorUserId: release.actorUserId },
      guard: false,
    })),
  );
}

export type StockLevel = {
  locationId: string;
  variantId: string;
  quantity: number;
  lowStockThreshold: number | null;
  isLow: boolean;
  updatedAt: Date;
  item: { productId: string; productName: string; variantName: string; sku: string } | null;
};

const levelColumns = {
  locationId: stockLevels.locationId,
  variantId: stockLevels.variantId,
  quantity: stockLevels.quantity,
  lowStockThreshold: stockLevels.lowStockThreshold,
  updatedAt: stockLevels.updatedAt,
};

/** Low: at or below its threshold — or out of stock, threshold or not. */
const isLowSql = sql`(${stockLevels.quantity} <= 0 or (${stockLevels.lowStockThreshold} is not null and ${stockLevels.quantity} <= ${stockLevels.lowStockThreshold}))`;

/** Levels as the stock API lists them, with each item's name and SKU from the catalog. */
export async function listLevels({ tenantId }: TenantScope, query: LevelsQuery): Promise<{ data: StockLevel[]; total: number; skip: number; limit: number }> {
  const filters: SQL[] = [];
  if (query.location) filters.push(eq(stockLevels.locationId, query.location));
  if (query.variant) filters.push(eq(stockLevels.variantId, query.variant));
  if (query.lowStock) filters.push(isLowSql);
  const where = filters.length ? and(...filters) : undefined;
  const { rows, total } = await withTenant(tenantId, async (tx) => {
    const [{ total }] = (await tx.select({ total: sql<number>`count(*)::int` }).from(stockLevels).where(where)) as [{ total: number }];
    const rows = await tx
      .select(levelColumns)
      .from(stockLevels)
      .where(where)
      .orderBy(query.lowStock ? asc(sql`${stockLevels.quantity} - coalesce(${stockLevels.lowStockThreshold}, 0)`) : asc(stockLevels.variantId), asc(stockLevels.locationId))
      .offset(query.skip)
      .limit(query.limit);
    return { rows, total };
  });
  return { data: await withItems(tenantId, rows), total, skip: query.skip, limit: query.limit };
}

/** Levels of the given variants (every location, or one). */
export async function levelsOf({ tenantId }: TenantScope, variantIds: string[], locationId?: string): Promise<StockLevel[]> {
  if (variantIds.length === 0) return [];
  const rows = await withTenant(tenantId, (tx) =>
    tx
      .select(levelColumns)
      .from(stockLevels)
      .where(and(inArray(stockLevels.variantId, variantIds), locationId ? eq(stockLevels.locationId, locationId) : undefined)),
  );
  return withItems(tenantId, rows);
}

/**
 * Quantity and threshold of the given variants at one location, without the catalog's names
 * levelsOf adds (the register has them): one statement, in the caller's tenant transaction `tx`
 * when given. Variants with no row yet are left out (their quantity is 0).
 */
export async function quantitiesAt(
  { tenantId }: TenantScope,
  variantIds: string[],
  locationId: string,
  tx?: Tx,
): Promise<Pick<StockLevel, 'variantId' | 'quantity' | 'lowStockThreshold'>[]> {
  if (variantIds.length === 0) return [];
  const read = (tx: Tx) =>
    tx
      .select({ variantId: stockLevels.variantId, quantity: stockLevels.quantity, lowStockThreshold: stockLevels.lowStockThreshold })
      .from(stockLevels)
      .where(and(inArray(stockLevels.variantId, variantIds), eq(stockLevels.locationId, locationId)));
  return tx ? read(tx) : withTenant(tenantId, read);
}

async function withItems(tenantId: string, rows: Omit<StockLevel, 'isLow' | 'item'>[]): Promise<StockLevel[]> {
  const refs = new Map((await getVariants({ tenantId }, rows.map((r) => r.variantId))).map((v) => [v.variantId, v]));
  return rows.map((r) => {
    const ref = refs.get(r.variantId);
    return {
      ...r,
      isLow: r.quantity <= 0 || (r.lowStockThreshold !== null && r.quantity <= r.lowStockThreshold),
      item: ref ? { productId: ref.productId, productName: ref.productName, variantName: ref.variantName, sku: ref.sku } : null,
    };
  });
}

export type LedgerEntry = typeof stockMovements.$inferSelect;

export async function listLedger({ tenantId }: TenantScope, query: LedgerQuery): Promise<{ data: Omit<LedgerEntry, 'tenantId'>[]; total: number; skip: number; limit: number }> {
  const filters: SQL[] = [];
  if (query.variant) filters.push(eq(stockMovements.variantId, query.variant));
  if (query.location) filters.push(eq(stockMovements.locationId, query.location));
  const where = filters.length ? and(...filters) : undefined;
  return withTenant(tenantId, async (tx) => {
    const [{ total }] = (await tx.select({ total: sql<number>`count(*)::int` }).from(stockMovements).where(where)) as [{ total: number }];
    const rows = await tx
      .select()
      .from(stockMovements)
      .where(where)
      .orderBy(desc(stockMovements.createdAt), desc(stockMovements.id))
      .offset(query.skip)
      .limit(query.limit);
    return { data: rows.map(({ tenantId: _t, ...r }) => r), total, skip: query.skip, limit: query.limit };
  });
}

/** Which of `variantIds` have any stock movement (removing a sample item must not orphan ledger rows). */
export async function variantsWithMovements({ tenantId }: TenantScope, variantIds: string[]): Promise<Set<string>> {
  if (variantIds.length === 0) return new Set();
  const rows = await withTenant(tenantId, (tx) =>
    tx.selectDistinct({ variantId: stockMovements.variantId }).from(stockMovements).where(inArray(stockMovements.variantId, variantIds)),
  );
  return new Set(rows.map((r) => r.variantId));
}
