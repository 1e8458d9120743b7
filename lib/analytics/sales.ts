import { asc, desc, sql } from 'drizzle-orm';
import { analyticsCategories, analyticsDiscountReasons, analyticsProducts, analyticsSales, analyticsStaff, analyticsTaxRates, analyticsTenders } from '@/db/schema/analytics';
import type { Tx } from '@/lib/platform/db';
import { datesOf, inRange, ratio, total, type Period } from './period';

/**
 * The report queries over the rollups (definitions: docs/analytics.md). Each takes the
 * report's transaction and resolved period; index.ts wraps them for callers. Money is integer
 * minor units of the tenant's currency.
 */
type Range = { from: string; to: string; locationId?: string };

const salesColumns = {
  orders: total(analyticsSales.orders),
  items: total(analyticsSales.items),
  covers: total(analyticsSales.covers),
  discountedOrders: total(analyticsSales.discountedOrders),
  gross: total(analyticsSales.gross),
  discounts: total(analyticsSales.discounts),
  serviceCharge: total(analyticsSales.serviceCharge),
  tax: total(analyticsSales.tax),
  tips: total(analyticsSales.tips),
  refundCount: total(analyticsSales.refundCount),
  refundedItems: total(analyticsSales.refundedItems),
  refunds: total(analyticsSales.refunds),
  refundTax: total(analyticsSales.refundTax),
  voids: total(analyticsSales.voids),
  voidAmount: total(analyticsSales.voidAmount),
  cost: total(analyticsSales.cost),
  costedSales: total(analyticsSales.costedSales),
  uncostedItems: total(analyticsSales.uncostedItems),
  uncostedSales: total(analyticsSales.uncostedSales),
};

/**
 * Gross profit ÷ the sales it was made on, in basis points; null when no sale had a known cost
 * (a margin of lines without a cost would be made up).
 */
export const marginOf = (grossProfit: number, costedSales: number): number | null => (costedSales === 0 ? null : ratio(grossProfit * 10_000, costedSales));

/** Cost of goods (docs/analytics.md › Margins): of the lines whose cost was known, and what was sold without one. */
const costFigures = (s: { cost: number; costedSales: number; uncostedItems: number; uncostedSales: number }) => ({
  /** Σ unit cost × units of lines with a known cost, less refunded units */
  costOfGoods: s.cost,
  /** sales before tax of those lines, less refunds */
  costedSales: s.costedSales,
  /** costedSales − costOfGoods */
  grossProfit: s.costedSales - s.cost,
  /** units sold whose cost was not known, and their sales before tax (net of refunds): in no margin */
  uncostedItems: s.uncostedItems,
  uncostedSales: s.uncostedSales,
});
type SalesSums = { [K in keyof typeof salesColumns]: number };

/** The headline figures of a set of rollup rows. */
function figures(s: SalesSums) {
  return {
    gross: s.gross,
    discounts: s.discounts,
    /** the dine-in service charge: the house's revenue, part of net */
    serviceCharge: s.serviceCharge,
    refunds: s.refunds,
    /** gross − discounts + service charge − refunds */
    net: s.gross - s.discounts + s.serviceCharge - s.refunds,
    /** tax on sales − tax refunded */
    tax: s.tax - s.refundTax,
    /** tips on the sales' payments: the staff's money, beside the sales figures and in none of them */
    tips: s.tips,
    orders: s.orders,
    /** (gross − discounts + service charge) ÷ orders, rounded: what a paid order came to, before refunds. */
    averageTicket: ratio(s.gross - s.discounts + s.serviceCharge, s.orders),
    items: s.items,
    covers: s.covers,
    refundCount: s.refundCount,
    voids: s.voids,
    ...costFigures(s),
  };
}
type Figures = ReturnType<typeof figures>;

async function salesSums(tx: Tx, range: Range): Promise<SalesSums> {
  const [row] = await tx.select(salesColumns).from(analyticsSales).where(inRange(analyticsSales, range));
  return row!;
}

export type Figure = { value: number; previous: number; change: number; changeBasisPoints: number | null };
export type SalesSummary = { from: string; to: string; previous: { from: string; to: string } } & { [K in keyof Figures]: Figure };

export async function summaryOf(tx: Tx, period: Period): Promise<SalesSummary> {
  const now = figures(await salesSums(tx, period));
  const before = figures(await salesSums(tx, { ...period.previous, locationId: period.locationId }));
  const compared = Object.fromEntries(
    (Object.keys(now) as (keyof Figures)[]).map((k) => {
      const [value, previous] = [now[k], before[k]];
      return [k, { value, previous, change: value - previous, changeBasisPoints: previous === 0 ? null : ratio((value - previous) * 10_000, Math.abs(previous)) }];
    }),
  ) as { [K in keyof Figures]: Figure };
  return { from: period.from, to: period.to, previous: period.previous, ...compared };
}

