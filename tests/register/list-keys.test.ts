import { describe, expect, it } from 'vitest';
import { isListKey, moveActive, scrollEdges } from '@/components/register/list-keys';

describe('arrow keys through the search results', () => {
  it('Down from the text highlights the first result, then walks to the last and stays there', () => {
    expect(moveActive(null, 3, 'ArrowDown')).toBe(0);
    expect(moveActive(0, 3, 'ArrowDown')).toBe(1);
    expect(moveActive(2, 3, 'ArrowDown')).toBe(2);
  });

  it('Up from the text highlights the last result; Up from the first lets go of the list', () => {
    expect(moveActive(null, 3, 'ArrowUp')).toBe(2);
    expect(moveActive(2, 3, 'ArrowUp')).toBe(1);
    expect(moveActive(0, 3, 'ArrowUp')).toBeNull();
  });

  it('Home and End jump to the ends only while a result is highlighted (otherwise they move the caret)', () => {
    expect(moveActive(1, 4, 'Home')).toBe(0);
    expect(moveActive(1, 4, 'End')).toBe(3);
    expect(moveActive(null, 4, 'Home')).toBeNull();
    expect(moveActive(null, 4, 'End')).toBeNull();
  });

  it('no results: nothing to highlight; a highlight past fewer results starts again', () => {
    expect(moveActive(null, 0, 'ArrowDown')).toBeNull();
    expect(moveActive(3, 0, 'ArrowUp')).toBeNull();
    expect(moveActive(5, 2, 'ArrowDown')).toBe(0);
    expect(moveActive(5, 2, 'ArrowUp')).toBe(1);
  });

  it('knows its keys', () => {
    expect(['ArrowDown', 'ArrowUp', 'Home', 'End'].every(isListKey)).toBe(true);
    expect(['ArrowLeft', 'Enter', 'Escape', 'a'].some(isListKey)).toBe(false);
  });
});

describe('the scroll hint of a chip row', () => {
  it('shows more after while the row is at its start, both in the middle, more before at its end', () => {
    expect(scrollEdges(0, 300, 900)).toEqual({ before: false, after: true });
    expect(scrollEdges(200, 300, 900)).toEqual({ before: true, after: true });
    expect(scrollEdges(600, 300, 900)).toEqual({ before: true, after: false });
  });

  it('shows nothing when every chip fits, and takes a fraction of a pixel for the end (zoomed screens)', () => {
    expect(scrollEdges(0, 900, 900)).toEqual({ before: false, after: false });
    expect(scrollEdges(599.5, 300, 900)).toEqual({ before: true, after: false });
    expect(scrollEdges(0.5, 300, 900)).toEqual({ before: false, after: true });
  });
});
