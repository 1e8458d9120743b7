import { afterEach, describe, expect, it, vi } from 'vitest';
import { expiringCopies } from '@/lib/platform/copies';

/** The per-process copies the session check and the display preferences keep (lib/platform/copies.ts). */
describe('expiringCopies', () => {
  afterEach(() => vi.useRealTimers());

  it('answers a copy while it is fresh, nothing once it is old, and keeps a null as a value', () => {
    vi.useFakeTimers({ toFake: ['Date'], now: 1_000_000 });
    const copies = expiringCopies<{ n: number } | null>(5000, 10);
    copies.set('a', { n: 1 });
    copies.set('gone', null);
    vi.setSystemTime(1_004_999);
    expect(copies.get('a')).toEqual({ n: 1 });
    expect(copies.get('gone')).toBeNull();
    expect(copies.get('never')).toBeUndefined();
    vi.setSystemTime(1_005_000);
    expect(copies.get('a')).toBeUndefined();
  });

  it('drops one copy, or every copy under a prefix, and starts afresh past its bound', () => {
    const copies = expiringCopies<number>(60_000, 3);
    copies.set('t1:a', 1);
    copies.set('t1:b', 2);
    copies.set('t2:a', 3);
    copies.deletePrefix('t1:');
    expect([copies.get('t1:a'), copies.get('t1:b'), copies.get('t2:a')]).toEqual([undefined, undefined, 3]);
    copies.delete('t2:a');
    expect(copies.get('t2:a')).toBeUndefined();
    for (const key of ['x', 'y', 'z']) copies.set(key, 0);
    copies.set('w', 1); // a fourth: the bound clears the three before it
    expect([copies.get('x'), copies.get('w')]).toEqual([undefined, 1]);
  });
});
