// /sager/:id/moeder/:meetingId: a meeting run with the citizen beside the
// caseworker, on a tablet, as four steps (in the URL, ?trin=): 1 Plan (with
// "you said — we did" from the last meeting at the top), 2 ORS (entered on
// the scales here, or on the citizen's own phone through a link and QR
// code), 3 Noter, 4 SRS and the three questions; an alliance signal after
// the SRS is shown at once with "what will change". Recorded scores can be
// corrected with a reason ("Ret").
import { useEffect, useRef, useState } from 'react';
import { Link, useLocation, useParams, useSearchParams } from 'react-router';
import { Alert } from '@/components/alert';
import { PageHeading } from '@/components/page-heading';
import { ProblemAlert } from '@/components/problem';
import { Spinner } from '@/components/spinner';
import { useCase } from '@/features/cases/api/get-case';
import { FocusNotice } from '@/features/cases/components/detail/change-problem';
import { formatDateTime } from '@/features/cases/components/list/format';
import { RATERS, useFit, type Rater, type Score } from '@/features/feedback/api/get-fit';
import { useMeetingFeedback, type MeetingFeedback } from '@/features/feedback/api/get-meeting-feedback';
import { useWording, type FitWording } from '@/features/feedback/api/get-wording';
import { FeedbackLinkPanel } from '@/features/feedback/components/feedback-link-panel';
import { LastMeeting } from '@/features/feedback/components/last-meeting';
import { AnswersView, QuestionsForm } from '@/features/feedback/components/questions-form';
import { ScoreCard } from '@/features/feedback/components/score-card';
import { itemLabel, ScoreForm } from '@/features/feedback/components/score-form';
import { SignalCard } from '@/features/feedback/components/signal-card';
import '@/features/feedback/components/feedback.css';
import { formatNumber, formatScore } from '@/features/feedback/format';
import { ITEM_KEYS } from '@/features/feedback/score-model';
import { useI18n } from '@/lib/i18n';
import { useMeeting } from '../api/get-meeting';
import type { Versioned } from '../api/keys';
import type { Meeting } from '../api/list-meetings';
import { neighbours, startStep, STEP_SLUG, stepFromSlug, STEPS, stepsDone, type Step } from '../flow';
import { NotesForm } from './notes-form';
import { PlanForm } from './plan-form';
import { StepIndicator } from './step-indicator';
import './meetings.css';

export function MeetingPage() {
  const { t, lang } = useI18n();
  const { id: caseId = '', meetingId = '' } = useParams();
  const [sp] = useSearchParams();
  const location = useLocation();
  const caseQ = useCase(caseId);
  const meetingQ = useMeeting(meetingId);
  const feedbackQ = useMeetingFeedback(meetingId);
  const wording = useWording(lang).data;

  useEffect(() => {
    document.title = `${t('meetings.page.documentTitle')} – ${t('common.appName')}`;
  }, [t]);

  const back = (
    <Link to={`/sager/${caseId}`} className="back-link">
      {t('meetings.page.backToCase')}
    </Link>
  );
  const m = meetingQ.data;
  const c = caseQ.data?.data;
  const fb = feedbackQ.data;
  if (!m || !c || !fb) {
    const error = meetingQ.error ?? caseQ.error ?? feedbackQ.error;
    return (
      <>
        {back}
        {error ? (
          <>
            <PageHeading>{t('meetings.page.documentTitle')}</PageHeading>
            <ProblemAlert error={error} />
          </>
        ) : (
          <Spinner />
        )}
      </>
    );
  }

  const done = stepsDone(m.data, fb);
  const step = stepFromSlug(sp.get('trin')) ?? startStep(done, new Date(m.data.starts_at) <= new Date());
  const created = (location.state as { created?: boolean } | null)?.created === true;

  return (
    <>
      {back}
      <PageHeading>{t('meetings.page.title', { date: formatDateTime(m.data.starts_at, lang) })}</PageHeading>
      <p className="font-lead">
        {t('meetings.page.citizen', { name: c.citizen.name })} · {t(`meetings.form.${m.data.form}`)} · {t(`meetings.status.${m.data.status}`)}
      </p>
      {created && <FocusNotice text={t('meetings.page.created')} />}
      {c.status === 'closed' && <Alert variant="warning">{t('meetings.page.closedCase')}</Alert>}
      <div className="meeting-layout">
        <StepIndicator current={step} done={done} />
        <div className="meeting-step">
          <StepBody key={step} step={step} meeting={m} feedback={fb} wording={wording} closed={c.status === 'closed'} caseId={caseId} />
          <StepLinks step={step} />
        </div>
      </div>
    </>
  );
}

