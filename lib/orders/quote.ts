import type { DiscountRecord, LineModifier, OrderType } from '@/db/schema/orders';
import { authorise, type TenantContext } from '@/lib/auth';
import { getPricing, savedDiscountService, variantLabel, type SavedDiscount } from '@/lib/catalog';
import { getLoyaltySettings, rewardOf } from '@/lib/customers';
import { withTenant, type Tx } from '@/lib/platform/db';
import { AppError } from '@/lib/platform/errors';
import { soldOutAmong } from '@/lib/restaurant';
import { getTenantSettings, type TenantSettings } from '@/lib/tenancy';
import { divideRounded, priceOrder, type PricedLine, type PricedOrder } from './pricing';
import type { DiscountInput, UpdateOrderInput } from './schemas';

/**
 * Turns what the register sent (variant ids, chosen options, quantities, discounts) into
 * order lines: a snapshot of the catalog as it is now, priced on the server. Every problem is
 * reported with the path of the line it belongs to.
 */
export type QuotedLine = PricedLine & {
  variantId: string;
  productId: string;
  /** The product's category when sold: reports count the sale under it. */
  categoryId: string | null;
  productName: string;
  variantName: string;
  sku: string;
  unitPrice: number;
  /** The variant's cost per unit now (null: not known): the sale keeps it for margins. Modifiers add no cost. */
  unitCost: number | null;
  modifiers: LineModifier[];
  modifiersTotal: number;
  quantity: number;
  note: string | null;
  discount: DiscountRecord | null;
  taxRateBasisPoints: number;
  trackStock: boolean;
  allowNegativeStock: boolean;
  /** Carried from the register (dine-in): who at the table has the line; not priced. */
  seat: number | null;
};

export type Quote = {
  lines: QuotedLine[];
  orderDiscount: DiscountRecord | null;
  /** The service charge priced in (the tenant's rate on dine-in orders, else 0). */
  serviceChargeBasisPoints: number;
  subtotal: number;
  discountTotal: number;
  serviceChargeTotal: number;
  taxTotal: number;
  total: number;
};

/** Dine-in orders carry the tenant's service charge; takeaway and retail never do. */
export const serviceChargeFor = (type: OrderType, settings: Pick<TenantSettings, 'serviceChargeBasisPoints'>): number =>
  type === 'dine_in' ? settings.serviceChargeBasisPoints : 0;

type Problem = { path: string; message: string };

type QuoteInput = Pick<UpdateOrderInput, 'type' | 'lines' | 'orderDiscount' | 'approval' | 'expectedTotal'> & Partial<Pick<UpdateOrderInput, 'customerId' | 'redeemRewards'>>;

/**
 * @param ctx who rings the sale up (their role, or an approval token of this session, may allow a larger discount)
 * @param onOrder variants already on the order being changed: they stay even if sold out since
 */
export async function quoteOrder(ctx: TenantContext, input: QuoteInput, onOrder: ReadonlySet<string> = new Set()): Promise<Quote> {
  return (await quoteWithSettings(ctx, input, onOrder)).quote;
}

/**
 * quoteOrder, answering the tenant's settings it priced with too (checkout writes the order with
 * them). The catalog, the settings and the 86 list are read in one transaction (three modules,
 * each given the transaction): a quote is on every checkout, and each transaction of its own
 * costs three statements more. Given `tx` (checkout), they are read in the caller's transaction.
 * Approvals are asked after it, never inside.
 */
