import { useT } from '@/lib/i18n';

/**
 * Keyset pagination: first, previous and next page. There are no page
 * numbers to jump to, so these are plain DKFDS buttons in a labelled nav.
 * While a page loads the buttons are aria-disabled rather than disabled, so
 * the focused button keeps focus.
 */
export function Pager(props: {
  page: number;
  hasPrevious: boolean;
  hasNext: boolean;
  busy?: boolean;
  onFirst: () => void;
  onPrevious: () => void;
  onNext: () => void;
}) {
  const t = useT();
  if (!props.hasPrevious && !props.hasNext) return null;
  const guard = (fn: () => void) => () => {
    if (!props.busy) fn();
  };
  const busy = props.busy ? true : undefined;
  return (
    <nav className="actions" aria-label={t('cases.list.pagerLabel')}>
      {props.hasPrevious && (
        <>
          <button type="button" className="button button-tertiary" aria-disabled={busy} onClick={guard(props.onFirst)}>
            {t('common.pagination.first')}
          </button>
          <button type="button" className="button button-secondary" aria-disabled={busy} onClick={guard(props.onPrevious)}>
            {t('common.pagination.previous')}
          </button>
        </>
      )}
      <span>{t('cases.list.count.page', { page: props.page })}</span>
      {props.hasNext && (
        <button type="button" className="button button-secondary" aria-disabled={busy} onClick={guard(props.onNext)}>
          {t('common.pagination.next')}
        </button>
      )}
    </nav>
  );
}
