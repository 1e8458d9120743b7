import { tool, type ToolSet } from 'ai';
import { z } from 'zod';
import { discountsGiven, refundsAndVoids, salesByHour, salesByStaff, salesSummary, tenderMix, topProducts, type ReportName } from '@/lib/analytics';
import type { TenantContext } from '@/lib/auth';
import { getVariants, variantLabel } from '@/lib/catalog';
import { listLevels } from '@/lib/inventory';
import { countOrdersByStatus, listOrders, orderSearchSchema, searchOrders, type FoundOrder } from '@/lib/orders';
import { addDays } from '@/lib/platform/business-day';
import { localDateTime } from '@/lib/platform/calendar';
import { AppError } from '@/lib/platform/errors';
import { logger } from '@/lib/platform/logger';
import { minorDigits, minorToDecimal } from '@/lib/platform/money';
import { failed, inSpan } from '@/lib/platform/tracing';
import { listTables } from '@/lib/restaurant';
import { cachedResult } from './cache';
import type { QuestionKind } from './intents';

/**
 * The assistant's tools, built per request from the session's context: every tool reads only
 * that tenant (its ctx is closed over here), with that person's role. No tool takes a tenant
 * id, SQL or a free-form filter — only business dates and a few enums — and every result is
 * cut to a few rows. A failing tool answers `{ error }`, so the model can explain it. Every
 * result carries a `link`: the /admin page its figures come from, which an answer cites.
 */
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).describe('A business date, YYYY-MM-DD');
const period = z.object({ from: date.describe('First business date (inclusive)'), to: date.describe('Last business date (inclusive)') });

/** Most rows a tool hands the model. */
export const MAX_ROWS = 10;

export type ToolError = { error: string };

/** What a cached result is keyed by besides the tool: the session's tenant and the tool's arguments (cache.ts). */
type CacheScope = { tenantId: string; args: unknown };

/** Runs a tool; its failure becomes `{ error }` for the model. Only a `cache` scope caches (reads; never the changing tools). */
export function guarded<T>(name: string, run: () => Promise<T>, cache?: CacheScope): Promise<T | ToolError> {
  // A span per tool call, named by the tool; its arguments (the model's words) stay off it.
  return inSpan(`assistant.tool ${name}`, async (span) => {
    if (span.isRecording()) span.setAttribute('assistant.tool', name);
    try {
      return await (cache ? cachedResult(cache.tenantId, name, cache.args, run) : run());
    } catch (err) {
      failed(span, err);
      if (err instanceof AppError) return { error: err.message };
      logger.error({ err, tool: name }, 'assistant tool failed');
      return { error: 'That lookup failed on our side. Please try again in a moment.' };
    }
  });
}

type Period = z.output<typeof period>;

/** The report page showing a range's figures (its URL names: from, to, by). */
const reportLink = (report: ReportName, { from, to }: Period, extra: Record<string, string> = {}) => `/admin/reports/${report}?${new URLSearchParams({ from, to, ...extra })}`;

/**
 * Tools over a range of business days, for this session's tenant, citing `report` for that
 * range: results cached per tenant and range until the tenant's figures change, failures become
 * `{ error }` (never cached).
 */
const periodToolsOf =
  (ctx: TenantContext) =>
  (name: string, report: ReportName, description: string, run: (range: Period) => Promise<Record<string, unknown>>) =>
    tool({ description, inputSchema: period, execute: (range) => guarded(name, async () => ({ ...(await run(range)), link: reportLink(report, range) }), { tenantId: ctx.tenantId, args: range }) });

/** Most days an order search spans, most orders of the amount it reads, and most candidates it gives. */
const FIND_DAYS = 31;
const FIND_SCAN = 1000;
const FIND_CANDIDATES = 5;
const SEARCH_PAGE = 200;

/** How far "about" an amount reaches: ±10 %, and at least one whole unit of the currency (about $5: $4–$6). */
export const toleranceOf = (amount: number, currency: string) => Math.max(Math.ceil(amount / 10), 10 ** minorDigits(currency));

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
/** Minutes between two times of day, across midnight too (23:50 is 10 minutes from 00:00). */
const minutesApart = (a: number, b: number) => Math.min(Math.abs(a - b), 1440 - Math.abs(a - b));

