/**
 * Telling a barcode scanner from a person at the keyboard. A scanner is a keyboard that
 * types a whole code in a burst — a few milliseconds a key — and presses Enter; a person
 * takes 80 ms or more a key. So: at least SCAN_MIN_LENGTH printable keys then Enter, at no
 * more than SCAN_AVG_GAP_MS a key on average, is a scan. The average, not each gap, decides:
 * a busy tablet may hold one key back for a moment without losing the scan. A pause of
 * SCAN_RESET_MS starts afresh. (Plain logic, no DOM: use-scanner.ts feeds it the key events.)
 */
export const SCAN_MIN_LENGTH = 4;
export const SCAN_AVG_GAP_MS = 30;
export const SCAN_RESET_MS = 200;
/** A key this close after the one before is part of a burst (never a person's shortcut key). */
export const SCAN_MAX_GAP_MS = 50;

export type ScanBuffer = { text: string; first: number; last: number } | null;

export type ScanStep = {
  buffer: ScanBuffer;
  /** A complete scan ended by this Enter. */
  code: string | null;
  /** This key continues a fast burst: it belongs to a scan, not to a shortcut. */
  burst: boolean;
};

/** The next state after one key (`key` as KeyboardEvent.key, `at` in ms). */
export function scanStep(buffer: ScanBuffer, key: string, at: number): ScanStep {
  const live = buffer !== null && at - buffer.last <= SCAN_RESET_MS ? buffer : null;
  if (key === 'Enter') {
    const scan = live !== null && live.text.length >= SCAN_MIN_LENGTH && (at - live.first) / live.text.length <= SCAN_AVG_GAP_MS;
    return { buffer: null, code: scan ? live.text : null, burst: scan };
  }
  // Modifier keys on their own (a scanner holds Shift for capitals) neither add nor break a burst.
  if (key === 'Shift' || key === 'CapsLock') return { buffer, code: null, burst: false };
  if (key.length !== 1) return { buffer: null, code: null, burst: false };
  if (!live) return { buffer: { text: key, first: at, last: at }, code: null, burst: false };
  return { buffer: { text: live.text + key, first: live.first, last: at }, code: null, burst: at - live.last <= SCAN_MAX_GAP_MS };
}
