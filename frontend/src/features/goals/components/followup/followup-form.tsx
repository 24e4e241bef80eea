// The follow-up review: the date it was held, one fieldset per goal being
// worked on (values, GAS level, what happens to the goal), a note and the next
// follow-up date. Checked before sending; the server's 422 errors are shown at
// their fields ("items[2].reason" → that goal's reason) and in the summary.
import { useMemo, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { Alert } from '@/components/alert';
import { ErrorSummary, type SummaryItem } from '@/components/error-summary';
import { SelectField, TextArea, TextField, fieldId } from '@/components/fields';
import { ProblemAlert } from '@/components/problem';
import { ApiError } from '@/lib/api/client';
import { useT, type MessageKey } from '@/lib/i18n';
import { useCreateFollowUp } from '../../api/followups';
import {
  DECISIONS,
  END_STATUSES,
  GAS_LEVELS,
  NEXT_STEP_KINDS,
  TEXT_MAX,
  VALUES,
  initialForm,
  isoDate,
  itemIndex,
  itemOf,
  placeServerErrors,
  reviewGoals,
  toFollowUpRequest,
  validateFollowUp,
  type FollowUpForm as Form,
  type FormProblem,
  type Goal,
  type ItemForm,
} from './followup-model';
import { RadioGroup } from './radio-group';
import './followup.css';

type Props = {
  caseId: string;
  goals: Goal[];
  onSaved: (nextDate: string) => void;
  onReload: () => Promise<unknown>;
};

export function FollowUpForm({ caseId, goals, onSaved, onReload }: Props) {
  const t = useT();
  const create = useCreateFollowUp(caseId);
  const [form, setForm] = useState<Form>(() => initialForm(isoDate(new Date())));
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [failure, setFailure] = useState<unknown>(null);
  const [conflict, setConflict] = useState<MessageKey | null>(null);
  const [reloading, setReloading] = useState(false);

  const reviewed = useMemo(() => reviewGoals(goals), [goals]);
  const titles = useMemo(() => new Map(goals.map((g) => [g.id, g.title])), [goals]);

  const text = (p: FormProblem): string =>
    p.code ? t(`goals.followup.errors.${p.code}`, p.n !== undefined ? { n: p.n } : undefined) : (p.raw ?? '');

  const atField: Record<string, string> = {};
  for (const p of problems) atField[p.path] ??= text(p);

  /** Whether the field of a path is on screen now (conditional fields may not be). */
  function shown(path: string): boolean {
    const i = itemIndex(path);
    if (i === undefined) return ['held_on', 'next_follow_up_date', 'note'].includes(path);
    const g = reviewed[i];
    if (!g) return false;
    const f = itemOf(form, g.id);
    const leaf = path.replace(/^items\[\d+\]\.?/, '');
    switch (leaf) {
      case '':
      case 'citizen_value':
      case 'caseworker_value':
      case 'decision':
        return true;
      case 'gas_level':
        return !!g.gas_levels;
      case 'reason':
        return f.decision === 'adjust' || f.decision === 'end';
      case 'end_status':
        return f.decision === 'end';
      case 'next_step_kind':
      case 'next_step_note':
        return f.decision === 'end' && f.endStatus === 'achieved';
      default:
        return false;
    }
  }

  const summary: SummaryItem[] = problems.map((p) => {
    const i = itemIndex(p.path);
    const goal = i !== undefined ? reviewed[i] : undefined;
    const message = goal ? t('goals.followup.inGoal', { goal: goal.title, field: text(p) }) : text(p);
    if (p.path === 'items') return { message };
    const field = shown(p.path) ? p.path : i !== undefined && goal ? `items[${i}]` : undefined;
    return field ? { field, message } : { message };
  });

  const setItem = (goalId: string, patch: Partial<ItemForm>) =>
    setForm((f) => ({ ...f, items: { ...f.items, [goalId]: { ...itemOf(f, goalId), ...patch } } }));

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (create.isPending) return;
    setFailure(null);
    setConflict(null);
    setAttempt((n) => n + 1);
    const local = validateFollowUp(form, goals, isoDate(new Date()));
    if (local.length) {
      setProblems(local);
      return;
    }
    const { body, goalIds } = toFollowUpRequest(form, goals);
    try {
      await create.mutateAsync(body);
      setProblems([]);
      onSaved(body.next_follow_up_date);
    } catch (err) {
      if (err instanceof ApiError && (err.status === 422 || err.status === 400) && err.problem.errors?.length) {
        setProblems(placeServerErrors(err.problem.errors, goalIds, goals));
        return;
      }
      setProblems([]);
      if (err instanceof ApiError && err.status === 409) {
        setConflict(/closed/i.test(err.problem.detail ?? '') ? 'goals.followup.closed' : 'goals.followup.errors.changed');
        return;
      }
      setFailure(err);
    }
  }

  async function reload() {
    if (reloading) return;
    setReloading(true);
    try {
      await onReload();
      setConflict(null);
      setProblems([]);
    } finally {
      setReloading(false);
    }
  }

  const needsReload = problems.some((p) => p.code === 'missingGoals' || p.code === 'notInProgress');

  return (
    <form onSubmit={submit} noValidate className="followup-form">
      <ErrorSummary items={summary} focusKey={problems.length ? attempt : undefined} />
      {failure !== null && <ProblemAlert error={failure} />}
      {(conflict || needsReload) && (
        <Alert variant="error">
          {conflict && <p className="mt-0">{t(conflict)}</p>}
          <button type="button" className="button button-secondary" aria-disabled={reloading ? true : undefined} onClick={reload}>
            {t('goals.followup.reload')}
          </button>
        </Alert>
      )}

      <TextField
        name="held_on"
        type="date"
        label={t('goals.followup.heldOn')}
        required
        value={form.heldOn}
        error={atField['held_on']}
        onChange={(v) => setForm((f) => ({ ...f, heldOn: v }))}
      />

      <h2>{t('goals.followup.goalsHeading')}</h2>
      <p>{t('goals.followup.goalsIntro', { n: reviewed.length })}</p>
      {reviewed.map((g, i) => (
        <GoalReview
          key={g.id}
          index={i}
          goal={g}
          parentTitle={g.parent_id ? titles.get(g.parent_id) : undefined}
          item={itemOf(form, g.id)}
          errors={atField}
          onChange={(patch) => setItem(g.id, patch)}
        />
      ))}

      <h2>{t('goals.followup.overallHeading')}</h2>
      <TextArea
        name="note"
        label={t('goals.followup.note')}
        rows={3}
        maxLength={TEXT_MAX}
        value={form.note}
        error={atField['note']}
        onChange={(v) => setForm((f) => ({ ...f, note: v }))}
      />
      <TextField
        name="next_follow_up_date"
        type="date"
        label={t('goals.followup.nextDate')}
        hint={t('goals.followup.nextDateHint')}
        required
        value={form.nextDate}
        error={atField['next_follow_up_date']}
        onChange={(v) => setForm((f) => ({ ...f, nextDate: v }))}
      />
      <div className="actions">
        <button type="submit" className="button button-primary" aria-disabled={create.isPending ? true : undefined}>
          {create.isPending ? t('goals.followup.submitting') : t('goals.followup.submit')}
        </button>
        <Link to={`/sager/${caseId}`} className="button button-tertiary">
          {t('goals.followup.cancel')}
        </Link>
      </div>
    </form>
  );
}

