// "Sager der kræver opmærksomhed" on the case list: open feedback signals on
// the caseworker's own cases (GET /signals?mine=true), oldest first, each
// with the citizen, what happened in plain words, the meeting and a link to
// the case. Nothing is shown when there is nothing to attend to.
import { Link } from 'react-router';
import { ProblemAlert } from '@/components/problem';
import { formatDay } from '@/features/cases/components/list/format';
import { useI18n } from '@/lib/i18n';
import { useMySignals } from '../api/signals';
import './feedback.css';

export function AttentionPanel({ enabled }: { enabled: boolean }) {
  const { t, lang } = useI18n();
  const q = useMySignals(enabled);
  if (!enabled || q.isPending) return null;
  if (q.isError) return <ProblemAlert error={q.error} />;
  if (q.data.length === 0) return null;
  return (
    <section className="attention-panel" aria-labelledby="attention-heading">
      <h2 id="attention-heading" className="h3">
        {t('feedback.attention.heading')}
      </h2>
      <p>{t('feedback.attention.intro')}</p>
      <div className="table--responsive-scroll" tabIndex={0} role="region" aria-labelledby="attention-caption">
        <table className="table table--compact">
          <caption id="attention-caption" className="sr-only">
            {t('feedback.attention.caption')}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('feedback.attention.citizen')}</th>
              <th scope="col">{t('feedback.attention.what')}</th>
              <th scope="col">{t('feedback.attention.meeting')}</th>
            </tr>
          </thead>
          <tbody>
            {q.data.map((s) => (
              <tr key={s.id}>
                <th scope="row">
                  <Link to={`/sager/${s.case_id}`} aria-label={t('feedback.attention.openCase', { name: s.citizen_name })}>
                    {s.citizen_name}
                  </Link>
                </th>
                <td>{t(`feedback.signal.kind.${s.kind}`)}</td>
                <td>{formatDay(s.meeting_starts_at, lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
