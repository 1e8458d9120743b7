import { asc, eq, inArray } from 'drizzle-orm';
import { orderLines, orderSplitParts, type SplitKind, type SplitPartItem } from '@/db/schema/orders';
import type { TenantContext } from '@/lib/auth';
import { paymentsOfOrder } from '@/lib/payments';
import { withTenant, type Tx } from '@/lib/platform/db';
import { AppError } from '@/lib/platform/errors';
import { getOrder, lockOrder, type OrderView } from './orders';
import { allocate } from './pricing';
import type { PartRow } from './split-parts';
import type { SplitPlanInput } from './schemas';

/**
 * Splitting the bill. Every plan is built from the lines' totals, which already hold their
 * share of order-level amounts (order discount, service charge: lib/orders/pricing.ts), so
 * the parts of any plan add up exactly to the order's total:
 * - by item: each part pays chosen units of lines; every unit of every line is in exactly one
 *   part, and a line's total is spread over its parts by units with `allocate`;
 * - by seat: a part per seat on the lines; a line without a seat is shared, spread evenly over
 *   the seats with `allocate` (the odd minor unit goes to a different seat on each shared line);
 * - equal: the total in N shares with `allocate`.
 * A part is paid with its own tenders (payments.part_id); the order's paid total stays the
 * source of truth for its status. A part never takes more than its balance.
 */
export type SplitLine = { id: string; quantity: number; total: number; seat: number | null };
export type PlannedPart = { kind: SplitKind; label: string; seat: number | null; amount: number; items: SplitPartItem[] };

type Problem = { path: string; message: string };
const refuse = (message: string, problems: Problem[]) => new AppError('unprocessable', message, problems);

/** By item: `parts[i]` lists units of lines; all units of all lines are covered exactly once. */
export function splitByItem(lines: readonly SplitLine[], parts: readonly { items: readonly { lineId: string; quantity: number }[] }[]): PlannedPart[] {
  const problems: Problem[] = [];
  const taken = new Map<string, number[]>(lines.map((l) => [l.id, parts.map(() => 0)]));
  parts.forEach((part, i) =>
    part.items.forEach((item, j) => {
      const units = taken.get(item.lineId);
      if (!units) return problems.push({ path: `parts.${i}.items.${j}.lineId`, message: 'Not a line of this order' });
      if (units[i]! > 0) return problems.push({ path: `parts.${i}.items.${j}.lineId`, message: 'Name each line once per part' });
      units[i] = item.quantity;
    }),
  );
  for (const line of lines) {
    const sum = taken.get(line.id)!.reduce((a, b) => a + b, 0);
    if (sum !== line.quantity) problems.push({ path: 'parts', message: `Line ${line.id}: ${sum} of ${line.quantity} units are in the parts; every unit must be in exactly one` });
  }
  if (problems.length) throw refuse('Every item of the order must be in exactly one part', problems);
  const shares = new Map(lines.map((l) => [l.id, allocate(l.total, taken.get(l.id)!)]));
  return parts.map((part, i) => {
    const items = part.items.map((item) => ({ lineId: item.lineId, quantity: item.quantity, amount: shares.get(item.lineId)![i]! }));
    return { kind: 'item', label: `Part ${i + 1}`, seat: null, amount: items.reduce((s, it) => s + it.amount, 0), items };
  });
}

/** By seat: a part per seat; lines without a seat are shared by all of them. */
export function splitBySeat(lines: readonly SplitLine[]): PlannedPart[] {
  const seats = [...new Set(lines.flatMap((l) => (l.seat === null ? [] : [l.seat])))].sort((a, b) => a - b);
  if (seats.length < 2) throw refuse('Give the items at least two different seats to split by seat', [{ path: 'kind', message: 'At least two seats' }]);
  const items = new Map<number, SplitPartItem[]>(seats.map((s) => [s, []]));
  let shared = 0;
  for (const line of lines) {
    if (line.seat !== null) {
      items.get(line.seat)!.push({ lineId: line.id, quantity: line.quantity, amount: line.total });
      continue;
    }
    // allocate gives ties to the earlier seat: start each shared line at the next seat.
    const shares = allocate(line.total, seats.map(() => 1));
    const offset = shared++ % seats.length;
    seats.forEach((seat, j) => {
      items.get(seat)!.push({ lineId: line.id, quantity: 0, amount: shares[(j - offset + seats.length) % seats.length]!, sharedBy: seats.length });
    });
  }
  return seats.map((seat) => {
    const its = items.get(seat)!;
    return { kind: 'seat', label: `Seat ${seat}`, seat, amount: its.reduce((s, it) => s + it.amount, 0), items: its };
  });
}

