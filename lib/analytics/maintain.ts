import { and, eq, gte, inArray, lt, or, sql } from 'drizzle-orm';
import { analyticsFacts, analyticsState } from '@/db/schema/analytics';
import { appendEvents, onEvents } from '@/lib/events';
import { refundFacts, saleFacts, salesFactsSpan, voidFacts } from '@/lib/orders';
import { addDays, businessCalendar } from '@/lib/platform/business-day';
import { withTenant, type Tx } from '@/lib/platform/db';
import { logger } from '@/lib/platform/logger';
import { businessDayRuleIn, listTenantIds } from '@/lib/tenancy';
import { Rollup, ROLLUP_TABLES, writeRollup } from './rollup';

/**
 * Keeping the rollups: outbox handlers add each sale, refund and void once, in the
 * dispatcher's transaction (which also records the delivery, so a redelivered event is
 * skipped); `rebuildAnalytics` recomputes a tenant's rollups from lib/orders' read model.
 *
 * The two may run at once. Handlers take a shared, the rebuild an exclusive, transaction-level
 * advisory lock per tenant, so a rebuild window is atomic to handlers: a fact committed before
 * the window's transaction is counted by it (its handler, if later, finds the fact claimed in
 * analytics_facts and adds nothing); one handled before is deleted with the window's old rows
 * and counted again once.
 */
const lockKey = (tenantId: string) => sql`hashtext(${'analytics:' + tenantId})`;

