import { tool, type ToolSet } from 'ai';
import { z } from 'zod';
import { refundsAndVoids, salesByHour, salesByStaff, salesSummary, tenderMix, topProducts } from '@/lib/analytics';
import type { TenantContext } from '@/lib/auth';
import { variantLabel } from '@/lib/catalog';
import { listLevels } from '@/lib/inventory';
import { countOrdersByStatus, listOrders } from '@/lib/orders';
import { AppError } from '@/lib/platform/errors';
import { logger } from '@/lib/platform/logger';
import { listTables } from '@/lib/restaurant';
import { cachedResult } from './cache';
import type { QuestionKind } from './intents';

/**
 * The assistant's tools, built per request from the session's context: every tool reads only
 * that tenant (its ctx is closed over here), with that person's role. No tool takes a tenant
 * id, SQL or a free-form filter — only business dates and a few enums — and every result is
 * cut to a few rows. A failing tool answers `{ error }`, so the model can explain it.
 */
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).describe('A business date, YYYY-MM-DD');
const period = z.object({ from: date.describe('First business date (inclusive)'), to: date.describe('Last business date (inclusive)') });

/** Most rows a tool hands the model. */
export const MAX_ROWS = 10;

export type ToolError = { error: string };

/** What a cached result is keyed by besides the tool: the session's tenant and the tool's arguments (cache.ts). */
type CacheScope = { tenantId: string; args: unknown };

/** Runs a tool; its failure becomes `{ error }` for the model. Only a `cache` scope caches (reads; never the changing tools). */
export async function guarded<T>(name: string, run: () => Promise<T>, cache?: CacheScope): Promise<T | ToolError> {
  try {
    return await (cache ? cachedResult(cache.tenantId, name, cache.args, run) : run());
  } catch (err) {
    if (err instanceof AppError) return { error: err.message };
    logger.error({ err, tool: name }, 'assistant tool failed');
    return { error: 'That lookup failed on our side. Please try again in a moment.' };
  }
}

/**
 * Tools over a range of business days, for this session's tenant: results cached per tenant and
 * range until the tenant's figures change, failures become `{ error }` (never cached).
 */
const periodToolsOf =
  (ctx: TenantContext) =>
  (name: string, description: string, run: (range: z.output<typeof period>) => Promise<Record<string, unknown>>) =>
    tool({ description, inputSchema: period, execute: (range) => guarded(name, () => run(range), { tenantId: ctx.tenantId, args: range }) });

export function assistantTools(ctx: TenantContext) {
  const currency = ctx.tenant.currency;
  const periodTool = periodToolsOf(ctx);
  const tools = {
    salesSummary: periodTool('salesSummary', 'Revenue for a range of business days: net sales, gross, discounts, refunds, tax, number of orders, average ticket, items, and net sales the same days a week earlier.', async ({ from, to }) => {
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
          return { from, to, currency, by, items: rows.map((r) => ({ name: variantLabel(r), quantity: r.quantity, net: r.net })) };
        }, { tenantId: ctx.tenantId, args: { from, to, by } }),
    }),
    tenderMix: periodTool('tenderMix', 'Payment-method mix for a range of business days: per tender (cash, card, …) the payments, money kept after refunds and its share.', async ({ from, to }) => {
      const rows = await tenderMix(ctx, { from, to });
      return { from, to, currency, tenders: rows.map((r) => ({ tender: r.tender, payments: r.payments, net: r.net, shareBasisPoints: r.shareBasisPoints })) };
    }),
    salesByStaff: periodTool('salesByStaff', 'Sales per staff member for a range of business days: orders rung up, sales, refunds given, voids made.', async ({ from, to }) => {
      const rows = await salesByStaff(ctx, { from, to });
      return {
        from,
        to,
        currency,
        staff: rows.slice(0, MAX_ROWS).map((r) => ({ name: r.name ?? 'Former staff member', orders: r.orders, sales: r.sales, refunds: r.refunds, voids: r.voids })),
      };
    }),
    salesByHour: periodTool('salesByHour', 'Busiest hours of the day (local time) for a range of business days: the hours with the most orders, with their net sales.', async ({ from, to }) => {
      const rows = (await salesByHour(ctx, { from, to })).filter((r) => r.orders > 0);
      const busiest = [...rows].sort((a, b) => b.orders - a.orders || b.net - a.net || a.hour - b.hour).slice(0, 3);
      return { from, to, currency, busiest: busiest.map((r) => ({ hour: r.hour, orders: r.orders, net: r.net })) };
    }),
    refundsAndVoids: periodTool('refundsAndVoids', 'Refunds and voids for a range of business days: how many, how much, and the most common reasons.', async ({ from, to }) => {
      const r = await refundsAndVoids(ctx, { from, to });
      const tally = (t: { count: number; amount: number; byReason: { reason: string; count: number; amount: number }[] }) => ({ count: t.count, amount: t.amount, reasons: t.byReason.slice(0, 5) });
      return { from, to, currency, refunds: tally(r.refunds), voids: tally(r.voids) };
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
          };
        }),
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
            orders: page.data.map((o) => ({ number: o.number, status: o.status, total: o.total, due: o.total - o.paidTotal })),
          };
        }),
    }),
  } satisfies Record<QuestionKind, unknown> & ToolSet;
  return tools;
}

export type AssistantTools = ReturnType<typeof assistantTools>;
