// Shown when saving failed because someone else saved the case first (412),
// or the version could not be told (428). The short explanation is an alert
// (announced at once); the list of changes and the two choices follow it in
// the same box, readable at the user's pace. The user's typed text stays in
// the form throughout.
import { useEffect, useRef } from 'react';
import { useI18n, type MessageKey } from '@/lib/i18n';
import type { Change, Shown } from './form-model';
import { codeLabel } from './options';

export type ConflictView =
  | { reason: 412 | 428; phase: 'loading' }
  | { reason: 412 | 428; phase: 'failed' }
  | { reason: 412 | 428; phase: 'ready'; changes: Change[]; closedNow: boolean };

export function ConflictPanel({
  view,
  onRebase,
  onDiscard,
  onRetry,
}: {
  view: ConflictView;
  onRebase: () => void;
  onDiscard: () => void;
  onRetry: () => void;
}) {
  const { t, lang } = useI18n();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
  }, []);
  const show = (s: Shown, side: 'before' | 'now') => shownText(s, side, t, lang);

  return (
    <section className="alert alert-warning case-form-conflict" aria-labelledby="case-form-conflict-heading">
      <div className="alert-body">
        <div role="alert" aria-labelledby="case-form-conflict-heading">
          <h2 className="alert-heading case-form-notice" id="case-form-conflict-heading" tabIndex={-1} ref={heading}>
            {t('cases.form.conflict.heading')}
          </h2>
          <p className="alert-text">{view.reason === 412 ? t('cases.form.conflict.body') : t('cases.form.conflict.missingVersion')}</p>
        </div>
        <div className="alert-text">
          {view.phase === 'loading' && <p role="status">{t('cases.form.conflict.loading')}</p>}
          {view.phase === 'failed' && (
            <>
              <p>{t('cases.form.conflict.loadFailed')}</p>
              <button type="button" className="button button-secondary" onClick={onRetry}>
                {t('cases.form.conflict.retry')}
              </button>
            </>
          )}
          {view.phase === 'ready' && (
            <>
              <h3 className="h4">{t('cases.form.conflict.changesHeading')}</h3>
              {view.changes.length === 0 ? (
                <p>{t('cases.form.conflict.noChanges')}</p>
              ) : (
                <ul className="case-form-changes">
                  {view.changes.map((c) => (
                    <li key={c.path}>
                      <strong>{t(`cases.form.conflict.labels.${c.label}`)}</strong>
                      <dl>
                        <dt>{t('cases.form.conflict.before')}</dt>
                        <dd>{show(c.before, 'before')}</dd>
                        <dt>{t('cases.form.conflict.now')}</dt>
                        <dd>{show(c.now, 'now')}</dd>
                      </dl>
                      {c.yours && <p className="form-hint">{t('cases.form.conflict.yours')}</p>}
                    </li>
                  ))}
                </ul>
              )}
              {view.closedNow && (
                <p>
                  <strong>{t('cases.form.conflict.closedNow')}</strong>
                </p>
              )}
              <div className="actions">
                {!view.closedNow && (
                  <button type="button" className="button button-primary" onClick={onRebase}>
                    {t('cases.form.conflict.rebase')}
                  </button>
                )}
                <button type="button" className="button button-secondary" onClick={onDiscard}>
                  {t('cases.form.conflict.discard')}
                </button>
              </div>
            </>
          )}
        </div>
      </div>
    </section>
  );
}

type T = (key: MessageKey, vars?: Record<string, string | number>) => string;

/** A value of the list of changes in plain words. */
export function shownText(s: Shown, side: 'before' | 'now', t: T, lang: string): string {
  switch (s.kind) {
    case 'empty':
      return t('common.notSet');
    case 'absent':
      return side === 'before' ? t('cases.form.conflict.absentBefore') : t('cases.form.conflict.absentNow');
    case 'text':
      return s.value;
    case 'date':
      return formatDate(s.value, lang);
    case 'bool':
      return s.value ? t('common.yes') : t('common.no');
    case 'count':
      return String(s.value);
    case 'code':
      return codeLabel(t, s.group, s.value);
    case 'codes':
      return s.values.map((v) => codeLabel(t, s.group, v)).join(', ');
    case 'flag':
      return s.value ? t(`cases.form.conflict.flags.${s.flag}`) : '';
    case 'parts':
      return (
        s.parts
          .map((p) => shownText(p, side, t, lang))
          .filter(Boolean)
          .join(' · ') || t('common.notSet')
      );
  }
}

function formatDate(iso: string, lang: string): string {
  const d = new Date(`${iso}T00:00:00`);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(lang === 'da' ? 'da-DK' : 'en-GB', { day: 'numeric', month: 'long', year: 'numeric' }).format(d);
}
