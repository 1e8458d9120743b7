import { and, eq, sql } from 'drizzle-orm';
import { customers, loyaltyLedger, loyaltySettings, type LoyaltyEntryKind } from '@/db/schema/customers';
import type { TenantContext, TenantScope } from '@/lib/auth';
import { onEvent, type DomainEvent } from '@/lib/events';
import { changes, recordAudit } from '@/lib/platform/audit';
import { withTenant, type Tx } from '@/lib/platform/db';
import { AppError } from '@/lib/platform/errors';
import type { LoyaltySettingsInput } from './schemas';

/** The tenant's loyalty scheme, with whether each half of it is on. */
export type LoyaltySettings = LoyaltySettingsInput & { earning: boolean; rewards: boolean };

const NO_SCHEME: LoyaltySettingsInput = { earnPoints: 0, earnPerAmount: 0, rewardPoints: 0, rewardValue: 0 };
const columns = { earnPoints: loyaltySettings.earnPoints, earnPerAmount: loyaltySettings.earnPerAmount, rewardPoints: loyaltySettings.rewardPoints, rewardValue: loyaltySettings.rewardValue };
const withSwitches = (s: LoyaltySettingsInput): LoyaltySettings => ({ ...s, earning: s.earnPoints > 0 && s.earnPerAmount > 0, rewards: s.rewardPoints > 0 && s.rewardValue > 0 });

/** The scheme (in the caller's transaction when given); none set: nothing is earned and no reward offered. */
export async function getLoyaltySettings({ tenantId }: TenantScope, tx?: Tx): Promise<LoyaltySettings> {
  const read = (tx: Tx) => tx.select(columns).from(loyaltySettings);
  const [row] = await (tx ? read(tx) : withTenant(tenantId, read));
  return withSwitches(row ?? NO_SCHEME);
}

/** Saves the scheme; the audit row has before/after of what changed. Points already earned stay as they are. */
export async function updateLoyaltySettings(ctx: TenantContext, input: LoyaltySettingsInput): Promise<LoyaltySettings> {
  return withTenant(ctx.tenantId, async (tx) => {
    const [stored] = await tx.select(columns).from(loyaltySettings).for('update');
    const [row] = await tx
      .insert(loyaltySettings)
      .values({ tenantId: ctx.tenantId, ...input })
      .onConflictDoUpdate({ target: loyaltySettings.tenantId, set: { ...input, updatedAt: new Date() } })
      .returning(columns);
    const { before, after } = changes(stored ?? NO_SCHEME, row!);
    await recordAudit(tx, ctx.tenantId, { actorUserId: ctx.userId, action: 'loyalty.settings_updated', entityType: 'tenant', entityId: ctx.tenantId, before, after });
    return withSwitches(row!);
  });
}

/** Points earned by paying `amount` (minor units): `earnPoints` for every whole `earnPerAmount`. */
export function pointsFor(settings: LoyaltySettingsInput, amount: number): number {
  if (settings.earnPoints <= 0 || settings.earnPerAmount <= 0 || amount <= 0) return 0;
  return Math.floor(amount / settings.earnPerAmount) * settings.earnPoints;
}

/** What `rewards` rewards cost and take off, or 422 on `redeemRewards` when the scheme has none. */
export function rewardOf(settings: LoyaltySettings, rewards: number): { points: number; amount: number } {
  if (!settings.rewards) throw new AppError('unprocessable', 'This business offers no loyalty reward', [{ path: 'redeemRewards', message: 'No loyalty reward is set up' }], { words: { key: 'noReward' }, fieldWords: { redeemRewards: { key: 'noReward' } } });
  return { points: rewards * settings.rewardPoints, amount: rewards * settings.rewardValue };
}

type Entry = { customerId: string; orderId: string; kind: LoyaltyEntryKind; referenceId: string; points: number; amount: number; createdBy?: string | null };

/**
 * Writes one ledger row and moves the balance by its points, once: the row's (order, kind,
 * reference) key is unique, so a second write of the same move (a redelivered event, a retried
 * request) inserts nothing and the balance does not move again. Answers whether it was written.
 * `guard`: the balance must cover the points taken (a redemption).
 */
async function post(tx: Tx, tenantId: string, entry: Entry, guard = false): Promise<boolean> {
  const [written] = await tx
    .insert(loyaltyLedger)
    .values({ tenantId, ...entry })
    .onConflictDoNothing({ target: [loyaltyLedger.tenantId, loyaltyLedger.orderId, loyaltyLedger.kind, loyaltyLedger.referenceId] })
    .returning({ id: loyaltyLedger.id });
  if (!written) return false;
  if (entry.points === 0) return true;
  const moved = await tx
    .update(customers)
    .set({ pointsBalance: sql`${customers.pointsBalance} + ${entry.points}`, updatedAt: new Date() })
    .where(and(eq(customers.id, entry.customerId), guard ? sql`${customers.pointsBalance} >= ${-entry.points}` : undefined))
    .returning({ balance: customers.pointsBalance });
  if (!moved.length) throw new AppError('unprocessable', 'The customer does not have enough points for this reward', [{ path: 'redeemRewards', message: 'Not enough points' }], { words: { key: 'notEnoughPoints' }, fieldWords: { redeemRewards: { key: 'notEnoughPoints' } } });
  return true;
}

/**
 * Takes a reward's points off the customer for an order, in the order's own transaction (the
 * discount and the points go together or not at all); 422 when the balance does not cover them.
 */
export async function redeemPoints(tx: Tx, tenantId: string, redemption: { customerId: string; orderId: string; points: number; amount: number; actorUserId: string }): Promise<void> {
  if (redemption.points <= 0) return;
  const entry = { customerId: redemption.customerId, orderId: redemption.orderId, kind: 'redeem' as const, referenceId: redemption.orderId, points: -redemption.points, amount: redemption.amount, createdBy: redemption.actorUserId };
  await post(tx, tenantId, entry, true);
}