/** Into `shares` equal parts (they differ by at most one minor unit). */
export function splitEqually(total: number, shares: number): PlannedPart[] {
  return allocate(total, Array.from({ length: shares }, () => 1)).map((amount, i) => ({ kind: 'equal', label: `Share ${i + 1} of ${shares}`, seat: null, amount, items: [] }));
}

export function planSplit(lines: readonly SplitLine[], total: number, input: SplitPlanInput): PlannedPart[] {
  if (input.kind === 'item') return splitByItem(lines, input.parts);
  if (input.kind === 'seat') return splitBySeat(lines);
  return splitEqually(total, input.shares);
}

// jsonb keeps its own key order: compare items field by field.
const itemKey = (items: SplitPartItem[]) => items.map((i) => `${i.lineId}:${i.quantity}:${i.amount}:${i.sharedBy ?? ''}`).join('|');
const sameContent = (a: Pick<PlannedPart, 'kind' | 'seat' | 'amount' | 'items'>, b: Pick<PlannedPart, 'kind' | 'seat' | 'amount' | 'items'>) =>
  a.kind === b.kind && a.seat === b.seat && a.amount === b.amount && itemKey(a.items) === itemKey(b.items);

async function assertSplittable(tx: Tx, orderId: string) {
  const order = await lockOrder(tx, orderId);
  if (!['placed', 'partially_paid'].includes(order.status)) {
    throw new AppError('conflict', order.status === 'open' ? 'Check the order out before splitting the bill' : 'Only an order waiting for payment can be split');
  }
  const payments = await paymentsOfOrder(tx, orderId);
  if (payments.some((p) => p.status === 'pending')) throw new AppError('conflict', 'A card payment for this order is still being confirmed; wait a moment before splitting the bill');
  if (payments.some((p) => p.status === 'captured' && !p.partId)) {
    throw new AppError('conflict', 'Money was already taken on the whole order; take the rest as a whole too');
  }
  const parts = await tx.select().from(orderSplitParts).where(eq(orderSplitParts.orderId, orderId)).for('update');
  return { order, parts, paid: parts.filter((p) => p.paidTotal > 0 || payments.some((pay) => pay.partId === p.id && pay.status === 'captured')) };
}

/**
 * Creates or replaces the order's split plan, in one transaction. Parts that already took money
 * must come back unchanged in the new plan (they keep their id and tenders); any other part is
 * replaced. Answers the order with its parts.
 */
export async function splitOrder(ctx: TenantContext, orderId: string, input: SplitPlanInput): Promise<OrderView> {
  await withTenant(ctx.tenantId, async (tx) => {
    const { order, parts, paid } = await assertSplittable(tx, orderId);
    const lines = await tx
      .select({ id: orderLines.id, quantity: orderLines.quantity, total: orderLines.total, seat: orderLines.seat })
      .from(orderLines)
      .where(eq(orderLines.orderId, orderId))
      .orderBy(asc(orderLines.position));
    if (input.kind === 'seat' && order.type !== 'dine_in') throw refuse('Only a dine-in order can be split by seat', [{ path: 'kind', message: 'Dine-in only' }]);
    const planned = planSplit(lines, order.total, input);
    const kept = new Map<number, PartRow>();
    for (const part of paid) {
      const at = planned.findIndex((p, i) => !kept.has(i) && sameContent(p, part));
      if (at < 0) throw new AppError('conflict', `${part.label} already has money on it; a new split must keep it as it is`, [{ path: 'kind', message: `${part.label} is paid or partly paid`, partId: part.id }]);
      kept.set(at, part);
    }
    const keptIds = new Set([...kept.values()].map((p) => p.id));
    const gone = parts.filter((p) => !keptIds.has(p.id)).map((p) => p.id);
    if (gone.length) await tx.delete(orderSplitParts).where(inArray(orderSplitParts.id, gone));
    for (const [i, p] of planned.entries()) {
      const same = kept.get(i);
      if (same) await tx.update(orderSplitParts).set({ position: i, label: p.label }).where(eq(orderSplitParts.id, same.id));
      else await tx.insert(orderSplitParts).values({ tenantId: ctx.tenantId, orderId, position: i, ...p, createdBy: ctx.userId });
    }
  });
  return getOrder(ctx, orderId);
}

/** Takes the split plan off an order again (nothing may be paid on its parts). */
export async function clearSplit(ctx: TenantContext, orderId: string): Promise<OrderView> {
  await withTenant(ctx.tenantId, async (tx) => {
    const { paid } = await assertSplittable(tx, orderId);
    if (paid.length) throw new AppError('conflict', `${paid[0]!.label} already has money on it; the split stays`);
    await tx.delete(orderSplitParts).where(eq(orderSplitParts.orderId, orderId));
  });
  return getOrder(ctx, orderId);
}
