import { describe, expect, it } from 'vitest';
import { currentCursor, FIRST_PAGE, hasPrevious, nextPage, pageNumber, previousPage, stackFromState } from './cursor-stack';

describe('keyset cursor stack', () => {
  it('starts on the first page without a cursor', () => {
    expect(currentCursor(FIRST_PAGE)).toBeUndefined();
    expect(pageNumber(FIRST_PAGE)).toBe(1);
    expect(hasPrevious(FIRST_PAGE)).toBe(false);
  });

  it('goes forward and back through the cursors it has seen', () => {
    const p2 = nextPage(FIRST_PAGE, 'c2');
    const p3 = nextPage(p2, 'c3');
    expect(currentCursor(p3)).toBe('c3');
    expect(pageNumber(p3)).toBe(3);
    const back = previousPage(p3);
    expect(currentCursor(back)).toBe('c2');
    expect(currentCursor(previousPage(back))).toBeUndefined();
    expect(previousPage(FIRST_PAGE)).toEqual([]);
  });

  it('does not change the stack it was given', () => {
    const p2 = nextPage(FIRST_PAGE, 'c2');
    nextPage(p2, 'c3');
    expect(p2).toEqual(['c2']);
  });

  it('reads a stack from history state and ignores anything else', () => {
    expect(stackFromState({ pages: ['a', 'b'] })).toEqual(['a', 'b']);
    expect(stackFromState(null)).toEqual([]);
    expect(stackFromState({ pages: [1] })).toEqual([]);
    expect(stackFromState({ pages: [''] })).toEqual([]);
    expect(stackFromState('x')).toEqual([]);
  });
});
