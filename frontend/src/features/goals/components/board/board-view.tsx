// The meeting board: the goals being worked on as large cards in the
// citizen's words (dream, next steps, latest values), what we have agreed,
// and per goal today's values from the citizen and the caseworker, saved
// during the meeting. "Fuld skærm" shows only the board; "Print tavlen"
// prints a clean copy to take home.
import { useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { PageHeading } from '@/components/page-heading';
import { ProblemAlert } from '@/components/problem';
import { useI18n } from '@/lib/i18n';
import { PartlySavedError, useRecordValues, type Plan, type PlanGoal, type Rater } from '../../api/plan';
import { isoDate } from '../followup/followup-model';
import { contactLines, longDate } from '../plan/plan-words';
import { useFullscreen } from './use-fullscreen';
import { ValueScale } from './value-scale';
import './board.css';

export function BoardView({ caseId, plan, pending }: { caseId: string; plan?: Plan; pending?: ReactNode }) {
  const { t } = useI18n();
  const ref = useRef<HTMLDivElement>(null);
  const fs = useFullscreen(ref);
  return (
    <div ref={ref} className={`board${fs.mode === 'fallback' ? ' board--presenting' : ''}`}>
      <div className="board-head">
        <div className="board-head-text">
          <PageHeading>{t('goals.board.title')}</PageHeading>
          {plan && (
            <p className="board-who">
              {plan.caseworker_name
                ? t('goals.board.together', { citizen: plan.citizen_name, caseworker: plan.caseworker_name })
                : plan.citizen_name}
            </p>
          )}
        </div>
        {plan && (
          <div className="board-tools board-noprint">
            <button type="button" className="button button-secondary" onClick={() => void fs.toggle()}>
              {fs.on ? t('goals.board.exitFullscreen') : t('goals.board.fullscreen')}
            </button>
            <button type="button" className="button button-secondary" onClick={() => window.print()}>
              {t('goals.board.print')}
            </button>
            {fs.on && <p className="board-exit-hint">{t('goals.board.exitHint')}</p>}
          </div>
        )}
      </div>
      {plan ? <BoardContent caseId={caseId} plan={plan} /> : pending}
    </div>
  );
}

function BoardContent({ caseId, plan }: { caseId: string; plan: Plan }) {
  const { t, lang } = useI18n();
  const goalsId = useId();
  const agreedId = useId();
  const contact = contactLines(plan.contact, t);
  return (
    <>
      <section aria-labelledby={goalsId} className="board-section">
        <h2 id={goalsId}>{t('goals.board.goalsHeading')}</h2>
        {plan.goals.length ? (
          <ul className="board-cards nobullet-list no-max-width">
            {plan.goals.map((g) => (
              <li key={g.id}>
                <BoardCard caseId={caseId} g={g} />
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('goals.board.empty')}</p>
        )}
      </section>

      <section aria-labelledby={agreedId} className="board-section">
        <h2 id={agreedId}>{t('goals.board.agreementsHeading')}</h2>
        <div className="board-agreed">
          <div className="board-box">
            <h3>{t('goals.board.contactHeading')}</h3>
            {contact.length ? (
              <dl className="board-facts">
                {contact.map((l) => (
                  <div key={l.key}>
                    <dt>{l.heading}</dt>
                    <dd>{l.items.join(', ')}</dd>
                  </div>
                ))}
              </dl>
            ) : (
              <p>{t('goals.board.noContact')}</p>
            )}
            <dl className="board-facts">
              <div>
                <dt>{t('goals.board.nextMeeting')}</dt>
                <dd>{plan.next_meeting ? longDate(plan.next_meeting, lang) : t('goals.board.noNextMeeting')}</dd>
              </div>
            </dl>
          </div>
          <div className="board-box">
            <h3>{t('goals.board.expectationsHeading')}</h3>
            {plan.agreements.length ? (
              <ul className="board-list">
                {plan.agreements.map((a, i) => (
                  <li key={i}>{a}</li>
                ))}
              </ul>
            ) : (
              <p>{t('goals.board.noAgreements')}</p>
            )}
          </div>
        </div>
      </section>
    </>
  );
}

function BoardCard({ caseId, g }: { caseId: string; g: PlanGoal }) {
  const { t } = useI18n();
  const titleId = useId();
  const record = useRecordValues(caseId);
  const [citizen, setCitizen] = useState('');
  const [caseworker, setCaseworker] = useState('');
  const [status, setStatus] = useState('');
  const [missing, setMissing] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const subs = g.sub_goals ?? [];
  const hasLatest = g.citizen_latest !== undefined || g.caseworker_latest !== undefined;

  async function save(e: FormEvent) {
    e.preventDefault();
    if (record.isPending) return;
    setStatus('');
    setFailure(null);
    const values: Partial<Record<Rater, number>> = {};
    if (citizen) values.citizen = Number(citizen);
    if (caseworker) values.caseworker = Number(caseworker);
    if (values.citizen === undefined && values.caseworker === undefined) {
      setMissing(true);
      return;
    }
    setMissing(false);
    try {
      await record.mutateAsync({ goalId: g.id, measuredOn: isoDate(new Date()), values });
      const said = [
        values.citizen !== undefined ? t('goals.board.savedCitizen', { value: values.citizen }) : '',
        values.caseworker !== undefined ? t('goals.board.savedCaseworker', { value: values.caseworker }) : '',
      ].filter(Boolean);
      setStatus(t('goals.board.saved', { goal: g.title, values: said.join(', ') }));
      setCitizen('');
      setCaseworker('');
    } catch (err) {
      setFailure(err);
    }
  }

  return (
    <article className="board-card" aria-labelledby={titleId}>
      <h3 id={titleId} className="board-card-title">
        {g.title}
      </h3>
      <dl className="board-facts">
        {g.dream?.trim() && (
          <div>
            <dt>{t('goals.board.dream')}</dt>
            <dd>{g.dream}</dd>
          </div>
        )}
        {g.next_steps.trim() && (
          <div>
            <dt>{t('goals.board.nextSteps')}</dt>
            <dd>{g.next_steps}</dd>
          </div>
        )}
        {subs.length > 0 && (
          <div>
            <dt>{t('goals.board.subGoals')}</dt>
            <dd>
              <ul className="board-list">
                {subs.map((s) => (
                  <li key={s.id}>{s.title}</li>
                ))}
              </ul>
            </dd>
          </div>
        )}
        <div>
          <dt>{t('goals.board.latest')}</dt>
          <dd>
            {hasLatest ? (
              <ul className="board-values">
                {g.citizen_latest !== undefined && <li>{t('goals.board.citizenLatest', { value: g.citizen_latest })}</li>}
                {g.caseworker_latest !== undefined && <li>{t('goals.board.caseworkerLatest', { value: g.caseworker_latest })}</li>}
              </ul>
            ) : (
              t('goals.board.noValues')
            )}
          </dd>
        </div>
      </dl>

      <form className="board-rate board-noprint" onSubmit={save} noValidate>
        <h4 id={`${titleId}-rate`} className="board-rate-heading">
          {t('goals.board.rateHeading')}
        </h4>
        <ValueScale
          name={`${g.id}-citizen`}
          legend={t('goals.board.citizenToday')}
          hint={t('goals.board.scaleHint')}
          noneLabel={t('goals.board.notRated')}
          value={citizen}
          onChange={(v) => {
            setCitizen(v);
            setMissing(false);
          }}
        />
        <ValueScale
          name={`${g.id}-caseworker`}
          legend={t('goals.board.caseworkerToday')}
          hint={t('goals.board.scaleHint')}
          noneLabel={t('goals.board.notRated')}
          value={caseworker}
          onChange={(v) => {
            setCaseworker(v);
            setMissing(false);
          }}
        />
        {missing && (
          <div className="alert alert-error board-message" role="alert">
            <div className="alert-body">
              <p className="alert-text">{t('goals.board.chooseValue')}</p>
            </div>
          </div>
        )}
        {failure !== null && (
          <>
            {failure instanceof PartlySavedError && (
              <div className="alert alert-warning board-message" role="alert">
                <div className="alert-body">
                  <p className="alert-text">{t('goals.board.partlySaved')}</p>
                </div>
              </div>
            )}
            <ProblemAlert error={failure instanceof PartlySavedError ? failure.cause : failure} />
          </>
        )}
        <button type="submit" className="button button-primary" aria-disabled={record.isPending ? true : undefined}>
          {record.isPending ? t('goals.board.saving') : t('goals.board.save')}
        </button>
        <div role="status" aria-live="polite" aria-atomic="true" className={status ? 'board-status board-status--shown' : 'board-status'}>
          {status}
        </div>
      </form>
    </article>
  );
}
