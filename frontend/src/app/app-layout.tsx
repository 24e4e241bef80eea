import { useEffect, useRef } from 'react';
import { NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { useI18n, LANGS } from '@/lib/i18n';
import { session } from '@/lib/auth/session';
import { useSession } from '@/lib/auth/use-session';
import { useMe } from '@/features/auth/api/get-me';
import { markNavigation } from './route-focus';

/** Page frame: skip link, DKFDS header with user and language, navigation, main, footer. */
export function AppLayout() {
  const { t, lang, setLang } = useI18n();
  const s = useSession();
  const me = useMe();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const location = useLocation();
  const first = useRef(true);

  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    markNavigation();
  }, [location.pathname]);

  // The session ended (expired, or logged out in another tab): back to login
  // with a clear message, remembering the page.
  useEffect(() => {
    if (!s.token && s.ended) {
      qc.clear();
      navigate(`/login?next=${encodeURIComponent(location.pathname + location.search)}`, {
        replace: true,
        state: { ended: s.ended },
      });
    }
  }, [s.token, s.ended, navigate, qc, location.pathname, location.search]);

  const role = me.data?.role;
  const worksWithCases = role === 'caseworker' || role === 'leader';
  return (
    <>
      <a className="skipnav" href="#main-content">
        {t('common.skipLink')}
      </a>
      <header className="header">
        <div className="portal-info">
          <div className="portal-info-inner container">
            <NavLink to="/" className="logo-text">
              {t('common.appName')}
            </NavLink>
            <div className="portal-user">
              {me.data && <p className="user">{t('common.nav.loggedInAs', { name: me.data.name })}</p>}
              <button
                type="button"
                className="function-link log-off"
                onClick={async () => {
                  await session.logout();
                }}
              >
                {t('common.nav.logout')}
              </button>
            </div>
          </div>
        </div>
        <div className="language-switcher">
          <div className="container">
            <ul aria-label={t('common.language')}>
              {LANGS.map((l) => (
                <li key={l}>
                  <button
                    type="button"
                    className="function-link"
                    lang={l}
                    aria-current={l === lang ? 'true' : undefined}
                    onClick={() => setLang(l)}
                  >
                    {t(`common.languageName.${l}`)}
                  </button>
                </li>
              ))}
            </ul>
          </div>
        </div>
        <nav className="navigation-menu" aria-label={t('common.nav.label')}>
          <div className="navigation-menu-inner container">
            <ul className="mainmenu">
              {worksWithCases && (
                <li>
                  <NavLink to="/sager" className="mainmenu-item">
                    <span>{t('common.nav.cases')}</span>
                  </NavLink>
                </li>
              )}
              {role === 'admin' && (
                <>
                  <li>
                    <NavLink to="/admin/brugere" className="mainmenu-item">
                      <span>{t('common.nav.users')}</span>
                    </NavLink>
                  </li>
                  <li>
                    <NavLink to="/admin/teams" className="mainmenu-item">
                      <span>{t('common.nav.teams')}</span>
                    </NavLink>
                  </li>
                </>
              )}
            </ul>
          </div>
        </nav>
      </header>
      <main id="main-content" className="container page-container" tabIndex={-1}>
        <Outlet />
      </main>
      <footer className="footer">
        <div className="container">
          <p>{t('common.appName')}</p>
        </div>
      </footer>
    </>
  );
}
