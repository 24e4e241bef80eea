// /sager/:id/min-plan: the citizen's own plan, to read together on screen or
// print and take home (the print stylesheet leaves only the plan on an A4
// page). The title names neither the citizen nor a CPR number.
import { useEffect } from 'react';
import { Link, useParams } from 'react-router';
import { PageHeading } from '@/components/page-heading';
import { ProblemAlert } from '@/components/problem';
import { Spinner } from '@/components/spinner';
import { usePlan } from '@/features/goals/api/plan';
import { PlanView } from '@/features/goals/components/plan/plan-view';
import { useT } from '@/lib/i18n';

export default function CasePlanPage() {
  const t = useT();
  const { id = '' } = useParams();
  const plan = usePlan(id);

  useEffect(() => {
    document.title = `${t('goals.plan.title')} – ${t('common.appName')}`;
  }, [t]);

  const p = plan.data;
  return (
    <div className="min-plan">
      <div className="min-plan-noprint">
        <Link to={`/sager/${id}`} className="back-link">
          {t('goals.plan.backToCase')}
        </Link>
      </div>
      <PageHeading>{t('goals.plan.title')}</PageHeading>
      {!p ? (
        plan.error ? (
          <ProblemAlert error={plan.error} />
        ) : (
          <Spinner />
        )
      ) : (
        <>
          <p className="min-plan-who">
            {p.citizen_name}
            {p.caseworker_name && (
              <>
                <br />
                <span className="weight-normal">{t('goals.plan.caseworker', { name: p.caseworker_name })}</span>
              </>
            )}
          </p>
          <p>{t('goals.plan.intro')}</p>
          <div className="min-plan-tools min-plan-noprint">
            <button type="button" className="button button-secondary" onClick={() => window.print()} aria-describedby="min-plan-print-hint">
              {t('goals.plan.print')}
            </button>
            <span id="min-plan-print-hint">{t('goals.plan.printHint')}</span>
          </div>
          <PlanView plan={p} />
        </>
      )}
    </div>
  );
}
