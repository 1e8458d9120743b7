import { MAX_PRICE } from './schemas';

/**
 * The costing rule, written once (docs/purchasing.md › Costing): a variant's cost is the
 * **moving weighted average** of what its stock cost. Receiving `quantity` units at `unitCost`
 * onto `onHand` units valued at `current` each gives
 *
 *     (onHand × current + quantity × unitCost) ÷ (onHand + quantity), rounded half away from zero
 *
 * An item with no known cost, or with nothing (or less than nothing) on hand, takes the new
 * unit cost as it is: there is no stock left to average with, and units sold below zero were
 * already costed at the old figure.
 */
export type ReceivedCost = { variantId: string; onHandBefore: number; quantity: number; unitCost: number };

export function weightedAverageCost(current: number | null, onHandBefore: number, quantity: number, unitCost: number): number {
  if (current === null || onHandBefore <= 0) return unitCost;
  const total = onHandBefore * current + quantity * unitCost; // exact: both terms stay far below 2^53
  const units = onHandBefore + quantity;
  const average = Math.floor((2 * total + units) / (2 * units)); // half up, on non-negative integers
  return Math.min(average, MAX_PRICE);
}