function StepBody(props: {
  step: Step;
  meeting: Versioned<Meeting>;
  feedback: MeetingFeedback;
  wording: FitWording | undefined;
  closed: boolean;
  caseId: string;
}) {
  const { t } = useI18n();
  const { step, meeting, feedback, wording, closed } = props;
  const ref = useRef<HTMLHeadingElement>(null);
  const location = useLocation();
  // A step chosen on the page (not the one shown on arrival) takes focus at its heading.
  const chosen = (location.state as { stepChosen?: boolean } | null)?.stepChosen === true;
  useEffect(() => {
    if (chosen) ref.current?.focus();
    // Only when the step appears.
  }, []);
  const n = STEPS.indexOf(step) + 1;
  return (
    <section aria-labelledby="meeting-step-heading">
      <h2 id="meeting-step-heading" ref={ref} tabIndex={-1} className="meeting-step-heading">
        {n}. {t(`meetings.steps.${step}`)}
      </h2>
      <p>{t(`meetings.stepIntro.${step}`)}</p>
      {step === 'plan' && (
        <>
          <LastMeeting signals={feedback.from_last_meeting} />
          {closed ? null : <PlanForm key={meeting.data.version} caseId={props.caseId} meeting={meeting} />}
          {/* Before the meeting: the citizen's own topics for the agenda, from their phone. */}
          {!closed && meeting.data.status === 'planned' && <FeedbackLinkPanel meetingId={meeting.data.id} planned defaultParts={['topics']} />}
        </>
      )}
      {step === 'ors' && (
        <ScoreStep scale="ors" meetingId={meeting.data.id} planned={meeting.data.status === 'planned'} scores={feedback.ors} wording={wording} closed={closed} />
      )}
      {step === 'notes' && (closed ? null : <NotesForm meeting={meeting} />)}
      {step === 'srs' && (
        <>
          <ScoreStep scale="srs" meetingId={meeting.data.id} planned={meeting.data.status === 'planned'} scores={feedback.srs} wording={wording} closed={closed} />
          <Signals feedback={feedback} wording={wording} caseId={props.caseId} />
          <section aria-labelledby="questions-heading" className="mt-7">
            <h3 id="questions-heading">{t('feedback.questions.heading')}</h3>
            {feedback.answers ? (
              <AnswersView answers={feedback.answers} wording={wording} />
            ) : closed ? null : (
              <>
                <p>{t('feedback.questions.intro')}</p>
                <QuestionsForm meetingId={meeting.data.id} wording={wording} />
              </>
            )}
          </section>
        </>
      )}
    </section>
  );
}

/** The ORS or SRS step: what is recorded (with "Ret"), and the form for whoever has not answered yet. */
function ScoreStep(props: {
  scale: 'ors' | 'srs';
  meetingId: string;
  planned: boolean;
  scores: Score[];
  wording: FitWording | undefined;
  closed: boolean;
}) {
  const { t, lang } = useI18n();
  const { scale, wording } = props;
  const [saved, setSaved] = useState<Score>();
  const taken = new Set(props.scores.map((s) => s.rater));
  // The SRS is about the meeting with the citizen; the ORS may also come from a relative or provider.
  const raters: Rater[] = (scale === 'ors' ? [...RATERS] : (['citizen'] as Rater[])).filter((r) => !taken.has(r));
  const intro = scale === 'ors' ? wording?.ors_intro : wording?.srs_intro;
  const name = t(`feedback.scale.${scale}`);
  return (
    <>
      {saved && <FocusNotice text={t('feedback.score.saved', { scale: name, total: formatScore(saved.total, lang) })} />}
      {props.scores.map((s) => (
        <ScoreCard key={s.id} score={s} wording={wording} canCorrect={!props.closed} />
      ))}
      {!props.closed && raters.length > 0 && (
        <div className="mt-5">
          {props.scores.length > 0 && <h3>{t('feedback.score.another', { scale: name })}</h3>}
          {intro && <p className="font-lead">{intro}</p>}
          <ScoreForm key={props.scores.length} scale={scale} meetingId={props.meetingId} wording={wording} raters={raters} onSaved={setSaved} />
        </div>
      )}
      {raters.length === 0 && <p>{t('feedback.score.allDone', { scale: name })}</p>}
      {!props.closed && scale === 'ors' && <FeedbackLinkPanel meetingId={props.meetingId} planned={props.planned} />}
    </>
  );
}

/** The meeting's signals: an alliance signal right after the SRS, and anything else the feedback raised, each with "what will change". */
function Signals({ feedback, wording, caseId }: { feedback: MeetingFeedback; wording: FitWording | undefined; caseId: string }) {
  const { t, lang } = useI18n();
  const line = useFit(caseId).data?.thresholds.alliance_total ?? 36;
  const alliance = feedback.srs.find((s) => s.alliance_signal);
  if (!alliance && feedback.signals.length === 0) return null;
  const low = alliance?.low_items.map((k) => itemLabel(wording, 'srs', (ITEM_KEYS.srs as readonly string[]).indexOf(k), t(`feedback.item.${k}`)));
  return (
    <section aria-labelledby="meeting-signals-heading" className="mt-7">
      {alliance && (
        <Alert variant="warning" heading={t('feedback.signal.allianceHeading')}>
          <p className="mt-0">
            {t('feedback.signal.allianceBody', { total: formatScore(alliance.total, lang), line: formatNumber(line, lang) })}
            {low && low.length > 0 && ` ${t('feedback.signal.allianceLow', { items: low.join(', ') })}`}
          </p>
        </Alert>
      )}
      <h3 id="meeting-signals-heading">{t('meetings.section.signalsHeading')}</h3>
      {feedback.signals.map((s) => (
        <SignalCard key={s.id} signal={s} />
      ))}
    </section>
  );
}

function StepLinks({ step }: { step: Step }) {
  const { t } = useI18n();
  const { previous, next } = neighbours(step);
  return (
    <div className="actions meeting-step-links">
      {previous && (
        <Link to={{ search: `?trin=${STEP_SLUG[previous]}` }} replace state={{ stepChosen: true }} className="button button-secondary button-large">
          {t('meetings.page.previous', { step: t(`meetings.steps.${previous}`) })}
        </Link>
      )}
      {next && (
        <Link to={{ search: `?trin=${STEP_SLUG[next]}` }} replace state={{ stepChosen: true }} className="button button-primary button-large">
          {t('meetings.page.next', { step: t(`meetings.steps.${next}`) })}
        </Link>
      )}
    </div>
  );
}
