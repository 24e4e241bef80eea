// "Mål" on the case page: main goals with their sub-goals, the case's GAS
// score in plain words, and the ways on: new goal, "Min plan", the board and
// a new follow-up.
import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { ProblemAlert } from '@/components/problem';
import { Spinner } from '@/components/spinner';
import { caseQuery } from '@/features/cases/api/get-case';
import { Section } from '@/features/cases/components/detail/section';
import { useGoals } from '@/features/goals/api/list-goals';
import { goalTree } from '@/features/goals/tree';
import { useI18n } from '@/lib/i18n';
import { GoalSummary } from './goal-summary';
import './goals.css';

export function GoalsSection({ caseId }: { caseId: string }) {
  const { t, lang } = useI18n();
  // The case page has just read the case; take it from there, not again.
  const c = useQuery({ ...caseQuery(caseId), refetchOnMount: false }).data?.data;
  const goals = useGoals(caseId);
  const open = c?.status === 'open';
  const dreams = c?.dreams ?? [];
  const gas = goals.data?.gas;
  const tree = goals.data ? goalTree(goals.data.items) : [];

  return (
    <Section heading={t('goals.section.heading')}>
      <p>{t('goals.section.intro')}</p>
      <nav aria-label={t('goals.section.links')}>
        <ul className="nobullet-list goal-links">
          {open && (
            <li>
              <Link to={`/sager/${caseId}/maal/ny`} className="button button-primary">
                {t('goals.section.newGoal')}
              </Link>
            </li>
          )}
          <li>
            <Link to={`/sager/${caseId}/min-plan`}>{t('goals.section.plan')}</Link>
          </li>
          <li>
            <Link to={`/sager/${caseId}/tavle`}>{t('goals.section.board')}</Link>
          </li>
          {open && (
            <li>
              <Link to={`/sager/${caseId}/opfoelgning`}>{t('goals.section.followUp')}</Link>
            </li>
          )}
        </ul>
      </nav>
      {gas && (
        <div className="mt-5">
          <p className="mb-0">
            <strong>{t('goals.section.gas', { score: gas.t_score.toLocaleString(lang === 'da' ? 'da-DK' : 'en-GB', { maximumFractionDigits: 1 }) })}</strong>
          </p>
          <p className="mt-0">{t('goals.section.gasExplain', { n: gas.goals_counted })}</p>
        </div>
      )}
      {goals.isPending ? (
        <Spinner />
      ) : goals.isError ? (
        <ProblemAlert error={goals.error} />
      ) : tree.length === 0 ? (
        <p>{t('goals.section.empty')}</p>
      ) : (
        <ul className="nobullet-list goal-list">
          {tree.map(({ goal: g, subs }) => (
            <li key={g.id}>
              <h3 className="mb-0">
                <Link to={`/sager/${caseId}/maal/${g.id}`}>{g.title}</Link>
              </h3>
              <GoalSummary g={g} dreams={dreams} />
              {subs.length > 0 && (
                <ul className="nobullet-list goal-sublist" aria-label={`${t('goals.section.subGoals')}: ${g.title}`}>
                  {subs.map((s) => (
                    <li key={s.id}>
                      <h4 className="mb-0">
                        <Link to={`/sager/${caseId}/maal/${s.id}`}>{s.title}</Link>
                      </h4>
                      <GoalSummary g={s} dreams={dreams} />
                    </li>
                  ))}
                </ul>
              )}
              {open && !g.parent_id && (
                <p>
                  <Link to={`/sager/${caseId}/maal/ny?hovedmaal=${g.id}`}>
                    {t('goals.section.newSubGoal')}
                    <span className="sr-only"> {t('goals.section.subGoalFor', { title: g.title })}</span>
                  </Link>
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
