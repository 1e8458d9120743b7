import { and, eq, inArray } from 'drizzle-orm';
import { analyticsSales, analyticsStaff } from '@/db/schema/analytics';
import type { TenantContext } from '@/lib/auth';
import { closedShifts, refundFacts, voidFacts } from '@/lib/orders';
import { addDays, businessCalendar, type BusinessCalendar } from '@/lib/platform/business-day';
import { withTenant, type Tx } from '@/lib/platform/db';
import { businessDayRuleIn, drawerToleranceOf, getTenantSettings } from '@/lib/tenancy';
import { ordersLink, plural, usually, wordsFor } from './alert-words';
import { staffNames } from './names';
import { ratio, total } from './period';
import { judge, median, type Verdict } from './robust';
import { alertsSchema, parseInput, type AlertsInput } from './schemas';

/**
 * The dashboard's alerts: unusual activity on one business date, each stating its figures and
 * linking to what is behind it. Every "usual" is the median of the same weekday over the last
 * ALERT_WEEKS weeks and its spread the MAD (median absolute deviation); a value is unusual past
 * ALERT_MADS spreads from the median, and never closer than the rule's floor (so a quiet
 * person's 0 → 1 or a week with identical days is no alert). Rules, constants and why:
 * docs/analytics.md › Alerts. Figures come from this module's rollups and lib/orders' read model.
 */
export { ALERT_MADS } from './robust';
export const ALERT_WEEKS = 8;
/** Refunds or voids: at least this many more than the person's median before a count is unusual. */
export const STAFF_MIN_EXCESS = 2;
/** …and for their amount, at least this many average tickets (of the same weekdays) more. */
export const STAFF_MIN_EXCESS_TICKETS = 2;
/** Sales: same weekdays with sales needed before the business has a "usual" (of ALERT_WEEKS). */
export const SALES_MIN_WEEKS = 4;
/** Sales: at least this far below the median (basis points of it) before it is unusual. */
export const SALES_MIN_DROP_BASIS_POINTS = 3000;
/** Today: the usual day must have made this share (basis points) of its sales by this hour. */
export const SALES_MIN_SHARE_OF_DAY_BASIS_POINTS = 2500;

export type AlertKind = 'sales_below_usual' | 'drawer_short' | 'staff_refunds' | 'staff_voids';

/**
 * An alert's sentence as data, for a reader in any language: a catalogue key (`admin.alerts.<key>`)
 * and its values. Money is in minor units of the tenant's currency; `usualLow`/`usualHigh` are the
 * usual range (counts for the `…Count` keys, money otherwise); `date` is the business date and
 * `today` whether it is today; `name` null is a former staff member. `title` beside it stays the
 * English sentence the API has always sent.
 */
export type AlertMessage =
  | {
      key: 'staffRefundsCount' | 'staffRefundsMoney' | 'staffVoidsCount' | 'staffVoidsMoney';
      params: { name: string | null; count: number; amount: number; usualLow: number; usualHigh: number; date: string; today: boolean };
    }
  | { key: 'drawerShort'; params: { register: string; name: string | null; short: number; counted: number; expected: number; tolerance: number; date: string; today: boolean } }
  | { key: 'salesSoFar'; params: { amount: number; by: string; usualLow: number; usualHigh: number; date: string } }
  | { key: 'salesDay'; params: { amount: number; usualLow: number; usualHigh: number; date: string; today: boolean } };

/** The usual range median ± MAD as `usually` words it: never below 0, whole units. */
const usualRange = (usual: number, spread: number) => ({ usualLow: Math.max(0, Math.round(usual - spread)), usualHigh: Math.max(0, Math.round(usual + spread)) });
export type Alert = {
  kind: AlertKind;
  /** high: at least twice as far past the usual as the threshold asks. */
  severity: 'high' | 'medium';
  /** Plain words with the figures, e.g. "Sam gave 6 refunds today ($240.00); usually 0–1 on a Tuesday". */
  title: string;
  /** The same sentence as a catalogue key and its values (AlertMessage), rendered in the reader's language. */
  message: AlertMessage;
  date: string;
  locationId: string | null;
  /** What the figures count: a number of refunds/voids, or money (minor units of the tenant's currency). */
  measure: 'count' | 'money';
  /** value: this date's; usual: median; spread: MAD; threshold: past it the value is unusual (null: no history behind it). */
  figures: { value: number; usual: number | null; spread: number | null; threshold: number };
  /** The same weekdays the usual was taken from, oldest first (empty for drawers). */
  baseline: { date: string; value: number }[];
  staffId?: string;
  shiftId?: string;
  /** The orders behind a refunds or voids alert. */
  orders?: { id: string; number: number }[];
  link: string;
};