export async function quoteWithSettings(
  ctx: TenantContext,
  input: QuoteInput,
  onOrder: ReadonlySet<string> = new Set(),
  tx?: Tx,
): Promise<{ quote: Quote; settings: TenantSettings }> {
  const tenantId = ctx.tenantId;
  const usesSaved = [input.orderDiscount, ...input.lines.map((l) => l.discount)].some((d) => d?.kind === 'saved');
  const read = async (tx: Tx) => {
    const [pricing, settings] = await Promise.all([getPricing({ tenantId }, input.lines.map((l) => l.variantId), tx), getTenantSettings({ tenantId }, tx)]);
    const soldOut = await soldOutAmong({ tenantId }, [...new Set(pricing.variants.map((v) => v.productId))], tx);
    const loyalty = input.redeemRewards ? await getLoyaltySettings({ tenantId }, tx) : null;
    // Rare at a till; MongoDB's catalog reads them on its own connection.
    const saved = usesSaved ? await savedDiscountService.list({ tenantId }, tx) : [];
    return { pricing, settings, soldOut, loyalty, saved };
  };
  const { pricing, settings, soldOut, loyalty, saved } = await (tx ? read(tx) : withTenant(tenantId, read));
  const variants = new Map(pricing.variants.map((v) => [v.variantId, v]));
  const savedById = new Map(saved.map((d) => [d.id, d]));
  const groupById = new Map(pricing.modifierGroups.map((g) => [g.id, g]));
  const rateOf = new Map(pricing.taxClasses.map((t) => [t.id, t.rateBasisPoints]));
  const problems: Problem[] = [];
  const discountOf = (d: DiscountInput | null, place: 'line' | 'order', path: string) => resolveDiscount(d, place, savedById, path, problems);
  const orderDiscount = loyalty && input.redeemRewards ? loyaltyDiscount(loyalty, input, problems) : discountOf(input.orderDiscount, 'order', 'orderDiscount');

  const drafts = input.lines.map((line, i) => {
    const variant = variants.get(line.variantId);
    if (!variant) {
      problems.push({ path: `lines.${i}.variantId`, message: 'No such item' });
      return null;
    }
    const label = variantLabel(variant);
    if (variant.status === 'archived') problems.push({ path: `lines.${i}.variantId`, message: `${label} is no longer sold` });
    else if (soldOut.has(variant.productId) && !onOrder.has(variant.variantId)) problems.push({ path: `lines.${i}.variantId`, message: `${label} is sold out` });
    const modifiers: LineModifier[] = [];
    for (const groupId of variant.modifierGroupIds) {
      const group = groupById.get(groupId);
      if (!group) continue;
      const chosen = group.options.filter((o) => line.modifierOptionIds.includes(o.id));
      if (chosen.length < group.minSelect) problems.push({ path: `lines.${i}.modifierOptionIds`, message: `${label}: choose ${group.name}` });
      if (chosen.length > group.maxSelect) {
        problems.push({ path: `lines.${i}.modifierOptionIds`, message: `${label}: at most ${group.maxSelect} ${group.name}` });
      }
      modifiers.push(...chosen.map((o) => ({ groupId, groupName: group.name, optionId: o.id, optionName: o.name, priceDelta: o.priceDelta })));
    }
    const unknown = line.modifierOptionIds.filter((id) => !modifiers.some((m) => m.optionId === id));
    if (unknown.length) problems.push({ path: `lines.${i}.modifierOptionIds`, message: `${label} has no such option` });
    if (variant.openPrice && line.unitPrice === undefined) problems.push({ path: `lines.${i}.unitPrice`, message: `${label}: enter the price` });
    if (!variant.openPrice && line.unitPrice !== undefined) problems.push({ path: `lines.${i}.unitPrice`, message: `${label} has a fixed price` });
    return {
      variantId: variant.variantId,
      productId: variant.productId,
      categoryId: variant.categoryId,
      productName: variant.productName,
      variantName: variant.variantName,
      sku: variant.sku,
      unitPrice: variant.openPrice ? (line.unitPrice ?? 0) : variant.price,
      unitCost: variant.cost,
      modifiers,
      modifiersTotal: modifiers.reduce((sum, m) => sum + m.priceDelta, 0),
      quantity: line.quantity,
      note: line.note,
      discount: discountOf(line.discount, 'line', `lines.${i}.discount`),
      taxRateBasisPoints: variant.taxClassId ? (rateOf.get(variant.taxClassId) ?? 0) : 0,
      trackStock: variant.trackStock,
      allowNegativeStock: variant.allowNegativeStock,
      seat: line.seat,
    };
  });
  if (problems.length) throw new AppError('unprocessable', problems.map((p) => p.message).join('; '), problems);
  const lines = drafts as NonNullable<(typeof drafts)[number]>[];

  // Modifiers can make a unit price negative ("no cheese" on a cheap item): never below zero.
  const pricingLines = lines.map((l) => ({ unitPrice: l.unitPrice, modifiersTotal: Math.max(l.modifiersTotal, -l.unitPrice), quantity: l.quantity, taxRateBasisPoints: l.taxRateBasisPoints, discount: l.discount }));
  const serviceChargeBasisPoints = serviceChargeFor(input.type, settings);
  const priced = priceOrder(pricingLines, { pricesIncludeTax: settings.pricesIncludeTax, orderDiscount, serviceChargeBasisPoints });
  if (orderDiscount?.loyaltyPoints && orderDiscount.kind === 'amount' && priced.lines.reduce((sum, l) => sum + l.orderDiscount, 0) < orderDiscount.amount) {
    throw new AppError('unprocessable', 'The reward is worth more than the order; add items or redeem fewer rewards', [{ path: 'redeemRewards', message: 'Worth more than the order' }]);
  }
  if (input.expectedTotal !== undefined && input.expectedTotal !== priced.total) {
    throw new AppError('unprocessable', 'The total has changed (prices were updated). Check the order and try again.', [
      { path: 'expectedTotal', message: `The total is ${priced.total}, not ${input.expectedTotal}` },
    ]);
  }

  // A saved discount was approved when a manager saved it (unless it asks for one on every use):
  // only what the cashier typed in is held to the limit.
  const discounts = [orderDiscount, ...lines.map((l) => l.discount)];
  const savedNeedingApproval = discounts.find((d) => d?.savedDiscountId && savedById.get(d.savedDiscountId)?.needsApproval);
  // A loyalty reward is the business's own offer, paid for with points: never held to the limit either.
  const typedIn = (d: DiscountRecord | null) => (d?.savedDiscountId || d?.loyaltyPoints ? null : d);
  const overLimit = () =>
    discountNeedsApproval(
      priceOrder(pricingLines.map((l) => ({ ...l, discount: typedIn(l.discount) })), { pricesIncludeTax: settings.pricesIncludeTax, orderDiscount: typedIn(orderDiscount) }),
      settings.discountLimitBasisPoints,
    );
  const approvedBy = savedNeedingApproval
    ? await authorise(ctx, 'discount:override', input.approval, `“${savedNeedingApproval.reason}” needs a manager's approval`)
    : overLimit()
      ? await authorise(ctx, 'discount:override', input.approval, `Discounts over ${settings.discountLimitBasisPoints / 100} % need a manager's approval`)
      : null;
  const stamp = (d: DiscountRecord | null) => (d ? { ...d, approvedBy } : null);
  const quote: Quote = {
    lines: lines.map((l, i) => ({ ...l, ...priced.lines[i]!, discount: stamp(l.discount) })),
    orderDiscount: stamp(orderDiscount),
    serviceChargeBasisPoints,
    subtotal: priced.subtotal,
    discountTotal: priced.discountTotal,
    serviceChargeTotal: priced.serviceChargeTotal,
    taxTotal: priced.taxTotal,
    total: priced.total,
  };
  return { quote, settings };
}

