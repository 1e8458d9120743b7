import { describe, expect, it } from 'vitest';
import { stockLessUnsent } from '@/components/register/stock';
import type { RegisterStockLevel } from '@/components/register/types';

/**
 * Offline, a tile's stock is the last level the register heard less this device's sales it has not
 * sent (docs/offline.md): the server's level does not have them yet, and a cashier who sold the last
 * unit offline must not be told there is one left.
 */
const level = (quantity: number, threshold: number | null = 3): RegisterStockLevel => ({ quantity, threshold, low: quantity <= 0 || (threshold !== null && quantity <= threshold) });
const sale = (...lines: [string, number][]) => ({ body: { lines: lines.map(([variantId, quantity]) => ({ variantId, quantity, modifierOptionIds: [] })) } });

describe('stock shown offline', () => {
  it("takes every unsent sale's units off the variants it sold, and says low or out by the level left", () => {
    const stock = { water: level(10), tea: level(5), cake: level(1, null) };
    const shown = stockLessUnsent(stock, [sale(['water', 2], ['tea', 1]), sale(['water', 4]), sale(['cake', 1])]);
    expect(shown.water).toEqual({ quantity: 4, threshold: 3, low: false });
    expect(shown.tea).toEqual({ quantity: 4, threshold: 3, low: false });
    expect(shown.cake).toEqual({ quantity: 0, threshold: null, low: true });
    expect(stockLessUnsent(stock, [sale(['water', 7])]).water).toEqual({ quantity: 3, threshold: 3, low: true });
  });

  it('goes below zero for an item that may (it is what the server will count), and leaves untracked items and the levels it was given alone', () => {
    const stock = { water: level(1) };
    const shown = stockLessUnsent(stock, [sale(['water', 3], ['untracked', 2])]);
    expect(shown.water!.quantity).toBe(-2);
    expect(shown.untracked).toBeUndefined();
    expect(stock.water).toEqual(level(1));
  });

  it('with nothing unsent is the last known stock itself', () => {
    const stock = { water: level(8) };
    expect(stockLessUnsent(stock, [])).toBe(stock);
    expect(stockLessUnsent(stock, [{ body: {} }])).toBe(stock);
  });
});
