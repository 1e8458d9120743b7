/** The ledger kinds the stock pages name (admin.stock.movement.*); any other kind is shown as stored. */
export const MOVEMENT_KINDS = ['receipt', 'adjustment', 'count', 'transfer_out', 'transfer_in', 'sale', 'return'] as const;
export type MovementKind = (typeof MOVEMENT_KINDS)[number];
export const isMovementKind = (kind: string): kind is MovementKind => (MOVEMENT_KINDS as readonly string[]).includes(kind);

/** The reasons an adjustment takes, in the order the form offers them (admin.stock.reason.*). */
export const ADJUSTMENT_REASONS = ['damage', 'theft', 'expired', 'correction', 'other'] as const;
export type AdjustmentReason = (typeof ADJUSTMENT_REASONS)[number];
export const isAdjustmentReason = (reason: string): reason is AdjustmentReason => (ADJUSTMENT_REASONS as readonly string[]).includes(reason);
