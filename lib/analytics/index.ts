import 'server-only';
import type { TenantContext } from '@/lib/auth';
import { categoryService } from '@/lib/catalog';
import { AppError } from '@/lib/platform/errors';
import type { Locale } from '@/lib/platform/locale';
import { drawerOverShortOf, refundsAndVoidsOf } from './exceptions';
import { tableCsv } from './report-csv';
import { REPORT_INFO, tablesOf, type ReportData, type ReportFact, type ReportResult, type ReportTable } from './report-tables';
import { staffNames } from './names';
import { inPeriod } from './period';
import { byDayOf, byHourOf, byStaffOf, discountsOf, summaryOf, taxesOf, tenderMixOf, topCategoriesOf, topProductsOf } from './sales';
import { parseInput, rangeSchema, topSchema, type RangeInput, type ReportName, type TopInput } from './schemas';

/**
 * lib/analytics: the figures of the business, for the /admin dashboard, the reports (page, CSV,
 * print) and the sales assistant — one function per report, so the three can never disagree.
 * Every function takes the request's TenantContext and a range of business dates (validated
 * here: bad input is a 400), reads only this module's rollups or lib/orders' read model, and
 * answers in integer minor units of the tenant's currency. Definitions: docs/analytics.md.
 */
export { rebuildAnalytics, rebuildWhereNeeded, handleSales, handleRefunds, handleVoids, type RebuildResult } from './maintain';
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
  type AlertMessage,
} from './alerts';
export type { SalesSummary, Figure, HourRow, DayRow, TenderRow, ProductRow, CategoryRow, StaffRow, DiscountsReport, TaxesReport, TaxRow } from './sales';
export { REPORT_INFO, type ReportData, type ReportResult, type ReportTable, type ReportFact, type TableColumn, type Cell, type CellKind } from './report-tables';
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

/** Per staff member: sales rung up and the tips on them, refunds given, voids made; by sales. */
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

const REPORTS = {
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
} satisfies { [K in ReportName]: (ctx: TenantContext, input: Record<string, string>) => Promise<ReportData[K]> };

const isReportName = (name: string): name is ReportName => Object.hasOwn(REPORTS, name);

/** A report by its URL name (404 for an unknown one), with its query string as input. */
export async function report(ctx: TenantContext, name: string, input: Record<string, string>): Promise<ReportResult> {
  if (!isReportName(name)) throw new AppError('not_found', `No report called ${name}`);
  const run = REPORTS[name] as (ctx: TenantContext, input: Record<string, string>) => Promise<ReportData[ReportName]>;
  return { report: name, currency: ctx.tenant.currency, data: await run(ctx, input) } as ReportResult;
}

export type ReportView = ReportResult & {
  title: string;
  question: string;
  from: string;
  to: string;
  locationId: string | null;
  /** The report as tables: the page's and the CSV's one definition (report-tables.ts). */
  tables: ReportTable[];
  facts: ReportFact[];
};

/**
 * A report as the /admin/reports page and its CSV show it: the answer for the resolved range
 * (today by default) — every row for the item and category lists, not the top ten — with its
 * tables, their words in `locale` (the page's reader's; the CSV's are English). Unknown name:
 * 404; bad range: 400, as `report`.
 */
export async function reportView(ctx: TenantContext, name: string, input: Record<string, string | undefined>, locale: Locale = 'en'): Promise<ReportView> {
  if (!isReportName(name)) throw new AppError('not_found', `No report called ${name}`);
  const all = { ...input, limit: 'all' };
  parseInput(name === 'top-products' || name === 'top-categories' ? topSchema : rangeSchema, all); // every field's problem at once
  const period = await inPeriod(ctx, { from: input.from, to: input.to, locationId: input.locationId }, async (_tx, p) => p);
  const range = { from: period.from, to: period.to, locationId: period.locationId ?? '' };
  const result = await report(ctx, name, { by: input.by ?? '', ...range, limit: 'all' });
  return { ...result, ...REPORT_INFO[name], from: period.from, to: period.to, locationId: period.locationId ?? null, ...tablesOf(result, period, locale) };
}

/**
 * One table of a report as a CSV stream (`sheet`: a table id, default the report's first), and
 * its file name `<slug>-<report>[-<sheet>]-<from>-<to>.csv`. The report is read and checked
 * before the first byte, so bad input is still a 4xx.
 */
export async function exportReport(ctx: TenantContext, name: string, input: Record<string, string | undefined>): Promise<{ filename: string; body: ReadableStream<Uint8Array> }> {
  const view = await reportView(ctx, name, input);
  const sheet = input.sheet || view.tables[0]!.id;
  const table = view.tables.find((t) => t.id === sheet);
  if (!table) {
    const message = `This report's tables are ${view.tables.map((t) => t.id).join(', ')}`;
    throw new AppError('bad_request', `The report query is invalid: sheet: ${message}`, [{ path: 'sheet', message }]);
  }
  const part = table === view.tables[0] ? '' : `-${table.id}`;
  return { filename: `${ctx.tenant.slug}-${view.report}${part}-${view.from}-${view.to}.csv`, body: tableCsv(table, ctx.tenant.currency, ctx.tenant.timeZone) };
}