function GoalReview(props: {
  index: number;
  goal: Goal;
  parentTitle?: string;
  item: ItemForm;
  errors: Record<string, string>;
  onChange: (patch: Partial<ItemForm>) => void;
}) {
  const t = useT();
  const { goal: g, item: f, errors, onChange } = props;
  const p = `items[${props.index}].`;
  const latest = (rater: 'citizen' | 'caseworker') => {
    const v = g.progress.find((s) => s.rater === rater)?.latest;
    return v !== undefined ? t('goals.followup.latestValue', { value: v }) : t('goals.followup.latestMissing');
  };
  const hasLatest = g.progress.some((s) => s.rater === 'citizen' || s.rater === 'caseworker');
  const values = VALUES.map((v) => ({ value: v, label: v }));
  const reasonLabel = f.decision === 'adjust' ? t('goals.followup.reasonAdjust') : t('goals.followup.reasonEnd');
  const levels = g.gas_levels;

  return (
    <fieldset className="followup-goal" id={fieldId(`items[${props.index}]`)} tabIndex={-1}>
      <legend className="followup-goal-legend">{g.title}</legend>
      {props.parentTitle && <p className="followup-goal-meta">{t('goals.followup.subGoalOf', { title: props.parentTitle })}</p>}
      <p className="followup-goal-meta">
        {hasLatest
          ? t('goals.followup.latest', { citizen: latest('citizen'), caseworker: latest('caseworker') })
          : t('goals.followup.latestNone')}
      </p>

      <div className="row">
        <div className="col-12 col-md-6">
          <SelectField
            name={`${p}citizen_value`}
            label={t('goals.followup.citizenValue')}
            hint={t('goals.followup.valueHint')}
            emptyLabel={t('goals.followup.notRated')}
            options={values}
            value={f.citizenValue}
            error={errors[`${p}citizen_value`]}
            onChange={(v) => onChange({ citizenValue: v })}
          />
        </div>
        <div className="col-12 col-md-6">
          <SelectField
            name={`${p}caseworker_value`}
            label={t('goals.followup.caseworkerValue')}
            hint={t('goals.followup.valueHint')}
            emptyLabel={t('goals.followup.notRated')}
            options={values}
            value={f.caseworkerValue}
            error={errors[`${p}caseworker_value`]}
            onChange={(v) => onChange({ caseworkerValue: v })}
          />
        </div>
      </div>

      {levels && (
        <RadioGroup
          name={`${p}gas_level`}
          legend={t('goals.followup.gasLegend')}
          hint={t('goals.followup.gasHint')}
          options={[
            ...GAS_LEVELS.map((l) => ({ value: l.value, label: t(`goals.followup.gasLevel.${l.key}`), hint: levels[l.key] })),
            { value: '', label: t('goals.followup.gasNotRated') },
          ]}
          value={f.gasLevel}
          error={errors[`${p}gas_level`]}
          onChange={(v) => onChange({ gasLevel: v })}
        />
      )}

      <RadioGroup
        name={`${p}decision`}
        legend={t('goals.followup.decisionLegend')}
        options={DECISIONS.map((d) => ({ value: d, label: t(`goals.followup.decision.${d}`) }))}
        value={f.decision}
        error={errors[`${p}decision`]}
        onChange={(v) => onChange({ decision: v as ItemForm['decision'] })}
      />

      {(f.decision === 'adjust' || f.decision === 'end') && (
        <div className="followup-reveal">
          {f.decision === 'adjust' && <p className="mt-0">{t('goals.followup.adjustHint')}</p>}
          {f.decision === 'end' && (
            <RadioGroup
              name={`${p}end_status`}
              legend={t('goals.followup.endLegend')}
              options={END_STATUSES.map((s) => ({ value: s, label: t(`goals.followup.endStatus.${s}`) }))}
              value={f.endStatus}
              error={errors[`${p}end_status`]}
              onChange={(v) => onChange({ endStatus: v as ItemForm['endStatus'] })}
            />
          )}
          <TextArea
            name={`${p}reason`}
            label={reasonLabel}
            hint={t('goals.followup.reasonHint')}
            required
            rows={3}
            maxLength={TEXT_MAX}
            value={f.reason}
            error={errors[`${p}reason`]}
            onChange={(v) => onChange({ reason: v })}
          />
          {f.decision === 'end' && f.endStatus === 'achieved' && (
            <>
              <div className="alert alert-info followup-reached">
                <div className="alert-body">
                  <p className="alert-text">{t('goals.followup.reachedInfo')}</p>
                </div>
              </div>
              <RadioGroup
                name={`${p}next_step_kind`}
                legend={t('goals.followup.nextStepLegend')}
                options={NEXT_STEP_KINDS.map((k) => ({ value: k, label: t(`goals.followup.nextStep.${k}`) }))}
                value={f.nextStepKind}
                error={errors[`${p}next_step_kind`]}
                onChange={(v) => onChange({ nextStepKind: v as ItemForm['nextStepKind'] })}
              />
              <TextArea
                name={`${p}next_step_note`}
                label={t('goals.followup.nextStepNote')}
                required
                rows={3}
                maxLength={TEXT_MAX}
                value={f.nextStepNote}
                error={errors[`${p}next_step_note`]}
                onChange={(v) => onChange({ nextStepNote: v })}
              />
            </>
          )}
        </div>
      )}
    </fieldset>
  );
}
