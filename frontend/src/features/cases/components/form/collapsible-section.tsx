// A form section that can be folded away, with DKFDS accordion markup: the h2
// holds a button with aria-expanded, so it is reachable and operable by
// keyboard and announced as expandable. The content stays in the DOM while
// closed (hidden), so fields keep their ids; the form opens a section when
// it contains an error.
import type { ReactNode } from 'react';
import { useT } from '@/lib/i18n';

export function CollapsibleSection({
  id,
  title,
  open,
  onToggle,
  hasError,
  children,
}: {
  id: string;
  title: string;
  open: boolean;
  onToggle: () => void;
  hasError: boolean;
  children: ReactNode;
}) {
  const t = useT();
  return (
    <ul className="accordion case-form-accordion">
      <li className={hasError ? 'accordion-error' : undefined}>
        <h2>
          <button type="button" className="accordion-button" aria-expanded={open} aria-controls={id} onClick={onToggle}>
            <span className="accordion-title">{title}</span>
            {hasError && (
              <span className="accordion-icon">
                <span className="icon_text">{t('cases.form.sectionError')}</span>
              </span>
            )}
          </button>
        </h2>
        <div id={id} className="accordion-content" aria-hidden={open ? 'false' : 'true'} hidden={!open}>
          {children}
        </div>
      </li>
    </ul>
  );
}
