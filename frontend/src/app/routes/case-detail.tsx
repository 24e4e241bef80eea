// /sager/:id: everything about one case, with phase moves and close/reopen.
// Changes send If-Match with the ETag kept next to the case in query data.
import { Fragment, useEffect } from 'react';
import { Link, useParams } from 'react-router';
import { PageHeading } from '@/components/page-heading';
import { ProblemAlert } from '@/components/problem';
import { Spinner } from '@/components/spinner';
import { useCase } from '@/features/cases/api/get-case';
import { CitizenSection } from '@/features/cases/components/detail/citizen-section';
import {
  AboutSection,
  ContactSection,
  DreamsSection,
  ExpectationsSection,
  FollowUpSection,
  NetworkSection,
  ResourcesSection,
} from '@/features/cases/components/detail/content-sections';
import { PhaseSection } from '@/features/cases/components/detail/phase-section';
import { StatusSection } from '@/features/cases/components/detail/status-section';
import { GoalsSection } from '@/features/goals/components/goals-section';
import { FitSection } from '@/features/feedback/components/fit-section';
import { MeetingsSection } from '@/features/meetings/components/meetings-section';
import { OverdueBadge } from '@/features/cases/components/list/overdue-badge';
import { useT } from '@/lib/i18n';

export default function CaseDetailPage() {
  const t = useT();
  const { id = '' } = useParams();
  const query = useCase(id);
  const c = query.data?.data;
  const etag = query.data?.etag ?? '';

  // The citizen's name stays out of the title: titles end up in browser
  // history and synced tabs.
  useEffect(() => {
    document.title = `${t('cases.detail.title')} – ${t('common.appName')}`;
  }, [t]);

  const back = (
    <Link to="/sager" className="back-link">
      {t('cases.detail.backToList')}
    </Link>
  );

  if (!c) {
    return (
      <>
        {back}
        {query.error ? (
          <>
            <PageHeading>{t('cases.detail.title')}</PageHeading>
            <ProblemAlert error={query.error} />
          </>
        ) : (
          <Spinner />
        )}
      </>
    );
  }

  const reload = () => query.refetch({ throwOnError: false });

  // Keyed by id: nothing (such as a revealed CPR number) carries over to
  // another case.
  return (
    <Fragment key={c.id}>
      {back}
      <PageHeading>{c.citizen.name}</PageHeading>
      <ul className="nobullet-list d-flex flex-wrap align-items-center" aria-label={t('cases.detail.summaryLabel')}>
        <li className="mr-4">
          {t('cases.detail.status.label')}: <strong>{t(`cases.labels.status.${c.status}`)}</strong>
        </li>
        <li className="mr-4">
          {t('cases.list.table.phase')}: <strong>{t(`cases.labels.phase.${c.phase}`)}</strong>
        </li>
        {c.follow_up_overdue && (
          <li className="mr-4">
            <OverdueBadge />
          </li>
        )}
      </ul>
      {c.status === 'open' ? (
        <p>
          <Link to={`/sager/${c.id}/rediger`} className="button button-secondary">
            {t('cases.detail.edit')}
          </Link>
        </p>
      ) : (
        <p>{t('cases.detail.editClosed')}</p>
      )}
      {query.error && <ProblemAlert error={query.error} />}

      <CitizenSection c={c} />
      <AboutSection c={c} />
      <DreamsSection c={c} />
      <GoalsSection caseId={c.id} />
      <MeetingsSection caseId={c.id} />
      <FitSection caseId={c.id} />
      <ResourcesSection c={c} />
      <NetworkSection c={c} />
      <ContactSection c={c} />
      <ExpectationsSection c={c} />
      <FollowUpSection c={c} />
      <PhaseSection c={c} etag={etag} onReload={reload} />
      <StatusSection c={c} etag={etag} onReload={reload} />
    </Fragment>
  );
}
