// After a client-side navigation the new page's heading should take focus.
// The layout marks that a navigation happened; the page heading consumes the
// mark when it mounts (which, with lazy routes, is after the chunk loads).
let pending = false;

export function markNavigation() {
  pending = true;
}

export function consumeNavigationFocus(): boolean {
  const p = pending;
  pending = false;
  return p;
}