/** The same weekday 1..ALERT_WEEKS weeks before `date`, oldest first. */
const baselineDates = (date: string) => Array.from({ length: ALERT_WEEKS }, (_, i) => addDays(date, -7 * (ALERT_WEEKS - i)));

type Scope = { date: string; today: string; locationId?: string; calendar: BusinessCalendar; currency: string; now: Date };

const where = (t: typeof analyticsStaff | typeof analyticsSales, dates: string[], locationId?: string) =>
  and(inArray(t.businessDate, dates), locationId ? eq(t.locationId, locationId) : undefined);

// ── Refunds and voids by one person ──────────────────────────────────────────────────────

type PersonDay = { date: string; staffId: string; refundCount: number; refunds: number; voids: number; voidAmount: number };
type Unusual = { kind: 'staff_refunds' | 'staff_voids'; staffId: string; measure: 'count' | 'money'; count: number; amount: number; verdict: Verdict; baseline: Alert['baseline'] };

const MEASURES = [
  { kind: 'staff_refunds', count: (r?: PersonDay) => r?.refundCount ?? 0, amount: (r?: PersonDay) => r?.refunds ?? 0 },
  { kind: 'staff_voids', count: (r?: PersonDay) => r?.voids ?? 0, amount: (r?: PersonDay) => r?.voidAmount ?? 0 },
] as const;

/** Each person's refunds and voids of `date` judged against their same weekdays (days without any: 0), by count, else by amount. */
function unusualPeople(rows: PersonDay[], date: string, history: string[], ticket: number): Unusual[] {
  const found: Unusual[] = [];
  for (const person of rows.filter((r) => r.date === date)) {
    const days = history.map((d) => rows.find((r) => r.date === d && r.staffId === person.staffId));
    for (const { kind, count, amount } of MEASURES) {
      if (count(person) === 0) continue;
      const byCount = judge('above', count(person), days.map(count), () => STAFF_MIN_EXCESS);
      const byMoney = ticket > 0 ? judge('above', amount(person), days.map(amount), () => STAFF_MIN_EXCESS_TICKETS * ticket) : null;
      const verdict = byCount ?? byMoney;
      if (!verdict) continue;
      const measured = byCount ? count : amount;
      const baseline = history.map((d, i) => ({ date: d, value: measured(days[i]) }));
      found.push({ kind, staffId: person.staffId, measure: byCount ? 'count' : 'money', count: count(person), amount: amount(person), verdict, baseline });
    }
  }
  return found;
}

async function staffAlerts(tx: Tx, scope: Scope, who: Record<string, string>): Promise<Alert[]> {
  const history = baselineDates(scope.date);
  const rows: PersonDay[] = await tx
    .select({
      date: analyticsStaff.businessDate,
      staffId: analyticsStaff.staffId,
      refundCount: total(analyticsStaff.refundCount),
      refunds: total(analyticsStaff.refunds),
      voids: total(analyticsStaff.voids),
      voidAmount: total(analyticsStaff.voidAmount),
    })
    .from(analyticsStaff)
    .where(where(analyticsStaff, [...history, scope.date], scope.locationId))
    .groupBy(analyticsStaff.businessDate, analyticsStaff.staffId);
  if (!rows.some((r) => r.date === scope.date && (r.refundCount > 0 || r.voids > 0))) return [];
  const found = unusualPeople(rows, scope.date, history, await averageTicket(tx, history, scope.locationId));
  if (found.length === 0) return [];
  const [behind, words] = [await ordersBehind(tx, scope), wordsFor(scope)];
  return found.map(({ kind, staffId, measure, count, amount, verdict, baseline }) => {
    const name = who[staffId] ?? 'A former staff member';
    const refunds = kind === 'staff_refunds';
    const [usual, spread] = measure === 'money' ? [Math.round(verdict.usual), Math.round(verdict.spread)] : [verdict.usual, verdict.spread];
    const range = usually(usual, spread, measure === 'count' ? String : words.money);
    const what =
      measure === 'count'
        ? `${refunds ? `gave ${plural(count, 'refund', 'refunds')}` : `voided ${plural(count, 'order', 'orders')}`} ${words.when} (${words.money(amount)})`
        : `${refunds ? 'refunded' : 'voided orders worth'} ${words.money(amount)} ${words.when} (${refunds ? plural(count, 'refund', 'refunds') : plural(count, 'order', 'orders')})`;
    const key = refunds ? (measure === 'count' ? 'staffRefundsCount' : 'staffRefundsMoney') : measure === 'count' ? 'staffVoidsCount' : 'staffVoidsMoney';
    const message: AlertMessage = { key, params: { name: who[staffId] ?? null, count, amount, ...usualRange(usual, spread), date: scope.date, today: scope.date === scope.today } };
    const orders = [...new Map(behind[refunds ? 'refunds' : 'voids'].filter((o) => o.staffId === staffId).map((o) => [o.id, { id: o.id, number: o.number }])).values()];
    return {
      kind,
      severity: verdict.high ? 'high' : 'medium',
      title: `${name} ${what}; usually ${range} on a ${words.weekday}`,
      message,
      date: scope.date,
      locationId: scope.locationId ?? null,
      measure,
      figures: { value: measure === 'count' ? count : amount, usual, spread, threshold: verdict.threshold },
      baseline,
      staffId,
      orders,
      link: orders.length === 1 ? `/admin/orders/${orders[0]!.id}` : ordersLink({ from: scope.date, to: scope.date, staff: staffId, activity: refunds ? 'refunded' : 'voided' }),
    } satisfies Alert;
  });
}

