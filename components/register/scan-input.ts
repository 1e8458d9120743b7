/**
 * Telling a barcode scanner from a person at the keyboard. A scanner is a keyboard that
 * types a whole code in a burst — a few milliseconds between keys — and presses Enter; a
 * person takes 80 ms or more between keys. So: at least SCAN_MIN_LENGTH printable keys, each
 * within SCAN_MAX_GAP_MS of the one before, then Enter within that gap too, is a scan.
 * (Plain logic, no DOM: use-scanner.ts feeds it the key events.)
 */
export const SCAN_MIN_LENGTH = 4;
/** Scanners send a key every 1–20 ms; 50 leaves room for a busy tablet without taking a typist's keys. */
export const SCAN_MAX_GAP_MS = 50;

export type ScanBuffer = { text: string; last: number } | null;

export type ScanStep = {
  buffer: ScanBuffer;
  /** A complete scan ended by this Enter. */
  code: string | null;
  /** This key continues a fast burst: it belongs to a scan, not to a shortcut. */
  burst: boolean;
};

/** The next state after one key (`key` as KeyboardEvent.key, `at` in ms). */
export function scanStep(buffer: ScanBuffer, key: string, at: number): ScanStep {
  const fast = buffer !== null && at - buffer.last <= SCAN_MAX_GAP_MS;
  if (key === 'Enter') {
    const code = fast && buffer.text.length >= SCAN_MIN_LENGTH ? buffer.text : null;
    return { buffer: null, code, burst: code !== null };
  }
  // Modifier keys on their own (a scanner holds Shift for capitals) neither add nor break a burst.
  if (key === 'Shift' || key === 'CapsLock') return { buffer, code: null, burst: false };
  if (key.length !== 1) return { buffer: null, code: null, burst: false };
  return fast ? { buffer: { text: buffer.text + key, last: at }, code: null, burst: true } : { buffer: { text: key, last: at }, code: null, burst: false };
}
