import { useSyncExternalStore } from 'react';
import { session } from './session';

/** The current session state (token presence and why it ended, if it did). */
export function useSession() {
  return useSyncExternalStore(session.subscribe, session.snapshot);
}