/** What a paid order came to on the baseline days (gross − discounts + service charge per order; 0: no sales). */
async function averageTicket(tx: Tx, dates: string[], locationId?: string): Promise<number> {
  const [row] = await tx
    .select({
      orders: total(analyticsSales.orders),
      gross: total(analyticsSales.gross),
      discounts: total(analyticsSales.discounts),
      serviceCharge: total(analyticsSales.serviceCharge),
    })
    .from(analyticsSales)
    .where(where(analyticsSales, dates, locationId));
  return row ? ratio(row.gross - row.discounts + row.serviceCharge, row.orders) : 0;
}

/** The date's settled refunds (by who gave them) and voids (by who voided), oldest first. */
async function ordersBehind(tx: Tx, scope: Scope) {
  const range = scope.calendar.range(scope.date, scope.date);
  const here = (locationId: string) => !scope.locationId || locationId === scope.locationId;
  const refunds = (await refundFacts(tx, range)).filter((r) => here(r.locationId));
  const voids = (await voidFacts(tx, range)).filter((v) => here(v.locationId));
  return {
    refunds: refunds.map((r) => ({ id: r.orderId, number: r.orderNumber, staffId: r.refundedBy })),
    voids: voids.map((v) => ({ id: v.orderId, number: v.number, staffId: v.voidedBy })),
  };
}

// ── Drawers short ────────────────────────────────────────────────────────────────────────

async function drawerAlerts(tx: Tx, scope: Scope, tolerance: number, who: Record<string, string>): Promise<Alert[]> {
  const range = scope.calendar.range(scope.date, scope.date);
  const short = (await closedShifts(tx, { ...range, locationId: scope.locationId })).filter((s) => -s.difference > tolerance);
  if (short.length === 0) return [];
  const words = wordsFor(scope);
  return short.reverse().map((shift) => {
    const shortBy = -shift.difference;
    const person = who[shift.openedBy] ?? 'a former staff member';
    return {
      kind: 'drawer_short',
      severity: shortBy > 2 * tolerance ? 'high' : 'medium',
      title: `Drawer ${shift.registerName} (${person}'s shift) closed ${words.money(shortBy)} short ${words.when}: counted ${words.money(shift.countedCash)}, expected ${words.money(shift.expectedCash)}; tolerance ${words.money(tolerance)}`,
      message: {
        key: 'drawerShort',
        params: { register: shift.registerName, name: who[shift.openedBy] ?? null, short: shortBy, counted: shift.countedCash, expected: shift.expectedCash, tolerance, date: scope.date, today: scope.date === scope.today },
      },
      date: scope.date,
      locationId: shift.locationId,
      measure: 'money',
      figures: { value: shortBy, usual: null, spread: null, threshold: tolerance },
      baseline: [],
      staffId: shift.openedBy,
      shiftId: shift.shiftId,
      // The cash orders whose money went through this drawer.
      link: ordersLink({ shift: shift.shiftId, tender: 'cash' }),
    } satisfies Alert;
  });
}

// ── Sales below the same weekday's usual ─────────────────────────────────────────────────

/**
 * How many of business day `date`'s local hours (in business-day order from the day-start hour)
 * are over at `now`: the hours before the current one. With a day start at :15/:30/:45 the start
 * hour also ends the day; in that last part every hour counts.
 */
export function hoursOver(calendar: BusinessCalendar, date: string, now: Date): number {
  const start = Number(calendar.rule.dayStartsAt.slice(0, 2));
  const position = (calendar.dayOf(now).hour - start + 24) % 24;
  const intoDay = now.getTime() - calendar.startOf(date).getTime();
  return position === 0 && intoDay > 3_600_000 ? 24 : position;
}

