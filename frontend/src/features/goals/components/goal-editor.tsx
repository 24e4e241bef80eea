// Saving the guided SMART form. "Gem som kladde" creates the goal (POST) or
// sends what changed (PATCH with If-Match); "Gør målet aktivt" saves first
// and then asks for status active with the reason. When the server refuses
// (422) its field errors appear at the fields and in the error summary; a
// goal that was just created stays saved as a draft, and the next attempt
// changes it instead of making another. If someone else saved in between
// (412) the user gets the latest version with their own edits kept.
import { useEffect, useMemo, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { Alert } from '@/components/alert';
import { ErrorSummary, type SummaryItem } from '@/components/error-summary';
import { ProblemAlert } from '@/components/problem';
import type { Case } from '@/features/cases/api/get-case';
import { useChangeGoalStatus } from '@/features/goals/api/change-goal-status';
import { useSmartCheck } from '@/features/goals/api/check-goal';
import { useCreateGoal } from '@/features/goals/api/create-goal';
import { goalQuery, type GoalWithEtag } from '@/features/goals/api/get-goal';
import type { Goal } from '@/features/goals/api/list-goals';
import { useUpdateGoal } from '@/features/goals/api/update-goal';
import { fieldLabel } from '@/features/goals/field-labels';
import {
  emptyGoalForm,
  fieldOrder,
  goalToForm,
  orderErrors,
  rebaseGoalForm,
  requiredProblems,
  toGoalInput,
  toUpdateRequest,
  type GoalForm as FormState,
  type Problem,
} from '@/features/goals/goal-form-model';
import { fieldMessage } from '@/features/goals/smart';
import { ApiError, type FieldError } from '@/lib/api/client';
import { useT, type MessageKey } from '@/lib/i18n';
import { GoalForm } from './goal-form';

type Placed = { atField: Record<string, string>; summary: SummaryItem[] };
type Notice = 'nothingChanged' | 'reloaded';

const CLIENT_MESSAGE: Record<Problem['code'], MessageKey> = {
  title: 'goals.errors.required',
  dream: 'goals.hints.missing_dream',
  reason: 'goals.statusForm.reasonRequired',
  kind: 'goals.errors.required',
  gas: 'goals.errors.required',
};

export function GoalEditor({ c, initial, parent }: { c: Case; initial?: GoalWithEtag; parent?: Goal }) {
  const t = useT();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const create = useCreateGoal(c.id);
  const update = useUpdateGoal();
  const changeStatus = useChangeGoalStatus();

  // The stored version the form is based on (its ETag goes in If-Match);
  // none until a new goal is first saved.
  const [saved, setSaved] = useState<GoalWithEtag | undefined>(initial);
  const [form, setForm] = useState<FormState>(() => (initial ? goalToForm(initial.data) : emptyGoalForm(parent)));
  const [reason, setReason] = useState(() => t('goals.form.reasonDefault'));
  const [placed, setPlaced] = useState<Placed>({ atField: {}, summary: [] });
  const [attempt, setAttempt] = useState(0);
  const [notActivated, setNotActivated] = useState(false);
  const [busy, setBusy] = useState<'save' | 'activate' | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [stale, setStale] = useState<'shown' | 'loading' | null>(null);
  const [problem, setProblem] = useState<unknown>(null);
  const [conflict, setConflict] = useState(false);
  const noticeRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (notice) noticeRef.current?.focus();
  }, [notice]);

  const parentId = parent?.id ?? initial?.data.parent_id;
  const isSub = !!parentId;
  const input = useMemo(() => toGoalInput(form, parentId), [form, parentId]);
  const check = useSmartCheck(c.id, input);
  const criteria = check.data?.criteria ?? saved?.data.smart.criteria ?? [];
  const canActivate = !saved || saved.data.status === 'draft';

  function place(errors: readonly FieldError[]) {
    const { shown, other } = orderErrors(errors, fieldOrder(form));
    setPlaced({
      atField: Object.fromEntries(shown.map((e) => [e.field, e.message])),
      summary: [
        ...shown.map((e) => ({ field: e.field, message: `${fieldLabel(t, e.field)}: ${e.message}` })),
        ...other.map((e) => ({ message: `${fieldLabel(t, e.field)}: ${e.message}` })),
      ],
    });
    setAttempt((n) => n + 1);
  }
  const placeServer = (errors: readonly FieldError[]) => place(errors.map((e) => ({ field: e.field, message: fieldMessage(t, e.message, criteria) })));
  const clear = () => {
    setPlaced({ atField: {}, summary: [] });
    setNotActivated(false);
  };

  async function save(action: 'save' | 'activate') {
    setNotice(null);
    setProblem(null);
    setConflict(false);
    const missing = requiredProblems(form, { isSub, activating: action === 'activate', reason });
    if (missing.length) {
      setNotActivated(false);
      place(missing.map((p) => ({ field: p.field, message: t(CLIENT_MESSAGE[p.code]) })));
      return;
    }
    setBusy(action);
    try {
      let current = saved;
      if (!current) {
        current = await create.mutateAsync(toGoalInput(form, parentId));
        setSaved(current);
      } else {
        const body = toUpdateRequest(goalToForm(current.data), form);
        if (Object.keys(body).length) {
          current = await update.mutateAsync({ id: current.data.id, etag: current.etag, body });
          setSaved(current);
        } else if (action === 'save') {
          clear();
          setNotice('nothingChanged');
          return;
        }
      }
      if (action === 'activate') {
        try {
          current = await changeStatus.mutateAsync({ id: current.data.id, etag: current.etag, body: { status: 'active', reason: reason.trim() } });
        } catch (e) {
          if (e instanceof ApiError && e.status === 422 && e.problem.errors?.length) {
            setNotActivated(true);
            placeServer(e.problem.errors);
            return;
          }
          throw e;
        }
      }
      const goalSaved = action === 'activate' ? 'active' : initial ? 'updated' : 'draft';
      navigate(`/sager/${c.id}/maal/${current.data.id}`, { state: { goalSaved } });
    } catch (e) {
      clear();
      if (e instanceof ApiError) {
        if (e.status === 412 || e.status === 428) {
          setStale('shown');
          return;
        }
        if (e.status === 409) {
          setConflict(true);
          return;
        }
        if ((e.status === 422 || e.status === 400) && e.problem.errors?.length) {
          placeServer(e.problem.errors);
          return;
        }
      }
      setProblem(e);
    } finally {
      setBusy(null);
    }
  }

  async function reload() {
    if (!saved || stale === 'loading') return;
    setStale('loading');
    try {
      const latest = await qc.fetchQuery({ ...goalQuery(saved.data.id), staleTime: 0 });
      setForm((mine) => rebaseGoalForm(goalToForm(saved.data), mine, goalToForm(latest.data)));
      setSaved(latest);
      setStale(null);
      setConflict(false);
      setNotice('reloaded');
    } catch (e) {
      setStale('shown');
      setProblem(e);
    }
  }

  // After a participant is removed, messages at the rows' fields would sit on
  // the wrong row: they go (the summary stays as it was when sent).
  function participantRemoved() {
    setPlaced((p) => ({
      atField: Object.fromEntries(Object.entries(p.atField).filter(([k]) => !k.startsWith('participants['))),
      summary: p.summary,
    }));
  }

  return (
    <>
      {notice && (
        <div ref={noticeRef} tabIndex={-1} className="goal-notice">
          <Alert variant={notice === 'reloaded' ? 'success' : 'info'}>
            {notice === 'reloaded' ? t('goals.form.reloaded') : t('goals.form.nothingChanged')}
          </Alert>
        </div>
      )}
      {stale && (
        <Alert variant="warning" heading={t('goals.form.staleHeading')}>
          <p className="mt-0">{t('goals.form.staleBody')}</p>
          <button type="button" className="button button-secondary" aria-disabled={stale === 'loading' ? true : undefined} onClick={() => void reload()}>
            {stale === 'loading' ? t('goals.form.reloading') : t('goals.form.reload')}
          </button>
        </Alert>
      )}
      {conflict && (
        <Alert variant="error">
          <p className="mt-0">{t('goals.form.conflict')}</p>
          {saved && (
            <button type="button" className="button button-secondary" onClick={() => void reload()}>
              {t('goals.form.reload')}
            </button>
          )}
        </Alert>
      )}
      <ErrorSummary items={placed.summary} focusKey={attempt} title={notActivated ? t('goals.form.savedNotActive') : undefined} />
      <ProblemAlert error={problem} />
      <GoalForm
        caseId={c.id}
        form={form}
        setForm={setForm}
        errors={placed.atField}
        dreams={c.dreams}
        isSub={isSub}
        check={check.data}
        checkFailed={check.isError && !check.data}
        canActivate={canActivate}
        reason={reason}
        setReason={setReason}
        editing={!!saved}
        busy={busy}
        saveLabel={canActivate ? t('goals.form.saveDraft') : t('goals.form.saveChanges')}
        onSave={() => void save('save')}
        onActivate={() => void save('activate')}
        onParticipantRemoved={participantRemoved}
        cancelTo={initial ? `/sager/${c.id}/maal/${initial.data.id}` : `/sager/${c.id}`}
      />
    </>
  );
}
