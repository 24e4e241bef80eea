// The three questions: was the meeting all right, did we talk enough about
// what matters to you (Ja / Delvist / Nej, both needed), and what should be
// different next time (optional text).
import { useState, type FormEvent } from 'react';
import { ErrorSummary, type SummaryItem } from '@/components/error-summary';
import { TextArea } from '@/components/fields';
import { useT } from '@/lib/i18n';
import { ANSWERS, blankQuestions, DIFFERENT_MAX_CHARS, validateQuestions, type Answer, type QuestionsForm, type Wording } from '../feedback-model';
import { ChoiceGroup } from './choice-group';
import { FormFailure } from './form-failure';
import { problemText, type ProblemContext } from './problem-text';
import { usePartForm, type Done } from './use-part-form';

export function QuestionsForm({ token, wording, onDone }: { token: string; wording: Wording; onDone: Done }) {
  const t = useT();
  const [form, setForm] = useState<QuestionsForm>(blankQuestions);
  const f = usePartForm(token, 'questions', onDone);
  const q = wording.questions;
  const options = ANSWERS.map((a) => ({ value: a, label: t(`feedbackLink.questions.options.${a}`) }));
  const nameOf = (field: string) => (field === 'meeting_ok' ? q.meeting_ok : field === 'talked_about' ? q.talked_about : q.different_next_time);
  const ctxOf = (field: string): ProblemContext => (field === 'different_next_time' ? 'text' : 'question');

  const summary: SummaryItem[] = f.problems.map((p) => ({
    field: p.field || undefined,
    message: problemText(t, p, ctxOf(p.field), nameOf(p.field), true),
  }));
  const errorAt = (field: string) => {
    const p = f.at(field);
    return p ? problemText(t, p, ctxOf(field)) : undefined;
  };

  function submit(e: FormEvent) {
    e.preventDefault();
    const different = form.different_next_time.trim();
    f.send(
      {
        meeting_ok: form.meeting_ok as Answer,
        talked_about: form.talked_about as Answer,
        ...(different ? { different_next_time: different } : {}),
      },
      validateQuestions(form),
    );
  }

  return (
    <form noValidate onSubmit={submit} className="fl-form">
      <ErrorSummary items={summary} title={t('feedbackLink.errors.summaryTitle')} focusKey={f.attempt} />
      <ChoiceGroup
        name="meeting_ok"
        legend={q.meeting_ok}
        options={options}
        value={form.meeting_ok}
        onChange={(v) => setForm((p) => ({ ...p, meeting_ok: v as Answer }))}
        error={errorAt('meeting_ok')}
      />
      <ChoiceGroup
        name="talked_about"
        legend={q.talked_about}
        options={options}
        value={form.talked_about}
        onChange={(v) => setForm((p) => ({ ...p, talked_about: v as Answer }))}
        error={errorAt('talked_about')}
      />
      <TextArea
        name="different_next_time"
        label={q.different_next_time}
        hint={t('feedbackLink.questions.differentHint')}
        value={form.different_next_time}
        onChange={(v) => setForm((p) => ({ ...p, different_next_time: v }))}
        rows={4}
        maxLength={DIFFERENT_MAX_CHARS}
        error={errorAt('different_next_time')}
      />
      <FormFailure failure={f.failure} />
      <div className="fl-actions">
        <button type="submit" className="button button-primary" aria-disabled={f.pending || undefined}>
          {f.pending ? t('feedbackLink.sending') : t('feedbackLink.submit')}
        </button>
      </div>
    </form>
  );
}
