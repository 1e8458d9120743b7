import { describe, expect, it } from 'vitest';
import { countAppliedMessage, countReviewMessage } from '@/components/admin/stock/count-words';

describe('stock count messages', () => {
  it('agree with their numbers ("1 item differs", not "1 item differ")', () => {
    expect(countReviewMessage(1)).toBe('1 item differs from what was expected. Check it, then apply the count.');
    expect(countReviewMessage(3)).toBe('3 items differ from what was expected. Check them, then apply the count.');
    expect(countReviewMessage(0)).toBe('Every count matches what was expected. Apply it to record the count.');
  });

  it('say what was recorded', () => {
    expect(countAppliedMessage(0, 1)).toBe('Count recorded: the item matched.');
    expect(countAppliedMessage(0, 4)).toBe('Count recorded: all 4 items matched.');
    expect(countAppliedMessage(1, 4)).toBe('Count applied: 1 item corrected.');
    expect(countAppliedMessage(2, 4)).toBe('Count applied: 2 items corrected.');
  });
});