const entriesOfOrder = (tx: Tx, orderId: string) => tx.select().from(loyaltyLedger).where(eq(loyaltyLedger.orderId, orderId));

/** Whether a customer was erased (their points no longer move). */
async function isErased(tx: Tx, customerId: string): Promise<boolean> {
  const [row] = await tx.select({ erasedAt: customers.erasedAt }).from(customers).where(eq(customers.id, customerId));
  return !row || row.erasedAt !== null;
}

/** OrderPaid: the customer earns on what the order cost (its total, after discounts and any reward). */
export async function earnOnPayment(tx: Tx, event: DomainEvent<'OrderPaid'>): Promise<void> {
  const { customerId, orderId, total } = event.payload;
  if (!customerId || (await isErased(tx, customerId))) return;
  const points = pointsFor(await getLoyaltySettings(event, tx), total);
  if (points === 0) return;
  await post(tx, event.tenantId, { customerId, orderId, kind: 'earn', referenceId: orderId, points, amount: total });
}

/**
 * OrderRefunded: the points earned on the order come down to what its unrefunded amount earns
 * (at the rate it earned at: points per amount of the earn row), one reverse row per refund; a
 * full refund also gives back the points redeemed on it. A refund can take back points already
 * spent, so a balance may go below zero (the next purchases earn it back).
 */
export async function reverseOnRefund(tx: Tx, event: DomainEvent<'OrderRefunded'>): Promise<void> {
  const { customerId, orderId, refundId, amount, fullyRefunded } = event.payload;
  if (!customerId || (await isErased(tx, customerId))) return;
  const entries = await entriesOfOrder(tx, orderId);
  if (entries.some((e) => e.kind === 'reverse' && e.referenceId === refundId)) return; // this refund was counted already
  const earned = entries.find((e) => e.kind === 'earn');
  if (earned) {
    const takenBack = entries.filter((e) => e.kind === 'reverse' && e.points <= 0);
    const refundedBefore = takenBack.reduce((sum, e) => sum + e.amount, 0);
    const stillHeld = earned.points + takenBack.reduce((sum, e) => sum + e.points, 0);
    const remaining = Math.max(earned.amount - refundedBefore - amount, 0);
    const keep = fullyRefunded ? 0 : Math.floor((earned.points * remaining) / earned.amount);
    await post(tx, event.tenantId, { customerId, orderId, kind: 'reverse', referenceId: refundId, points: -Math.max(stillHeld - keep, 0), amount });
  }
  if (fullyRefunded) await giveBackRedemption(tx, event.tenantId, customerId, entries);
}

/** OrderVoided: an unpaid order's redeemed points go back. */
export async function reverseOnVoid(tx: Tx, event: DomainEvent<'OrderVoided'>): Promise<void> {
  const { customerId, orderId } = event.payload;
  if (!customerId || (await isErased(tx, customerId))) return;
  await giveBackRedemption(tx, event.tenantId, customerId, await entriesOfOrder(tx, orderId));
}

/** The redemption's reverse row is keyed by the redemption itself: it is given back once, by a void or a full refund, whichever comes. */
async function giveBackRedemption(tx: Tx, tenantId: string, customerId: string, entries: { id: string; kind: LoyaltyEntryKind; orderId: string; points: number; amount: number }[]): Promise<void> {
  const redeemed = entries.find((e) => e.kind === 'redeem');
  if (!redeemed) return;
  await post(tx, tenantId, { customerId, orderId: redeemed.orderId, kind: 'reverse', referenceId: redeemed.id, points: -redeemed.points, amount: redeemed.amount });
}

onEvent('OrderPaid', 'customers.loyalty-earn', earnOnPayment);
onEvent('OrderRefunded', 'customers.loyalty-refund', reverseOnRefund);
onEvent('OrderVoided', 'customers.loyalty-void', reverseOnVoid);


/** What a receipt says of the customer's points: earned and redeemed on this order, and the balance. */
export type ReceiptLoyalty = { customerName: string; earned: number; redeemed: number; balance: number };

/**
 * The loyalty lines of an order's receipt. The receipt usually prints before the outbox has
 * delivered OrderPaid, so a paid order's points not yet in the ledger are counted in as they
 * will be (the same `pointsFor`): the balance printed is the one the customer will have.
 * Null when the order has no customer, or the customer was erased.
 */
export async function loyaltyOnReceipt({ tenantId }: TenantScope, order: { id: string; customerId: string | null; paid: boolean; total: number }): Promise<ReceiptLoyalty | null> {
  const customerId = order.customerId;
  if (!customerId) return null;
  return withTenant(tenantId, async (tx) => {
    const [customer] = await tx.select({ name: customers.name, balance: customers.pointsBalance, erasedAt: customers.erasedAt }).from(customers).where(eq(customers.id, customerId));
    if (!customer || customer.erasedAt) return null;
    const entries = await entriesOfOrder(tx, order.id);
    const earnedRow = entries.find((e) => e.kind === 'earn');
    const pending = !earnedRow && order.paid ? pointsFor(await getLoyaltySettings({ tenantId }, tx), order.total) : 0;
    const earned = entries.filter((e) => e.kind === 'earn' || (e.kind === 'reverse' && e.points <= 0)).reduce((sum, e) => sum + e.points, 0) + pending;
    const redeemed = -(entries.find((e) => e.kind === 'redeem')?.points ?? 0);
    return { customerName: customer.name, earned, redeemed, balance: customer.balance + pending };
  });
}
