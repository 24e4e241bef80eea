// /sager/:id/opfoelgning: a follow-up review of every goal being worked on.
// On success back to the case page, which by then shows the new next
// follow-up date (the case is fetched again before leaving).
import { useEffect } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Alert } from '@/components/alert';
import { PageHeading } from '@/components/page-heading';
import { ProblemAlert } from '@/components/problem';
import { Spinner } from '@/components/spinner';
import { useCase } from '@/features/cases/api/get-case';
import { goalsQuery } from '@/features/goals/api/list-goals';
import { FollowUpForm } from '@/features/goals/components/followup/followup-form';
import { reviewGoals } from '@/features/goals/components/followup/followup-model';
import { useT } from '@/lib/i18n';

export default function CaseFollowUpPage() {
  const t = useT();
  const navigate = useNavigate();
  const { id = '' } = useParams();
  const kase = useCase(id);
  // Fresh goals; no background refetch while the form is being filled in.
  const goals = useQuery({ ...goalsQuery(id), staleTime: Infinity, refetchOnMount: 'always' });

  useEffect(() => {
    document.title = `${t('goals.followup.title')} – ${t('common.appName')}`;
  }, [t]);

  const c = kase.data?.data;
  const list = goals.data?.items;
  const error = kase.error ?? goals.error;
  const ready = c && list && goals.isFetchedAfterMount;

  return (
    <div className="row">
      <div className="col-12 col-lg-9">
        <Link to={`/sager/${id}`} className="back-link">
          {t('goals.followup.backToCase')}
        </Link>
        <PageHeading>{t('goals.followup.title')}</PageHeading>
        {!ready ? (
          error ? (
            <ProblemAlert error={error} />
          ) : (
            <Spinner />
          )
        ) : (
          <>
            <p className="font-lead">{c.citizen.name}</p>
            {c.status === 'closed' ? (
              <Alert variant="warning">{t('goals.followup.closed')}</Alert>
            ) : reviewGoals(list).length === 0 ? (
              <Alert variant="info" heading={t('goals.followup.emptyHeading')}>
                <p className="mt-0">{t('goals.followup.emptyText')}</p>
                <p>
                  <Link to={`/sager/${id}`}>{t('goals.followup.backToCase')}</Link>
                </p>
              </Alert>
            ) : (
              <>
                <p>{t('goals.followup.intro')}</p>
                <FollowUpForm
                  caseId={id}
                  goals={list}
                  onSaved={(nextDate) => navigate(`/sager/${id}`, { state: { followUpSaved: nextDate } })}
                  onReload={() => Promise.all([goals.refetch(), kase.refetch()])}
                />
              </>
            )}
          </>
        )}
      </div>
    </div>
  );
}
