// The meeting's four steps as a DKFDS step indicator: each a link to its
// step (?trin=), the current one marked with aria-current="step", and
// whether it is filled in said in words, not by colour.
import { Link } from 'react-router';
import { useI18n } from '@/lib/i18n';
import { STEP_SLUG, STEPS, type Step } from '../flow';

export function StepIndicator({ current, done }: { current: Step; done: Record<Step, boolean> }) {
  const { t } = useI18n();
  return (
    <nav aria-label={t('meetings.page.stepsLabel')} className="meeting-steps">
      <ol className="step-indicator">
        {STEPS.map((s, i) => {
          const here = s === current;
          return (
            <li key={s} className={here ? 'current' : undefined}>
              <Link to={{ search: `?trin=${STEP_SLUG[s]}` }} replace state={{ stepChosen: true }} className="step" aria-current={here ? 'step' : undefined}>
                <span className="step-number">
                  <span>{i + 1}</span>
                </span>
                <div>
                  <span className="step-title">{t(`meetings.steps.${s}`)}</span>
                  <span className="step-information">
                    {here ? `${t('meetings.page.current')} · ` : ''}
                    {done[s] ? t('meetings.page.done') : t('meetings.page.notDone')}
                  </span>
                </div>
              </Link>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
