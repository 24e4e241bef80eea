import { ApiError } from '@/lib/api/client';
import { useT } from '@/lib/i18n';
import { Alert } from './alert';

/** Shows a failed query or mutation in plain words. */
export function ProblemAlert({ error }: { error: unknown }) {
  const t = useT();
  if (!error) return null;
  if (error instanceof ApiError) {
    if (error.status === 404) return <Alert variant="error">{t('common.errors.notFound')}</Alert>;
    if (error.status === 403) return <Alert variant="error">{t('common.errors.forbidden')}</Alert>;
    if (error.status >= 500 || error.status === 0)
      return <Alert variant="error">{t('common.errors.generic', { id: error.problem.instance?.replace('urn:request:', '') ?? '' })}</Alert>;
    return <Alert variant="error">{error.problem.detail || error.problem.title}</Alert>;
  }
  return <Alert variant="error">{t('common.errors.network')}</Alert>;
}