/**
 * Whether the discounts of a priced order go beyond the tenant's limit (basis points). What
 * counts is the effective discount of the whole order, line and order discounts together (10 %
 * off a line plus 10 % off the order is 19 %), and each line's own discount (one item given
 * away in a large order is still over the limit). "Within the limit" is what the limit itself
 * would give with the pricing's rounding: the limit's percentage on every line, or on the
 * whole order, whichever rounds higher; so a discount at the limit never asks for a manager.
 */
export function discountNeedsApproval(priced: PricedOrder, limitBasisPoints: number): boolean {
  const atLimit = (base: number) => divideRounded(base * limitBasisPoints, 10_000);
  const wholeOrder = Math.max(atLimit(priced.subtotal), priced.lines.reduce((sum, l) => sum + atLimit(l.gross), 0));
  return priced.discountTotal > wholeOrder || priced.lines.some((l) => l.lineDiscount > atLimit(l.gross));
}

const PLACE_WORDS = { line: 'an item', order: 'the whole order' } as const;

/**
 * The order discount of redeemed loyalty rewards: their value off, named for what they cost. The
 * points leave the customer's balance in the checkout's transaction (lib/customers redeemPoints).
 */
function loyaltyDiscount(loyalty: Parameters<typeof rewardOf>[0], input: QuoteInput, problems: Problem[]): DiscountRecord | null {
  if (!input.customerId) problems.push({ path: 'redeemRewards', message: 'Attach the customer whose points pay for the reward' });
  if (input.orderDiscount) problems.push({ path: 'redeemRewards', message: 'A loyalty reward is the order discount; remove the other one' });
  const reward = rewardOf(loyalty, input.redeemRewards!);
  return { kind: 'amount', amount: reward.amount, reason: `Loyalty reward (${reward.points} points)`, loyaltyPoints: reward.points };
}

/**
 * The discount an order keeps: a typed-in one as sent (with its reason), a saved one by its
 * current value, named as its reason. Unknown ids and a saved discount used where it is not
 * offered are problems at `path`.
 */
function resolveDiscount(
  discount: DiscountInput | null,
  place: 'line' | 'order',
  savedById: ReadonlyMap<string, SavedDiscount>,
  path: string,
  problems: Problem[],
): DiscountRecord | null {
  if (!discount) return null;
  if (discount.kind !== 'saved') return discount;
  const saved = savedById.get(discount.discountId);
  if (!saved) {
    problems.push({ path: `${path}.discountId`, message: 'No such discount (it may have been deleted)' });
    return null;
  }
  if (saved.appliesTo !== 'any' && saved.appliesTo !== place) {
    problems.push({ path: `${path}.discountId`, message: `“${saved.name}” is for ${PLACE_WORDS[saved.appliesTo]}, not ${PLACE_WORDS[place]}` });
    return null;
  }
  const value = saved.kind === 'percent' ? { kind: 'percent' as const, basisPoints: saved.basisPoints! } : { kind: 'amount' as const, amount: saved.amount! };
  return { ...value, reason: saved.name, savedDiscountId: saved.id };
}
