/**
 * Robust statistics for the alerts (docs/analytics.md › Alerts): the median and the MAD (median
 * absolute deviation) are not moved by the one odd day a mean and standard deviation would be,
 * and need no assumption about the shape of a few small counts.
 */

/** A MAD times this estimates the standard deviation of normally distributed data. */
export const MAD_TO_SIGMA = 1.4826;
/** Iglewicz and Hoaglin's cut-off for a robust ("modified") z-score: beyond 3.5 is an outlier. */
export const MODIFIED_Z_CUTOFF = 3.5;
/** How many MADs from the median is unusual (≈ 5.19). */
export const ALERT_MADS = MODIFIED_Z_CUTOFF * MAD_TO_SIGMA;

export function median(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Median absolute deviation: half the values lie within median ± MAD. */
export function mad(values: number[]): number {
  const m = median(values);
  return median(values.map((v) => Math.abs(v - m)));
}

export type Verdict = { usual: number; spread: number; threshold: number; high: boolean };

/**
 * Whether `value` is unusual against `history`: more than (or, `below`, less than) the median by
 * max(ALERT_MADS × MAD, floor). The threshold is rounded toward the median (down when above, up
 * when below), which for the whole numbers compared here is the same test.
 */
export function judge(direction: 'above' | 'below', value: number, history: number[], floor: (usual: number) => number): Verdict | null {
  const usual = median(history);
  const spread = mad(history);
  const margin = Math.max(ALERT_MADS * spread, floor(usual));
  const threshold = direction === 'above' ? Math.floor(usual + margin) : Math.ceil(usual - margin);
  const unusual = direction === 'above' ? value > threshold : value < threshold;
  return unusual ? { usual, spread, threshold, high: Math.abs(value - usual) >= 2 * margin } : null;
}
