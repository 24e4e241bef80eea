// /sager/ny: create a case. The server checks everything; the form only
// catches empty required fields before sending, and shows every field error
// the server returns at its field and in the summary.
import { useEffect, useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { Alert } from '@/components/alert';
import { ErrorSummary } from '@/components/error-summary';
import { PageHeading } from '@/components/page-heading';
import { ProblemAlert } from '@/components/problem';
import { Spinner } from '@/components/spinner';
import { ApiError, type Schemas } from '@/lib/api/client';
import { useT } from '@/lib/i18n';
import { useCreateCase } from '@/features/cases/api/create-case';
import { CaseForm } from '@/features/cases/components/form/case-form';
import { emptyForm, requiredProblems, toCreateRequest, type FormState } from '@/features/cases/components/form/form-model';
import { useMyTeams, useTeamStaff } from '@/features/cases/components/form/queries';
import { useFormErrors } from '@/features/cases/components/form/use-form-errors';

export default function CaseNewPage() {
  const t = useT();
  const teams = useMyTeams();
  useEffect(() => {
    document.title = `${t('cases.form.newTitle')} – ${t('common.appName')}`;
  }, [t]);

  return (
    <div className="row">
      <div className="col-12 col-lg-9">
        <PageHeading>{t('cases.form.newTitle')}</PageHeading>
        {teams.isPending ? (
          <Spinner />
        ) : teams.isError ? (
          <ProblemAlert error={teams.error} />
        ) : teams.data.length === 0 ? (
          <Alert variant="warning">{t('cases.form.noTeams')}</Alert>
        ) : (
          <CreateCase teams={teams.data} />
        )}
      </div>
    </div>
  );
}

function CreateCase({ teams }: { teams: Schemas['Team'][] }) {
  const t = useT();
  const navigate = useNavigate();
  const [form, setForm] = useState<FormState>(() => emptyForm(teams.length === 1 ? teams[0]!.id : ''));
  const [problem, setProblem] = useState<unknown>(null);
  const errors = useFormErrors('create');
  const create = useCreateCase();
  const staff = useTeamStaff(form.team_id);
  const teamOptions = useMemo(() => teams.map((tm) => ({ value: tm.id, label: tm.name })), [teams]);
  const staffOptions = useMemo(() => (staff.data ?? []).map((u) => ({ value: u.id, label: u.name })), [staff.data]);

  async function submit() {
    setProblem(null);
    const missing = requiredProblems(form, 'create');
    if (missing.length) {
      errors.show(missing, form);
      return;
    }
    try {
      const created = await create.mutateAsync(toCreateRequest(form));
      navigate(`/sager/${created.data.id}`, { state: { caseSaved: 'created' } });
    } catch (e) {
      if (e instanceof ApiError && (e.status === 422 || e.status === 400) && e.problem.errors?.length) {
        errors.show(e.problem.errors, form);
        return;
      }
      errors.clear();
      setProblem(e);
    }
  }

  return (
    <>
      <p>{t('cases.form.intro')}</p>
      <ErrorSummary items={errors.summary} />
      <ProblemAlert error={problem} />
      <CaseForm
        mode="create"
        form={form}
        setForm={setForm}
        errors={errors.atField}
        onRowRemoved={errors.rowRemoved}
        teams={teamOptions}
        staff={staffOptions}
        busy={create.isPending}
        submitLabel={t('cases.form.submitCreate')}
        onSubmit={submit}
        cancelTo="/sager"
      />
    </>
  );
}
