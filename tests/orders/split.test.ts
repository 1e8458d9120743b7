import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planSplit, priceOrder, splitByItem, splitBySeat, splitEqually, type SplitLine } from '@/lib/orders';

/**
 * The split arithmetic: whatever the order (line and order discounts, tax in or out, odd
 * amounts), the parts of every plan add up exactly to the order's total, and none is negative.
 */
const pricedLines = fc
  .record({
    lines: fc.array(
      fc.record({
        unitPrice: fc.integer({ min: 0, max: 50_000 }),
        quantity: fc.integer({ min: 1, max: 9 }),
        taxRateBasisPoints: fc.constantFrom(0, 500, 700, 1_000, 2_000),
        seat: fc.option(fc.integer({ min: 1, max: 6 }), { nil: null }),
      }),
      { minLength: 1, maxLength: 12 },
    ),
    orderDiscount: fc.option(fc.integer({ min: 1, max: 5_000 }).map((basisPoints) => ({ kind: 'percent' as const, basisPoints })), { nil: null }),
    pricesIncludeTax: fc.boolean(),
  })
  .map(({ lines, orderDiscount, pricesIncludeTax }) => {
    const priced = priceOrder(
      lines.map((l) => ({ ...l, modifiersTotal: 0 })),
      { pricesIncludeTax, orderDiscount },
    );
    const split: SplitLine[] = lines.map((l, i) => ({ id: `line-${i}`, quantity: l.quantity, total: priced.lines[i]!.total, seat: l.seat }));
    return { lines: split, total: priced.total };
  });

const sum = (parts: { amount: number }[]) => parts.reduce((s, p) => s + p.amount, 0);

describe('split arithmetic', () => {
  it('equal shares add up to the total and differ by at most one minor unit', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 2, max: 50 }), (total, n) => {
        const parts = splitEqually(total, n);
        expect(parts).toHaveLength(n);
        expect(sum(parts)).toBe(total);
        const amounts = parts.map((p) => p.amount);
        expect(Math.max(...amounts) - Math.min(...amounts)).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('by item: any assignment of units to parts adds up to the order total, part by part as by line', () => {
    fc.assert(
      fc.property(pricedLines, fc.integer({ min: 2, max: 5 }), fc.infiniteStream(fc.nat()), ({ lines, total }, partCount, choices) => {
        // Every unit of every line goes to some part (chosen at random); parts left empty are dropped.
        const it = choices[Symbol.iterator]();
        const units = Array.from({ length: partCount }, () => new Map<string, number>());
        for (const line of lines) for (let u = 0; u < line.quantity; u++) {
          const to = units[(it.next().value as number) % partCount]!;
          to.set(line.id, (to.get(line.id) ?? 0) + 1);
        }
        const parts = units.filter((m) => m.size > 0).map((m) => ({ items: [...m].map(([lineId, quantity]) => ({ lineId, quantity })) }));
        const planned = splitByItem(lines, parts);
        expect(sum(planned)).toBe(total);
        for (const line of lines) {
          const ofLine = planned.flatMap((p) => p.items.filter((i) => i.lineId === line.id));
          expect(ofLine.reduce((s, i) => s + i.amount, 0)).toBe(line.total);
        }
        expect(planned.every((p) => p.amount >= 0)).toBe(true);
      }),
    );
  });

  it('by seat: a part per seat, shared lines spread over them, adding up to the order total', () => {
    fc.assert(
      fc.property(pricedLines, ({ lines, total }) => {
        const seats = new Set(lines.flatMap((l) => (l.seat === null ? [] : [l.seat])));
        fc.pre(seats.size >= 2);
        const planned = splitBySeat(lines);
        expect(planned.map((p) => p.seat)).toEqual([...seats].sort((a, b) => a - b));
        expect(sum(planned)).toBe(total);
        for (const line of lines.filter((l) => l.seat === null)) {
          const shares = planned.map((p) => p.items.find((i) => i.lineId === line.id)!.amount);
          expect(shares.reduce((a, b) => a + b, 0)).toBe(line.total);
          expect(Math.max(...shares) - Math.min(...shares)).toBeLessThanOrEqual(1);
        }
      }),
    );
  });

  it('spreads the odd units of shared lines over different seats', () => {
    const lines: SplitLine[] = [
      { id: 'a', quantity: 1, total: 1_000, seat: 1 },
      { id: 'b', quantity: 1, total: 1_000, seat: 2 },
      { id: 'fries', quantity: 1, total: 301, seat: null },
      { id: 'bread', quantity: 1, total: 301, seat: null },
    ];
    expect(splitBySeat(lines).map((p) => p.amount)).toEqual([1_000 + 151 + 150, 1_000 + 150 + 151]);
    expect(splitBySeat(lines).map((p) => p.label)).toEqual(['Seat 1', 'Seat 2']);
  });

  it('refuses a by-item plan that leaves units out, counts one twice or names another order’s line', () => {
    const lines: SplitLine[] = [
      { id: 'a', quantity: 2, total: 500, seat: null },
      { id: 'b', quantity: 1, total: 300, seat: null },
    ];
    expect(() => splitByItem(lines, [{ items: [{ lineId: 'a', quantity: 1 }] }, { items: [{ lineId: 'b', quantity: 1 }] }])).toThrow('exactly one part');
    expect(() => splitByItem(lines, [{ items: [{ lineId: 'a', quantity: 2 }, { lineId: 'b', quantity: 1 }] }, { items: [{ lineId: 'b', quantity: 1 }] }])).toThrow('exactly one part');
    expect(() => splitByItem(lines, [{ items: [{ lineId: 'a', quantity: 2 }, { lineId: 'b', quantity: 1 }] }, { items: [{ lineId: 'x', quantity: 1 }] }])).toThrow('exactly one part');
    // Quantities of a line split over parts: 2 units at 250 each.
    expect(splitByItem(lines, [{ items: [{ lineId: 'a', quantity: 1 }, { lineId: 'b', quantity: 1 }] }, { items: [{ lineId: 'a', quantity: 1 }] }]).map((p) => p.amount)).toEqual([550, 250]);
  });

  it('refuses a split by seat with fewer than two seats', () => {
    expect(() => planSplit([{ id: 'a', quantity: 1, total: 100, seat: 1 }, { id: 'b', quantity: 1, total: 100, seat: null }], 200, { kind: 'seat' })).toThrow('two different seats');
  });
});
