import { useEffect, useRef } from 'react';
import { useT } from '@/lib/i18n';

/**
 * After a 412: someone else saved the checklist. Offers the latest version;
 * the rows keep what was typed. Takes focus so keyboard users land next to
 * the button.
 */
export function StaleChecklist({ reloading, onReload }: { reloading: boolean; onReload: () => void }) {
  const t = useT();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <div ref={ref} tabIndex={-1} className="alert alert-warning" role="alert">
      <div className="alert-body">
        <p className="alert-heading">
          <strong>{t('checklists.form.staleHeading')}</strong>
        </p>
        <p className="alert-text">{t('checklists.form.staleText')}</p>
        <button
          type="button"
          className="button button-secondary mt-3"
          aria-disabled={reloading ? true : undefined}
          onClick={() => !reloading && onReload()}
        >
          {reloading ? t('checklists.form.reloading') : t('checklists.form.reload')}
        </button>
      </div>
    </div>
  );
}
