import 'server-only';
import type { TenantContext } from '@/lib/auth';
import { categoryService } from '@/lib/catalog';
import { AppError } from '@/lib/platform/errors';
import { drawerOverShortOf, refundsAndVoidsOf } from './exceptions';
import { staffNames } from './names';
import { inPeriod } from './period';
import { byDayOf, byHourOf, byStaffOf, discountsOf, summaryOf, taxesOf, tenderMixOf, topCategoriesOf, topProductsOf } from './sales';
import { parseInput, topSchema, type RangeInput, type ReportName, type TopInput } from './schemas';

/**
 * lib/analytics: the figures of the business, for the /admin dashboard, the reports (page, CSV,
 * print) and the sales assistant — one function per report, so the three can never disagree.
 * Every function takes the request's TenantContext and a range of business dates (validated
 * here: bad input is a 400), reads only this module's rollups or lib/orders' read model, and
 * answers in integer minor units of the tenant's currency. Definitions: docs/analytics.md.
 */
export { rebuildAnalytics, rebuildWhereNeeded, handleSale, handleRefund, handleVoid, type RebuildResult } from './maintain';
export { rangeSchema, topSchema, alertsSchema, REPORT_NAMES, MAX_RANGE_DAYS, type RangeInput, type TopInput, type ReportName, type AlertsInput } from './schemas';
export {
  alerts,
  ALERT_WEEKS,
  ALERT_MADS,
  STAFF_MIN_EXCESS,
  STAFF_MIN_EXCESS_TICKETS,
  SALES_MIN_WEEKS,
  SALES_MIN_DROP_BASIS_POINTS,
  SALES_MIN_SHARE_OF_DAY_BASIS_POINTS,
  type Alert,
  type AlertKind,
} from './alerts';
export type { SalesSummary, Figure, HourRow, DayRow, TenderRow, ProductRow, CategoryRow, StaffRow, DiscountsReport, TaxesReport, TaxRow } from './sales';
export type { RefundsAndVoids, RefundEntry, VoidEntry, Tally, DrawerOverShort, DrawerRow } from './exceptions';

async function categoryNames(ctx: TenantContext): Promise<Map<string, string>> {
  return new Map((await categoryService.list(ctx)).map((c) => [c.id, c.name]));
}

/** Gross, discounts, refunds, net, tax, orders, average ticket, items, covers — each against the same days a week earlier. */
export const salesSummary = (ctx: TenantContext, input?: RangeInput) => inPeriod(ctx, input, summaryOf);
/** Per local hour of day, in business-day order (from the day-start hour). */
export const salesByHour = (ctx: TenantContext, input?: RangeInput) => inPeriod(ctx, input, byHourOf);
/** Per business date of the range, empty days included. */
export const salesByDay = (ctx: TenantContext, input?: RangeInput) => inPeriod(ctx, input, byDayOf);
/** Money per tender: taken, refunded, kept, share. */
export const tenderMix = (ctx: TenantContext, input?: RangeInput) => inPeriod(ctx, input, tenderMixOf);
export const discountsGiven = (ctx: TenantContext, input?: RangeInput) => inPeriod(ctx, input, discountsOf);
export const taxes = (ctx: TenantContext, input?: RangeInput) => inPeriod(ctx, input, taxesOf);

/** Best-selling variants by net sales (`by: 'net'`, default) or units, net of refunds. */
export function topProducts(ctx: TenantContext, input?: TopInput) {
  const { by, limit, ...range } = parseInput(topSchema, input);
  return inPeriod(ctx, range, (tx, p) => topProductsOf(tx, p, by, limit));
}

/** Categories as sold (null id: uncategorised; name null: deleted since), ranked like topProducts. */
export async function topCategories(ctx: TenantContext, input?: TopInput) {
  const { by, limit, ...range } = parseInput(topSchema, input);
  const rows = await inPeriod(ctx, range, (tx, p) => topCategoriesOf(tx, p, by, limit));
  const names = await categoryNames(ctx);
  return rows.map((r) => ({ ...r, name: r.categoryId ? (names.get(r.categoryId) ?? null) : null }));
}

/** Per staff member: sales rung up, refunds given, voids made; by sales. */
export async function salesByStaff(ctx: TenantContext, input?: RangeInput) {
  const rows = await inPeriod(ctx, input, byStaffOf);
  const names = await staffNames(ctx);
  return rows.map((r) => ({ ...r, name: names[r.staffId] ?? null }));
}

/** Every settled refund and void of the range with reason, who and who approved; counts by reason and person. */
export async function refundsAndVoids(ctx: TenantContext, input?: RangeInput) {
  const report = await inPeriod(ctx, input, refundsAndVoidsOf);
  return { ...report, staffNames: await staffNames(ctx) };
}

/** Shifts closed in the range: expected vs counted cash. */
export async function drawerOverShort(ctx: TenantContext, input?: RangeInput) {
  const report = await inPeriod(ctx, input, drawerOverShortOf);
  return { ...report, staffNames: await staffNames(ctx) };
}

const DASHBOARD_TOP = 5;

/** What the /admin home shows, in one read: the summary with its comparison and every chart's rows. */
export async function dashboard(ctx: TenantContext, input?: RangeInput) {
  const figures = await inPeriod(ctx, input, async (tx, p) => ({
    from: p.from,
    to: p.to,
    locationId: p.locationId ?? null,
    dayStartsAt: p.calendar.rule.dayStartsAt,
    summary: await summaryOf(tx, p),
    byHour: await byHourOf(tx, p),
    byDay: await byDayOf(tx, p),
    tenders: await tenderMixOf(tx, p),
    topProducts: { byNet: await topProductsOf(tx, p, 'net', DASHBOARD_TOP), byQuantity: await topProductsOf(tx, p, 'quantity', DASHBOARD_TOP) },
    topCategories: { byNet: await topCategoriesOf(tx, p, 'net', DASHBOARD_TOP), byQuantity: await topCategoriesOf(tx, p, 'quantity', DASHBOARD_TOP) },
    byStaff: await byStaffOf(tx, p),
  }));
  const [names, categories] = [await staffNames(ctx), await categoryNames(ctx)];
  const named = <R extends { categoryId: string | null }>(rows: R[]) => rows.map((r) => ({ ...r, name: r.categoryId ? (categories.get(r.categoryId) ?? null) : null }));
  return {
    ...figures,
    currency: ctx.tenant.currency,
    topCategories: { byNet: named(figures.topCategories.byNet), byQuantity: named(figures.topCategories.byQuantity) },
    byStaff: figures.byStaff.map((r) => ({ ...r, name: names[r.staffId] ?? null })),
  };
}

const REPORTS: Record<ReportName, (ctx: TenantContext, input: Record<string, string>) => Promise<unknown>> = {
  'sales-summary': salesSummary,
  'sales-by-hour': salesByHour,
  'sales-by-day': salesByDay,
  'tender-mix': tenderMix,
  'top-products': topProducts,
  'top-categories': topCategories,
  'sales-by-staff': salesByStaff,
  'refunds-and-voids': refundsAndVoids,
  discounts: discountsGiven,
  taxes,
  'drawer-over-short': drawerOverShort,
};

/** A report by its URL name (404 for an unknown one), with its query string as input. */
export async function report(ctx: TenantContext, name: string, input: Record<string, string>): Promise<{ report: ReportName; currency: string; data: unknown }> {
  const run = REPORTS[name as ReportName];
  if (!Object.hasOwn(REPORTS, name) || !run) throw new AppError('not_found', `No report called ${name}`);
  return { report: name as ReportName, currency: ctx.tenant.currency, data: await run(ctx, input) };
}
