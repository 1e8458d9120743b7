import { describe, expect, it } from 'vitest';
import { itemPlan, partOfWhole, unitsOf, wholeLineTo } from '@/components/register/split-units';

/** The split planner's "by item" down to units (components/register/split-units.ts). */
const beers = { id: 'beers', quantity: 4 };
const curry = { id: 'curry', quantity: 1 };

describe('splitting lines by units', () => {
  it('starts with every unit in part 1, and a whole line can go to one part', () => {
    expect(unitsOf(beers, {}, 2)).toEqual([4, 0]);
    expect(wholeLineTo(curry, 1, 3)).toEqual([0, 1, 0]);
    expect(partOfWhole(curry, { curry: [0, 1] }, 2)).toBe(1);
    expect(partOfWhole(beers, { beers: [2, 2] }, 2)).toBeNull();
  });

  it('sends 2 of 4 beers to each part, the curry whole to part 2', () => {
    expect(itemPlan([beers, curry], { beers: [2, 2], curry: [0, 1] }, 2)).toEqual({
      parts: [{ items: [{ lineId: 'beers', quantity: 2 }] }, { items: [{ lineId: 'beers', quantity: 2 }, { lineId: 'curry', quantity: 1 }] }],
      uneven: [],
    });
  });

  it('names a line whose units do not add up, and leaves out empty parts', () => {
    const plan = itemPlan([beers, curry], { beers: [1, 2, 0] }, 3);
    expect(plan.uneven).toEqual([{ lineId: 'beers', shared: 3, quantity: 4 }]);
    expect(plan.parts).toHaveLength(2);
  });

  it('forgets units in parts that were taken away (fewer parts): back to part 1 if none is left', () => {
    expect(unitsOf(beers, { beers: [0, 0, 4] }, 2)).toEqual([4, 0]);
    expect(unitsOf(beers, { beers: [1, 3, 0] }, 2)).toEqual([1, 3]);
    expect(itemPlan([beers], { beers: [1, 1, 2] }, 2).uneven).toEqual([{ lineId: 'beers', shared: 2, quantity: 4 }]);
  });
});
