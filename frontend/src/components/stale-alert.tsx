import { useEffect, useRef } from 'react';

/** The texts of a stale-version notice, in the caller's feature's words. */
export type StaleTexts = { heading: string; body: string; reload: string; reloading: string };

/**
 * After a 412: someone else saved the same thing. Offers the latest version
 * while the form keeps what was typed, and takes focus so keyboard users land
 * next to the button.
 */
export function StaleAlert({ texts, reloading, onReload }: { texts: StaleTexts; reloading: boolean; onReload: () => void }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <div ref={ref} tabIndex={-1} className="alert alert-warning" role="alert">
      <div className="alert-body">
        <p className="alert-heading">
          <strong>{texts.heading}</strong>
        </p>
        <p className="alert-text">{texts.body}</p>
        <button
          type="button"
          className="button button-secondary mt-3"
          aria-disabled={reloading ? true : undefined}
          onClick={() => !reloading && onReload()}
        >
          {reloading ? texts.reloading : texts.reload}
        </button>
      </div>
    </div>
  );
}
