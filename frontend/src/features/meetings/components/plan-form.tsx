// Step 1, the plan: when, the form of meeting, where, who takes part, the
// agenda (the citizen's own topics from their phone marked "Borgerens
// emne": they can be removed but not reworded) and whether it was sent.
// Creates the meeting (POST) or saves the plan of an existing one (PATCH
// with If-Match; a 412 offers the latest version and keeps what was typed).
import { useState, type FormEvent } from 'react';
import { ErrorSummary } from '@/components/error-summary';
import { Checkbox, fieldId, SelectField, TextField } from '@/components/fields';
import { ProblemAlert } from '@/components/problem';
import { FocusNotice } from '@/features/cases/components/detail/change-problem';
import { ApiError } from '@/lib/api/client';
import { useI18n, type MessageKey } from '@/lib/i18n';
import { useCreateMeeting } from '../api/create-meeting';
import { useQueryClient } from '@tanstack/react-query';
import { meetingQuery } from '../api/get-meeting';
import type { Versioned } from '../api/keys';
import { MEETING_FORMS, PARTICIPANT_KINDS, type Meeting, type MeetingForm, type ParticipantKind } from '../api/list-meetings';
import { useUpdateMeeting } from '../api/update-meeting';
import { emptyPlan, planFromMeeting, toMeetingRequest, toPlanChange, validatePlan, type PlanState } from '../plan-model';
import { StaleMeeting } from './stale-meeting';
import { TimeField } from './time-field';
import { useFieldProblems } from './use-field-problems';

function labelOf(t: (k: MessageKey, v?: Record<string, string | number>) => string, field: string): string {
  let m: RegExpExecArray | null;
  if (field === 'starts_at') return t('meetings.plan.date');
  if (field === 'starts_at_time') return t('meetings.plan.time');
  if (field === 'form') return t('meetings.plan.form');
  if (field === 'place') return t('meetings.plan.place');
  if ((m = /^agenda\[(\d+)\]/.exec(field))) return t('meetings.plan.agendaItem', { n: Number(m[1]) + 1 });
  if ((m = /^participants\[(\d+)\]\.name/.exec(field))) return t('meetings.plan.participantName', { n: Number(m[1]) + 1 });
  if ((m = /^participants\[(\d+)\]/.exec(field))) return t('meetings.plan.participantKind', { n: Number(m[1]) + 1 });
  return field;
}

