// "Møder" on the case page: actual contact against the contact agreement in
// plain words (a warning when overdue), "Planlæg møde", the case's meetings
// newest first with their ORS and SRS totals and an alliance badge, the
// case's signals waiting for an answer (each with "what will change"), and
// the timeline of phase changes, follow-ups and meetings.
import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { ProblemAlert } from '@/components/problem';
import { Spinner } from '@/components/spinner';
import { caseQuery, type Case } from '@/features/cases/api/get-case';
import { Section } from '@/features/cases/components/detail/section';
import { formatDate, formatDateTime, formatDay } from '@/features/cases/components/list/format';
import { useFit, type Score } from '@/features/feedback/api/get-fit';
import { isOpen, useCaseSignals } from '@/features/feedback/api/signals';
import { SignalCard } from '@/features/feedback/components/signal-card';
import '@/features/feedback/components/feedback.css';
import { formatScore } from '@/features/feedback/format';
import { useFollowUps } from '@/features/goals/api/followups';
import { useI18n } from '@/lib/i18n';
import { useContact } from '../api/get-contact';
import { useMeetings, type Meeting } from '../api/list-meetings';
import { contactText } from '../contact-text';
import { timeline } from '../timeline';
import './meetings.css';

export function MeetingsSection({ caseId }: { caseId: string }) {
  const { t } = useI18n();
  // The case page has just read the case; take it from there, not again.
  const c = useQuery({ ...caseQuery(caseId), refetchOnMount: false }).data?.data;
  const meetings = useMeetings(caseId);
  const open = c?.status === 'open';
  return (
    <Section heading={t('meetings.section.heading')}>
      <p>{t('meetings.section.intro')}</p>
      <ContactPanel caseId={caseId} />
      {open ? (
        <p>
          <Link to={`/sager/${caseId}/moeder/ny`} className="button button-primary button-large">
            {t('meetings.section.plan')}
          </Link>
        </p>
      ) : (
        <p>{t('meetings.section.closed')}</p>
      )}
      <h3>{t('meetings.section.listHeading')}</h3>
      {meetings.isPending ? (
        <Spinner />
      ) : meetings.isError ? (
        <ProblemAlert error={meetings.error} />
      ) : meetings.data.items.length === 0 ? (
        <p>{t('meetings.section.empty')}</p>
      ) : (
        <MeetingList caseId={caseId} items={meetings.data.items} />
      )}
      <OpenSignals caseId={caseId} />
      {c && <Timeline c={c} meetings={meetings.data?.items ?? []} />}
    </Section>
  );
}

function ContactPanel({ caseId }: { caseId: string }) {
  const { t, lang } = useI18n();
  const q = useContact(caseId);
  if (q.isPending) return <Spinner />;
  if (q.isError) return <ProblemAlert error={q.error} />;
  const text = contactText(q.data, t, lang);
  const body = (
    <>
      <p className="mt-0 mb-0">{text.lines.join(' ')}</p>
    </>
  );
  return (
    <div className="meeting-contact" data-testid="contact-status">
      <h3 className="mb-0">{t('meetings.contact.heading')}</h3>
      {text.tone === 'overdue' ? (
        <div className="alert alert-warning">
          <div className="alert-body">
            <p className="alert-heading">
              <strong>{t('meetings.contact.overdueHeading')}</strong>
            </p>
            <div className="alert-text">{body}</div>
          </div>
        </div>
      ) : (
        <div className="meeting-contact-text">{body}</div>
      )}
    </div>
  );
}

