import type { ReactNode } from 'react';
import { Alert } from '@/components/alert';
import { PageHeading } from '@/components/page-heading';
import { ProblemAlert } from '@/components/problem';
import { Spinner } from '@/components/spinner';
import { useMe } from '@/features/auth/api/get-me';
import type { Schemas } from '@/lib/api/client';
import { useT } from '@/lib/i18n';

/**
 * Shows the principle overview to leaders only (the API refuses other roles
 * with 403); everyone else gets a plain explanation (under `heading`, for
 * pages whose own heading waits for data). Hands on the leader's
 * teams, which the period and team filter offer.
 */
export function LeaderOnly({ children, heading }: { children: (teams: Schemas['TeamRef'][]) => ReactNode; heading?: string }) {
  const t = useT();
  const me = useMe();
  if (me.isPending) return <Spinner />;
  const h1 = heading ? <PageHeading>{heading}</PageHeading> : null;
  if (me.error)
    return (
      <>
        {h1}
        <ProblemAlert error={me.error} />
      </>
    );
  if (me.data.role !== 'leader')
    return (
      <>
        {h1}
        <Alert variant="error">{t('checklists.insights.forbidden')}</Alert>
      </>
    );
  return <>{children(me.data.teams)}</>;
}
