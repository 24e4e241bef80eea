// Topics the citizen wants on the meeting's agenda: one field to start with,
// "Tilføj et emne mere" up to five. Empty fields are not sent; at least one
// topic is needed.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ErrorSummary, type SummaryItem } from '@/components/error-summary';
import { fieldId, TextArea } from '@/components/fields';
import { useT } from '@/lib/i18n';
import { TOPIC_MAX_CHARS, TOPICS_MAX, topicsToSend, validateTopics, type TopicsForm as Form, type Wording } from '../feedback-model';
import { FormFailure } from './form-failure';
import { problemText } from './problem-text';
import { usePartForm, type Done } from './use-part-form';

export function TopicsForm({ token, wording, onDone }: { token: string; wording: Wording; onDone: Done }) {
  const t = useT();
  const [form, setForm] = useState<Form>(['']);
  const f = usePartForm(token, 'topics', onDone);
  const added = useRef(false);

  useEffect(() => {
    // After "Tilføj et emne mere", the new field takes focus.
    if (added.current) document.getElementById(fieldId(`topics[${form.length - 1}]`))?.focus();
    added.current = false;
  }, [form.length]);

  const summary: SummaryItem[] = f.problems.map((p) => ({ field: p.field || undefined, message: problemText(t, p, 'topic', '', true) }));

  function submit(e: FormEvent) {
    e.preventDefault();
    f.send({ topics: topicsToSend(form) }, validateTopics(form), form);
  }

  return (
    <form noValidate onSubmit={submit} className="fl-form">
      <ErrorSummary items={summary} title={t('feedbackLink.errors.summaryTitle')} focusKey={f.attempt} />
      <p className="fl-intro">{wording.questions.topics}</p>
      {form.map((value, i) => {
        const p = f.at(`topics[${i}]`);
        return (
          <TextArea
            key={i}
            name={`topics[${i}]`}
            label={t('feedbackLink.topics.label', { n: i + 1 })}
            hint={i === 0 ? t('feedbackLink.topics.hint') : undefined}
            required={i === 0}
            value={value}
            rows={3}
            maxLength={TOPIC_MAX_CHARS}
            onChange={(v) => setForm((prev) => prev.map((x, j) => (j === i ? v : x)))}
            error={p ? problemText(t, p, 'topic') : undefined}
          />
        );
      })}
      {form.length < TOPICS_MAX && (
        <div className="fl-actions">
          <button
            type="button"
            className="button button-secondary"
            onClick={() => {
              added.current = true;
              setForm((prev) => [...prev, '']);
            }}
          >
            {t('feedbackLink.topics.addAnother')}
          </button>
        </div>
      )}
      <FormFailure failure={f.failure} />
      <div className="fl-actions">
        <button type="submit" className="button button-primary" aria-disabled={f.pending || undefined}>
          {f.pending ? t('feedbackLink.sending') : t('feedbackLink.submit')}
        </button>
      </div>
    </form>
  );
}