function MeetingList({ caseId, items }: { caseId: string; items: Meeting[] }) {
  const { t, lang } = useI18n();
  const fit = useFit(caseId).data;
  const byMeeting = (scores: Score[] | undefined, id: string) => scores?.filter((s) => s.meeting_id === id) ?? [];
  return (
    <ul className="nobullet-list meeting-list" aria-label={t('meetings.section.listLabel')}>
      {items.map((m) => {
        const ors = byMeeting(fit?.ors, m.id)[0];
        const srs = byMeeting(fit?.srs, m.id);
        const citizenSrs = srs.find((s) => s.rater === 'citizen') ?? srs[0];
        const alliance = srs.some((s) => s.alliance_signal);
        const when = formatDateTime(m.starts_at, lang);
        return (
          <li key={m.id}>
            <h4 className="mb-0">
              <Link to={`/sager/${caseId}/moeder/${m.id}`}>{when}</Link>
            </h4>
            <p className="mt-0 mb-0">
              {t(`meetings.form.${m.form}`)}
              {m.place && `, ${m.place}`} · <strong>{t(`meetings.status.${m.status}`)}</strong>
            </p>
            <p className="mt-0">
              {ors && <span className="mr-4">{t('meetings.section.ors', { total: formatScore(ors.total, lang) })}</span>}
              {citizenSrs && <span className="mr-4">{t('meetings.section.srs', { total: formatScore(citizenSrs.total, lang) })}</span>}
              {!ors && !citizenSrs && <span className="mr-4">{t('meetings.section.noFeedback')}</span>}
              {alliance && <span className="badge badge-warning">{t('meetings.section.allianceBadge')}</span>}
            </p>
          </li>
        );
      })}
    </ul>
  );
}

function OpenSignals({ caseId }: { caseId: string }) {
  const { t } = useI18n();
  const q = useCaseSignals(caseId);
  const open = q.data?.filter(isOpen) ?? [];
  if (q.isError) return <ProblemAlert error={q.error} />;
  if (open.length === 0) return null;
  return (
    <div className="mt-5">
      <h3>{t('meetings.section.signalsHeading')}</h3>
      {open.map((s) => (
        <SignalCard key={s.id} signal={s} />
      ))}
    </div>
  );
}

function Timeline({ c, meetings }: { c: Case; meetings: Meeting[] }) {
  const { t, lang } = useI18n();
  const followUps = useFollowUps(c.id);
  const entries = timeline(c.phase_history, followUps.data?.items ?? [], meetings);
  return (
    <div className="mt-5">
      <h3>{t('meetings.timeline.heading')}</h3>
      {entries.length === 0 ? (
        <p>{t('meetings.timeline.empty')}</p>
      ) : (
        <ol className="meeting-timeline" aria-label={t('meetings.timeline.label')}>
          {entries.map((e) => (
            <li key={e.key}>
              {e.kind === 'phase' && (
                <>
                  <span className="timeline-date">{formatDay(e.at, lang)}</span>{' '}
                  {e.change.from
                    ? t('meetings.timeline.phase', { from: t(`cases.labels.phase.${e.change.from}`), to: t(`cases.labels.phase.${e.change.to}`) })
                    : t('meetings.timeline.opened', { phase: t(`cases.labels.phase.${e.change.to}`) })}{' '}
                  <span className="score-meta">{t('meetings.timeline.by', { name: e.change.by.name })}</span>
                </>
              )}
              {e.kind === 'followUp' && (
                <>
                  <span className="timeline-date">{formatDate(e.at, lang)}</span> {t('meetings.timeline.followUp')}{' '}
                  <span className="score-meta">
                    {t('meetings.timeline.by', { name: e.followUp.by })} · {t('meetings.timeline.nextFollowUp', { date: formatDate(e.followUp.next_follow_up_date, lang) })}
                  </span>
                </>
              )}
              {e.kind === 'meeting' && (
                <>
                  <span className="timeline-date">{formatDay(e.at, lang)}</span>{' '}
                  <Link to={`/sager/${c.id}/moeder/${e.meeting.id}`}>
                    {t('meetings.timeline.meeting', { form: t(`meetings.form.${e.meeting.form}`), status: t(`meetings.status.${e.meeting.status}`) })}
                  </Link>
                </>
              )}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
