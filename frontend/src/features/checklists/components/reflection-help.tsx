// "Refleksionsspørgsmål": the principle's description and questions, one
// click away. A button with aria-expanded (keyboard-operable, announced as
// expandable) that shows and hides the text below it, in DKFDS details style.
import { useId, useState } from 'react';
import type { Principle } from '../api/list-checklists';
import { useI18n } from '@/lib/i18n';

export function ReflectionHelp({ principle, title }: { principle: Principle; title: string }) {
  const { t, lang } = useI18n();
  const [open, setOpen] = useState(false);
  const id = useId();
  const questions = principle.reflection_questions[lang];
  return (
    <div className="checklist-help">
      <button
        type="button"
        className="function-link checklist-toggle"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen((o) => !o)}
      >
        {t('checklists.form.help')}
        <span className="sr-only">: {title}</span>
      </button>
      <div id={id} className="checklist-help-text" hidden={!open}>
        <p>{principle.description[lang]}</p>
        {questions.length > 0 && (
          <>
            <p className="mb-0">
              <strong>{t('checklists.form.questions')}</strong>
            </p>
            <ul className="mt-2">
              {questions.map((q) => (
                <li key={q}>{q}</li>
              ))}
            </ul>
          </>
        )}
      </div>
    </div>
  );
}
