/**
 * When the register counts as idle (pure, so it is tested without a browser): no pointer, key,
 * touch or wheel input for `minutes` (0: never), and nothing holding the lock off. Holds are
 * taken by work that must not be cut off by a lock — a payment being taken or confirmed.
 */
export const ACTIVITY_EVENTS = ['pointerdown', 'pointermove', 'keydown', 'touchstart', 'wheel'] as const;

export function isIdle(lastActivityMs: number, nowMs: number, minutes: number, held: boolean): boolean {
  return minutes > 0 && !held && nowMs - lastActivityMs >= minutes * 60_000;
}

/** How often to check: often enough to lock within ~5 % of the time, at most every 15 s. */
export const checkEveryMs = (minutes: number) => Math.max(1_000, Math.min(15_000, minutes * 3_000));

type Listener = () => void;
const holds = new Set<symbol>();
const listeners = new Set<Listener>();

/** Takes a hold on the idle lock; call the result to let go. */
export function holdIdleLock(): () => void {
  const hold = Symbol('idle-hold');
  holds.add(hold);
  listeners.forEach((l) => l());
  return () => {
    if (holds.delete(hold)) listeners.forEach((l) => l());
  };
}

export const idleLockHeld = () => holds.size > 0;

export function onIdleHoldChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
