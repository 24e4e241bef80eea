// The live SMART checklist beside the guided form: the five criteria, met or
// missing, each missing one with a plain-language hint that links to the
// field to fill in. It sits in a polite live region, so a screen reader
// hears a criterion change (not the whole list) when the server's answer
// arrives; the count line says how far the goal is.
import type { MouseEvent } from 'react';
import { fieldId } from '@/components/fields';
import type { SmartCheck } from '@/features/goals/api/check-goal';
import { useT } from '@/lib/i18n';
import { fieldOf, hintText, ordered } from '@/features/goals/smart';

function focusField(e: MouseEvent, path: string) {
  const el = document.getElementById(fieldId(path));
  if (el) {
    e.preventDefault();
    el.focus();
    el.scrollIntoView({ block: 'center' });
  }
}

export function SmartChecklist({ check, failed, sticky }: { check?: SmartCheck; failed?: boolean; sticky?: boolean }) {
  const t = useT();
  const criteria = check ? ordered(check.criteria) : [];
  const met = criteria.filter((c) => c.met).length;
  return (
    <section className={`goal-check${sticky ? ' goal-check-sticky' : ''}`} aria-labelledby="smart-check-heading">
      <h2 id="smart-check-heading" className="h3 mt-0">
        {t('goals.check.heading')}
      </h2>
      <p className="mt-0">{t('goals.check.intro')}</p>
      <div aria-live="polite" data-testid="smart-check">
        {check && (
          <>
            <p className="mb-0">
              <strong>{check.met ? t('goals.check.allMet') : t('goals.check.count', { met })}</strong>
            </p>
            <ul className="nobullet-list mb-0">
              {criteria.map((c) => (
                <li key={c.key}>
                  <strong>{t(`goals.criteria.${c.key}`)}</strong>:{' '}
                  <span className={`badge${c.met ? ' badge-success' : ' badge-warning'}`}>
                    <span aria-hidden="true">{c.met ? '✓ ' : '! '}</span>
                    {c.met ? t('goals.check.met') : t('goals.check.unmet')}
                  </span>
                  {!c.met && (
                    <p>
                      <a href={`#${fieldId(fieldOf(c))}`} onClick={(e) => focusField(e, fieldOf(c))}>
                        {hintText(t, c)}
                      </a>
                    </p>
                  )}
                </li>
              ))}
            </ul>
          </>
        )}
        {failed && <p>{t('goals.check.failed')}</p>}
      </div>
    </section>
  );
}
