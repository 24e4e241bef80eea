import type { ReactNode } from 'react';
import { Alert } from '@/components/alert';
import { ProblemAlert } from '@/components/problem';
import { Spinner } from '@/components/spinner';
import { useMe } from '@/features/auth/api/get-me';
import { useT } from '@/lib/i18n';

/**
 * Shows the administration screens to administrators only. The API refuses
 * other roles' changes (403) and shows them only their own teams, so instead
 * of a half-working screen they get a plain explanation.
 */
export function AdminOnly({ children }: { children: ReactNode }) {
  const t = useT();
  const me = useMe();
  if (me.isPending) return <Spinner />;
  if (me.error) return <ProblemAlert error={me.error} />;
  if (me.data.role !== 'admin') return <Alert variant="error">{t('admin.forbidden')}</Alert>;
  return <>{children}</>;
}
