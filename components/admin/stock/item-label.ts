/** "Green tea" or "T-shirt (Large)": a variant named "Default" is just its product. */
export function itemLabel(item: { productName: string; variantName: string }): string {
  return item.variantName === 'Default' ? item.productName : `${item.productName} (${item.variantName})`;
}

/** What the stock pages call each ledger kind. */
export const movementLabels: Record<string, string> = {
  receipt: 'Received',
  adjustment: 'Adjusted',
  count: 'Counted',
  transfer_out: 'Transferred out',
  transfer_in: 'Transferred in',
  sale: 'Sold',
  return: 'Returned',
};

export const adjustmentReasonLabels: Record<string, string> = {
  damage: 'Damaged',
  theft: 'Theft or loss',
  expired: 'Expired',
  correction: 'Correction',
  other: 'Other',
};
