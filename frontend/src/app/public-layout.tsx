import type { ReactNode } from 'react';
import { useI18n, LANGS } from '@/lib/i18n';

/** Frame for pages shown before login. */
export function PublicLayout({ children }: { children: ReactNode }) {
  const { t, lang, setLang } = useI18n();
  return (
    <>
      <a className="skipnav" href="#main-content">
        {t('common.skipLink')}
      </a>
      <header className="header">
        <div className="portal-info">
          <div className="portal-info-inner container">
            <span className="logo-text">{t('common.appName')}</span>
          </div>
        </div>
        <div className="language-switcher">
          <div className="container">
            <ul aria-label={t('common.language')}>
              {LANGS.map((l) => (
                <li key={l}>
                  <button type="button" className="function-link" lang={l} aria-current={l === lang ? 'true' : undefined} onClick={() => setLang(l)}>
                    {t(`common.languageName.${l}`)}
                  </button>
                </li>
              ))}
            </ul>
          </div>
        </div>
      </header>
      <main id="main-content" className="container page-container" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}
