import { getTableColumns, lt, sql, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { orderCounters, orderLines, orderRefunds, orders, type DiscountRecord, type LineModifier, type OrderType } from '@/db/schema/orders';
import { paymentRefunds, payments } from '@/db/schema/payments';
import { listStaff, type Role } from '@/lib/auth';
import { catalogRepository, modifierGroupService, taxClassService } from '@/lib/catalog/service';
import type { ModifierGroup, Product } from '@/lib/catalog/repository';
import { defaultLocation } from '@/lib/inventory';
import { businessDate, priceOrder, refundAmount, refundTax } from '@/lib/orders';
import { withTenant, type Tx } from '@/lib/platform/db';
import { minorDigits } from '@/lib/platform/money';
import { listTables } from '@/lib/restaurant';
import { findTenantBySlug } from '@/lib/tenancy/registry';
import { getTenantSettings } from '@/lib/tenancy/settings';

/**
 * Past sales for a demo tenant, so dashboards and the sales assistant have something to show
 * on a fresh `npm run demo`: N days of orders (not today — live demo orders start at #1),
 * priced exactly as a checkout prices them (lib/orders/pricing.ts on the current catalog),
 * paid in cash, card or both, with a few refunds and voids.
 *
 * Speed matters (it runs on embedded PGlite at every fresh demo), so rows are built in memory
 * and written with multi-row INSERTs straight into the orders module's tables, a few days per
 * transaction — not through createOrder/payOrder, which would take a round trip per row.
 *
 * Stock levels are deliberately left alone: this history happened before the opening stock
 * count the demo seed receives, so no stock movements are written and `stockReserved` is false.
 * Nor are events emitted (nothing should react to sales that happened "before" the system).
 *
 * Deterministic: every day has its own PRNG seeded from `seed` and the date, so reruns (and
 * shorter or longer runs) produce the same orders for the same day and catalog. Row ids are
 * random UUIDs.
 */

export type HistoryProfile = 'cafe' | 'shop';

export type OrderHistoryOptions = {
  /** How many past business days to fill (today is never filled). */
  days: number;
} & HistorySetup;

/** What every history run needs to know: profile, seed, staff, where and when. */
export type HistorySetup = {
  /** PRNG seed (default 1). */
  seed?: number;
  /** What kind of trade: a café (tables, breakfast/lunch/evening peaks) or a shop (retail, weekday trade). */
  profile: HistoryProfile;
  /** Who rings the orders up (default: the tenant's active staff). Cashiers are picked most often. */
  staff?: { id: string; role: Role }[];
  /** Default: the tenant's default location. */
  locationId?: string;
  /** "Now" (default: the current time); the history ends the business day before it. */
  now?: Date;
  /** Override the orders per day (before the weekday and trend factors). */
  ordersPerDay?: { min: number; max: number };
} & ({ timeZone: string; currency: string } | { slug: string });

export type OrderHistoryResult = {
  /** True when nothing was written because the tenant already has orders before today. */
  skipped: boolean;
  days: number;
  orders: number;
  lines: number;
  payments: number;
  refunds: number;
  voided: number;
};

/** The tables seedOrderHistory writes (and the only ones). */
export const ORDER_HISTORY_TABLES = ['orders', 'order_lines', 'payments', 'payment_refunds', 'order_refunds', 'order_counters'] as const;

type Window = { from: string; to: string; weight: number };
type Profile = {
  /** Base orders per day on an ordinary weekday, before the day-of-week factor. */
  ordersPerDay: { min: number; max: number };
  /** Factor per day of week, Sunday first. */
  weekday: [number, number, number, number, number, number, number];
  /** Opening hours split into windows of relative traffic (tenant's local time). */
  hours: Window[];
  /** Probability of 1, 2, 3, 4 lines. */
  lines: [number, number, number, number];
  /** Payment mix (the rest is cash). */
  card: number;
  split: number;
  dineIn: number;
};

export const ORDER_HISTORY_PROFILES: Record<HistoryProfile, Profile> = {
  cafe: {
    ordersPerDay: { min: 68, max: 88 },
    weekday: [1.4, 1, 1, 1, 1, 1.1, 1.4],
    hours: [
      { from: '06:00', to: '07:00', weight: 1.1 },
      { from: '07:00', to: '09:00', weight: 1.7 }, // tea and mohinga before work
      { from: '09:00', to: '11:30', weight: 0.8 },
      { from: '11:30', to: '14:00', weight: 2.2 }, // lunch
      { from: '14:00', to: '17:30', weight: 0.6 },
      { from: '17:30', to: '20:30', weight: 1.9 }, // evening
      { from: '20:30', to: '21:30', weight: 0.4 },
    ],
    lines: [0.34, 0.36, 0.2, 0.1],
    card: 0.3,
    split: 0.05,
    dineIn: 0.62,
  },
  shop: {
    ordersPerDay: { min: 30, max: 48 },
    weekday: [0.75, 1, 1, 1, 1, 1.05, 0.9],
    hours: [
      { from: '08:00', to: '09:00', weight: 1.3 }, // trades people on their way to a job
      { from: '09:00', to: '11:30', weight: 1 },
      { from: '11:30', to: '14:00', weight: 1.5 },
      { from: '14:00', to: '17:30', weight: 0.9 },
      { from: '17:30', to: '18:00', weight: 1.4 },
    ],
    lines: [0.46, 0.3, 0.15, 0.09],
    card: 0.6,
    split: 0.02,
    dineIn: 0,
  },
};

const VOID_RATE = 0.01;
const REFUND_RATE = 0.015;
const DISCOUNT_RATE = 0.05;

/** A one-line description of what seedOrderHistory creates for a profile (for logs and docs). */
export function describeOrderHistory(profile: HistoryProfile, days: number): string {
  const p = ORDER_HISTORY_PROFILES[profile];
  const perDay = `${p.ordersPerDay.min}–${Math.round(p.ordersPerDay.max * Math.max(...p.weekday))}`;
  const mix = `${Math.round(p.card * 100)} % card, ${Math.round(p.split * 100)} % split, the rest cash`;
  return (
    `${days} days of past ${profile === 'cafe' ? 'café' : 'shop'} orders before today (about ${perDay} a day, with ${profile === 'cafe' ? 'breakfast, lunch and evening peaks, busier at weekends' : 'lunch peaks, more weekday trade'}), ` +
    `all completed and paid (${mix}), ~${REFUND_RATE * 100} % refunded and ~${VOID_RATE * 100} % voided; order numbers per day from 1; stock untouched`
  );
}

// ---------------------------------------------------------------------------------------------
// Randomness

/** mulberry32: a tiny, fast, seedable PRNG with good enough spread for fake data. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a of a string, mixed with a number: per-day seeds. */
function hashSeed(seed: number, text: string): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

class Random {
  constructor(readonly next: () => number) {}
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  /** Index drawn with the given weights. */
  weighted(weights: readonly number[]): number {
    const total = weights.reduce((a, b) => a + b, 0);
    let r = this.next() * total;
    for (let i = 0; i < weights.length; i++) {
      r -= weights[i]!;
      if (r < 0) return i;
    }
    return weights.length - 1;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }
  hex(length: number): string {
    let s = '';
    while (s.length < length) s += Math.floor(this.next() * 0x10000).toString(16).padStart(4, '0');
    return s.slice(0, length);
  }
}

// ---------------------------------------------------------------------------------------------
// What sells: popularity by SKU (the demo catalogs), times of day, and a fallback for others.

const CAFE_POPULARITY: [RegExp, number][] = [
  [/^TEA-MILK-R$/, 12],
  [/^NDL-MOHINGA$/, 10],
  [/^SAL-LAPHET$/, 6],
  [/^TEA-MILK-L$|^SNK-SAMUSA$/, 5],
  [/^TEA-(CHO|PAW)$|^NDL-(OHNNO|SHAN-SOUP)$|^DRK-WATER$/, 4],
  [/^TEA-KYA$|^COF-|^NDL-SHAN-DRY$|^RICE-FRIED$|^SNK-(PALATA|EKYAKWAY)$|^DRK-COLA$/, 3],
  [/^DRK-LIME$/, 2.5],
];
const SHOP_POPULARITY: [RegExp, number][] = [
  [/^FS-WS8-|^PA-TAPE-|^EL-A19-/, 6], // screws, painter's tape, bulbs
  [/^FS-DW-|^EL-TAPE$/, 5],
  [/^FS-NAIL-|^PL-PTFE$/, 4],
  [/^FS-|^EL-(OUTLET|SWITCH|WIRENUT)|^HT-(TAPE|KNIFE)|^PA-BR-/, 3],
];

/** Morning (before 11:00), lunch and evening favourites at the café. */
const CAFE_BY_TIME: { match: RegExp; breakfast: number; lunch: number; evening: number }[] = [
  { match: /^NDL-MOHINGA$/, breakfast: 3, lunch: 1, evening: 0.5 },
  { match: /^(TEA|COF)-/, breakfast: 2, lunch: 0.8, evening: 1 },
  { match: /^NDL-(NANGYI|MONTDI)$|^SNK-(PALATA|NAAN|EKYAKWAY)/, breakfast: 2.5, lunch: 0.6, evening: 0.4 },
  { match: /^(NDL|RICE|SAL)-/, breakfast: 0.4, lunch: 1.6, evening: 1.2 },
  { match: /^SNK-(SAMUSA|BEINMONT|HTOEMONT)$|^DRK-(SHWEYIN|FALUDA)$/, breakfast: 0.5, lunch: 0.8, evening: 2 },
  { match: /^DRK-/, breakfast: 0.4, lunch: 1.3, evening: 1.2 },
];

function basePopularity(profile: HistoryProfile, sku: string, price: number, currency: string): number {
  const table = profile === 'cafe' ? CAFE_POPULARITY : SHOP_POPULARITY;
  for (const [match, weight] of table) if (match.test(sku)) return weight;
  if (profile === 'cafe') return 1.5;
  // A shop sells cheap things far more often than power tools.
  const major = price / 10 ** minorDigits(currency);
  return major <= 10 ? 2 : major <= 30 ? 1.2 : major <= 60 ? 0.7 : 0.3;
}

function timeFactors(profile: HistoryProfile, sku: string): { breakfast: number; lunch: number; evening: number } {
  const rule = profile === 'cafe' ? CAFE_BY_TIME.find((r) => r.match.test(sku)) : undefined;
  return rule ? { breakfast: rule.breakfast, lunch: rule.lunch, evening: rule.evening } : { breakfast: 1, lunch: 1, evening: 1 };
}

const periodOf = (minute: number) => (minute < 11 * 60 ? 'breakfast' : minute < 16 * 60 ? 'lunch' : 'evening');

// ---------------------------------------------------------------------------------------------
// Time: local wall-clock minutes of a business day → instants.

const offsetFormatters = new Map<string, Intl.DateTimeFormat>();

/** The zone's UTC offset (ms) at `at`. */
function zoneOffset(timeZone: string, at: number): number {
  let f = offsetFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
    offsetFormatters.set(timeZone, f);
  }
  const parts = Object.fromEntries(f.formatToParts(new Date(at)).map((p) => [p.type, p.value]));
  const wall = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
  return wall - Math.floor(at / 1000) * 1000;
}

