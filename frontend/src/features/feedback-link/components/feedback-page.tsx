// The citizen's page for a feedback link (/feedback/:token), on their own
// phone, without an account. It shows only the first name, the meeting date
// and the parts to answer — one at a time, in the order of the meeting:
// how it has gone and what to talk about (before), how the meeting was
// (after). A part sent shows as answered, with a thank-you, and the next
// one follows. A link that is unknown, expired or used up says so plainly.
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { Alert } from '@/components/alert';
import { Spinner } from '@/components/spinner';
import { ApiError } from '@/lib/api/client';
import { useI18n, type Lang } from '@/lib/i18n';
import { useOpenLink, type LinkView } from '../api/open-link';
import { BEFORE_MEETING, currentPart, formatMeetingDate, orderedParts, type Outcome, type Part } from '../feedback-model';
import { QuestionsForm } from './questions-form';
import { ScaleForm } from './scale-form';
import { TopicsForm } from './topics-form';
import './feedback-link.css';

const isLang = (l: string | null): l is Lang => l === 'da' || l === 'en';

export function FeedbackPage() {
  const { token = '' } = useParams();
  const [params] = useSearchParams();
  const { t, lang, setLang } = useI18n();

  // ?lang=en picks the language once, before the first call (which fetches
  // the wording in that language); the switch in the header changes it after.
  const wanted = params.get('lang');
  const [langReady, setLangReady] = useState(!isLang(wanted) || wanted === lang);
  useEffect(() => {
    if (!langReady && isLang(wanted)) setLang(wanted);
    setLangReady(true);
  }, []); // only on arrival: afterwards the switch decides

  // Parts answered on this visit. Once all are, the link is used up and the
  // server would say 404: the page then stops asking and says thank you.
  const [doneHere, setDoneHere] = useState<ReadonlyMap<Part, Outcome>>(new Map());
  const [lastDone, setLastDone] = useState<{ part: Part; outcome: Outcome } | null>(null);
  const lastView = useRef<LinkView | null>(null);
  const allDoneHere = lastView.current !== null && orderedParts(lastView.current, doneHere).every((p) => p.done);

  const query = useOpenLink(token, lang, langReady && !allDoneHere);
  if (query.data) lastView.current = query.data;
  const view = allDoneHere ? lastView.current : query.data;

  useEffect(() => {
    document.title = `${t('feedbackLink.documentTitle')} – ${t('common.appName')}`;
  }, [t]);

  if (!view) {
    if (query.isError) return <LoadFailure error={query.error} onRetry={() => void query.refetch()} />;
    return <Spinner label={t('feedbackLink.loading')} />;
  }

  const parts = orderedParts(view, doneHere);
  const now = currentPart(parts);
  const name = view.first_name.trim();

  function onDone(part: Part, outcome: Outcome) {
    setDoneHere((prev) => new Map(prev).set(part, outcome));
    setLastDone({ part, outcome });
  }

  return (
    <div className="fl">
      <h1>{name ? t('feedbackLink.greeting', { name }) : t('feedbackLink.greetingNoName')}</h1>
      <p className="font-lead fl-meeting">{t('feedbackLink.meeting', { date: formatMeetingDate(view.meeting_date, lang) })}</p>

      {parts.length > 1 && (
        <div className="fl-overview">
          <h2 id="fl-overview-heading" className="h4">
            {t('feedbackLink.overview.heading')}
          </h2>
          <ol className="fl-steps" aria-labelledby="fl-overview-heading">
            {parts.map((p) => (
              <li key={p.part} className={p.outcome === 'refused' ? 'fl-step-refused' : p.done ? 'fl-step-done' : p.part === now ? 'fl-step-now' : undefined} aria-current={p.part === now ? 'step' : undefined}>
                <span className="fl-step-name">{t(`feedbackLink.parts.${p.part}`)}</span>{' '}
                <span className="fl-step-state">
                  {p.outcome === 'refused'
                    ? t('feedbackLink.overview.notSent')
                    : p.done
                      ? t('feedbackLink.overview.done')
                      : p.part === now
                        ? t('feedbackLink.overview.now')
                        : t('feedbackLink.overview.todo')}
                </span>
              </li>
            ))}
          </ol>
        </div>
      )}

      {now === null ? (
        <FinalThanks lastDone={lastDone} />
      ) : (
        <>
          {lastDone && (
            <Alert variant={lastDone.outcome === 'refused' ? 'warning' : 'success'}>
              {t(`feedbackLink.thanks.${lastDone.outcome === 'sent' ? 'part' : lastDone.outcome}`)} {t('feedbackLink.thanks.next')}
            </Alert>
          )}
          <section key={now} className="fl-part" aria-labelledby="fl-part-heading">
            <PartHeading focus={lastDone !== null}>
              <span className="fl-part-step">
                {t('feedbackLink.stepOf', { n: parts.findIndex((p) => p.part === now) + 1, total: parts.length })} ·{' '}
                {BEFORE_MEETING.has(now) ? t('feedbackLink.when.before') : t('feedbackLink.when.after')}
              </span>
              {t(`feedbackLink.parts.${now}`)}
            </PartHeading>
            {now === 'ors' || now === 'srs' ? (
              <ScaleForm token={token} scale={now} wording={view.wording} onDone={onDone} />
            ) : now === 'questions' ? (
              <QuestionsForm token={token} wording={view.wording} onDone={onDone} />
            ) : (
              <TopicsForm token={token} wording={view.wording} onDone={onDone} />
            )}
          </section>
        </>
      )}
    </div>
  );
}

/** The heading of the part to answer; after a part is sent it takes focus, so the next part is read from its start. */
function PartHeading({ focus, children }: { focus: boolean; children: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focus) ref.current?.focus();
  }, [focus]);
  return (
    <h2 id="fl-part-heading" ref={ref} tabIndex={-1} className="fl-part-heading">
      {children}
    </h2>
  );
}

function FinalThanks({ lastDone }: { lastDone: { outcome: Outcome } | null }) {
  const { t } = useI18n();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <div ref={ref} tabIndex={-1} className="fl-thanks">
      <Alert variant="success" heading={t('feedbackLink.thanks.allTitle')}>
        {lastDone?.outcome === 'already' && <p>{t('feedbackLink.thanks.already')}</p>}
        {lastDone?.outcome === 'refused' && <p>{t('feedbackLink.thanks.refused')}</p>}
        <p>{t('feedbackLink.thanks.allBody')}</p>
      </Alert>
    </div>
  );
}

function LoadFailure({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useI18n();
  const status = error instanceof ApiError ? error.status : 0;
  if (status === 404 || status === 400 || status === 422) {
    return (
      <div className="fl">
        <h1>{t('feedbackLink.gone.title')}</h1>
        <p className="font-lead">{t('feedbackLink.gone.body')}</p>
      </div>
    );
  }
  return (
    <div className="fl">
      <h1>{t('feedbackLink.documentTitle')}</h1>
      <Alert variant="error">
        {status === 429 ? t('feedbackLink.errors.rateLimited') : status === 0 ? t('feedbackLink.errors.loadNetwork') : t('feedbackLink.errors.generic')}
      </Alert>
      <div className="fl-actions">
        <button type="button" className="button button-secondary" onClick={onRetry}>
          {t('feedbackLink.errors.retry')}
        </button>
      </div>
    </div>
  );
}