/**
 * Orders of about `amount` on business days from..to, rung up within an hour of `around` (local
 * time) when given: the admin order search narrowed by total, then by the local time of day.
 * Closest first, by distance in amount (as a share of the tolerance) plus in time (a share of the
 * hour); ties newest first.
 */
async function findOrders(ctx: TenantContext, { from, to, amount, around }: Period & { amount: number; around?: string }) {
  const currency = ctx.tenant.currency;
  const tolerance = toleranceOf(amount, currency);
  const [min, max] = [Math.max(0, amount - tolerance), amount + tolerance];
  const search = orderSearchSchema.safeParse({ from, to, min, max, limit: SEARCH_PAGE });
  if (!search.success) throw new AppError('bad_request', search.error.issues.map((i) => i.message).join('; '));
  if (addDays(from, FIND_DAYS - 1) < to) throw new AppError('bad_request', `Look for an order within ${FIND_DAYS} days at a time`);
  const found: FoundOrder[] = [];
  for (let skip = 0; skip < FIND_SCAN; skip += SEARCH_PAGE) {
    const page = await searchOrders(ctx, { ...search.data, skip });
    found.push(...page.data);
    if (skip + page.data.length >= page.total) break;
  }
  const target = around ? minutesOf(around) : null;
  const candidates = found
    .map((o) => {
      const local = localDateTime(o.createdAt, ctx.tenant.timeZone);
      const off = target === null ? 0 : minutesApart(minutesOf(local.slice(11, 16)), target);
      return { o, local, off, score: Math.abs(o.total - amount) / tolerance + off / 60 };
    })
    .filter((c) => c.off <= 60)
    .sort((a, b) => a.score - b.score || b.o.createdAt.getTime() - a.o.createdAt.getTime())
    .slice(0, FIND_CANDIDATES);
  const listed = new URLSearchParams({ from, to, min: minorToDecimal(min, currency), max: minorToDecimal(max, currency) });
  return {
    from,
    to,
    currency,
    amount,
    min,
    max,
    around: around ?? null,
    candidates: candidates.map(({ o, local }) => ({ id: o.id, number: o.number, date: local.slice(0, 10), time: local.slice(11, 16), total: o.total, status: o.status, link: `/admin/orders/${o.id}` })),
    link: `/admin/orders?${listed}`,
  };
}

/** Stock levels read per page when valuing the stock. */
const LEVEL_PAGE = 500;

/** Units on hand of every item over all locations (none below zero), valued at its selling price. */
async function stockValue(ctx: TenantContext) {
  const held = new Map<string, number>();
  for (let skip = 0; ; skip += LEVEL_PAGE) {
    const page = await listLevels(ctx, { lowStock: false, skip, limit: LEVEL_PAGE });
    for (const l of page.data) if (l.quantity > 0) held.set(l.variantId, (held.get(l.variantId) ?? 0) + l.quantity);
    if (skip + page.data.length >= page.total) break;
  }
  const items = (await getVariants(ctx, [...held.keys()])).map((v) => {
    const quantity = held.get(v.variantId)!;
    return { name: variantLabel(v), sku: v.sku, quantity, price: v.price, value: quantity * v.price };
  });
  return {
    currency: ctx.tenant.currency,
    retail: items.reduce((sum, i) => sum + i.value, 0),
    cost: null,
    note: 'Cost prices are not recorded in Tillwise, so the stock cannot be valued at cost.',
    units: items.reduce((sum, i) => sum + i.quantity, 0),
    itemsInStock: items.length,
    items: items.sort((a, b) => b.value - a.value || a.name.localeCompare(b.name)).slice(0, MAX_ROWS),
    link: '/admin/stock',
  };
}

