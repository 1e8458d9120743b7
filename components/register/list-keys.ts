/**
 * Keyboard and scrolling rules of the product side of the register, kept pure so they are
 * unit-tested (tests/register/list-keys.test.ts).
 */

export type ListKey = 'ArrowDown' | 'ArrowUp' | 'Home' | 'End';

export const isListKey = (key: string): key is ListKey => key === 'ArrowDown' || key === 'ArrowUp' || key === 'Home' || key === 'End';

/**
 * The search result the arrow keys land on (null: none, the caret is back in the text).
 * Down from none is the first, Up from none the last; Down stops at the last; Up from the first
 * lets go of the list. Home and End jump to the ends only while the list has the highlight (in
 * the text they move the caret).
 */
export function moveActive(current: number | null, count: number, key: ListKey): number | null {
  if (count <= 0) return null;
  const at = current !== null && current < count ? current : null;
  switch (key) {
    case 'ArrowDown':
      return at === null ? 0 : Math.min(at + 1, count - 1);
    case 'ArrowUp':
      return at === null ? count - 1 : at === 0 ? null : at - 1;
    case 'Home':
      return at === null ? null : 0;
    case 'End':
      return at === null ? null : count - 1;
  }
}

/** Whether a sideways-scrolling row has more to show before and after what is in view (1 px slack for fractional zoom). */
export function scrollEdges(scrollLeft: number, clientWidth: number, scrollWidth: number): { before: boolean; after: boolean } {
  return { before: scrollLeft > 1, after: scrollLeft + clientWidth < scrollWidth - 1 };
}