export type HourRow = { hour: number } & Pick<Figures, 'orders' | 'gross' | 'discounts' | 'serviceCharge' | 'refunds' | 'net' | 'tax' | 'tips' | 'items' | 'covers'>;

/** 24 rows, local wall-clock hours in business-day order (from the day-start hour on). */
export async function byHourOf(tx: Tx, period: Period): Promise<HourRow[]> {
  const rows = await tx
    .select({ hour: analyticsSales.hour, ...salesColumns })
    .from(analyticsSales)
    .where(inRange(analyticsSales, period))
    .groupBy(analyticsSales.hour);
  const byHour = new Map(rows.map((r) => [r.hour, r]));
  const first = Number(period.calendar.rule.dayStartsAt.slice(0, 2));
  return Array.from({ length: 24 }, (_, i) => {
    const hour = (first + i) % 24;
    const f = figures(byHour.get(hour) ?? emptySums());
    return { hour, orders: f.orders, gross: f.gross, discounts: f.discounts, serviceCharge: f.serviceCharge, refunds: f.refunds, net: f.net, tax: f.tax, tips: f.tips, items: f.items, covers: f.covers };
  });
}

const emptySums = (): SalesSums => Object.fromEntries(Object.keys(salesColumns).map((k) => [k, 0])) as SalesSums;

export type DayRow = { date: string } & Omit<Figures, 'refundCount'> & { refundCount: number; voidAmount: number };

/** One row per business date of the range, empty days included. */
export async function byDayOf(tx: Tx, period: Period): Promise<DayRow[]> {
  const rows = await tx
    .select({ date: analyticsSales.businessDate, ...salesColumns })
    .from(analyticsSales)
    .where(inRange(analyticsSales, period))
    .groupBy(analyticsSales.businessDate);
  const byDate = new Map(rows.map((r) => [r.date, r]));
  return datesOf(period.from, period.to).map((date) => {
    const sums = byDate.get(date) ?? emptySums();
    return { date, ...figures(sums), voidAmount: sums.voidAmount };
  });
}

export type TenderRow = { tender: string; payments: number; taken: number; refunded: number; net: number; shareBasisPoints: number };

/** Money per tender: taken on sales, given back on refunds, and each tender's share of what was kept. */
export async function tenderMixOf(tx: Tx, period: Period): Promise<TenderRow[]> {
  const rows = await tx
    .select({ tender: analyticsTenders.tender, payments: total(analyticsTenders.payments), taken: total(analyticsTenders.taken), refunded: total(analyticsTenders.refunded) })
    .from(analyticsTenders)
    .where(inRange(analyticsTenders, period))
    .groupBy(analyticsTenders.tender)
    .orderBy(asc(analyticsTenders.tender));
  const kept = rows.reduce((s, r) => s + r.taken - r.refunded, 0);
  return rows.map((r) => ({ ...r, net: r.taken - r.refunded, shareBasisPoints: ratio((r.taken - r.refunded) * 10_000, kept) }));
}

const itemColumns = (t: typeof analyticsProducts | typeof analyticsCategories) => ({
  sold: total(t.quantity),
  refundedQuantity: total(t.refundedQuantity),
  gross: total(t.gross),
  discounts: total(t.discounts),
  serviceCharge: total(t.serviceCharge),
  refunds: total(t.refunds),
  tax: total(t.tax),
  refundTax: total(t.refundTax),
  net: sql<number>`coalesce(sum(${t.gross} - ${t.discounts} + ${t.serviceCharge} - ${t.refunds}), 0)::bigint`.mapWith(Number),
  cost: total(t.cost),
  costedSales: total(t.costedSales),
  uncostedItems: total(t.uncostedItems),
  uncostedSales: total(t.uncostedSales),
  quantity: sql<number>`coalesce(sum(${t.quantity} - ${t.refundedQuantity}), 0)::bigint`.mapWith(Number),
});