export function assistantTools(ctx: TenantContext) {
  const currency = ctx.tenant.currency;
  const periodTool = periodToolsOf(ctx);
  const tools = {
    salesSummary: periodTool('salesSummary', 'sales-summary', 'Revenue for a range of business days: net sales, gross, discounts, refunds, tax, number of orders, average ticket, items, and net sales the same days a week earlier.', async ({ from, to }) => {
      const s = await salesSummary(ctx, { from, to });
      return {
        from: s.from,
        to: s.to,
        currency,
        net: s.net.value,
        gross: s.gross.value,
        discounts: s.discounts.value,
        refunds: s.refunds.value,
        tax: s.tax.value,
        orders: s.orders.value,
        averageTicket: s.averageTicket.value,
        items: s.items.value,
        previousNet: s.net.previous,
      };
    }),
    topProducts: tool({
      description: 'Best-selling items for a range of business days, by net sales (default) or by units sold, net of refunds.',
      inputSchema: period.extend({ by: z.enum(['net', 'quantity']).default('net') }),
      execute: ({ from, to, by }) =>
        guarded('topProducts', async () => {
          const rows = await topProducts(ctx, { from, to, by, limit: MAX_ROWS });
          const link = reportLink('top-products', { from, to }, by === 'quantity' ? { by } : {});
          return { from, to, currency, by, items: rows.map((r) => ({ name: variantLabel(r), quantity: r.quantity, net: r.net })), link };
        }, { tenantId: ctx.tenantId, args: { from, to, by } }),
    }),
    tenderMix: periodTool('tenderMix', 'tender-mix', 'Payment-method mix for a range of business days: per tender (cash, card, …) the payments, money kept after refunds and its share.', async ({ from, to }) => {
      const rows = await tenderMix(ctx, { from, to });
      return { from, to, currency, tenders: rows.map((r) => ({ tender: r.tender, payments: r.payments, net: r.net, shareBasisPoints: r.shareBasisPoints })) };
    }),
    salesByStaff: periodTool('salesByStaff', 'sales-by-staff', 'Sales per staff member for a range of business days: orders rung up, sales, refunds given, voids made.', async ({ from, to }) => {
      const rows = await salesByStaff(ctx, { from, to });
      return {
        from,
        to,
        currency,
        staff: rows.slice(0, MAX_ROWS).map((r) => ({ name: r.name ?? 'Former staff member', orders: r.orders, sales: r.sales, refunds: r.refunds, voids: r.voids })),
      };
    }),
    salesByHour: periodTool('salesByHour', 'sales-by-hour', 'Busiest hours of the day (local time) for a range of business days: the hours with the most orders, with their net sales.', async ({ from, to }) => {
      const rows = (await salesByHour(ctx, { from, to })).filter((r) => r.orders > 0);
      const busiest = [...rows].sort((a, b) => b.orders - a.orders || b.net - a.net || a.hour - b.hour).slice(0, 3);
      return { from, to, currency, busiest: busiest.map((r) => ({ hour: r.hour, orders: r.orders, net: r.net })) };
    }),
    refundsAndVoids: periodTool('refundsAndVoids', 'refunds-and-voids', 'Refunds and voids for a range of business days: how many, how much, and the most common reasons.', async ({ from, to }) => {
      const r = await refundsAndVoids(ctx, { from, to });
      const tally = (t: { count: number; amount: number; byReason: { reason: string; count: number; amount: number }[] }) => ({ count: t.count, amount: t.amount, reasons: t.byReason.slice(0, 5) });
      return { from, to, currency, refunds: tally(r.refunds), voids: tally(r.voids) };
    }),
    discounts: periodTool('discounts', 'discounts', 'Discounts given for a range of business days: the total, how many orders had one, their share of gross sales, and the items discounted most.', async ({ from, to }) => {
      const d = await discountsGiven(ctx, { from, to });
      const items = d.byProduct.slice(0, 5).map((p) => ({ name: variantLabel(p), discounts: p.discounts }));
      return { from, to, currency, discounts: d.discounts, discountedOrders: d.discountedOrders, orders: d.orders, rateBasisPoints: d.rateBasisPoints, items };
    }),
    comparePeriods: tool({
      description:
        'Compare the sales of two ranges of business days ("this week vs last week", "November vs October"): net sales, orders and average ticket of each, and the change from `against` to `period`.',
      inputSchema: z.object({ period: period.describe('The range asked about, e.g. this week'), against: period.describe('The range it is compared with, e.g. last week') }),
      execute: (input) =>
        guarded('comparePeriods', async () => {
          const side = async (range: Period) => {
            const s = await salesSummary(ctx, range);
            return { from: s.from, to: s.to, net: s.net.value, orders: s.orders.value, averageTicket: s.averageTicket.value, link: reportLink('sales-summary', range) };
          };
          const [a, b] = [await side(input.period), await side(input.against)];
          const netBasisPoints = b.net === 0 ? null : Math.round(((a.net - b.net) * 10_000) / Math.abs(b.net));
          return { currency, period: a, against: b, change: { net: a.net - b.net, orders: a.orders - b.orders, averageTicket: a.averageTicket - b.averageTicket, netBasisPoints }, link: a.link };
        }),
    }),
    findOrder: tool({
      description: `Find an order someone half-remembers: a total of about \`amount\` (±10 %, at least one whole unit of the currency) on business days from..to (at most ${FIND_DAYS}), rung up within an hour of \`around\` (local time) when given. Up to ${FIND_CANDIDATES} candidates, closest first, each with its order number, time, total and status.`,
      inputSchema: period.extend({
        amount: z.number().int().min(1).max(1_000_000_000).describe('About what the order came to, in integer minor units of the currency'),
        around: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/).optional().describe('The local time, HH:MM (24-hour), it was rung up around'),
      }),
      execute: (input) => guarded('findOrder', () => findOrders(ctx, input)),
    }),
    lowStock: tool({
      description: 'Items at or below their low-stock threshold right now, lowest first.',
      inputSchema: z.object({}),
      execute: () =>
        guarded('lowStock', async () => {
          const levels = await listLevels(ctx, { lowStock: true, skip: 0, limit: MAX_ROWS });
          return {
            total: levels.total,
            items: levels.data.map((l) => ({ name: l.item ? variantLabel(l.item) : 'Unknown item', sku: l.item?.sku ?? null, quantity: l.quantity, threshold: l.lowStockThreshold })),
            link: '/admin/stock?view=low',
          };
        }),
    }),
    inventoryValue: tool({
      description: 'What the stock on hand is worth right now, over every location, at selling prices: the total, units, and the items worth most. Cost prices are not recorded, so there is no value at cost.',
      inputSchema: z.object({}),
      execute: () => guarded('inventoryValue', () => stockValue(ctx)),
    }),
    tablesOccupied: tool({
      description: 'Dining tables occupied right now, with guests (covers), out of all tables.',
      inputSchema: z.object({}),
      execute: () =>
        guarded('tablesOccupied', async () => {
          const tables = await listTables(ctx);
          const occupied = tables.filter((t) => t.status === 'occupied');
          return {
            total: tables.length,
            occupied: occupied.length,
            covers: occupied.reduce((s, t) => s + t.covers, 0),
            tables: occupied.slice(0, MAX_ROWS * 3).map((t) => ({ name: t.name, area: t.area, covers: t.covers })),
            link: '/admin/tables',
          };
        }),
    }),
    openOrders: tool({
      description: 'Orders not yet paid right now: open tabs and parked orders, placed orders waiting for payment, part-paid orders.',
      inputSchema: z.object({}),
      execute: () =>
        guarded('openOrders', async () => {
          const statuses = 'open,placed,partially_paid';
          const [counts, page] = [await countOrdersByStatus(ctx, {}), await listOrders(ctx, { status: statuses, skip: 0, limit: MAX_ROWS })];
          return {
            currency,
            count: (counts.open ?? 0) + (counts.placed ?? 0) + (counts.partially_paid ?? 0),
            byStatus: { open: counts.open ?? 0, placed: counts.placed ?? 0, partially_paid: counts.partially_paid ?? 0 },
            orders: page.data.map((o) => ({ id: o.id, number: o.number, status: o.status, total: o.total, due: o.total - o.paidTotal, link: `/admin/orders/${o.id}` })),
            link: '/admin/orders?status=unpaid',
          };
        }),
    }),
  } satisfies Record<QuestionKind, unknown> & ToolSet;
  return tools;
}

export type AssistantTools = ReturnType<typeof assistantTools>;
