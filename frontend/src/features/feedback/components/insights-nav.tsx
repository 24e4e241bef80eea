// The way between the leader's two insight pages: the principles and the
// feedback figures.
import { NavLink } from 'react-router';
import { useI18n } from '@/lib/i18n';
import './feedback.css';

export function InsightsNav() {
  const { t } = useI18n();
  return (
    <nav className="insights-nav" aria-label={t('feedback.insightsNav.label')}>
      <ul className="nobullet-list">
        <li>
          <NavLink to="/indsigt/principper" end>
            {t('feedback.insightsNav.principles')}
          </NavLink>
        </li>
        <li>
          <NavLink to="/indsigt/feedback" end>
            {t('feedback.insightsNav.feedback')}
          </NavLink>
        </li>
      </ul>
    </nav>
  );
}
