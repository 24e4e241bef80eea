// The guided SMART form, for a new goal, a new sub-goal and for editing. It is
// controlled: the page owns the state, the saving and the error placement.
// One step per section, each a question in plain Danish; the live SMART
// checklist sits beside the steps on wide screens and after them on narrow.
import { useEffect, useRef, useState, type Dispatch, type ReactNode, type SetStateAction } from 'react';
import { Link } from 'react-router';
import { Checkbox, SelectField, TextArea, TextField, fieldId } from '@/components/fields';
import type { Case } from '@/features/cases/api/get-case';
import type { SmartCheck } from '@/features/goals/api/check-goal';
import {
  GAS_KEYS,
  GAS_VALUE,
  HORIZONS,
  PARTICIPANT_KINDS,
  participantRow,
  type GoalForm as FormState,
  type ParticipantRow,
} from '@/features/goals/goal-form-model';
import { useT } from '@/lib/i18n';
import { RadioGroup } from './radio-group';
import { SmartChecklist } from './smart-checklist';
import './goals.css';

export type GoalFormProps = {
  caseId: string;
  form: FormState;
  setForm: Dispatch<SetStateAction<FormState>>;
  /** Messages (already in words) by field path. */
  errors: Record<string, string>;
  dreams: Case['dreams'];
  isSub: boolean;
  check?: SmartCheck;
  checkFailed: boolean;
  /** A draft can be made active from the form; the reason goes with it. */
  canActivate: boolean;
  reason: string;
  setReason: (v: string) => void;
  /** Editing an existing goal: the attained GAS level can be set. */
  editing: boolean;
  /** Which button's action is under way, if any. */
  busy: 'save' | 'activate' | null;
  saveLabel: string;
  onSave: () => void;
  onActivate: () => void;
  onParticipantRemoved: (index: number) => void;
  cancelTo: string;
};

