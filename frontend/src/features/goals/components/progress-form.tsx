// "Ny måling": one dated value on the 1–10 scale from the citizen, the
// caseworker or the provider, with a note.
import { useState, type FormEvent } from 'react';
import { Alert } from '@/components/alert';
import { ErrorSummary, type SummaryItem } from '@/components/error-summary';
import { TextArea, TextField } from '@/components/fields';
import { ProblemAlert } from '@/components/problem';
import { useAddProgress, type ProgressInput } from '@/features/goals/api/add-progress';
import { RATERS, SCALE_MAX, SCALE_MIN } from '@/features/goals/chart';
import { fieldMessage } from '@/features/goals/smart';
import { ApiError } from '@/lib/api/client';
import { useT, type MessageKey } from '@/lib/i18n';
import { RadioGroup } from './radio-group';

/** Today's calendar date where the user is. */
export function todayISO(now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

const LABEL: Record<string, MessageKey> = {
  measured_on: 'goals.progress.measuredOn',
  rater: 'goals.progress.rater',
  value: 'goals.progress.valueLegend',
  note: 'goals.progress.noteLabel',
};
const ORDER = ['measured_on', 'rater', 'value', 'note'];
const VALUES = Array.from({ length: SCALE_MAX - SCALE_MIN + 1 }, (_, i) => String(SCALE_MIN + i));

export function ProgressForm({ caseId, goalId }: { caseId: string; goalId: string }) {
  const t = useT();
  const add = useAddProgress(caseId, goalId);
  const [date, setDate] = useState(() => todayISO());
  const [rater, setRater] = useState('');
  const [value, setValue] = useState('');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [attempt, setAttempt] = useState(0);
  const [saved, setSaved] = useState(false);
  const [problem, setProblem] = useState<unknown>(null);

  const summary: SummaryItem[] = ORDER.filter((f) => errors[f]).map((f) => ({
    field: `progress.${f}`,
    message: `${t(LABEL[f]!)}: ${errors[f]}`,
  }));

  function show(e: Record<string, string>) {
    setErrors(e);
    setAttempt((n) => n + 1);
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (add.isPending) return;
    setSaved(false);
    setProblem(null);
    const missing: Record<string, string> = {};
    if (!date) missing.measured_on = t('goals.progress.dateRequired');
    if (!rater) missing.rater = t('goals.progress.raterRequired');
    if (!value) missing.value = t('goals.progress.valueRequired');
    if (Object.keys(missing).length) return show(missing);
    const trimmed = note.trim();
    const body: ProgressInput = { measured_on: date, rater: rater as ProgressInput['rater'], value: Number(value), ...(trimmed ? { note: trimmed } : {}) };
    try {
      await add.mutateAsync(body);
      setErrors({});
      setRater('');
      setValue('');
      setNote('');
      setSaved(true);
    } catch (err) {
      if (err instanceof ApiError && (err.status === 422 || err.status === 400) && err.problem.errors?.length) {
        const out: Record<string, string> = {};
        for (const fe of err.problem.errors) out[fe.field] ??= fieldMessage(t, fe.message);
        return show(out);
      }
      setErrors({});
      setProblem(err);
    }
  }

  return (
    <>
      <h3>{t('goals.progress.formHeading')}</h3>
      {saved && <Alert variant="success">{t('goals.progress.saved')}</Alert>}
      <ProblemAlert error={problem} />
      <form onSubmit={submit} noValidate>
        <ErrorSummary items={summary} focusKey={attempt} />
        <TextField
          name="progress.measured_on"
          type="date"
          label={t('goals.progress.measuredOn')}
          required
          className="input-width-s"
          value={date}
          onChange={setDate}
          error={errors.measured_on}
        />
        <RadioGroup
          name="progress.rater"
          legend={t('goals.progress.rater')}
          required
          value={rater}
          onChange={setRater}
          options={RATERS.map((r) => ({ value: r, label: t(`goals.rater.${r}`) }))}
          error={errors.rater}
        />
        <RadioGroup
          name="progress.value"
          legend={t('goals.progress.valueLegend')}
          hint={t('goals.progress.valueHint')}
          required
          inline
          value={value}
          onChange={setValue}
          options={VALUES.map((v) => ({ value: v, label: v }))}
          error={errors.value}
        />
        <TextArea name="progress.note" label={t('goals.progress.noteLabel')} rows={2} maxLength={4000} value={note} onChange={setNote} error={errors.note} />
        <button type="submit" className="button button-primary" aria-disabled={add.isPending ? true : undefined}>
          {add.isPending ? t('goals.progress.submitting') : t('goals.progress.submit')}
        </button>
      </form>
    </>
  );
}
