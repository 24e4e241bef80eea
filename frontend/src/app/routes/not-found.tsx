import { Link } from 'react-router';
import { PageHeading } from '@/components/page-heading';
import { useT } from '@/lib/i18n';

export default function NotFound() {
  const t = useT();
  return (
    <>
      <PageHeading>{t('common.notFoundTitle')}</PageHeading>
      <p>{t('common.notFoundBody')}</p>
      <p>
        <Link to="/">{t('common.toFrontPage')}</Link>
      </p>
    </>
  );
}
