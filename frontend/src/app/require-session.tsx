import { useEffect, useState, type ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { session } from '@/lib/auth/session';
import { useSession } from '@/lib/auth/use-session';
import { Spinner } from '@/components/spinner';

let restoreTried = false;

/**
 * Shows children only with a session. On a fresh page load it first tries to
 * restore the session from the refresh cookie; otherwise it sends the user to
 * the login page, remembering where they were going.
 */
export function RequireSession({ children }: { children: ReactNode }) {
  const s = useSession();
  const location = useLocation();
  const [restoring, setRestoring] = useState(!s.token && !restoreTried && !s.ended);
  useEffect(() => {
    if (!restoring) return;
    restoreTried = true;
    void session.restore().finally(() => setRestoring(false));
  }, [restoring]);
  if (s.token) return <>{children}</>;
  if (restoring) return <Spinner />;
  const next = location.pathname + location.search;
  return <Navigate to={`/login?next=${encodeURIComponent(next)}`} replace state={{ ended: s.ended }} />;
}
