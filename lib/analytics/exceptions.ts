import { closedShifts, refundFacts, voidFacts } from '@/lib/orders';
import type { Tx } from '@/lib/platform/db';
import type { Period } from './period';

/**
 * Reports of individual events rather than sums — refunds and voids with their reasons and
 * approvers, the drawers' over/short — read straight from lib/orders' read model for the
 * range (they are few; the lists are what a manager reads). Staff are ids; index.ts adds names.
 */
const ENTRY_LIMIT = 500;

type Group = { key: string; count: number; amount: number };
function groupCounts<T>(items: T[], key: (t: T) => string, amount: (t: T) => number): Group[] {
  const groups = new Map<string, Group>();
  for (const item of items) {
    const g = groups.get(key(item)) ?? { key: key(item), count: 0, amount: 0 };
    g.count++;
    g.amount += amount(item);
    groups.set(g.key, g);
  }
  return [...groups.values()].sort((a, b) => b.count - a.count || b.amount - a.amount || (a.key < b.key ? -1 : 1));
}

export type RefundEntry = {
  refundId: string;
  orderId: string;
  orderNumber: number;
  at: Date;
  /** Money back (as the customer paid it). */
  amount: number;
  items: number;
  reason: string;
  refundedBy: string;
  approvedBy: string | null;
  sellerId: string;
};
export type VoidEntry = { orderId: string; orderNumber: number; at: Date; amount: number; items: number; reason: string; voidedBy: string; approvedBy: string | null; sellerId: string };

/** Totals, counts by reason and by the person who did it, and the entries (latest first, at most 500; the counts cover all). */
export type Tally<E> = {
  count: number;
  amount: number;
  byReason: { reason: string; count: number; amount: number }[];
  byStaff: { staffId: string; count: number; amount: number }[];
  entries: E[];
};
export type RefundsAndVoids = { refunds: Tally<RefundEntry>; voids: Tally<VoidEntry> };

/** `entries` oldest first, as the read model gives them. */
function tally<E extends { reason: string; amount: number }>(entries: E[], who: (e: E) => string): Tally<E> {
  return {
    count: entries.length,
    amount: entries.reduce((s, e) => s + e.amount, 0),
    byReason: groupCounts(entries, (e) => e.reason, (e) => e.amount).map(({ key, ...rest }) => ({ reason: key, ...rest })),
    byStaff: groupCounts(entries, who, (e) => e.amount).map(({ key, ...rest }) => ({ staffId: key, ...rest })),
    entries: [...entries].reverse().slice(0, ENTRY_LIMIT),
  };
}

export async function refundsAndVoidsOf(tx: Tx, period: Period): Promise<RefundsAndVoids> {
  const range = period.calendar.range(period.from, period.to);
  const here = <T extends { locationId: string }>(facts: T[]) => (period.locationId ? facts.filter((f) => f.locationId === period.locationId) : facts);
  const refunds = here(await refundFacts(tx, range));
  const voids = here(await voidFacts(tx, range));
  const refundEntries: RefundEntry[] = refunds.map((r) => ({
    refundId: r.refundId,
    orderId: r.orderId,
    orderNumber: r.orderNumber,
    at: r.settledAt,
    amount: r.amount,
    items: r.lines.reduce((s, l) => s + l.quantity, 0),
    reason: r.reason,
    refundedBy: r.refundedBy,
    approvedBy: r.approvedBy,
    sellerId: r.sellerId,
  }));
  const voidEntries: VoidEntry[] = voids.map((v) => ({
    orderId: v.orderId,
    orderNumber: v.number,
    at: v.voidedAt,
    amount: v.total,
    items: v.items,
    reason: v.reason,
    voidedBy: v.voidedBy,
    approvedBy: v.approvedBy,
    sellerId: v.sellerId,
  }));
  return { refunds: tally(refundEntries, (r) => r.refundedBy), voids: tally(voidEntries, (v) => v.voidedBy) };
}

export type DrawerRow = Awaited<ReturnType<typeof closedShifts>>[number];
export type DrawerOverShort = { shifts: DrawerRow[]; count: number; over: number; short: number; difference: number };

/** Shifts closed in the range (latest first): expected and counted cash, and the difference. */
export async function drawerOverShortOf(tx: Tx, period: Period): Promise<DrawerOverShort> {
  const shifts = await closedShifts(tx, { ...period.calendar.range(period.from, period.to), locationId: period.locationId });
  return {
    shifts,
    count: shifts.length,
    over: shifts.reduce((s, r) => s + Math.max(0, r.difference), 0),
    short: shifts.reduce((s, r) => s + Math.min(0, r.difference), 0),
    difference: shifts.reduce((s, r) => s + r.difference, 0),
  };
}
