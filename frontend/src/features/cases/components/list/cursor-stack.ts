// Keyset pagination has no page numbers, only "the cursor for the next page".
// To go back we keep the cursors of the pages we came through: the stack's
// last entry is the cursor of the page on screen (none = the first page).

export type CursorStack = readonly string[];

export const FIRST_PAGE: CursorStack = [];

export function currentCursor(stack: CursorStack): string | undefined {
  return stack.length ? stack[stack.length - 1] : undefined;
}

/** 1 for the first page. */
export function pageNumber(stack: CursorStack): number {
  return stack.length + 1;
}

export function nextPage(stack: CursorStack, nextCursor: string): CursorStack {
  return [...stack, nextCursor];
}

export function previousPage(stack: CursorStack): CursorStack {
  return stack.slice(0, -1);
}

export function hasPrevious(stack: CursorStack): boolean {
  return stack.length > 0;
}

/** Reads a stack kept in history state; anything unexpected means the first page. */
export function stackFromState(state: unknown): CursorStack {
  const pages = (state as { pages?: unknown } | null)?.pages;
  return Array.isArray(pages) && pages.every((p) => typeof p === 'string' && p.length > 0 && p.length <= 500)
    ? (pages as string[])
    : FIRST_PAGE;
}