function Step({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="goal-step" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

export function GoalForm(props: GoalFormProps) {
  const { form, setForm, errors, busy } = props;
  const t = useT();
  const [announcement, setAnnouncement] = useState('');
  const focusNext = useRef<string | null>(null);
  useEffect(() => {
    if (!focusNext.current) return;
    document.getElementById(focusNext.current)?.focus();
    focusNext.current = null;
  });

  const err = (path: string) => errors[path];
  const set =
    <K extends keyof FormState>(k: K) =>
    (v: FormState[K]) =>
      setForm((f) => ({ ...f, [k]: v }));
  const setRow = (i: number, patch: Partial<ParticipantRow>) =>
    setForm((f) => ({ ...f, participants: f.participants.map((r, n) => (n === i ? { ...r, ...patch } : r)) }));
  function addRow() {
    focusNext.current = fieldId(`participants[${form.participants.length}].kind`);
    setAnnouncement('');
    setForm((f) => ({ ...f, participants: [...f.participants, participantRow()] }));
  }
  function removeRow(i: number) {
    setForm((f) => ({ ...f, participants: f.participants.filter((_, n) => n !== i) }));
    props.onParticipantRemoved(i);
    setAnnouncement(t('goals.form.participantRemoved', { n: i + 1 }));
    focusNext.current = 'goal-add-participant';
  }

  const dreamOptions = props.dreams.map((d) => ({ value: d.id, label: d.text }));
  if (props.isSub) dreamOptions.push({ value: '', label: t('goals.form.noDream') });

  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (!busy) props.onSave();
      }}
    >
      <p className="sr-only" aria-live="polite">
        {announcement}
      </p>
      <div className="row">
        <div className="col-12 col-lg-8">
          <Step id="goal-step-title" title={t('goals.form.steps.title')}>
            <TextArea
              name="title"
              label={t('goals.form.title')}
              hint={t('goals.form.titleHint')}
              required
              rows={2}
              maxLength={300}
              value={form.title}
              onChange={set('title')}
              error={err('title')}
            />
          </Step>

          <Step id="goal-step-dream" title={t('goals.form.steps.dream')}>
            {props.dreams.length === 0 && !props.isSub ? (
              <div id={fieldId('dream_id')} tabIndex={-1} className={err('dream_id') ? 'form-group form-error' : undefined}>
                <p>{t('goals.form.noDreams')}</p>
                <p>
                  <Link to={`/sager/${props.caseId}/rediger`}>{t('goals.form.editCase')}</Link>
                </p>
              </div>
            ) : (
              <RadioGroup
                name="dream_id"
                legend={t('goals.form.dream')}
                hint={props.isSub ? t('goals.form.dreamSubHint') : t('goals.form.dreamHint')}
                required={!props.isSub}
                value={form.dream_id}
                onChange={set('dream_id')}
                options={dreamOptions}
                error={err('dream_id')}
              />
            )}
          </Step>

          <Step id="goal-step-specific" title={t('goals.form.steps.specific')}>
            <TextArea
              name="specific"
              label={t('goals.form.specific')}
              hint={t('goals.form.specificHint')}
              required
              rows={4}
              maxLength={4000}
              value={form.specific}
              onChange={set('specific')}
              error={err('specific')}
            />
          </Step>

          <Step id="goal-step-measurable" title={t('goals.form.steps.measurable')}>
            <TextArea
              name="measurable_indicator"
              label={t('goals.form.indicator')}
              hint={t('goals.form.indicatorHint')}
              required
              rows={2}
              maxLength={4000}
              value={form.measurable_indicator}
              onChange={set('measurable_indicator')}
              error={err('measurable_indicator')}
            />
            <TextArea
              name="measurable_target"
              label={t('goals.form.target')}
              hint={t('goals.form.targetHint')}
              required
              rows={2}
              maxLength={4000}
              value={form.measurable_target}
              onChange={set('measurable_target')}
              error={err('measurable_target')}
            />
          </Step>

          <Step id="goal-step-achievable" title={t('goals.form.steps.achievable')}>
            <TextArea
              name="achievable_steps"
              label={t('goals.form.steps_')}
              hint={t('goals.form.stepsHint')}
              required
              rows={3}
              maxLength={4000}
              value={form.achievable_steps}
              onChange={set('achievable_steps')}
              error={err('achievable_steps')}
            />
            <TextArea
              name="achievable_resources"
              label={t('goals.form.resources')}
              hint={t('goals.form.resourcesHint')}
              required
              rows={3}
              maxLength={4000}
              value={form.achievable_resources}
              onChange={set('achievable_resources')}
              error={err('achievable_resources')}
            />
          </Step>

          <Step id="goal-step-relevant" title={t('goals.form.steps.relevant')}>
            <TextArea
              name="relevant"
              label={t('goals.form.relevant')}
              hint={t('goals.form.relevantHint')}
              required
              rows={3}
              maxLength={4000}
              value={form.relevant}
              onChange={set('relevant')}
              error={err('relevant')}
            />
          </Step>

          <Step id="goal-step-time" title={t('goals.form.steps.timeBound')}>
            <TextField
              name="target_date"
              type="date"
              label={t('goals.form.targetDate')}
              required
              className="input-width-s"
              value={form.target_date}
              onChange={set('target_date')}
              error={err('target_date')}
            />
            <RadioGroup
              name="horizon"
              legend={t('goals.form.horizon')}
              required
              inline
              value={form.horizon}
              onChange={(v) => set('horizon')(v as FormState['horizon'])}
              options={HORIZONS.map((h) => ({ value: h, label: t(`goals.horizon.${h}`) }))}
              error={err('horizon')}
            />
          </Step>

          <Step id="goal-step-participants" title={t('goals.form.steps.participants')}>
            <p>{t('goals.form.participantsIntro')}</p>
            <div id={fieldId('participants')} tabIndex={-1}>
              {form.participants.map((p, i) => (
                <fieldset key={p.key} className="goal-row">
                  <legend className="h4">{t('goals.form.participant', { n: i + 1 })}</legend>
                  <SelectField
                    name={`participants[${i}].kind`}
                    label={t('goals.form.participantKind')}
                    required
                    value={p.kind}
                    onChange={(v) => setRow(i, { kind: v as ParticipantRow['kind'] })}
                    options={PARTICIPANT_KINDS.map((k) => ({ value: k, label: t(`goals.participant.${k}`) }))}
                    emptyLabel={p.kind === '' ? t('goals.form.choose') : undefined}
                    error={err(`participants[${i}].kind`)}
                  />
                  {(p.kind === 'provider' || p.kind === 'network' || p.name !== '') && (
                    <TextField
                      name={`participants[${i}].name`}
                      label={t('goals.form.participantName')}
                      hint={t('goals.form.participantNameHint')}
                      maxLength={200}
                      value={p.name}
                      onChange={(v) => setRow(i, { name: v })}
                      error={err(`participants[${i}].name`)}
                    />
                  )}
                  <TextField
                    name={`participants[${i}].task`}
                    label={t('goals.form.participantTask')}
                    maxLength={1000}
                    value={p.task}
                    onChange={(v) => setRow(i, { task: v })}
                    error={err(`participants[${i}].task`)}
                  />
                  <button type="button" className="button button-tertiary mt-3" onClick={() => removeRow(i)}>
                    {t('goals.form.removeParticipant', { n: i + 1 })}
                  </button>
                </fieldset>
              ))}
            </div>
            <button id="goal-add-participant" type="button" className="button button-secondary mt-5" onClick={addRow}>
              {t('goals.form.addParticipant')}
            </button>
          </Step>

          <Step id="goal-step-gas" title={t('goals.form.steps.gas')}>
            <Checkbox
              name="gas_on"
              label={t('goals.form.gasUse')}
              hint={t('goals.form.gasHint')}
              checked={form.gas_on}
              onChange={set('gas_on')}
            />
            {form.gas_on && (
              <div id={fieldId('gas_levels')} tabIndex={-1}>
                {GAS_KEYS.map((k) => (
                  <TextField
                    key={k}
                    name={`gas_levels.${k}`}
                    label={t(`goals.form.gasLevel.${k}`)}
                    required
                    maxLength={1000}
                    value={form.gas_levels[k]}
                    onChange={(v) => setForm((f) => ({ ...f, gas_levels: { ...f.gas_levels, [k]: v } }))}
                    error={err(`gas_levels.${k}`)}
                  />
                ))}
                {props.editing && (
                  <SelectField
                    name="gas_attained"
                    label={t('goals.form.gasAttained')}
                    value={form.gas_attained}
                    onChange={set('gas_attained')}
                    emptyLabel={t('goals.form.gasNotYet')}
                    options={GAS_KEYS.map((k) => ({ value: String(GAS_VALUE[k]), label: t(`goals.form.gasLevel.${k}`) }))}
                    error={err('gas_attained')}
                  />
                )}
              </div>
            )}
          </Step>
        </div>
        <div className="col-12 col-lg-4">
          <SmartChecklist check={props.check} failed={props.checkFailed} sticky />
        </div>
      </div>

      <Step id="goal-step-save" title={t('goals.form.steps.save')}>
        {props.canActivate && (
          <>
            <p>{t('goals.form.activateIntro')}</p>
            <TextArea
              name="reason"
              label={t('goals.form.reason')}
              required
              rows={2}
              maxLength={4000}
              value={props.reason}
              onChange={props.setReason}
              error={err('reason')}
            />
          </>
        )}
        <div className="actions">
          <button type="submit" className={`button ${props.canActivate ? 'button-secondary' : 'button-primary'}`} aria-disabled={busy ? true : undefined}>
            {busy === 'save' ? t('goals.form.saving') : props.saveLabel}
          </button>
          {props.canActivate && (
            <button
              type="button"
              className="button button-primary"
              aria-disabled={busy ? true : undefined}
              onClick={() => {
                if (!busy) props.onActivate();
              }}
            >
              {busy === 'activate' ? t('goals.form.saving') : t('goals.form.activate')}
            </button>
          )}
          <Link to={props.cancelTo}>{t('common.cancel')}</Link>
        </div>
      </Step>
    </form>
  );
}
