// "Min plan": the citizen's plan, addressed to the citizen in plain words and
// large, high-contrast type. The API sends no CPR number; nothing here adds
// internal words (phases, paragraphs of law, method names).
import { useId, type ReactNode } from 'react';
import { useI18n } from '@/lib/i18n';
import type { Plan, PlanGoal } from '../../api/plan';
import { contactLines, longDate, participantName } from './plan-words';
import './plan.css';

function PlanSection({ heading, children, className }: { heading: string; children: ReactNode; className?: string }) {
  const id = useId();
  return (
    <section aria-labelledby={id} className={`plan-section${className ? ' ' + className : ''}`}>
      <h2 id={id}>{heading}</h2>
      {children}
    </section>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="plan-fact">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function GoalCard({ g, caseworkerName, level }: { g: PlanGoal; caseworkerName: string; level: 3 | 4 }) {
  const { t, lang } = useI18n();
  const H = level === 3 ? 'h3' : 'h4';
  const titleId = useId();
  const hasValues = g.citizen_latest !== undefined || g.caseworker_latest !== undefined;
  const subs = g.sub_goals ?? [];
  return (
    <article className={level === 3 ? 'plan-goal' : 'plan-subgoal'} aria-labelledby={titleId}>
      <H className="plan-goal-title" id={titleId}>
        {g.title}
      </H>
      <dl className="plan-facts">
        {g.what_changes.trim() && <Fact label={t('goals.plan.goals.whatChanges')}>{g.what_changes}</Fact>}
        {g.dream?.trim() && <Fact label={t('goals.plan.goals.dream')}>{g.dream}</Fact>}
        {g.next_steps.trim() && <Fact label={t('goals.plan.goals.nextSteps')}>{g.next_steps}</Fact>}
        {g.participants.length > 0 && (
          <Fact label={t('goals.plan.goals.who')}>
            <ul className="plan-list">
              {g.participants.map((p, i) => (
                <li key={i}>
                  <strong>{participantName(p, caseworkerName, t)}</strong>
                  {p.task?.trim() ? `: ${p.task.trim()}` : ''}
                </li>
              ))}
            </ul>
          </Fact>
        )}
        {g.target_date && (
          <Fact label={t('goals.plan.goals.when')}>{t('goals.plan.goals.whenValue', { date: longDate(g.target_date, lang, false) })}</Fact>
        )}
        <Fact label={t('goals.plan.goals.howItGoes')}>
          {hasValues ? (
            <ul className="plan-list">
              {g.citizen_latest !== undefined && <li>{t('goals.plan.goals.citizenValue', { value: g.citizen_latest })}</li>}
              {g.caseworker_latest !== undefined && <li>{t('goals.plan.goals.caseworkerValue', { value: g.caseworker_latest })}</li>}
            </ul>
          ) : (
            t('goals.plan.goals.notYet')
          )}
        </Fact>
      </dl>
      {subs.length > 0 && (
        <div className="plan-subgoals">
          <p className="plan-subgoals-heading">{t('goals.plan.goals.subGoals')}</p>
          {subs.map((s) => (
            <GoalCard key={s.id} g={s} caseworkerName={caseworkerName} level={4} />
          ))}
        </div>
      )}
    </article>
  );
}

function ReachedCard({ g }: { g: PlanGoal }) {
  const { t } = useI18n();
  const titleId = useId();
  return (
    <article className="plan-goal plan-reached" aria-labelledby={titleId}>
      <h3 className="plan-goal-title" id={titleId}>
        {g.title}
      </h3>
      {g.what_now?.trim() && (
        <dl className="plan-facts">
          <Fact label={t('goals.plan.reached.whatNow')}>{g.what_now}</Fact>
        </dl>
      )}
    </article>
  );
}

export function PlanView({ plan }: { plan: Plan }) {
  const { t, lang } = useI18n();
  const contact = contactLines(plan.contact, t);
  return (
    <div className="plan-body">
      <PlanSection heading={t('goals.plan.dreams.heading')}>
        {plan.dreams.length ? (
          <ul className="plan-list plan-dreams">
            {plan.dreams.map((d, i) => (
              <li key={i}>{d}</li>
            ))}
          </ul>
        ) : (
          <p>{t('goals.plan.dreams.empty')}</p>
        )}
      </PlanSection>

      <PlanSection heading={t('goals.plan.goals.heading')}>
        {plan.goals.length ? (
          plan.goals.map((g) => <GoalCard key={g.id} g={g} caseworkerName={plan.caseworker_name} level={3} />)
        ) : (
          <p>{t('goals.plan.goals.empty')}</p>
        )}
      </PlanSection>

      <PlanSection heading={t('goals.plan.reached.heading')}>
        {plan.reached.length ? (
          <>
            {plan.reached.map((g) => (
              <ReachedCard key={g.id} g={g} />
            ))}
            <p>{t('goals.plan.reached.support')}</p>
          </>
        ) : (
          <p>{t('goals.plan.reached.empty')}</p>
        )}
      </PlanSection>

      <PlanSection heading={t('goals.plan.next.heading')}>
        {plan.next_meeting ? <p className="plan-next">{longDate(plan.next_meeting, lang)}</p> : <p>{t('goals.plan.next.none')}</p>}
      </PlanSection>

      <PlanSection heading={t('goals.plan.contact.heading')}>
        {contact.length ? (
          <dl className="plan-facts">
            {contact.map((l) => (
              <Fact key={l.key} label={l.heading}>
                <ul className="plan-list">
                  {l.items.map((x, i) => (
                    <li key={i}>{x}</li>
                  ))}
                </ul>
              </Fact>
            ))}
          </dl>
        ) : (
          <p>{t('goals.plan.contact.empty')}</p>
        )}
      </PlanSection>

      <PlanSection heading={t('goals.plan.agreements.heading')}>
        {plan.agreements.length ? (
          <ul className="plan-list plan-agreements">
            {plan.agreements.map((a, i) => (
              <li key={i}>{a}</li>
            ))}
          </ul>
        ) : (
          <p>{t('goals.plan.agreements.empty')}</p>
        )}
      </PlanSection>
    </div>
  );
}
