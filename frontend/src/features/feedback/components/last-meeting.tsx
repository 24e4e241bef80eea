// "Sidst sagde du – det har vi gjort": the previous meeting's signals and
// what was done about them, to open the meeting with.
import { useI18n } from '@/lib/i18n';
import type { Signal } from '../api/signals';
import { dayMonth } from '../format';

export function LastMeeting({ signals }: { signals: readonly Signal[] }) {
  const { t, lang } = useI18n();
  if (signals.length === 0) return null;
  return (
    <section className="last-meeting" aria-labelledby="last-meeting-heading">
      <h3 id="last-meeting-heading">{t('feedback.lastMeeting.heading')}</h3>
      <ul className="nobullet-list">
        {signals.map((s) => (
          <li key={s.id}>
            <p className="mb-0">
              <strong>{t('feedback.lastMeeting.said')}:</strong> {t(`feedback.lastMeeting.kind.${s.kind}`)} ({dayMonth(s.meeting_starts_at, lang)})
            </p>
            <p className="mt-0">
              <strong>{t('feedback.lastMeeting.did')}:</strong> {s.response || t('feedback.lastMeeting.notYet')}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
