// Step 3, the notes: a short summary, the agreements made (what, who, by
// when) and the meeting's status (planned, held, cancelled). Saved with
// If-Match; a 412 offers the latest version and keeps what was typed.
import { useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { ErrorSummary } from '@/components/error-summary';
import { fieldId, SelectField, TextArea, TextField } from '@/components/fields';
import { ProblemAlert } from '@/components/problem';
import { FocusNotice } from '@/features/cases/components/detail/change-problem';
import { RadioGroup } from '@/features/goals/components/radio-group';
import '@/features/goals/components/goals.css';
import { ApiError } from '@/lib/api/client';
import { useI18n, type MessageKey } from '@/lib/i18n';
import { meetingQuery } from '../api/get-meeting';
import type { Versioned } from '../api/keys';
import { MEETING_STATUSES, RESPONSIBLES, type Meeting, type MeetingStatus, type Responsible } from '../api/list-meetings';
import { useUpdateMeeting } from '../api/update-meeting';
import { notesFromMeeting, toNotesChange, validateNotes, type NotesState } from '../plan-model';
import { StaleMeeting } from './stale-meeting';
import { useFieldProblems } from './use-field-problems';

function labelOf(t: (k: MessageKey, v?: Record<string, string | number>) => string, field: string): string {
  let m: RegExpExecArray | null;
  if (field === 'summary') return t('meetings.notes.summary');
  if (field === 'status') return t('meetings.notes.status');
  if ((m = /^agreements\[(\d+)\]\.responsible/.exec(field))) return t('meetings.notes.responsible', { n: Number(m[1]) + 1 });
  if ((m = /^agreements\[(\d+)\]\.due_date/.exec(field))) return t('meetings.notes.due', { n: Number(m[1]) + 1 });
  if ((m = /^agreements\[(\d+)\]/.exec(field))) return t('meetings.notes.agreementText', { n: Number(m[1]) + 1 });
  return field;
}

export function NotesForm({ meeting, onSaved }: { meeting: Versioned<Meeting>; onSaved?: (m: Meeting) => void }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const update = useUpdateMeeting();
  const [state, setState] = useState<NotesState>(() => notesFromMeeting(meeting.data));
  const [etag, setEtag] = useState(meeting.etag);
  const [startsAt, setStartsAt] = useState(meeting.data.starts_at);
  const [stale, setStale] = useState<'no' | 'yes' | 'reloading'>('no');
  const [notice, setNotice] = useState<{ text: string; n: number }>();
  const [failure, setFailure] = useState<unknown>(null);
  const problems = useFieldProblems((f) => labelOf(t, f));
  const set = (patch: Partial<NotesState>) => setState((s) => ({ ...s, ...patch }));
  const setRow = (i: number, patch: Partial<NotesState['agreements'][number]>) =>
    set({ agreements: state.agreements.map((a, n) => (n === i ? { ...a, ...patch } : a)) });

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (update.isPending) return;
    problems.next();
    setNotice(undefined);
    setFailure(null);
    const local = validateNotes(state, startsAt);
    if (local.length) return problems.local(local);
    problems.clear();
    try {
      const saved = await update.mutateAsync({ id: meeting.data.id, etag, body: toNotesChange(state) });
      setEtag(saved.etag);
      setStartsAt(saved.data.starts_at);
      setState(notesFromMeeting(saved.data));
      setStale('no');
      setNotice({ text: t('meetings.page.saved'), n: problems.attempt });
      onSaved?.(saved.data);
    } catch (err) {
      if (err instanceof ApiError) {
        if (err.status === 412) return setStale('yes');
        if (err.status === 409) return problems.other(t('meetings.errors.closed'));
        if ((err.status === 422 || err.status === 400) && err.problem.errors?.length) return problems.server(err.problem.errors);
      }
      setFailure(err);
    }
  }

  async function reload() {
    setStale('reloading');
    try {
      const latest = await qc.fetchQuery({ ...meetingQuery(meeting.data.id), staleTime: 0 });
      setEtag(latest.etag);
      setStartsAt(latest.data.starts_at);
      setStale('no');
      setNotice({ text: t('meetings.stale.reloaded'), n: problems.attempt });
    } catch (err) {
      setFailure(err);
      setStale('yes');
    }
  }

  const err = problems.at;
  return (
    <form onSubmit={submit} noValidate className="meeting-form">
      {notice && <FocusNotice key={notice.n} text={notice.text} />}
      {stale !== 'no' && <StaleMeeting reloading={stale === 'reloading'} onReload={reload} />}
      {failure !== null && <ProblemAlert error={failure} />}
      <ErrorSummary items={problems.summary} focusKey={problems.summary.length ? problems.attempt : undefined} />

      <TextArea
        name="summary"
        label={t('meetings.notes.summary')}
        hint={t('meetings.notes.summaryHint')}
        rows={6}
        maxLength={4000}
        value={state.summary}
        onChange={(summary) => set({ summary })}
        error={err['summary']}
      />

      <fieldset className="meeting-fieldset" id={fieldId('agreements')} tabIndex={-1}>
        <legend className="h3">{t('meetings.notes.agreements')}</legend>
        {state.agreements.length === 0 && <p>{t('meetings.notes.noAgreements')}</p>}
        <ol className="meeting-rows">
          {state.agreements.map((a, i) => (
            <li key={a.id ?? `new-${i}`} className="meeting-row">
              <TextField
                name={`agreements[${i}].text`}
                label={t('meetings.notes.agreementText', { n: i + 1 })}
                required
                maxLength={1000}
                value={a.text}
                onChange={(text) => setRow(i, { text })}
                error={err[`agreements[${i}].text`]}
              />
              <SelectField
                name={`agreements[${i}].responsible`}
                label={t('meetings.notes.responsible', { n: i + 1 })}
                required
                value={a.responsible}
                onChange={(v) => setRow(i, { responsible: v as Responsible })}
                options={RESPONSIBLES.map((r) => ({ value: r, label: t(`meetings.responsible.${r}`) }))}
                error={err[`agreements[${i}].responsible`]}
              />
              <TextField
                name={`agreements[${i}].due_date`}
                type="date"
                label={t('meetings.notes.due', { n: i + 1 })}
                value={a.due}
                onChange={(due) => setRow(i, { due })}
                error={err[`agreements[${i}].due_date`]}
              />
              <button
                type="button"
                className="button button-tertiary meeting-remove"
                onClick={() => set({ agreements: state.agreements.filter((_, n) => n !== i) })}
              >
                {t('meetings.notes.removeAgreement', { n: i + 1 })}
              </button>
            </li>
          ))}
        </ol>
        <button
          type="button"
          className="button button-secondary"
          onClick={() => set({ agreements: [...state.agreements, { text: '', responsible: 'citizen', due: '' }] })}
        >
          {t('meetings.notes.addAgreement')}
        </button>
      </fieldset>

      <RadioGroup
        name="status"
        legend={t('meetings.notes.status')}
        hint={t('meetings.notes.statusHint')}
        required
        inline
        value={state.status}
        onChange={(v) => set({ status: v as MeetingStatus })}
        options={MEETING_STATUSES.map((s) => ({ value: s, label: t(`meetings.status.${s}`) }))}
        error={err['status']}
      />

      <div className="actions">
        <button type="submit" className="button button-primary button-large" aria-disabled={update.isPending ? true : undefined}>
          {update.isPending ? t('meetings.plan.submitting') : t('meetings.notes.submit')}
        </button>
      </div>
    </form>
  );
}
