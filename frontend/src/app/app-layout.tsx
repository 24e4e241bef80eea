import { useEffect, useRef } from 'react';
import { NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { useI18n } from '@/lib/i18n';
import { LanguageSwitcher } from './language-switcher';
import { session } from '@/lib/auth/session';
import { useSession } from '@/lib/auth/use-session';
import { useMe } from '@/features/auth/api/get-me';
import { markNavigation } from './route-focus';

/** Page frame: skip link, DKFDS header with user and language, navigation, main, footer. */
export function AppLayout() {
  const { t } = useI18n();
  const s = useSession();
  const me = useMe();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const location = useLocation();

  // Mark a navigation while rendering, before any child renders: effects run
  // children first, so marking in an effect here would come after the new
  // page's heading had already looked for the mark.
  const lastPath = useRef<string | null>(null);
  if (lastPath.current !== location.pathname) {
    if (lastPath.current !== null) markNavigation();
    lastPath.current = location.pathname;
  }

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
  // `section`: the part of the app the link stands for (Indsigt covers both insight pages).
  const links: { to: string; label: string; section?: string }[] = [];
  if (worksWithCases) links.push({ to: '/sager', label: t('common.nav.cases') });
  if (role === 'leader') links.push({ to: '/indsigt/principper', label: t('common.nav.insights'), section: '/indsigt' });
  if (role === 'admin') {
    links.push(
      { to: '/admin/brugere', label: t('common.nav.users') },
      { to: '/admin/teams', label: t('common.nav.teams') },
      { to: '/admin/indstillinger', label: t('common.nav.settings') },
    );
  }
  return (
    <>
      <a className="skipnav" href="#main-content">
        {t('common.skipLink')}
      </a>
      <LanguageSwitcher />
      <header className="header">
        <div className="portal-info">
          <div className="portal-info-inner container">
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
        <div className="solution-info">
          <div className="solution-info-inner container">
            <div className="solution-heading">
              <NavLink to="/">{t('common.appName')}</NavLink>
            </div>
          </div>
        </div>
        {links.length > 0 && (
          <div className="navigation-menu">
            <div className="navigation-menu-inner container">
              <nav className="nav" aria-label={t('common.nav.label')}>
                <ul className="mainmenu">
                  {links.map((l) => {
                    const base = l.section ?? l.to;
                    const active = location.pathname === base || location.pathname.startsWith(base + '/');
                    return (
                      <li key={l.to} className={active ? 'active current' : undefined}>
                        <NavLink to={l.to} className="nav-link">
                          <span>{l.label}</span>
                        </NavLink>
                      </li>
                    );
                  })}
                </ul>
              </nav>
            </div>
          </div>
        )}
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
