import { useEffect, useRef, useState } from 'react';
import { Alert } from '@/components/alert';
import { ProblemAlert } from '@/components/problem';
import { ApiError } from '@/lib/api/client';
import { useT } from '@/lib/i18n';

/**
 * What went wrong with a change to the case (phase, close, reopen):
 * 412 someone else changed it → offer to fetch the latest version;
 * 409 not allowed in the case's current state → say so, and offer the same;
 * anything else → ProblemAlert. After fetching, a notice takes focus (the
 * button that had it is gone).
 */
export function ChangeProblem(props: { error: unknown; conflict: string; onReload: () => Promise<unknown> }) {
  const t = useT();
  const [reloading, setReloading] = useState(false);
  const { error, onReload } = props;
  if (!error) return null;
  const status = error instanceof ApiError ? error.status : 0;
  if (status !== 412 && status !== 409) return <ProblemAlert error={error} />;

  const reload = async () => {
    if (reloading) return;
    setReloading(true);
    try {
      await onReload();
    } finally {
      setReloading(false);
    }
  };
  const button = (
    <button type="button" className="button button-secondary" aria-disabled={reloading ? true : undefined} onClick={reload}>
      {reloading ? t('cases.detail.stale.reloading') : t('cases.detail.stale.reload')}
    </button>
  );
  if (status === 412) {
    return (
      <Alert variant="warning" heading={t('cases.detail.stale.heading')}>
        <p className="mt-0">{t('cases.detail.stale.body')}</p>
        {button}
      </Alert>
    );
  }
  return (
    <Alert variant="error">
      <p className="mt-0">{props.conflict}</p>
      {button}
    </Alert>
  );
}

/** A success notice that takes focus when it appears. */
export function FocusNotice({ text }: { text: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, [text]);
  return (
    <div ref={ref} tabIndex={-1} className="alert alert-success" role="status">
      <div className="alert-body">
        <p className="alert-text">{text}</p>
      </div>
    </div>
  );
}
