import { useMemo, useRef, useState, type FormEvent } from 'react';
import { ErrorSummary, type SummaryItem } from '@/components/error-summary';
import { useT } from '@/lib/i18n';
import { useCreateUser } from '../api/create-user';
import { fieldMessage, issueItems, problemItems, USER_FIELD_ERRORS } from '../problems';
import { emptyUserForm, toCreateUserRequest, validateUserForm, type UserFormValues } from '../user-form';
import { USER_FORM_FIELDS, UserFields } from './user-fields';
import { useFocusOnMount } from './use-focus';

/** "Opret bruger": a panel whose heading takes focus when it opens. */
export function CreateUserForm({ onCreated, onCancel }: { onCreated: (name: string) => void; onCancel: () => void }) {
  const t = useT();
  const heading = useRef<HTMLHeadingElement>(null);
  useFocusOnMount(heading);
  const create = useCreateUser();
  const [values, setValues] = useState<UserFormValues>(emptyUserForm);
  const [errors, setErrors] = useState<SummaryItem[]>([]);
  const labels = useMemo(
    () => ({
      email: t('admin.users.form.email'),
      name: t('admin.users.form.name'),
      role: t('admin.users.form.role'),
      team_ids: t('admin.users.form.teams'),
      password: t('admin.users.form.password'),
    }),
    [t],
  );

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (create.isPending) return;
    const issues = validateUserForm(values, 'create');
    if (issues.length || !values.role) {
      setErrors(issueItems(t, issues));
      return;
    }
    try {
      const created = await create.mutateAsync(toCreateUserRequest({ ...values, role: values.role }));
      onCreated(created.data.name);
    } catch (err) {
      setErrors(problemItems(t, err, { known: USER_FIELD_ERRORS, labels, fields: USER_FORM_FIELDS.create, conflict: 'admin.errors.emailConflict' }));
    }
  }

  return (
    <section className="admin-panel" aria-labelledby="create-user-heading">
      <h2 id="create-user-heading" ref={heading} tabIndex={-1}>
        {t('admin.users.form.createHeading')}
      </h2>
      <form onSubmit={submit} noValidate>
        <ErrorSummary items={errors} />
        <UserFields
          mode="create"
          values={values}
          onChange={(patch) => setValues((v) => ({ ...v, ...patch }))}
          error={(f) => fieldMessage(errors, f)}
        />
        <div className="actions">
          <button type="submit" className="button button-primary" aria-disabled={create.isPending || undefined}>
            {create.isPending ? t('common.saving') : t('admin.users.form.submitCreate')}
          </button>
          <button type="button" className="button button-secondary" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}
