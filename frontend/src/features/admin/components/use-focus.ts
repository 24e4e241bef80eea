import { useCallback, useEffect, useState, type RefObject } from 'react';

/**
 * Moves focus to an element once it is on screen: after a form closes, back
 * to the button or link that opened it. Tries the ids in order and waits a
 * couple of seconds for one to appear (the list may still be loading).
 */
export function usePendingFocus() {
  const [pending, setPending] = useState<{ ids: string[]; at: number } | null>(null);
  useEffect(() => {
    if (!pending) return;
    for (const id of pending.ids) {
      const el = document.getElementById(id);
      if (el) {
        el.focus();
        setPending(null);
        return;
      }
    }
    if (Date.now() - pending.at > 2000) setPending(null);
  });
  return useCallback((...ids: string[]) => setPending({ ids, at: Date.now() }), []);
}

/** Focuses the element when the component mounts (a form's heading when it opens). */
export function useFocusOnMount<T extends HTMLElement>(ref: RefObject<T | null>) {
  useEffect(() => {
    ref.current?.focus();
  }, [ref]);
}
