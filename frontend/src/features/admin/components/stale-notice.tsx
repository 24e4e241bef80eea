import { useEffect, useRef, type ReactNode } from 'react';
import { useT } from '@/lib/i18n';

/**
 * After a 412: someone saved a newer version. Offers to fetch it; the form
 * keeps what was typed. Takes focus so keyboard users land next to the button.
 */
export function StaleNotice({
  heading,
  text,
  reloading,
  onReload,
}: {
  heading: string;
  text: string;
  reloading: boolean;
  onReload: () => void;
}) {
  const t = useT();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <div ref={ref} tabIndex={-1} className="alert alert-warning" role="alert" aria-labelledby="stale-heading">
      <div className="alert-body">
        <h3 className="alert-heading" id="stale-heading">
          {heading}
        </h3>
        <p className="alert-text">{text}</p>
        <button type="button" className="button button-secondary mt-3" onClick={onReload} disabled={reloading}>
          {reloading ? t('admin.stale.reloading') : t('admin.stale.reload')}
        </button>
      </div>
    </div>
  );
}

/** After the reload: what is saved now, where it differs from the form. */
export function ReloadedNotice({ differences, onUseSaved }: { differences: ReactNode[]; onUseSaved: () => void }) {
  const t = useT();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <div ref={ref} tabIndex={-1} className="alert alert-info" role="status" aria-labelledby="reloaded-heading">
      <div className="alert-body">
        <h3 className="alert-heading" id="reloaded-heading">
          {t('admin.stale.reloadedHeading')}
        </h3>
        <div className="alert-text">
          <p className="mt-0">{t('admin.stale.reloadedText')}</p>
          {differences.length ? (
            <>
              <p>{t('admin.stale.differences')}</p>
              <ul>
                {differences.map((d, i) => (
                  <li key={i}>{d}</li>
                ))}
              </ul>
              <button type="button" className="button button-secondary" onClick={onUseSaved}>
                {t('admin.stale.useSaved')}
              </button>
            </>
          ) : (
            <p>{t('admin.stale.noDifferences')}</p>
          )}
        </div>
      </div>
    </div>
  );
}
