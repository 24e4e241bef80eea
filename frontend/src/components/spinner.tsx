import { useT } from '@/lib/i18n';

/** A loading indicator that screen readers announce once. */
export function Spinner({ label }: { label?: string }) {
  const t = useT();
  return (
    <div className="spinner-box" role="status" aria-live="polite">
      <div className="spinner" aria-hidden="true" />
      <div className="spinner-status">{label ?? t('common.loading')}</div>
    </div>
  );
}
