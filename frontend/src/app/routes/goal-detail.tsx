// /sager/:id/maal/:goalId: one goal with every SMART part, its sub-goals,
// progress (chart, table, new measurement) and status (change, history).
// Changes send If-Match with the ETag kept next to the goal in query data.
import { Fragment, useEffect } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { Alert } from '@/components/alert';
import { PageHeading } from '@/components/page-heading';
import { ProblemAlert } from '@/components/problem';
import { Spinner } from '@/components/spinner';
import { useCase } from '@/features/cases/api/get-case';
import { Section } from '@/features/cases/components/detail/section';
import { formatDate } from '@/features/cases/components/list/format';
import { useGoal } from '@/features/goals/api/get-goal';
import { useGoals } from '@/features/goals/api/list-goals';
import { useProgress } from '@/features/goals/api/list-progress';
import { GoalDescription } from '@/features/goals/components/goal-description';
import { GoalSummary } from '@/features/goals/components/goal-summary';
import { ProgressChart } from '@/features/goals/components/progress-chart';
import { ProgressForm } from '@/features/goals/components/progress-form';
import { StatusBadge } from '@/features/goals/components/status-badge';
import { StatusForm, StatusHistory } from '@/features/goals/components/status-section';
import { isFinished } from '@/features/goals/tree';
import { useI18n } from '@/lib/i18n';
import '@/features/goals/components/goals.css';

type Saved = 'draft' | 'active' | 'updated';

export default function GoalDetailPage() {
  const { t, lang } = useI18n();
  const { id: caseId = '', goalId = '' } = useParams();
  const location = useLocation();
  const saved = (location.state as { goalSaved?: Saved } | null)?.goalSaved;
  const goalQ = useGoal(goalId);
  const caseQ = useCase(caseId);
  const goalsQ = useGoals(caseId);
  const progressQ = useProgress(goalId);

  // The goal's title stays out of the page title: titles end up in browser
  // history and synced tabs.
  useEffect(() => {
    document.title = `${t('goals.page.title')} – ${t('common.appName')}`;
  }, [t]);

  const back = (
    <Link to={`/sager/${caseId}`} className="back-link">
      {t('goals.page.backToCase')}
    </Link>
  );
  const goal = goalQ.data;
  const c = caseQ.data?.data;
  if (!goal || !c) {
    const error = goalQ.error ?? caseQ.error;
    return (
      <>
        {back}
        {error ? (
          <>
            <PageHeading>{t('goals.page.title')}</PageHeading>
            <ProblemAlert error={error} />
          </>
        ) : (
          <Spinner />
        )}
      </>
    );
  }

  const g = goal.data;
  const all = goalsQ.data?.items ?? [];
  const parent = g.parent_id ? all.find((x) => x.id === g.parent_id) : undefined;
  const subs = all.filter((x) => x.parent_id === g.id);
  const caseOpen = c.status === 'open';
  const reload = () => goalQ.refetch({ throwOnError: false });

  return (
    <Fragment key={g.id}>
      {back}
      <PageHeading>{g.title}</PageHeading>
      <ul className="nobullet-list d-flex flex-wrap align-items-center" aria-label={t('goals.page.summaryLabel')}>
        <li className="mr-4">
          {t('goals.statusForm.heading')}: <StatusBadge status={g.status} />
        </li>
        <li className="mr-4">{t(`goals.horizon.${g.horizon}`)}</li>
        <li className="mr-4">
          {t('goals.section.targetDate')}: <strong>{g.target_date ? formatDate(g.target_date, lang) : t('goals.section.noDate')}</strong>
        </li>
        {g.parent_id && (
          <li className="mr-4">
            {t('goals.page.subGoalOf')}: <Link to={`/sager/${caseId}/maal/${g.parent_id}`}>{parent?.title ?? t('goals.page.title')}</Link>
          </li>
        )}
      </ul>
      {saved && <Alert variant="success">{t(`goals.page.saved.${saved}`)}</Alert>}
      {goalQ.error && <ProblemAlert error={goalQ.error} />}
      {caseOpen && !isFinished(g) && (
        <p>
          <Link to={`/sager/${caseId}/maal/${g.id}/rediger`} className="button button-secondary">
            {t('goals.page.edit')}
          </Link>
        </p>
      )}
      {!caseOpen && <p>{t('goals.form.closedCase')}</p>}

      <Section heading={t('goals.page.described')}>
        <GoalDescription g={g} dreams={c.dreams} />
      </Section>

      {!g.parent_id && (
        <Section heading={t('goals.section.subGoals')}>
          {subs.length === 0 ? (
            <p>{t('goals.page.subGoalsEmpty')}</p>
          ) : (
            <ul className="nobullet-list goal-list">
              {subs.map((s) => (
                <li key={s.id}>
                  <h3 className="mb-0">
                    <Link to={`/sager/${caseId}/maal/${s.id}`}>{s.title}</Link>
                  </h3>
                  <GoalSummary g={s} dreams={c.dreams} />
                </li>
              ))}
            </ul>
          )}
          {caseOpen && (
            <p>
              <Link to={`/sager/${caseId}/maal/ny?hovedmaal=${g.id}`} className="button button-secondary">
                {t('goals.section.newSubGoal')}
              </Link>
            </p>
          )}
        </Section>
      )}

      <Section heading={t('goals.progress.heading')}>
        <p>{t('goals.progress.intro')}</p>
        {progressQ.data ? <ProgressChart series={progressQ.data} /> : progressQ.error ? <ProblemAlert error={progressQ.error} /> : <Spinner />}
        {caseOpen &&
          (g.status === 'draft' ? (
            <p>{t('goals.progress.notDraft')}</p>
          ) : g.status === 'discontinued' ? (
            <p>{t('goals.progress.closed')}</p>
          ) : (
            <ProgressForm caseId={caseId} goalId={g.id} />
          ))}
      </Section>

      <Section heading={t('goals.statusForm.heading')}>
        <StatusForm goal={goal} caseOpen={caseOpen} onReload={reload} />
        <StatusHistory history={g.history ?? []} />
      </Section>
    </Fragment>
  );
}