type CostFigures = ReturnType<typeof costFigures>;
export type ItemFigures = { sold: number; refundedQuantity: number; quantity: number; gross: number; discounts: number; serviceCharge: number; refunds: number; net: number; tax: number } & CostFigures & {
  /** gross profit ÷ costed sales, basis points; null: nothing with a known cost */
  marginBasisPoints: number | null;
};
type ItemSums = Omit<ItemFigures, keyof CostFigures | 'marginBasisPoints'> & { refundTax: number; cost: number; costedSales: number; uncostedItems: number; uncostedSales: number };
const itemFigures = (r: ItemSums): ItemFigures => ({
  sold: r.sold,
  refundedQuantity: r.refundedQuantity,
  /** units sold − units refunded */
  quantity: r.quantity,
  gross: r.gross,
  discounts: r.discounts,
  /** the lines' share of the service charge (a refund gives its share back with the units) */
  serviceCharge: r.serviceCharge,
  refunds: r.refunds,
  /** gross − discounts + service charge − refunds */
  net: r.net,
  tax: r.tax - r.refundTax,
  ...costFigures(r),
  marginBasisPoints: marginOf(r.costedSales - r.cost, r.costedSales),
});

export type ProductRow = { variantId: string; productId: string; productName: string; variantName: string } & ItemFigures;

/** The best sellers by net sales or by units (net of refunds), ties by the other measure, then id. */
export async function topProductsOf(tx: Tx, period: Period, by: 'net' | 'quantity', limit: number | 'all'): Promise<ProductRow[]> {
  const c = itemColumns(analyticsProducts);
  const query = tx
    .select({
      variantId: analyticsProducts.variantId,
      productId: sql<string>`(array_agg(${analyticsProducts.productId} order by ${analyticsProducts.businessDate} desc))[1]`,
      productName: sql<string>`(array_agg(${analyticsProducts.productName} order by ${analyticsProducts.businessDate} desc))[1]`,
      variantName: sql<string>`(array_agg(${analyticsProducts.variantName} order by ${analyticsProducts.businessDate} desc))[1]`,
      ...c,
    })
    .from(analyticsProducts)
    .where(inRange(analyticsProducts, period))
    .groupBy(analyticsProducts.variantId)
    .orderBy(...(by === 'net' ? [desc(c.net), desc(c.quantity)] : [desc(c.quantity), desc(c.net)]), asc(analyticsProducts.variantId))
    .$dynamic();
  const rows = await (limit === 'all' ? query : query.limit(limit));
  return rows.map((r) => ({ variantId: r.variantId, productId: r.productId, productName: r.productName, variantName: r.variantName, ...itemFigures(r) }));
}

export type CategoryRow = { categoryId: string | null } & ItemFigures;

/** Categories as the lines were sold under (null: uncategorised), ranked like topProducts. */
export async function topCategoriesOf(tx: Tx, period: Period, by: 'net' | 'quantity', limit: number | 'all'): Promise<CategoryRow[]> {
  const c = itemColumns(analyticsCategories);
  const query = tx
    .select({ categoryKey: analyticsCategories.categoryKey, ...c })
    .from(analyticsCategories)
    .where(inRange(analyticsCategories, period))
    .groupBy(analyticsCategories.categoryKey)
    .orderBy(...(by === 'net' ? [desc(c.net), desc(c.quantity)] : [desc(c.quantity), desc(c.net)]), asc(analyticsCategories.categoryKey))
    .$dynamic();
  const rows = await (limit === 'all' ? query : query.limit(limit));
  return rows.map((r) => ({ categoryId: r.categoryKey || null, ...itemFigures(r) }));
}

export type StaffRow = {
  staffId: string;
  orders: number;
  items: number;
  gross: number;
  discounts: number;
  serviceCharge: number;
  /** gross − discounts + service charge of the orders they rang up (refunds are counted on whoever gave them) */
  sales: number;
  tax: number;
  /** tips on the orders they rang up (the server, as on the X/Z report): theirs, not in sales */
  tips: number;
  refundCount: number;
  refunds: number;
  voids: number;
  voidAmount: number;
};

/** Per staff member: what they sold, the refunds they gave and the voids they made; by sales. */
export async function byStaffOf(tx: Tx, period: Period): Promise<StaffRow[]> {
  const rows = await tx
    .select({
      staffId: analyticsStaff.staffId,
      orders: total(analyticsStaff.orders),
      items: total(analyticsStaff.items),
      gross: total(analyticsStaff.gross),
      discounts: total(analyticsStaff.discounts),
      serviceCharge: total(analyticsStaff.serviceCharge),
      tax: total(analyticsStaff.tax),
      tips: total(analyticsStaff.tips),
      refundCount: total(analyticsStaff.refundCount),
      refunds: total(analyticsStaff.refunds),
      voids: total(analyticsStaff.voids),
      voidAmount: total(analyticsStaff.voidAmount),
    })
    .from(analyticsStaff)
    .where(inRange(analyticsStaff, period))
    .groupBy(analyticsStaff.staffId);
  return rows
    .map((r) => ({ ...r, sales: r.gross - r.discounts + r.serviceCharge }))
    .sort((a, b) => b.sales - a.sales || b.orders - a.orders || (a.staffId < b.staffId ? -1 : 1));
}

