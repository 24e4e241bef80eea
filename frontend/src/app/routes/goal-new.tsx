// The guided SMART form page: /sager/:id/maal/ny (a new goal),
// /sager/:id/maal/ny?hovedmaal=<goal id> (a new sub-goal) and
// /sager/:id/maal/:goalId/rediger (edit; starts from a fresh read so its
// ETag is as new as can be).
import { useEffect } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Alert } from '@/components/alert';
import { PageHeading } from '@/components/page-heading';
import { ProblemAlert } from '@/components/problem';
import { Spinner } from '@/components/spinner';
import { useCase } from '@/features/cases/api/get-case';
import { goalQuery } from '@/features/goals/api/get-goal';
import { GoalEditor } from '@/features/goals/components/goal-editor';
import { isFinished } from '@/features/goals/tree';
import { useT } from '@/lib/i18n';

export default function GoalFormPage() {
  const t = useT();
  const { id: caseId = '', goalId } = useParams();
  const [params] = useSearchParams();
  const parentParam = goalId ? undefined : (params.get('hovedmaal') ?? undefined);
  const caseQ = useCase(caseId);
  const goalQ = useQuery({ ...goalQuery(goalId ?? ''), enabled: !!goalId, staleTime: 0 });
  const parentId = parentParam ?? goalQ.data?.data.parent_id;
  const parentQ = useQuery({ ...goalQuery(parentId ?? ''), enabled: !!parentId });

  const heading = goalId ? t('goals.form.editTitle') : parentParam ? t('goals.form.newSubTitle') : t('goals.form.newTitle');
  useEffect(() => {
    document.title = `${heading} – ${t('common.appName')}`;
  }, [heading, t]);

  const c = caseQ.data?.data;
  const goal = goalId ? (goalQ.isFetchedAfterMount ? goalQ.data : undefined) : undefined;
  const parent = parentId ? parentQ.data?.data : undefined;
  const ready = c && (!goalId || goal) && (!parentId || parent);
  const error = caseQ.error ?? goalQ.error ?? parentQ.error;

  let content;
  if (!ready) content = error ? <ProblemAlert error={error} /> : <Spinner />;
  else if (c.status === 'closed') content = <Alert variant="warning">{t('goals.form.closedCase')}</Alert>;
  else if (goal && isFinished(goal.data)) content = <Alert variant="warning">{t('goals.form.finished')}</Alert>;
  else
    content = (
      <>
        <p>{t('goals.form.intro')}</p>
        {parent && (
          <p>
            {t('goals.form.subIntro')} <strong>{parent.title}</strong>
          </p>
        )}
        <GoalEditor key={goalId ?? `new-${parentId ?? ''}`} c={c} initial={goal} parent={goalId ? undefined : parent} />
      </>
    );

  return (
    <>
      {goalId ? (
        <Link to={`/sager/${caseId}/maal/${goalId}`} className="back-link">
          {t('goals.page.backToGoal')}
        </Link>
      ) : (
        <Link to={`/sager/${caseId}`} className="back-link">
          {t('goals.page.backToCase')}
        </Link>
      )}
      <PageHeading>{heading}</PageHeading>
      {content}
    </>
  );
}
