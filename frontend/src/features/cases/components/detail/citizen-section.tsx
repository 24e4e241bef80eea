import { useState } from 'react';
import { ProblemAlert } from '@/components/problem';
import type { Case } from '@/features/cases/api/get-case';
import { useRevealCpr } from '@/features/cases/api/reveal-cpr';
import { useT } from '@/lib/i18n';
import { Section } from './section';

/**
 * Name and CPR number. The number is masked; showing it in full asks the API
 * each time (and is logged there), and hiding it forgets it again.
 */
export function CitizenSection({ c }: { c: Case }) {
  const t = useT();
  const reveal = useRevealCpr(c.id);
  const [shown, setShown] = useState(false);
  const full = shown ? reveal.data?.cpr : undefined;

  return (
    <Section heading={t('cases.detail.citizen.heading')}>
      <dl>
        <div className="mb-3">
          <dt className="weight-semibold">{t('cases.detail.citizen.name')}</dt>
          <dd className="ml-0">{c.citizen.name}</dd>
        </div>
        <div className="mb-3">
          <dt className="weight-semibold">{t('cases.detail.citizen.cpr')}</dt>
          <dd className="ml-0">
            <span aria-live="polite">{full ?? c.citizen.cpr}</span>
          </dd>
        </div>
      </dl>
      <p className="form-hint" id="cpr-reveal-hint">
        {t('cases.detail.citizen.revealHint')}
      </p>
      {/* One button that toggles, so focus stays on it. */}
      <button
        type="button"
        className="button button-secondary"
        aria-describedby={full ? undefined : 'cpr-reveal-hint'}
        aria-disabled={reveal.isPending ? true : undefined}
        onClick={() => {
          if (reveal.isPending) return;
          if (full) {
            setShown(false);
            reveal.reset();
          } else {
            setShown(true);
            reveal.mutate();
          }
        }}
      >
        {full
          ? t('cases.detail.citizen.hide')
          : reveal.isPending
            ? t('cases.detail.citizen.revealing')
            : t('cases.detail.citizen.reveal')}
      </button>
      {reveal.error && <ProblemAlert error={reveal.error} />}
    </Section>
  );
}