export type DiscountsReport = {
  discounts: number;
  discountedOrders: number;
  orders: number;
  /** discounts ÷ gross, in basis points */
  rateBasisPoints: number;
  byDay: { date: string; discounts: number; discountedOrders: number; orders: number }[];
  byProduct: { variantId: string; productName: string; variantName: string; discounts: number; gross: number }[];
  /** Why: per reason ('' = none given), largest first. */
  byReason: { reason: string; discounts: number; orders: number }[];
};

export async function discountsOf(tx: Tx, period: Period): Promise<DiscountsReport> {
  const days = await byDayOf(tx, period);
  const sums = await salesSums(tx, period);
  const byProduct = await tx
    .select({
      variantId: analyticsProducts.variantId,
      productName: sql<string>`(array_agg(${analyticsProducts.productName} order by ${analyticsProducts.businessDate} desc))[1]`,
      variantName: sql<string>`(array_agg(${analyticsProducts.variantName} order by ${analyticsProducts.businessDate} desc))[1]`,
      discounts: total(analyticsProducts.discounts),
      gross: total(analyticsProducts.gross),
    })
    .from(analyticsProducts)
    .where(inRange(analyticsProducts, period))
    .groupBy(analyticsProducts.variantId)
    .having(sql`sum(${analyticsProducts.discounts}) > 0`)
    .orderBy(desc(total(analyticsProducts.discounts)), asc(analyticsProducts.variantId))
    .limit(50);
  return {
    discounts: sums.discounts,
    discountedOrders: sums.discountedOrders,
    orders: sums.orders,
    rateBasisPoints: ratio(sums.discounts * 10_000, sums.gross),
    byDay: await discountDays(tx, period, days),
    byProduct,
    byReason: await tx
      .select({ reason: analyticsDiscountReasons.reason, discounts: total(analyticsDiscountReasons.discounts), orders: total(analyticsDiscountReasons.orders) })
      .from(analyticsDiscountReasons)
      .where(inRange(analyticsDiscountReasons, period))
      .groupBy(analyticsDiscountReasons.reason)
      .orderBy(desc(total(analyticsDiscountReasons.discounts)), asc(analyticsDiscountReasons.reason)),
  };
}

async function discountDays(tx: Tx, period: Period, days: DayRow[]) {
  const rows = await tx
    .select({ date: analyticsSales.businessDate, discountedOrders: total(analyticsSales.discountedOrders) })
    .from(analyticsSales)
    .where(inRange(analyticsSales, period))
    .groupBy(analyticsSales.businessDate);
  const counted = new Map(rows.map((r) => [r.date, r.discountedOrders]));
  return days.map((d) => ({ date: d.date, discounts: d.discounts, discountedOrders: counted.get(d.date) ?? 0, orders: d.orders }));
}

export type TaxRow = { rateBasisPoints: number; taxable: number; tax: number; refunds: number; refundTax: number; netTaxable: number; netTax: number };
export type TaxesReport = { rates: TaxRow[]; netTaxable: number; netTax: number };

/** Tax per rate: what it was computed on and the tax, less what refunds gave back. */
export async function taxesOf(tx: Tx, period: Period): Promise<TaxesReport> {
  const rows = await tx
    .select({
      rateBasisPoints: analyticsTaxRates.rateBasisPoints,
      taxable: total(analyticsTaxRates.taxable),
      tax: total(analyticsTaxRates.tax),
      refunds: total(analyticsTaxRates.refunds),
      refundTax: total(analyticsTaxRates.refundTax),
    })
    .from(analyticsTaxRates)
    .where(inRange(analyticsTaxRates, period))
    .groupBy(analyticsTaxRates.rateBasisPoints)
    .orderBy(asc(analyticsTaxRates.rateBasisPoints));
  const rates = rows.map((r) => ({ ...r, netTaxable: r.taxable - r.refunds, netTax: r.tax - r.refundTax }));
  return { rates, netTaxable: rates.reduce((s, r) => s + r.netTaxable, 0), netTax: rates.reduce((s, r) => s + r.netTax, 0) };
}