export function PlanForm(props: { caseId: string; meeting?: Versioned<Meeting>; onCreated?: (m: Meeting) => void }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const create = useCreateMeeting(props.caseId);
  const update = useUpdateMeeting();
  const [state, setState] = useState<PlanState>(() => (props.meeting ? planFromMeeting(props.meeting.data) : emptyPlan()));
  const [etag, setEtag] = useState(props.meeting?.etag ?? '');
  const [stale, setStale] = useState<'no' | 'yes' | 'reloading'>('no');
  const [notice, setNotice] = useState<{ text: string; n: number }>();
  const [failure, setFailure] = useState<unknown>(null);
  const problems = useFieldProblems((f) => labelOf(t, f));
  const pending = create.isPending || update.isPending;
  const set = (patch: Partial<PlanState>) => setState((s) => ({ ...s, ...patch }));

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (pending) return;
    problems.next();
    setNotice(undefined);
    setFailure(null);
    const local = validatePlan(state);
    if (local.length) {
      problems.local(local);
      return;
    }
    problems.clear();
    try {
      if (!props.meeting) {
        const made = await create.mutateAsync(toMeetingRequest(state));
        props.onCreated?.(made.data);
        return;
      }
      const saved = await update.mutateAsync({ id: props.meeting.data.id, etag, body: toPlanChange(state) });
      setEtag(saved.etag);
      // Kept items now have ids (and new ones too): continue from what the server has.
      setState(planFromMeeting(saved.data));
      setStale('no');
      setNotice({ text: t('meetings.page.saved'), n: problems.attempt });
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
    if (!props.meeting) return;
    setStale('reloading');
    try {
      const latest = await qc.fetchQuery({ ...meetingQuery(props.meeting.data.id), staleTime: 0 });
      setEtag(latest.etag);
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

      <fieldset className="meeting-fieldset">
        <legend className="h3">{t('meetings.plan.when')}</legend>
        <div className="meeting-when">
          <TextField
            name="starts_at"
            type="date"
            label={t('meetings.plan.date')}
            required
            value={state.date}
            onChange={(date) => set({ date })}
            error={err['starts_at']}
          />
          <TimeField
            name="starts_at_time"
            label={t('meetings.plan.time')}
            hint={t('meetings.plan.timeHint')}
            value={state.time}
            onChange={(time) => set({ time })}
            error={err['starts_at_time']}
          />
        </div>
        <SelectField
          name="form"
          label={t('meetings.plan.form')}
          required
          value={state.form}
          onChange={(v) => set({ form: v as MeetingForm })}
          options={MEETING_FORMS.map((f) => ({ value: f, label: t(`meetings.form.${f}`) }))}
          error={err['form']}
        />
        <TextField
          name="place"
          label={t('meetings.plan.place')}
          hint={t('meetings.plan.placeHint')}
          value={state.place}
          onChange={(place) => set({ place })}
          maxLength={200}
          error={err['place']}
        />
      </fieldset>

      <fieldset className="meeting-fieldset" id={fieldId('participants')} tabIndex={-1}>
        <legend className="h3">{t('meetings.plan.participants')}</legend>
        <ul className="nobullet-list meeting-rows">
          {state.participants.map((p, i) => (
            <li key={i} className="meeting-row">
              <SelectField
                name={`participants[${i}].kind`}
                label={t('meetings.plan.participantKind', { n: i + 1 })}
                required
                value={p.kind}
                onChange={(v) =>
                  set({ participants: state.participants.map((x, n) => (n === i ? { ...x, kind: v as ParticipantKind } : x)) })
                }
                options={PARTICIPANT_KINDS.map((k) => ({ value: k, label: t(`meetings.participant.${k}`) }))}
                error={err[`participants[${i}].kind`]}
              />
              <TextField
                name={`participants[${i}].name`}
                label={t('meetings.plan.participantName', { n: i + 1 })}
                value={p.name}
                onChange={(name) => set({ participants: state.participants.map((x, n) => (n === i ? { ...x, name } : x)) })}
                maxLength={200}
                error={err[`participants[${i}].name`]}
              />
              <button
                type="button"
                className="button button-tertiary meeting-remove"
                onClick={() => set({ participants: state.participants.filter((_, n) => n !== i) })}
              >
                {t('meetings.plan.removeParticipant', { n: i + 1 })}
              </button>
            </li>
          ))}
        </ul>
        <button
          type="button"
          className="button button-secondary"
          onClick={() => set({ participants: [...state.participants, { kind: 'relative', name: '' }] })}
        >
          {t('meetings.plan.addParticipant')}
        </button>
      </fieldset>

      <fieldset className="meeting-fieldset" id={fieldId('agenda')} tabIndex={-1} aria-describedby="agenda-hint">
        <legend className="h3">{t('meetings.plan.agenda')}</legend>
        <p className="form-hint" id="agenda-hint">
          {t('meetings.plan.agendaHint')}
        </p>
        {state.agenda.length === 0 && <p>{t('meetings.plan.agendaEmpty')}</p>}
        <ol className="meeting-rows meeting-agenda">
          {state.agenda.map((a, i) => (
            <li key={a.id ?? `new-${i}`} className="meeting-row">
              {a.addedBy === 'citizen' ? (
                <div className="form-group">
                  <p className="mb-0" id={fieldId(`agenda[${i}].text`)} tabIndex={-1}>
                    <span className="badge badge-small badge-info mr-3">{t('meetings.plan.citizenTopic')}</span>
                    <q>{a.text}</q>
                  </p>
                  {err[`agenda[${i}].text`] && <span className="form-error-message">{err[`agenda[${i}].text`]}</span>}
                </div>
              ) : (
                <TextField
                  name={`agenda[${i}].text`}
                  label={t('meetings.plan.agendaItem', { n: i + 1 })}
                  required
                  value={a.text}
                  onChange={(text) => set({ agenda: state.agenda.map((x, n) => (n === i ? { ...x, text } : x)) })}
                  maxLength={300}
                  error={err[`agenda[${i}].text`]}
                />
              )}
              <button
                type="button"
                className="button button-tertiary meeting-remove"
                onClick={() => set({ agenda: state.agenda.filter((_, n) => n !== i) })}
              >
                {t('meetings.plan.removeAgenda', { n: i + 1 })}
              </button>
            </li>
          ))}
        </ol>
        <button type="button" className="button button-secondary" onClick={() => set({ agenda: [...state.agenda, { text: '', addedBy: 'caseworker' }] })}>
          {t('meetings.plan.addAgenda')}
        </button>
        <div className="mt-5">
          <Checkbox name="agenda_sent" label={t('meetings.plan.agendaSent')} checked={state.agendaSent} onChange={(agendaSent) => set({ agendaSent })} />
        </div>
      </fieldset>

      <div className="actions">
        <button type="submit" className="button button-primary button-large" aria-disabled={pending ? true : undefined}>
          {pending ? t('meetings.plan.submitting') : props.meeting ? t('meetings.plan.submit') : t('meetings.plan.submitNew')}
        </button>
      </div>
    </form>
  );
}
