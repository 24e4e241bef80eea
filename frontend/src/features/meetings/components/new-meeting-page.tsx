// /sager/:id/moeder/ny: plan a meeting (step 1 of the meeting). Once
// created, the meeting's own page takes over with the next steps.
import { useEffect } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { Alert } from '@/components/alert';
import { PageHeading } from '@/components/page-heading';
import { ProblemAlert } from '@/components/problem';
import { Spinner } from '@/components/spinner';
import { useCase } from '@/features/cases/api/get-case';
import { useI18n } from '@/lib/i18n';
import { PlanForm } from './plan-form';
import './meetings.css';

export function NewMeetingPage() {
  const { t } = useI18n();
  const { id: caseId = '' } = useParams();
  const navigate = useNavigate();
  const caseQ = useCase(caseId);
  const c = caseQ.data?.data;
  useEffect(() => {
    document.title = `${t('meetings.page.newTitle')} – ${t('common.appName')}`;
  }, [t]);
  return (
    <>
      <Link to={`/sager/${caseId}`} className="back-link">
        {t('meetings.page.backToCase')}
      </Link>
      <PageHeading>{t('meetings.page.newTitle')}</PageHeading>
      {!c ? (
        caseQ.error ? (
          <ProblemAlert error={caseQ.error} />
        ) : (
          <Spinner />
        )
      ) : c.status === 'closed' ? (
        <Alert variant="warning">{t('meetings.page.closedCase')}</Alert>
      ) : (
        <>
          <p className="font-lead">{t('meetings.page.citizen', { name: c.citizen.name })}</p>
          <p>{t('meetings.stepIntro.plan')}</p>
          <PlanForm caseId={caseId} onCreated={(m) => navigate(`/sager/${caseId}/moeder/${m.id}?trin=plan`, { state: { created: true } })} />
        </>
      )}
    </>
  );
}
