import type { ReactNode } from 'react';
import { useI18n } from '@/lib/i18n';
import { LanguageSwitcher } from './language-switcher';

/** Frame for pages shown before login. */
export function PublicLayout({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  return (
    <>
      <a className="skipnav" href="#main-content">
        {t('common.skipLink')}
      </a>
      <LanguageSwitcher />
      <header className="header">
        <div className="solution-info">
          <div className="solution-info-inner container">
            <div className="solution-heading">
              <span>{t('common.appName')}</span>
            </div>
          </div>
        </div>
      </header>
      <main id="main-content" className="container page-container" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}