async function salesAlerts(tx: Tx, scope: Scope): Promise<Alert[]> {
  const history = baselineDates(scope.date);
  const rows = await tx
    .select({
      date: analyticsSales.businessDate,
      hour: analyticsSales.hour,
      orders: total(analyticsSales.orders),
      gross: total(analyticsSales.gross),
      discounts: total(analyticsSales.discounts),
      serviceCharge: total(analyticsSales.serviceCharge),
      refunds: total(analyticsSales.refunds),
    })
    .from(analyticsSales)
    .where(where(analyticsSales, [...history, scope.date], scope.locationId))
    .groupBy(analyticsSales.businessDate, analyticsSales.hour);
  const start = Number(scope.calendar.rule.dayStartsAt.slice(0, 2));
  const over = scope.date === scope.today ? hoursOver(scope.calendar, scope.date, scope.now) : 24;
  const net = (date: string, hours: number) =>
    rows.filter((r) => r.date === date && (r.hour - start + 24) % 24 < hours).reduce((s, r) => s + r.gross - r.discounts + r.serviceCharge - r.refunds, 0);
  const traded = history.filter((date) => rows.some((r) => r.date === date && r.orders > 0));
  if (traded.length < SALES_MIN_WEEKS || over === 0) return [];
  const soFar = traded.map((date) => net(date, over));
  if (over < 24 && median(soFar) * 10_000 < SALES_MIN_SHARE_OF_DAY_BASIS_POINTS * median(traded.map((date) => net(date, 24)))) return [];
  const value = net(scope.date, over);
  const verdict = judge('below', value, soFar, (usual) => (usual * SALES_MIN_DROP_BASIS_POINTS) / 10_000);
  if (!verdict || verdict.usual <= 0) return [];
  const words = wordsFor(scope);
  const [usual, spread] = [Math.round(verdict.usual), Math.round(verdict.spread)];
  const range = usually(usual, spread, words.money);
  const by = `${String((start + over) % 24).padStart(2, '0')}:00`;
  return [
    {
      kind: 'sales_below_usual',
      severity: verdict.high ? 'high' : 'medium',
      title:
        over < 24
          ? `Net sales so far today are ${words.money(value)} (to ${by}); usually ${range} by then on a ${words.weekday}`
          : `Net sales ${words.when} were ${words.money(value)}; usually ${range} on a ${words.weekday}`,
      message:
        over < 24
          ? { key: 'salesSoFar', params: { amount: value, by, ...usualRange(usual, spread), date: scope.date } }
          : { key: 'salesDay', params: { amount: value, ...usualRange(usual, spread), date: scope.date, today: scope.date === scope.today } },
      date: scope.date,
      locationId: scope.locationId ?? null,
      measure: 'money',
      figures: { value, usual, spread, threshold: verdict.threshold },
      baseline: traded.map((date, i) => ({ date, value: soFar[i]! })),
      link: ordersLink({ from: scope.date, to: scope.date }),
    },
  ];
}

// ── The function ─────────────────────────────────────────────────────────────────────────

const KIND_ORDER: AlertKind[] = ['sales_below_usual', 'drawer_short', 'staff_refunds', 'staff_voids'];

/**
 * The alerts of one business date (default today; a date still to come has none) at one
 * location or all: high severity first, then sales, drawers, refunds, voids.
 */
export async function alerts(ctx: TenantContext, input?: AlertsInput): Promise<Alert[]> {
  const { date, locationId } = parseInput(alertsSchema, input);
  const tolerance = drawerToleranceOf(await getTenantSettings(ctx), ctx.tenant.currency);
  const names = await staffNames(ctx); // before the read: transactions never nest
  const found = await withTenant(ctx.tenantId, async (tx) => {
    const calendar = businessCalendar(await businessDayRuleIn(tx, ctx.tenantId));
    const now = new Date();
    const today = calendar.dayOf(now).date;
    const scope: Scope = { date: date ?? today, today, locationId, calendar, currency: ctx.tenant.currency, now };
    if (scope.date > today) return [];
    return [...(await salesAlerts(tx, scope)), ...(await drawerAlerts(tx, scope, tolerance, names)), ...(await staffAlerts(tx, scope, names))];
  });
  const rank = (a: Alert) => (a.severity === 'high' ? 0 : 1) * 10 + KIND_ORDER.indexOf(a.kind);
  return found.sort((a, b) => rank(a) - rank(b));
}
