import { Alert } from '@/components/alert';
import { useT } from '@/lib/i18n';
import type { Failure } from '../feedback-model';

/** Why a part was not sent, in plain words (field errors are shown at the fields instead). */
export function FormFailure({ failure }: { failure: Failure | null }) {
  const t = useT();
  if (!failure || failure.kind === 'invalid' || failure.kind === 'already' || failure.kind === 'refused') return null;
  const text =
    failure.kind === 'gone'
      ? `${t('feedbackLink.gone.title')}. ${t('feedbackLink.gone.body')}`
      : failure.kind === 'rateLimited'
        ? t('feedbackLink.errors.rateLimited')
        : failure.kind === 'network'
          ? t('feedbackLink.errors.network')
          : t('feedbackLink.errors.generic');
  return <Alert variant="error">{text}</Alert>;
}
