// "Sådan har vi beskrevet målet": every SMART part under the question the
// guided form asked, the SMART check, who takes part, and the GAS levels.
import type { ReactNode } from 'react';
import type { Case } from '@/features/cases/api/get-case';
import { formatDate } from '@/features/cases/components/list/format';
import type { Goal } from '@/features/goals/api/list-goals';
import { GAS_KEYS, GAS_VALUE } from '@/features/goals/goal-form-model';
import { hintText, ordered } from '@/features/goals/smart';
import { useI18n } from '@/lib/i18n';

export function GoalDescription({ g, dreams }: { g: Goal; dreams: Case['dreams'] }) {
  const { t, lang } = useI18n();
  const dream = g.dream_id ? dreams.find((d) => d.id === g.dream_id) : undefined;
  const rows: { label: string; value: ReactNode }[] = [
    { label: t('goals.form.dream'), value: dream ? <blockquote className="goal-dream">{dream.text}</blockquote> : '' },
    { label: t('goals.form.specific'), value: g.specific },
    { label: t('goals.form.indicator'), value: g.measurable_indicator },
    { label: t('goals.form.target'), value: g.measurable_target },
    { label: t('goals.form.steps_'), value: g.achievable_steps },
    { label: t('goals.form.resources'), value: g.achievable_resources },
    { label: t('goals.form.relevant'), value: g.relevant },
    { label: t('goals.form.targetDate'), value: formatDate(g.target_date, lang) },
    { label: t('goals.form.horizon'), value: t(`goals.horizon.${g.horizon}`) },
  ];
  const unmet = ordered(g.smart.criteria).filter((c) => !c.met);
  return (
    <>
      <dl className="goal-facts">
        {rows.map((r) => (
          <div key={r.label}>
            <dt>{r.label}</dt>
            <dd>{r.value || <span className="weight-normal">{t('common.notSet')}</span>}</dd>
          </div>
        ))}
      </dl>
      <h3>{t('goals.check.heading')}</h3>
      {g.smart.met ? (
        <p>
          <strong className="badge badge-success">{t('goals.section.smartMet')}</strong>
        </p>
      ) : (
        <ul>
          {unmet.map((c) => (
            <li key={c.key}>
              <strong>{t(`goals.criteria.${c.key}`)}</strong>: {hintText(t, c)}
            </li>
          ))}
        </ul>
      )}
      <h3>{t('goals.form.steps.participants')}</h3>
      {g.participants.length === 0 ? (
        <p>{t('goals.page.participantsEmpty')}</p>
      ) : (
        <ul>
          {g.participants.map((p, i) => (
            <li key={i}>
              <strong>{t(`goals.participant.${p.kind}`)}</strong>
              {p.name && ` (${p.name})`}
              {p.task && `: ${p.task}`}
            </li>
          ))}
        </ul>
      )}
      {g.gas_levels && (
        <>
          <h3>{t('goals.page.gasHeading')}</h3>
          <dl className="goal-facts">
            {GAS_KEYS.map((k) => (
              <div key={k}>
                <dt>
                  {t(`goals.form.gasLevel.${k}`)}
                  {g.gas_attained === GAS_VALUE[k] && (
                    <>
                      {' '}
                      <strong className="badge badge-success">{t('goals.page.gasAttained')}</strong>
                    </>
                  )}
                </dt>
                <dd>{g.gas_levels![k]}</dd>
              </div>
            ))}
          </dl>
        </>
      )}
    </>
  );
}