async function applyFacts(tx: Tx, tenantId: string, load: (rollup: Rollup) => Promise<void>): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock_shared(${lockKey(tenantId)})`);
  const rule = await businessDayRuleIn(tx, tenantId);
  const rollup = new Rollup(businessCalendar(rule));
  await load(rollup);
  await writeRollup(tx, tenantId, rollup);
  // Live dashboards refetch on this one: it commits with the rollups it announces. One per
  // kind, day and location a batch touched (a hundred sales of one day are one change).
  const changed = new Map(rollup.facts.map((f) => [`${f.kind} ${f.businessDate} ${f.locationId}`, { kind: f.kind, businessDate: f.businessDate, locationId: f.locationId }]));
  await appendEvents(tx, tenantId, [...changed.values()].map((payload) => ({ type: 'SalesFiguresChanged' as const, payload })));
}

/** Only facts not yet in the rollups (claimed by a rebuild or an earlier delivery). */
async function unclaimed(tx: Tx, kind: 'sale' | 'refund' | 'void', ids: string[]): Promise<string[]> {
  const claimed = await tx
    .select({ id: analyticsFacts.factId })
    .from(analyticsFacts)
    .where(and(eq(analyticsFacts.kind, kind), inArray(analyticsFacts.factId, ids)));
  const done = new Set(claimed.map((c) => c.id));
  return ids.filter((id) => !done.has(id));
}

/** The event handlers' work, exported for tests that feed facts without the dispatcher. */
export const handleSales = (tx: Tx, tenantId: string, orderIds: string[]) =>
  applyFacts(tx, tenantId, async (r) => (await saleFacts(tx, { ids: await unclaimed(tx, 'sale', orderIds) })).forEach((f) => r.addSale(f)));
export const handleRefunds = (tx: Tx, tenantId: string, refundIds: string[]) =>
  applyFacts(tx, tenantId, async (r) => (await refundFacts(tx, { ids: await unclaimed(tx, 'refund', refundIds) })).forEach((f) => r.addRefund(f)));
export const handleVoids = (tx: Tx, tenantId: string, orderIds: string[]) =>
  applyFacts(tx, tenantId, async (r) => (await voidFacts(tx, { ids: await unclaimed(tx, 'void', orderIds) })).forEach((f) => r.addVoid(f)));

// Sums commute: a batch of a tenant's sales is one set of rollup upserts, not one per sale.
onEvents('OrderPaid', 'analytics.sale', (tx, events) => handleSales(tx, events[0]!.tenantId, events.map((e) => e.payload.orderId)));
onEvents('OrderRefunded', 'analytics.refund', (tx, events) => handleRefunds(tx, events[0]!.tenantId, events.map((e) => e.payload.refundId)));
onEvents('OrderVoided', 'analytics.void', (tx, events) => handleVoids(tx, events[0]!.tenantId, events.map((e) => e.payload.orderId)));

export type RebuildResult = { days: number; sales: number; refunds: number; voids: number };

/**
 * Recomputes a tenant's rollups from the sales read model, `daysPerBatch` business days per
 * transaction (each one deletes that window's rows and writes its sums), then removes rows
 * outside the span of any fact. Safe while the app runs (see the lock above). `onBatch` hears
 * after each window (a script's progress).
 */
export async function rebuildAnalytics(
  tenantId: string,
  options: { daysPerBatch?: number; onBatch?: (done: RebuildResult & { through: string; last: string }) => void } = {},
): Promise<RebuildResult> {
  const daysPerBatch = options.daysPerBatch ?? 7;
  const { rule, span } = await withTenant(tenantId, async (tx) => ({ rule: await businessDayRuleIn(tx, tenantId), span: await salesFactsSpan(tx) }));
  const calendar = businessCalendar(rule);
  const result: RebuildResult = { days: 0, sales: 0, refunds: 0, voids: 0 };
  const first = span ? calendar.dayOf(span.first).date : null;
  const last = span ? calendar.dayOf(span.last).date : null;

  for (let from = first; from && last && from <= last; from = addDays(from, daysPerBatch)) {
    const to = [addDays(from, daysPerBatch - 1), last].sort()[0]!;
    const range = calendar.range(from, to);
    await withTenant(tenantId, async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(${lockKey(tenantId)})`);
      for (const table of ROLLUP_TABLES) await tx.delete(table).where(and(gte(table.businessDate, from), lt(table.businessDate, addDays(to, 1))));
      const rollup = new Rollup(calendar);
      const [sales, refunds, voids] = [await saleFacts(tx, range), await refundFacts(tx, range), await voidFacts(tx, range)];
      sales.forEach((f) => rollup.addSale(f));
      refunds.forEach((f) => rollup.addRefund(f));
      voids.forEach((f) => rollup.addVoid(f));
      await writeRollup(tx, tenantId, rollup);
      result.days += Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000) + 1;
      result.sales += sales.length;
      result.refunds += refunds.length;
      result.voids += voids.length;
    });
    options.onBatch?.({ ...result, through: to, last });
  }

  await withTenant(tenantId, async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${lockKey(tenantId)})`);
    for (const table of ROLLUP_TABLES) {
      await tx.delete(table).where(first && last ? or(lt(table.businessDate, first), gte(table.businessDate, addDays(last, 1))) : undefined);
    }
    await tx
      .insert(analyticsState)
      .values({ tenantId, ...rule, rebuiltAt: new Date() })
      .onConflictDoUpdate({ target: analyticsState.tenantId, set: { ...rule, rebuiltAt: new Date() } });
  });
  return result;
}

/**
 * Whether the rollups need a rebuild: never rebuilt although there are sales (history written
 * before analytics existed, or by a seed), or cut with another day start or time zone than the
 * tenant's current rule.
 */
async function needsRebuild(tenantId: string): Promise<boolean> {
  return withTenant(tenantId, async (tx) => {
    const [state] = await tx.select().from(analyticsState);
    if (!state) return (await salesFactsSpan(tx)) !== null;
    const rule = await businessDayRuleIn(tx, tenantId);
    return state.dayStartsAt !== rule.dayStartsAt || state.timeZone !== rule.timeZone;
  });
}

/** Rebuilds every tenant whose rollups are missing or cut with an old rule (a periodic job); answers the tenants it rebuilt. */
export async function rebuildWhereNeeded(): Promise<string[]> {
  const rebuilt: string[] = [];
  for (const tenantId of await listTenantIds()) {
    if (!(await needsRebuild(tenantId))) continue;
    const result = await rebuildAnalytics(tenantId);
    logger.info({ tenantId, ...result }, 'analytics rebuilt (first time, or the day start changed)');
    rebuilt.push(tenantId);
  }
  return rebuilt;
}
