import { and, eq, gte, lte, sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { TenantContext } from '@/lib/auth';
import { addDays, businessCalendar, type BusinessCalendar } from '@/lib/platform/business-day';
import { withTenant, type Tx } from '@/lib/platform/db';
import { businessDayRuleIn } from '@/lib/tenancy';
import { parseInput, rangeSchema, type RangeInput } from './schemas';

/** A resolved report range: business dates, the tenant's calendar, and the same span a week earlier. */
export type Period = {
  from: string;
  to: string;
  locationId?: string;
  calendar: BusinessCalendar;
  /** The same days one week earlier (the dashboard's comparison). */
  previous: { from: string; to: string };
};

export async function resolvePeriod(tx: Tx, ctx: TenantContext, input: RangeInput | undefined): Promise<Period> {
  const range = parseInput(rangeSchema, input);
  const calendar = businessCalendar(await businessDayRuleIn(tx, ctx.tenantId));
  const from = range.from ?? range.to ?? calendar.dayOf(new Date()).date;
  const to = range.to ?? from;
  return { from, to, locationId: range.locationId, calendar, previous: { from: addDays(from, -7), to: addDays(to, -7) } };
}

/** Runs a report in one read transaction of the context's tenant, with its period resolved. */
export function inPeriod<T>(ctx: TenantContext, input: RangeInput | undefined, run: (tx: Tx, period: Period) => Promise<T>): Promise<T> {
  return withTenant(ctx.tenantId, async (tx) => run(tx, await resolvePeriod(tx, ctx, input)));
}

/** WHERE business_date in [from, to] (and the location, if one is chosen). */
export function inRange(table: { businessDate: PgColumn; locationId: PgColumn }, range: { from: string; to: string; locationId?: string }): SQL {
  return and(gte(table.businessDate, range.from), lte(table.businessDate, range.to), range.locationId ? eq(table.locationId, range.locationId) : undefined)!;
}

/** sum(column) as an exact JS number (bigint sums arrive as text). */
export const total = (column: PgColumn | SQL) => sql<number>`coalesce(sum(${column}), 0)::bigint`.mapWith(Number);

/** round(a / b) half away from zero, exact for integers (0 when b is 0). */
export function ratio(a: number, b: number): number {
  if (b === 0) return 0;
  const sign = Math.sign(a) * Math.sign(b);
  const [n, d] = [Math.abs(a), Math.abs(b)];
  return sign * Math.floor((2 * n + d) / (2 * d));
}

/** Every business date from..to. */
export function datesOf(from: string, to: string): string[] {
  const dates: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) dates.push(d);
  return dates;
}
