import { useEffect, useRef } from 'react';
import { useT } from '@/lib/i18n';
import { fieldId } from './fields';

export type SummaryItem = { field?: string; message: string };

/**
 * DKFDS error summary: an error alert that takes focus when it appears (so
 * screen readers announce it) and whose links move focus to the field.
 */
export function ErrorSummary({ items, title, focusKey }: { items: SummaryItem[]; title?: string; focusKey?: unknown }) {
  const t = useT();
  const ref = useRef<HTMLDivElement>(null);
  // Take focus when the errors themselves change (or the caller's focusKey
  // does, e.g. once per submit) — not when a caller passes a new array with
  // the same errors, which would pull focus away on every keystroke.
  const signature = focusKey !== undefined ? focusKey : items.map((i) => `${i.field ?? ''}\u0000${i.message}`).join('\u0001');
  useEffect(() => {
    if (items.length) ref.current?.focus();
  }, [signature]);
  if (!items.length) return null;
  return (
    <div ref={ref} className="alert alert-error" role="alert" tabIndex={-1} data-module="error-summary" aria-labelledby="error-summary-heading">
      <div className="alert-body">
        <h2 className="alert-heading" id="error-summary-heading">
          {title ?? t('common.errorSummaryTitle')}
        </h2>
        <ul className="alert-text nobullet-list">
          {items.map((i, n) => (
            <li key={n}>
              {i.field ? (
                <a
                  href={`#${fieldId(i.field)}`}
                  onClick={(e) => {
                    const el = document.getElementById(fieldId(i.field!));
                    if (el) {
                      e.preventDefault();
                      el.focus();
                      el.scrollIntoView({ block: 'center' });
                    }
                  }}
                >
                  {i.message}
                </a>
              ) : (
                i.message
              )}
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
