import { describe, expect, it } from 'vitest';
import { checkEveryMs, holdIdleLock, idleLockHeld, isIdle, onIdleHoldChange } from '@/components/register/idle-timer';

const MIN = 60_000;

describe('when the register counts as idle', () => {
  it('locks after the minutes without input, not a moment before', () => {
    expect(isIdle(0, 5 * MIN - 1, 5, false)).toBe(false);
    expect(isIdle(0, 5 * MIN, 5, false)).toBe(true);
  });

  it('never locks with 0 minutes, nor while held (a payment)', () => {
    expect(isIdle(0, 1_000 * MIN, 0, false)).toBe(false);
    expect(isIdle(0, 1_000 * MIN, 5, true)).toBe(false);
  });

  it('checks often enough for short settings, at most every 15 s', () => {
    expect(checkEveryMs(1)).toBe(3_000);
    expect(checkEveryMs(30)).toBe(15_000);
  });
});

describe('holds', () => {
  it('are held until every holder lets go, and tell listeners each change', () => {
    let changes = 0;
    const off = onIdleHoldChange(() => changes++);
    const first = holdIdleLock();
    const second = holdIdleLock();
    first();
    expect(idleLockHeld()).toBe(true);
    second();
    second(); // letting go twice is nothing
    expect(idleLockHeld()).toBe(false);
    expect(changes).toBe(4);
    off();
  });
});
