// A goal in a few lines, for lists (the case page's goals, a goal's
// sub-goals): status, target date, the dream it serves in the citizen's own
// words, whether it is SMART, and the latest citizen and caseworker values.
import type { Case } from '@/features/cases/api/get-case';
import { formatDate } from '@/features/cases/components/list/format';
import type { Goal } from '@/features/goals/api/list-goals';
import { unmetNames } from '@/features/goals/smart';
import { latestOf } from '@/features/goals/tree';
import { joinList } from '@/features/cases/components/detail/facts';
import { useI18n } from '@/lib/i18n';
import { StatusBadge } from './status-badge';

export function GoalSummary({ g, dreams }: { g: Goal; dreams: Case['dreams'] }) {
  const { t, lang } = useI18n();
  const dream = g.dream_id ? dreams.find((d) => d.id === g.dream_id) : undefined;
  const unmet = unmetNames(t, g.smart.criteria);
  const citizen = latestOf(g, 'citizen');
  const caseworker = latestOf(g, 'caseworker');
  const latest = [
    citizen !== undefined ? `${t('goals.rater.citizen')}: ${citizen}` : '',
    caseworker !== undefined ? `${t('goals.rater.caseworker')}: ${caseworker}` : '',
  ].filter(Boolean);
  return (
    <dl className="goal-facts">
      <div>
        <dt>{t('goals.statusForm.heading')}</dt>
        <dd>
          <StatusBadge status={g.status} />
        </dd>
      </div>
      <div>
        <dt>{t('goals.section.targetDate')}</dt>
        <dd>{g.target_date ? formatDate(g.target_date, lang) : t('goals.section.noDate')}</dd>
      </div>
      {dream && (
        <div>
          <dt>{t('goals.section.dream')}</dt>
          <dd>
            <blockquote className="goal-dream">{dream.text}</blockquote>
          </dd>
        </div>
      )}
      <div>
        <dt>{t('goals.section.smart')}</dt>
        <dd>
          {g.smart.met ? (
            <strong className="badge badge-success">{t('goals.section.smartMet')}</strong>
          ) : (
            t('goals.section.smartMissing', { list: joinList(unmet, lang) })
          )}
        </dd>
      </div>
      <div>
        <dt>{t('goals.section.latest')}</dt>
        <dd>{latest.length ? latest.join(' · ') : t('goals.section.noProgress')}</dd>
      </div>
    </dl>
  );
}
