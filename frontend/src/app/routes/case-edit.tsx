// /sager/:id/rediger: edit a case. Sends only what changed, with If-Match.
// If someone else saved first (412) the user's typed text stays in the form;
// the latest version is fetched, the changes are listed, and the user either
// carries their edits over onto it or discards them.
import { useEffect, useMemo, useRef, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert } from '@/components/alert';
import { ErrorSummary } from '@/components/error-summary';
import { PageHeading } from '@/components/page-heading';
import { ProblemAlert } from '@/components/problem';
import { Spinner } from '@/components/spinner';
import { ApiError } from '@/lib/api/client';
import { useT } from '@/lib/i18n';
import { useUpdateCase } from '@/features/cases/api/update-case';
import { CaseForm } from '@/features/cases/components/form/case-form';
import { ConflictPanel, type ConflictView } from '@/features/cases/components/form/conflict-panel';
import {
  caseToForm,
  conflictChanges,
  rebase,
  requiredProblems,
  toUpdateRequest,
  type FormState,
} from '@/features/cases/components/form/form-model';
import { caseQuery, useTeamStaff, type CaseWithEtag } from '@/features/cases/components/form/queries';
import { useFormErrors } from '@/features/cases/components/form/use-form-errors';

export default function CaseEditPage() {
  const { id = '' } = useParams();
  const t = useT();
  // The form starts from a fresh read, so its ETag is as new as can be.
  const query = useQuery({ ...caseQuery(id), staleTime: 0 });
  const ready = query.data !== undefined && (query.isFetchedAfterMount || query.isError);
  useEffect(() => {
    document.title = `${t('cases.form.editTitle')} – ${t('common.appName')}`;
  }, [t]);

  return (
    <div className="row">
      <div className="col-12 col-lg-9">
        <PageHeading>
          {ready ? t('cases.form.editHeading', { name: query.data!.data.citizen.name }) : t('cases.form.editTitle')}
        </PageHeading>
        {ready ? <EditCase key={id} id={id} initial={query.data!} /> : query.isError ? <ProblemAlert error={query.error} /> : <Spinner />}
      </div>
    </div>
  );
}

type Notice = 'rebased' | 'discarded' | 'nothing' | 'closed';
type Conflict =
  | { reason: 412 | 428; phase: 'loading' }
  | { reason: 412 | 428; phase: 'failed' }
  | { reason: 412 | 428; phase: 'ready'; latest: CaseWithEtag };

function EditCase({ id, initial }: { id: string; initial: CaseWithEtag }) {
  const t = useT();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const update = useUpdateCase();
  const errors = useFormErrors('edit');
  // The version the form is based on: its ETag goes in If-Match, and the
  // request holds what differs from it.
  const [base, setBase] = useState(initial);
  const baseForm = useMemo(() => caseToForm(base.data), [base]);
  const [form, setForm] = useState<FormState>(() => caseToForm(initial.data));
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [problem, setProblem] = useState<unknown>(null);
  const noticeRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (notice) noticeRef.current?.focus();
  }, [notice]);

  const staff = useTeamStaff(base.data.team_id);
  const staffOptions = useMemo(() => {
    const opts = (staff.data ?? []).map((u) => ({ value: u.id, label: u.name }));
    // The current coordinator stays choosable even if no longer listed (e.g. deactivated).
    const cw = base.data.caseworker;
    if (!opts.some((o) => o.value === cw.id)) opts.unshift({ value: cw.id, label: cw.name });
    return opts;
  }, [staff.data, base.data.caseworker]);

  async function loadLatest(reason: 412 | 428) {
    setConflict({ reason, phase: 'loading' });
    try {
      const latest = await qc.fetchQuery({ ...caseQuery(id), staleTime: 0 });
      setConflict({ reason, phase: 'ready', latest });
    } catch {
      setConflict({ reason, phase: 'failed' });
    }
  }

  async function submit() {
    setNotice(null);
    setProblem(null);
    const missing = requiredProblems(form, 'edit');
    if (missing.length) {
      errors.show(missing, form);
      return;
    }
    const body = toUpdateRequest(baseForm, form);
    if (Object.keys(body).length === 0) {
      errors.clear();
      setNotice('nothing');
      return;
    }
    try {
      await update.mutateAsync({ id, etag: base.etag, body });
      navigate(`/sager/${id}`, { state: { caseSaved: 'updated' } });
    } catch (e) {
      if (e instanceof ApiError) {
        if (e.status === 412 || e.status === 428) {
          errors.clear();
          await loadLatest(e.status);
          return;
        }
        if (e.status === 409) {
          errors.clear();
          setNotice('closed');
          return;
        }
        if ((e.status === 422 || e.status === 400) && e.problem.errors?.length) {
          errors.show(e.problem.errors, form);
          return;
        }
      }
      errors.clear();
      setProblem(e);
    }
  }

  function adoptLatest(latest: CaseWithEtag, keepMine: boolean) {
    const theirs = caseToForm(latest.data);
    setForm((mine) => (keepMine ? rebase(baseForm, mine, theirs) : theirs));
    setBase(latest);
    setConflict(null);
    errors.clear();
    setNotice(keepMine ? 'rebased' : 'discarded');
  }

  const view: ConflictView | null = useMemo(() => {
    if (!conflict) return null;
    if (conflict.phase !== 'ready') return conflict;
    return {
      reason: conflict.reason,
      phase: 'ready',
      changes: conflictChanges(base.data, conflict.latest.data, baseForm, form),
      closedNow: conflict.latest.data.status === 'closed',
    };
  }, [conflict, base, baseForm, form]);

  return (
    <>
      {notice && (
        <div ref={noticeRef} tabIndex={-1} className="case-form-notice">
          {notice === 'rebased' && <Alert variant="success">{t('cases.form.conflict.rebased')}</Alert>}
          {notice === 'discarded' && <Alert variant="info">{t('cases.form.conflict.discarded')}</Alert>}
          {notice === 'nothing' && <Alert variant="info">{t('cases.form.nothingChanged')}</Alert>}
          {notice === 'closed' && <Alert variant="error">{t('cases.form.closed')}</Alert>}
        </div>
      )}
      {view && conflict && (
        <ConflictPanel
          view={view}
          onRebase={() => conflict.phase === 'ready' && adoptLatest(conflict.latest, true)}
          onDiscard={() => conflict.phase === 'ready' && adoptLatest(conflict.latest, false)}
          onRetry={() => void loadLatest(conflict.reason)}
        />
      )}
      <ErrorSummary items={errors.summary} />
      <ProblemAlert error={problem} />
      <CaseForm
        mode="edit"
        form={form}
        setForm={setForm}
        errors={errors.atField}
        onRowRemoved={errors.rowRemoved}
        staff={staffOptions}
        cprMasked={base.data.citizen.cpr}
        busy={update.isPending || conflict?.phase === 'loading'}
        submitLabel={t('cases.form.submitEdit')}
        onSubmit={submit}
        cancelTo={`/sager/${id}`}
      />
    </>
  );
}