/**
 * Midnight (as if UTC) and the offset of a local date. The offset is taken at local noon:
 * daylight-saving changes happen in the small hours, before either profile opens.
 */
function localDay(timeZone: string, day: string): { midnightUtc: number; offset: number; weekday: number } {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const midnightUtc = Date.UTC(y, m - 1, d);
  const noon = midnightUtc + 12 * 3_600_000;
  const offset = zoneOffset(timeZone, noon - zoneOffset(timeZone, noon));
  return { midnightUtc, offset, weekday: new Date(midnightUtc).getUTCDay() };
}

function addDays(day: string, n: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

// ---------------------------------------------------------------------------------------------
// Money

/** What a customer hands over for `amount`: exact sometimes, else the next convenient note(s). */
function cashTendered(rnd: Random, amount: number, currency: string): number {
  const digits = minorDigits(currency);
  const notes = digits === 0 ? [100, 500, 1000, 5000, 10000, 50000] : [1, 5, 10, 20, 50, 100].map((n) => n * 10 ** digits);
  const draw = rnd.next();
  const pick = rnd.weighted([0.5, 0.3, 0.2]);
  if (draw < 0.2) return amount;
  // Round-ups to each note; nobody hands over a big note for a small bill (beyond the first round-up).
  const candidates = [...new Set(notes.map((n) => Math.ceil(amount / n) * n))]
    .filter((c) => c > amount)
    .sort((a, b) => a - b)
    .filter((c, i) => i === 0 || c <= amount * 2.5);
  // The nearest round-up most often, then bigger notes.
  return candidates[Math.min(pick, candidates.length - 1)] ?? amount;
}

// ---------------------------------------------------------------------------------------------

type Sellable = {
  product: Product;
  variant: Product['variants'][number];
  /** Relative chance of being in a basket: before 11:00, until 16:00, after. */
  weight: { breakfast: number; lunch: number; evening: number };
  /** Sells better on Friday to Sunday evenings (the café's evening snacks menu). */
  eveningSnack: boolean;
  taxRateBasisPoints: number;
  groups: ModifierGroup[];
};

type Catalog = { sellables: Sellable[]; tables: { id: string; seats: number }[] };

type Staff = { id: string; role: Role };

type DayRows = {
  orders: (typeof orders.$inferInsert)[];
  lines: (typeof orderLines.$inferInsert)[];
  payments: (typeof payments.$inferInsert)[];
  orderRefunds: (typeof orderRefunds.$inferInsert)[];
  paymentRefunds: (typeof paymentRefunds.$inferInsert)[];
  counters: (typeof orderCounters.$inferInsert)[];
};

const emptyRows = (): DayRows => ({ orders: [], lines: [], payments: [], orderRefunds: [], paymentRefunds: [], counters: [] });

function chooseModifiers(rnd: Random, groups: ModifierGroup[]): LineModifier[] {
  const chosen: LineModifier[] = [];
  for (const group of groups) {
    const most = Math.min(group.maxSelect, group.options.length);
    if (group.minSelect > most) continue; // a group nobody could satisfy; checkout would refuse it too
    let count = group.minSelect;
    // Optional groups: mostly skipped; required ones: mostly exactly the minimum.
    while (count < most && rnd.chance(count === 0 ? 0.3 : 0.15)) count++;
    const left = group.options.map((o, i) => ({ o, i, w: i === 0 ? 3 : 1 }));
    const picked: { o: ModifierGroup['options'][number]; i: number }[] = [];
    for (let k = 0; k < count; k++) {
      const j = rnd.weighted(left.map((x) => x.w));
      picked.push(left[j]!);
      left.splice(j, 1);
    }
    // The same order as a checkout stores them: the group's option order.
    for (const { o } of picked.sort((a, b) => a.i - b.i)) {
      chosen.push({ groupId: group.id, groupName: group.name, optionId: o.id, optionName: o.name, priceDelta: o.priceDelta });
    }
  }
  return chosen;
}

type DayContext = {
  tenantId: string;
  locationId: string;
  currency: string;
  pricesIncludeTax: boolean;
  profile: HistoryProfile;
  settings: Profile;
  perDay: { min: number; max: number };
  catalog: Catalog;
  staff: Staff[];
  seed: number;
  timeZone: string;
  /** Where "today" starts: nothing may be dated after it. */
  todayStart: number;
  /** 0 = the oldest day, 1 = yesterday: a gentle upward trend. */
  progress: (day: string) => number;
};

/** One business day's orders into `rows`: `count` of them if given (a top-up's share), else the profile's draw. */
function buildDay(ctx: DayContext, day: string, rows: DayRows, given?: number): void {
  const rnd = new Random(mulberry32(hashSeed(ctx.seed, `${ctx.profile}:${day}`)));
  const { midnightUtc, offset, weekday } = localDay(ctx.timeZone, day);
  const p = ctx.settings;
  const trend = 0.9 + 0.15 * ctx.progress(day);
  const noise = 0.9 + 0.2 * rnd.next();
  const drawn = Math.max(1, Math.round(rnd.int(ctx.perDay.min, ctx.perDay.max) * p.weekday[weekday]! * trend * noise));
  const count = given ?? drawn; // drawn either way, so the rest of the day's sequence does not depend on it
  if (count === 0) return;

  // Order times: a window by its weight × length, then a uniform minute and second inside it.
  const windows = p.hours.map((w) => ({ start: minutesOf(w.from), end: minutesOf(w.to), weight: w.weight }));
  const times = Array.from({ length: count }, () => {
    const w = windows[rnd.weighted(windows.map((x) => x.weight * (x.end - x.start)))]!;
    const minuteOfDay = w.start + rnd.next() * (w.end - w.start);
    return { minute: minuteOfDay, at: midnightUtc + Math.floor(minuteOfDay * 60_000) - offset };
  }).sort((a, b) => a.at - b.at);

  const staffWeights = ctx.staff.map((s) => (s.role === 'cashier' ? 7 : s.role === 'manager' ? 2 : 1));
  const refunders = ctx.staff.filter((s) => s.role !== 'cashier');
  const snackNights = weekday === 0 || weekday === 5 || weekday === 6;

  for (const [index, { minute, at }] of times.entries()) {
    const number = index + 1;
    const orderId = crypto.randomUUID();
    const createdBy = ctx.staff[rnd.weighted(staffWeights)]!;
    const createdAt = new Date(at);

    // Type, table, covers.
    let type: OrderType = 'retail';
    let tableId: string | null = null;
    let covers: number | null = null;
    if (ctx.profile === 'cafe') {
      type = rnd.chance(p.dineIn) ? 'dine_in' : 'takeaway';
      if (type === 'dine_in') {
        const table = ctx.catalog.tables.length ? rnd.pick(ctx.catalog.tables) : null;
        tableId = table?.id ?? null;
        covers = Math.min([1, 2, 3, 4][rnd.weighted([0.3, 0.4, 0.15, 0.15])]!, table?.seats ?? 4);
      }
    }

    // Basket: distinct items, popular ones (for this time of day) more likely.
    let lineCount = 1 + rnd.weighted(p.lines);
    if (covers && covers > lineCount && rnd.chance(0.5)) lineCount = Math.min(4, covers);
    const period = periodOf(minute);
    const weights = ctx.catalog.sellables.map((s) => s.weight[period] * (snackNights && period === 'evening' && s.eveningSnack ? 1.5 : 1));
    const basket: Sellable[] = [];
    for (let i = 0; i < Math.min(lineCount, weights.length); i++) {
      const j = rnd.weighted(weights);
      basket.push(ctx.catalog.sellables[j]!);
      weights[j] = 0;
      if (weights.every((w) => w === 0)) break;
    }
    const discounted = rnd.chance(DISCOUNT_RATE) ? rnd.int(0, basket.length - 1) : -1;
    const drafts = basket.map((s, position) => {
      const modifiers = chooseModifiers(rnd, s.groups);
      const quantity = [1, 2, 3][rnd.weighted([0.82, 0.13, 0.05])]!;
      const discount: DiscountRecord | null = position === discounted ? { kind: 'percent', basisPoints: 1000, approvedBy: null } : null;
      return { s, position, modifiers, modifiersTotal: modifiers.reduce((sum, m) => sum + m.priceDelta, 0), quantity, discount };
    });
    // Exactly what quoteOrder passes to the pricing rules.
    const priced = priceOrder(
      drafts.map((d) => ({
        unitPrice: d.s.variant.price,
        modifiersTotal: Math.max(d.modifiersTotal, -d.s.variant.price),
        quantity: d.quantity,
        taxRateBasisPoints: d.s.taxRateBasisPoints,
        discount: d.discount,
      })),
      { pricesIncludeTax: ctx.pricesIncludeTax, orderDiscount: null },
    );
    const lineRows = drafts.map((d, i) => {
      const l = priced.lines[i]!;
      return {
        tenantId: ctx.tenantId,
        id: crypto.randomUUID(),
        orderId,
        position: d.position,
        variantId: d.s.variant.id,
        productId: d.s.product.id,
        categoryId: d.s.product.categoryId,
        productName: d.s.product.name,
        variantName: d.s.variant.name,
        sku: d.s.variant.sku,
        unitPrice: d.s.variant.price,
        modifiers: d.modifiers,
        modifiersTotal: d.modifiersTotal,
        quantity: d.quantity,
        note: null,
        discount: d.discount,
        taxRateBasisPoints: d.s.taxRateBasisPoints,
        gross: l.gross,
        lineDiscount: l.lineDiscount,
        orderDiscount: l.orderDiscount,
        net: l.net,
        tax: l.tax,
        total: l.total,
        trackStock: d.s.product.trackStock,
        allowNegativeStock: d.s.product.allowNegativeStock,
        refundedQuantity: 0,
      } satisfies typeof orderLines.$inferInsert;
    });

    const placedAt = new Date(at + rnd.int(0, 20) * 1000);
    const paidAt = new Date(at + rnd.int(40, 120) * 1000);
    const order = {
      tenantId: ctx.tenantId,
      id: orderId,
      number,
      businessDate: day,
      locationId: ctx.locationId,
      shiftId: null,
      registerName: null,
      status: 'completed',
      type,
      tableId,
      covers,
      customerName: null,
      note: null,
      currency: ctx.currency,
      pricesIncludeTax: ctx.pricesIncludeTax,
      orderDiscount: null,
      subtotal: priced.subtotal,
      discountTotal: priced.discountTotal,
      taxTotal: priced.taxTotal,
      total: priced.total,
      paidTotal: priced.total,
      refundedTotal: 0,
      stockReserved: false, // history predates the opening stock count: stock is not touched
      createdBy: createdBy.id,
      createdAt,
      placedAt,
      paidAt: paidAt as Date | null,
      completedAt: paidAt as Date | null,
      voidedAt: null as Date | null,
      voidReason: null as string | null,
      updatedAt: paidAt,
    } satisfies typeof orders.$inferInsert;
    rows.lines.push(...lineRows);

    if (rnd.chance(VOID_RATE)) {
      // Rung up, then voided before anyone paid: no payments.
      const voidedAt = new Date(at + rnd.int(1, 10) * 60_000);
      rows.orders.push({
        ...order,
        status: 'voided',
        paidTotal: 0,
        paidAt: null,
        completedAt: null,
        voidedAt,
        voidReason: rnd.pick(['Customer left', 'Rung up twice', 'Wrong items entered', 'Customer changed their mind']),
        // A cashier's void carries a manager's approval (no draw: the sequence stays as it was).
        voidedBy: createdBy.id,
        voidApprovedBy: createdBy.role === 'cashier' ? (refunders[0]?.id ?? null) : null,
        updatedAt: voidedAt,
      });
      continue;
    }

    // Payments: cash, card, or part cash part card.
    const orderPayments: (typeof payments.$inferInsert & { id: string; amount: number })[] = [];
    const card = (amount: number, offsetMs: number) =>
      orderPayments.push({
        tenantId: ctx.tenantId,
        id: crypto.randomUUID(),
        orderId,
        shiftId: null,
        tender: 'card',
        amount,
        status: 'captured',
        cashTendered: null,
        changeGiven: null,
        source: rnd.chance(0.6) ? 'tok_visa' : 'tok_mastercard',
        gatewayPaymentId: `pay_seed_${rnd.hex(16)}`,
        refundedAmount: 0,
        createdBy: createdBy.id,
        createdAt: new Date(paidAt.getTime() + offsetMs),
        updatedAt: new Date(paidAt.getTime() + offsetMs),
      });
    const cash = (amount: number, tendered: number, offsetMs: number) =>
      orderPayments.push({
        tenantId: ctx.tenantId,
        id: crypto.randomUUID(),
        orderId,
        shiftId: null,
        tender: 'cash',
        amount,
        status: 'captured',
        cashTendered: tendered,
        changeGiven: tendered - amount,
        refundedAmount: 0,
        createdBy: createdBy.id,
        createdAt: new Date(paidAt.getTime() + offsetMs),
        updatedAt: new Date(paidAt.getTime() + offsetMs),
      });
    const total = priced.total;
    if (total > 0) {
      const mix = rnd.next();
      const digits = minorDigits(ctx.currency);
      const major = 10 ** digits;
      // The cash part is a round sum (K1,000s or $5s; smaller for small bills), the card pays the rest.
      const round = digits === 0 ? (total >= 5000 ? 1000 : 100) : major * (total >= 20 * major ? 5 : 1);
      const cashPart = Math.floor((total * (0.3 + 0.4 * rnd.next())) / round) * round;
      if (mix < p.split && cashPart > 0 && cashPart < total) {
        cash(cashPart, cashPart, -30_000);
        card(total - cashPart, 0);
      } else if (mix < p.split + p.card) {
        card(total, 0);
      } else {
        cash(total, cashTendered(rnd, total, ctx.currency), 0);
      }
    }

    // A few come back: all of it, or some units of one line, to the latest tender first.
    if (total > 0 && rnd.chance(REFUND_RATE)) {
      const full = lineRows.length === 1 && lineRows[0]!.quantity === 1 ? true : rnd.chance(0.5);
      const refundId = crypto.randomUUID();
      const chosen = full
        ? lineRows.map((l) => ({ line: l, quantity: l.quantity }))
        : (() => {
            const line = rnd.pick(lineRows);
            const quantity = line.quantity === 1 ? 1 : rnd.int(1, line.quantity - 1);
            return [{ line, quantity }];
          })();
      const refundLines = chosen.map((c) => ({
        lineId: c.line.id,
        quantity: c.quantity,
        amount: refundAmount({ total: c.line.total, quantity: c.line.quantity, refundedQuantity: 0 }, c.quantity),
        tax: refundTax({ tax: c.line.tax, quantity: c.line.quantity, refundedQuantity: 0 }, c.quantity),
      }));
      const amount = refundLines.reduce((sum, r) => sum + r.amount, 0);
      for (const c of chosen) c.line.refundedQuantity = c.quantity;
      const refundedAll = lineRows.every((l) => l.refundedQuantity === l.quantity);
      const refundedAt = new Date(Math.min(paidAt.getTime() + rnd.int(5, 90) * 60_000, ctx.todayStart - 60_000));
      // A cashier's refund carries a manager's approval (drawn always, so the staff list never shifts the sequence).
      const approverDraw = rnd.next();
      const approver = createdBy.role === 'cashier' && refunders.length ? refunders[Math.floor(approverDraw * refunders.length)]!.id : null;
      if (amount > 0) {
        rows.orderRefunds.push({
          tenantId: ctx.tenantId,
          id: refundId,
          orderId,
          reason: rnd.pick(ctx.profile === 'cafe' ? ['Wrong item served', 'Customer complaint', 'Item unavailable'] : ['Wrong size', 'Faulty item', 'Not needed after all']),
          restock: false, // stock is not touched by the history
          lines: refundLines,
          amount,
          approvedBy: approver,
          createdBy: createdBy.id,
          createdAt: refundedAt,
          settledAt: refundedAt,
        });
        let left = amount;
        for (const payment of [...orderPayments].reverse()) {
          const share = Math.min(left, payment.amount);
          if (share <= 0) continue;
          payment.refundedAmount = share;
          payment.updatedAt = refundedAt;
          rows.paymentRefunds.push({
            tenantId: ctx.tenantId,
            id: crypto.randomUUID(),
            paymentId: payment.id,
            orderId,
            orderRefundId: refundId,
            shiftId: null,
            tender: payment.tender,
            amount: share,
            status: 'succeeded',
            gatewayRefundId: payment.tender === 'card' ? `re_seed_${rnd.hex(16)}` : null,
            createdBy: createdBy.id,
            createdAt: refundedAt,
          });
          left -= share;
          if (left === 0) break;
        }
        rows.orders.push({ ...order, status: refundedAll ? 'refunded' : 'partially_refunded', refundedTotal: amount, updatedAt: refundedAt });
        rows.payments.push(...orderPayments);
        continue;
      }
      for (const c of chosen) c.line.refundedQuantity = 0;
    }
    rows.orders.push(order);
    rows.payments.push(...orderPayments);
  }
  rows.counters.push({ tenantId: ctx.tenantId, locationId: ctx.locationId, businessDate: day, lastNumber: count });
}

/**
 * One multi-row INSERT per chunk, its rows sent as a single JSON parameter and unpacked by
 * Postgres (`json_populate_recordset`): binding every value through the query builder cost more
 * than the database's work (a 1M-order top-up spent most of its time there). Columns are the
 * keys the rows carry; a key some rows lack is NULL there, a column no row names takes its default.
 */
async function insertRows<T extends PgTable>(tx: Tx, table: T, rows: Record<string, unknown>[], conflict?: SQL): Promise<void> {
  if (rows.length === 0) return;
  const columns = getTableColumns(table) as Record<string, { name: string }>;
  const keys = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const names = keys.map((k) => columns[k]!.name);
  const list = sql.join(names.map((n) => sql.identifier(n)), sql`, `);
  for (let i = 0; i < rows.length; i += 2000) {
    const json = JSON.stringify(rows.slice(i, i + 2000).map((r) => Object.fromEntries(keys.map((k, j) => [names[j], r[k] ?? null]))));
    await tx.execute(sql`insert into ${table} (${list}) select ${list} from json_populate_recordset(null::${table}, ${json}::json) ${conflict ?? sql``}`);
  }
}

async function writeRows(tx: Tx, rows: DayRows): Promise<void> {
  await insertRows(tx, orders, rows.orders);
  await insertRows(tx, orderLines, rows.lines);
  await insertRows(tx, payments, rows.payments);
  await insertRows(tx, orderRefunds, rows.orderRefunds);
  await insertRows(tx, paymentRefunds, rows.paymentRefunds);
  await insertRows(tx, orderCounters, rows.counters, sql`on conflict (tenant_id, location_id, business_date) do update set last_number = greatest(${orderCounters}.last_number, excluded.last_number)`);
}

async function loadCatalog(tenantId: string, profile: HistoryProfile, currency: string): Promise<Catalog> {
  const [products, groups, taxes, tables] = await Promise.all([
    catalogRepository().then((repo) => repo.allProducts(tenantId)),
    modifierGroupService.list({ tenantId }),
    taxClassService.list({ tenantId }),
    profile === 'cafe' ? listTables({ tenantId }) : Promise.resolve([]),
  ]);
  const groupById = new Map(groups.map((g) => [g.id, g]));
  const rateOf = new Map(taxes.map((t) => [t.id, t.rateBasisPoints]));
  const sellables = products
    .filter((p) => p.status === 'active' && p.variants.length > 0)
    .flatMap((product) => {
      const productGroups = product.modifierGroupIds.flatMap((id) => groupById.get(id) ?? []);
      const taxRateBasisPoints = product.taxClassId ? (rateOf.get(product.taxClassId) ?? 0) : 0;
      // Within a product the first variant (regular size, default colour) sells best.
      const variantWeights = product.variants.map((_, i) => (i === 0 ? 2 : 1));
      const sum = variantWeights.reduce((a, b) => a + b, 0);
      return product.variants.map((variant, i) => {
        const base = (basePopularity(profile, variant.sku, variant.price, currency) * variantWeights[i]! * product.variants.length) / sum;
        const f = timeFactors(profile, variant.sku);
        return {
          product,
          variant,
          groups: productGroups,
          taxRateBasisPoints,
          weight: { breakfast: base * f.breakfast, lunch: base * f.lunch, evening: base * f.evening },
          eveningSnack: profile === 'cafe' && /^SNK-|^DRK-(SHWEYIN|FALUDA)$/.test(variant.sku),
        };
      });
    });
  // A stable order whatever the adapter returns, so a seed always draws the same items.
  sellables.sort((a, b) => (a.variant.sku < b.variant.sku ? -1 : a.variant.sku > b.variant.sku ? 1 : 0));
  return { sellables, tables: tables.map((t) => ({ id: t.id, seats: t.seats })) };
}

/** The tenant's catalog, staff, location and "today", as buildDay needs them (null: nothing to sell yet). */
async function tenantClock(tenantId: string, options: HistorySetup): Promise<{ timeZone: string; currency: string; today: string }> {
  let timeZone: string;
  let currency: string;
  if ('slug' in options) {
    const tenant = await findTenantBySlug(options.slug);
    if (!tenant || tenant.id !== tenantId) throw new Error(`seedOrderHistory: no tenant ${options.slug} with id ${tenantId}`);
    ({ timeZone, currency } = tenant);
  } else {
    ({ timeZone, currency } = options);
  }
  return { timeZone, currency, today: businessDate(timeZone, options.now ?? new Date()) };
}

async function prepare(tenantId: string, options: HistorySetup, clock: { timeZone: string; currency: string; today: string }): Promise<DayContext | null> {
  const { timeZone, currency, today } = clock;
  const locationId = options.locationId ?? (await defaultLocation({ tenantId }))?.id;
  if (!locationId) throw new Error('seedOrderHistory: the tenant has no location');
  const staff = (options.staff ?? (await listStaff({ tenantId })).filter((s) => s.active)).map((s) => ({ id: s.id, role: s.role }));
  if (staff.length === 0) throw new Error('seedOrderHistory: the tenant has no staff');
  const catalog = await loadCatalog(tenantId, options.profile, currency);
  if (catalog.sellables.length === 0) return null;
  const { pricesIncludeTax } = await getTenantSettings({ tenantId });
  const todayLocal = localDay(timeZone, today);
  const ctx: DayContext = {
    tenantId,
    locationId,
    currency,
    pricesIncludeTax,
    profile: options.profile,
    settings: ORDER_HISTORY_PROFILES[options.profile],
    perDay: options.ordersPerDay ?? ORDER_HISTORY_PROFILES[options.profile].ordersPerDay,
    catalog,
    staff,
    seed: options.seed ?? 1,
    timeZone,
    todayStart: todayLocal.midnightUtc - todayLocal.offset,
    progress: (day) => {
      const age = (todayLocal.midnightUtc - Date.parse(`${day}T00:00:00Z`)) / 86_400_000; // 1 = yesterday
      return Math.max(0, 1 - (age - 1) / 60);
    },
  };
  return ctx;
}

/** Builds and writes the days, one transaction per batch (days with their order counts, if given). */
async function writeBatches(
  ctx: DayContext,
  batches: { day: string; count?: number }[][],
  result: OrderHistoryResult,
  onBatch?: (result: OrderHistoryResult) => void,
): Promise<void> {
  for (const batch of batches) {
    const rows = emptyRows();
    for (const { day, count } of batch) buildDay(ctx, day, rows, count);
    await withTenant(ctx.tenantId, (tx) => writeRows(tx, rows));
    result.days += batch.length;
    result.orders += rows.orders.length;
    result.lines += rows.lines.length;
    result.payments += rows.payments.length;
    result.refunds += rows.orderRefunds.length;
    result.voided += rows.orders.filter((o) => o.status === 'voided').length;
    onBatch?.(result);
  }
}

const emptyResult = (): OrderHistoryResult => ({ skipped: false, days: 0, orders: 0, lines: 0, payments: 0, refunds: 0, voided: 0 });

/**
 * Fills `days` business days before today with orders for `tenantId` (see the file comment).
 * Idempotent: a tenant that already has an order dated before today is left as it is.
 */
export async function seedOrderHistory(tenantId: string, options: OrderHistoryOptions): Promise<OrderHistoryResult> {
  const result = emptyResult();
  const clock = await tenantClock(tenantId, options);
  const [already] = await withTenant(tenantId, (tx) => tx.select({ id: orders.id }).from(orders).where(lt(orders.businessDate, clock.today)).limit(1));
  if (already) return { ...result, skipped: true };
  const ctx = await prepare(tenantId, options, clock);
  if (!ctx) return result; // nothing to sell yet
  const days = Array.from({ length: options.days }, (_, i) => addDays(clock.today, i - options.days)); // oldest first
  const DAYS_PER_TRANSACTION = 10;
  const batches = Array.from({ length: Math.ceil(days.length / DAYS_PER_TRANSACTION) }, (_, i) =>
    days.slice(i * DAYS_PER_TRANSACTION, (i + 1) * DAYS_PER_TRANSACTION).map((day) => ({ day })),
  );
  await writeBatches(ctx, batches, result);
  return result;
}

export type TopUpOptions = HistorySetup & {
  /** How many orders the tenant's history (orders dated before today) should hold afterwards. */
  orders: number;
  /** Average orders a business day on the added days (default 1 000): how far back the history reaches. */
  perDay?: number;
  /** Called after each transaction with the running totals. */
  onBatch?: (result: OrderHistoryResult & { target: number; totalDays: number }) => void;
};

export type TopUpResult = OrderHistoryResult & { existing: number; from: string | null; to: string | null };

/** Orders a top-up writes per transaction (about 2 lines and 1 payment each: a few MB of rows). */
const TOP_UP_ORDERS_PER_TRANSACTION = 10_000;

/**
 * Brings a tenant's history to `orders` orders before today, for the benchmark and for
 * "what does a big tenant look like": counts the orders it has (e.g. the demo's 60 days) and adds
 * the rest on the business days just before its oldest one, going back ⌈missing ÷ perDay⌉ days.
 * Each added day gets its share of the missing orders by the profile's weekday factor and a
 * per-day noise (largest remainder, so the total is exact); within a day everything is drawn as
 * seedOrderHistory draws it. Deterministic for the same arguments and catalog; running it again
 * with the same target adds nothing, a larger one reaches further back.
 */
export async function topUpOrderHistory(tenantId: string, options: TopUpOptions): Promise<TopUpResult> {
  const clock = await tenantClock(tenantId, options);
  const { today } = clock;
  const ctx = await prepare(tenantId, options, clock);
  const result: TopUpResult = { ...emptyResult(), existing: 0, from: null, to: null };
  if (!ctx) return result;
  const [held] = await withTenant(tenantId, (tx) =>
    tx.select({ count: sql<number>`count(*)::int`, oldest: sql<string | null>`min(${orders.businessDate})::text` }).from(orders).where(lt(orders.businessDate, today)),
  );
  result.existing = held?.count ?? 0;
  const missing = options.orders - result.existing;
  if (missing <= 0) return { ...result, skipped: true };

  const perDay = Math.max(1, options.perDay ?? 1000);
  const end = held?.oldest ?? today; // the added days end the day before this one
  const dayCount = Math.ceil(missing / perDay);
  const days = Array.from({ length: dayCount }, (_, i) => addDays(end, i - dayCount)); // oldest first
  const counts = shares(missing, days.map((day) => dayWeight(ctx, day)));
  const batches: { day: string; count: number }[][] = [];
  let batch: { day: string; count: number }[] = [];
  let inBatch = 0;
  for (const [i, day] of days.entries()) {
    batch.push({ day, count: counts[i]! });
    inBatch += counts[i]!;
    if (inBatch >= TOP_UP_ORDERS_PER_TRANSACTION) [batches[batches.length], batch, inBatch] = [batch, [], 0];
  }
  if (batch.length) batches.push(batch);
  await writeBatches(ctx, batches, result, (r) => options.onBatch?.({ ...r, target: missing, totalDays: dayCount }));
  return { ...result, from: days[0] ?? null, to: days.at(-1) ?? null };
}

/** A day's relative trade: the profile's weekday factor times ±10 % of noise of its own (not the day's PRNG). */
function dayWeight(ctx: DayContext, day: string): number {
  const noise = mulberry32(hashSeed(ctx.seed, `${ctx.profile}:volume:${day}`))();
  return ctx.settings.weekday[localDay(ctx.timeZone, day).weekday]! * (0.9 + 0.2 * noise);
}

/** `total` split by `weights` into whole numbers that add up exactly (largest remainder, ties to the earlier). */
function shares(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (total * w) / sum);
  const counts = exact.map(Math.floor);
  let left = total - counts.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => ({ i, r: x - Math.floor(x) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of order) {
    if (left-- <= 0) break;
    counts[i]!++;
  }
  return counts;
}
