import { sql, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import {
  analyticsCategories,
  analyticsDiscountReasons,
  analyticsFacts,
  analyticsProducts,
  analyticsSales,
  analyticsStaff,
  analyticsTaxRates,
  analyticsTenders,
} from '@/db/schema/analytics';
import type { RefundFact, SaleFact, VoidFact } from '@/lib/orders';
import type { BusinessCalendar } from '@/lib/platform/business-day';
import type { Tx } from '@/lib/platform/db';

/**
 * Facts → rollup rows. One pure accumulation (`Rollup.add*`) and one writer (`writeRollup`)
 * serve both the event handlers (the facts of a dispatch batch) and the rebuild (a window of facts), so
 * the two paths cannot count differently. The definitions are in docs/analytics.md:
 *
 * - a sale counts at its paid time: orders, items, covers, gross, discounts, service charge,
 *   tax, tenders, and the tips on its payments (beside the sales figures, never in them);
 * - a refund at its settled time: `refunds` is the refunded *sales* (money back, less the tax
 *   on top when the order's prices excluded tax), `refundTax` the tax inside the money back;
 * - a void at its voided time: a count and what the order came to; never a sale;
 * - cost of goods (`costOf`): a line whose cost was known adds unit cost × units to `cost` and
 *   its sales before tax to `costedSales`; one without adds its units and sales to `uncosted*`
 *   instead (never a cost of 0). A refund takes its units' cost and sales back off the same side.
 */
type Measures = Record<string, number>;
type Row<K> = { key: K; measures: Measures; labels?: Record<string, string> };

class Bucket<K extends Record<string, string | number>> {
  readonly rows = new Map<string, Row<K>>();
  add(key: K, measures: Measures, labels?: Record<string, string>): void {
    const id = Object.values(key).join('|');
    const row = this.rows.get(id);
    if (!row) {
      this.rows.set(id, { key, measures: { ...measures }, labels });
      return;
    }
    for (const [m, v] of Object.entries(measures)) row.measures[m] = (row.measures[m] ?? 0) + v;
    if (labels) row.labels = labels; // the latest name a variant was sold under
  }
}

type Day = { businessDate: string; locationId: string };

/**
 * The cost measures of `units` of a line with `unitCost` (null: not known) whose sales before
 * tax were `salesBeforeTax`; a refund (`sign` −1) takes them back (units sold without a cost
 * stay counted, as `items` does).
 */
function costOf(unitCost: number | null, units: number, salesBeforeTax: number, sign: 1 | -1): Measures {
  if (unitCost === null) return sign === 1 ? { uncostedItems: units, uncostedSales: salesBeforeTax } : { uncostedSales: -salesBeforeTax };
  return { cost: sign * unitCost * units, costedSales: sign * salesBeforeTax };
}

/** Σ of the measures. */
function summed(all: Measures[]): Measures {
  const out: Measures = {};
  for (const m of all) for (const [k, v] of Object.entries(m)) out[k] = (out[k] ?? 0) + v;
  return out;
}

export class Rollup {
  readonly sales = new Bucket<Day & { hour: number }>();
  readonly products = new Bucket<Day & { variantId: string; productId: string }>();
  readonly categories = new Bucket<Day & { categoryKey: string }>();
  readonly tenders = new Bucket<Day & { tender: string }>();
  readonly staff = new Bucket<Day & { staffId: string }>();
  readonly taxRates = new Bucket<Day & { rateBasisPoints: number }>();
  readonly discountReasons = new Bucket<Day & { reason: string }>();
  readonly facts: { kind: 'sale' | 'refund' | 'void'; factId: string; businessDate: string; locationId: string }[] = [];

  constructor(private readonly calendar: BusinessCalendar) {}

  addSale(sale: SaleFact): void {
    const { date, hour } = this.calendar.dayOf(sale.paidAt);
    const day = { businessDate: date, locationId: sale.locationId };
    const sum = (pick: (l: SaleFact['lines'][number]) => number) => sale.lines.reduce((s, l) => s + pick(l), 0);
    const items = sum((l) => l.quantity);
    const gross = sum((l) => l.gross);
    const discounts = sum((l) => l.discount);
    const serviceCharge = sum((l) => l.serviceCharge);
    const tax = sum((l) => l.tax);
    const tips = sale.tips;
    // What the house kept of a line, before tax: tax inside shelf prices comes out, tax on top was never in net.
    const costs = sale.lines.map((l) => costOf(l.unitCost, l.quantity, l.net + l.serviceCharge - (sale.pricesIncludeTax ? l.tax : 0), 1));
    this.sales.add(
      { ...day, hour },
      { orders: 1, items, covers: sale.covers ?? 0, discountedOrders: discounts > 0 ? 1 : 0, gross, discounts, serviceCharge, tax, tips, ...summed(costs) },
    );
    this.staff.add({ ...day, staffId: sale.staffId }, { orders: 1, items, gross, discounts, serviceCharge, tax, tips });
    for (const [i, l] of sale.lines.entries()) {
      const line = { quantity: l.quantity, gross: l.gross, discounts: l.discount, serviceCharge: l.serviceCharge, tax: l.tax, ...costs[i] };
      this.products.add({ ...day, variantId: l.variantId, productId: l.productId }, line, { productName: l.productName, variantName: l.variantName });
      this.categories.add({ ...day, categoryKey: l.categoryId ?? '' }, line);
      // Tax was computed on the line's amount and its service charge together.
      this.taxRates.add({ ...day, rateBasisPoints: l.taxRateBasisPoints }, { taxable: l.net + l.serviceCharge, tax: l.tax });
    }
    for (const t of sale.tenders) this.tenders.add({ ...day, tender: t.tender }, { payments: t.count, taken: t.amount });
    for (const d of sale.discounts) this.discountReasons.add({ ...day, reason: d.reason }, { orders: 1, discounts: d.amount });
    this.facts.push({ kind: 'sale', factId: sale.orderId, businessDate: date, locationId: sale.locationId });
  }

  addRefund(refund: RefundFact): void {
    const { date, hour } = this.calendar.dayOf(refund.settledAt);
    const day = { businessDate: date, locationId: refund.locationId };
    /** The refunded sales of a line: its money back, less tax that was added on top. */
    const salesPart = (l: { amount: number; tax: number }) => l.amount - (refund.pricesIncludeTax ? 0 : l.tax);
    const refunds = refund.lines.reduce((s, l) => s + salesPart(l), 0);
    const refundTax = refund.lines.reduce((s, l) => s + l.tax, 0);
    const refundedItems = refund.lines.reduce((s, l) => s + l.quantity, 0);
    // The money back always holds its tax (`tax` is the tax inside `amount`).
    const costs = refund.lines.map((l) => costOf(l.unitCost, l.quantity, l.amount - l.tax, -1));
    this.sales.add({ ...day, hour }, { refundCount: 1, refundedItems, refunds, refundTax, ...summed(costs) });
    this.staff.add({ ...day, staffId: refund.refundedBy }, { refundCount: 1, refunds });
    for (const [i, l] of refund.lines.entries()) {
      const line = { refundedQuantity: l.quantity, refunds: salesPart(l), refundTax: l.tax, ...costs[i] };
      this.products.add({ ...day, variantId: l.variantId, productId: l.productId }, line, { productName: l.productName, variantName: l.variantName });
      this.categories.add({ ...day, categoryKey: l.categoryId ?? '' }, line);
      this.taxRates.add({ ...day, rateBasisPoints: l.taxRateBasisPoints }, { refunds: salesPart(l), refundTax: l.tax });
    }
    for (const t of refund.tenders) this.tenders.add({ ...day, tender: t.tender }, { refunded: t.amount });
    this.facts.push({ kind: 'refund', factId: refund.refundId, businessDate: date, locationId: refund.locationId });
  }

  addVoid(voided: VoidFact): void {
    const { date, hour } = this.calendar.dayOf(voided.voidedAt);
    const day = { businessDate: date, locationId: voided.locationId };
    this.sales.add({ ...day, hour }, { voids: 1, voidAmount: voided.total });
    this.staff.add({ ...day, staffId: voided.voidedBy }, { voids: 1, voidAmount: voided.total });
    this.facts.push({ kind: 'void', factId: voided.orderId, businessDate: date, locationId: voided.locationId });
  }
}

type Table = PgTable & Record<string, PgColumn>;

/** INSERT … ON CONFLICT (key) DO UPDATE SET m = m + excluded.m, in chunks under the bind-parameter limit. */
async function upsert<K extends Record<string, string | number>>(tx: Tx, tenantId: string, table: Table, keyColumns: (keyof K & string)[], bucket: Bucket<K>): Promise<void> {
  const rows = [...bucket.rows.values()];
  if (rows.length === 0) return;
  const measureNames = [...new Set(rows.flatMap((r) => Object.keys(r.measures)))];
  const labelNames = [...new Set(rows.flatMap((r) => Object.keys(r.labels ?? {})))];
  const set: Record<string, SQL> = {};
  for (const m of measureNames) set[m] = sql`${table[m]} + excluded.${sql.identifier(table[m]!.name)}`;
  for (const l of labelNames) set[l] = sql.raw(`excluded.${table[l]!.name}`);
  const values = rows.map((r) => ({
    tenantId,
    ...r.key,
    ...Object.fromEntries(measureNames.map((m) => [m, r.measures[m] ?? 0])),
    ...Object.fromEntries(labelNames.map((l) => [l, r.labels?.[l] ?? ''])),
  }));
  for (let i = 0; i < values.length; i += 1000) {
    await tx
      .insert(table)
      .values(values.slice(i, i + 1000))
      .onConflictDoUpdate({ target: [table.tenantId!, ...keyColumns.map((k) => table[k]!)], set });
  }
}

/** Adds a rollup to the tenant's tables in the caller's transaction (and records its facts). */
export async function writeRollup(tx: Tx, tenantId: string, rollup: Rollup): Promise<void> {
  await upsert(tx, tenantId, analyticsSales as unknown as Table, ['businessDate', 'locationId', 'hour'], rollup.sales);
  await upsert(tx, tenantId, analyticsProducts as unknown as Table, ['businessDate', 'locationId', 'variantId'], rollup.products);
  await upsert(tx, tenantId, analyticsCategories as unknown as Table, ['businessDate', 'locationId', 'categoryKey'], rollup.categories);
  await upsert(tx, tenantId, analyticsTenders as unknown as Table, ['businessDate', 'locationId', 'tender'], rollup.tenders);
  await upsert(tx, tenantId, analyticsStaff as unknown as Table, ['businessDate', 'locationId', 'staffId'], rollup.staff);
  await upsert(tx, tenantId, analyticsTaxRates as unknown as Table, ['businessDate', 'locationId', 'rateBasisPoints'], rollup.taxRates);
  await upsert(tx, tenantId, analyticsDiscountReasons as unknown as Table, ['businessDate', 'locationId', 'reason'], rollup.discountReasons);
  for (let i = 0; i < rollup.facts.length; i += 5000) {
    await tx
      .insert(analyticsFacts)
      .values(rollup.facts.slice(i, i + 5000).map((f) => ({ tenantId, kind: f.kind, factId: f.factId, businessDate: f.businessDate })))
      // A rebuild under a new day start may move a fact to another date: its row follows.
      .onConflictDoUpdate({ target: [analyticsFacts.tenantId, analyticsFacts.kind, analyticsFacts.factId], set: { businessDate: sql`excluded.business_date` } });
  }
}

/** The analytics tables (for a rebuild's delete), facts last. */
export const ROLLUP_TABLES = [analyticsSales, analyticsProducts, analyticsCategories, analyticsTenders, analyticsStaff, analyticsTaxRates, analyticsDiscountReasons, analyticsFacts] as const;
