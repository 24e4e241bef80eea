import { useEffect } from 'react';
import { useLocation, useNavigate, useSearchParams } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { PublicLayout } from '@/app/public-layout';
import { Alert } from '@/components/alert';
import { LoginForm } from '@/features/auth/components/login-form';
import { session } from '@/lib/auth/session';
import { useT } from '@/lib/i18n';

export default function LoginPage() {
  const t = useT();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [params] = useSearchParams();
  const location = useLocation();
  const ended = (location.state as { ended?: string } | null)?.ended;
  const next = params.get('next');
  const target = next && next.startsWith('/') && !next.startsWith('//') ? next : '/';

  useEffect(() => {
    document.title = `${t('auth.login.title')} – ${t('common.appName')}`;
    session.acknowledgeEnd();
  }, [t]);

  return (
    <PublicLayout>
      <div className="row">
        <div className="col-12 col-md-8 col-lg-6">
          <h1>{t('auth.login.title')}</h1>
          {ended === 'expired' && <Alert variant="warning">{t('common.errors.sessionEnded')}</Alert>}
          {ended === 'logged-out' && <Alert variant="info">{t('common.errors.loggedOut')}</Alert>}
          <p>{t('auth.login.intro')}</p>
          <LoginForm
            onSuccess={() => {
              qc.clear();
              navigate(target, { replace: true });
            }}
          />
        </div>
      </div>
    </PublicLayout>
  );
}
