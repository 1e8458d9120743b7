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
