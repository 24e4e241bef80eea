import { CheckboxGroup, ErrorMessage, fieldId, SelectField, TextField } from '@/components/fields';
import { ProblemAlert } from '@/components/problem';
import { Spinner } from '@/components/spinner';
import { useT } from '@/lib/i18n';
import { useTeams } from '../api/list-teams';
import { ROLES, roleLabelKey, type Role } from '../roles';
import type { UserFormValues } from '../user-form';

export const USER_FORM_FIELDS = {
  create: ['email', 'name', 'role', 'team_ids', 'password'],
  edit: ['name', 'role', 'team_ids', 'active', 'password'],
} as const;

/** The fields of the create and edit forms. Ids follow the API's field names (fieldId). */
export function UserFields({
  mode,
  values,
  onChange,
  error,
}: {
  mode: 'create' | 'edit';
  values: UserFormValues;
  onChange: (patch: Partial<UserFormValues>) => void;
  error: (field: string) => string | undefined;
}) {
  const t = useT();
  const teams = useTeams();
  return (
    <>
      {mode === 'create' ? (
        <TextField
          name="email"
          type="email"
          label={t('admin.users.form.email')}
          hint={t('admin.users.form.emailHint')}
          autoComplete="off"
          maxLength={320}
          required
          value={values.email}
          onChange={(email) => onChange({ email })}
          error={error('email')}
        />
      ) : (
        <div className="form-group">
          <p className="form-label mb-0">{t('admin.users.form.emailFixed')}</p>
          <p className="mt-0">{values.email}</p>
          <span className="form-hint">{t('admin.users.form.emailFixedHint')}</span>
        </div>
      )}
      <TextField
        name="name"
        label={t('admin.users.form.name')}
        autoComplete="off"
        maxLength={200}
        required
        value={values.name}
        onChange={(name) => onChange({ name })}
        error={error('name')}
      />
      <SelectField
        name="role"
        label={t('admin.users.form.role')}
        required
        value={values.role}
        onChange={(role) => onChange({ role: role as Role | '' })}
        emptyLabel={mode === 'create' ? t('admin.users.form.chooseRole') : undefined}
        options={ROLES.map((r) => ({ value: r, label: t(roleLabelKey(r)) }))}
        error={error('role')}
      />
      {teams.isPending ? (
        <Spinner />
      ) : teams.error ? (
        <ProblemAlert error={teams.error} />
      ) : teams.data.items.length === 0 ? (
        <div className={`form-group${error('team_ids') ? ' form-error' : ''}`}>
          <p className="form-label" id={fieldId('team_ids')} tabIndex={-1}>
            {t('admin.users.form.teams')}
          </p>
          {error('team_ids') && <ErrorMessage id={`${fieldId('team_ids')}-error`} text={error('team_ids')!} />}
          <p>{t('admin.users.form.noTeams')}</p>
        </div>
      ) : (
        <CheckboxGroup
          name="team_ids"
          label={t('admin.users.form.teams')}
          hint={t('admin.users.form.teamsHint')}
          values={values.team_ids}
          onChange={(team_ids) => onChange({ team_ids })}
          options={teams.data.items.map((tm) => ({ value: tm.id, label: tm.name }))}
          error={error('team_ids')}
        />
      )}
      {mode === 'edit' && <DeactivateField active={values.active} onChange={(active) => onChange({ active })} error={error('active')} />}
      <TextField
        name="password"
        type="password"
        label={mode === 'create' ? t('admin.users.form.password') : t('admin.users.form.newPassword')}
        hint={mode === 'create' ? t('admin.users.form.passwordHint') : t('admin.users.form.newPasswordHint')}
        autoComplete="new-password"
        required={mode === 'create'}
        value={values.password}
        onChange={(password) => onChange({ password })}
        error={error('password')}
      />
    </>
  );
}

/** "Deaktiver bruger": checked means the user is (to be) deactivated. */
function DeactivateField({ active, onChange, error }: { active: boolean; onChange: (active: boolean) => void; error?: string }) {
  const t = useT();
  const id = fieldId('active');
  return (
    <div className={`form-group${error ? ' form-error' : ''}`}>
      {error && <ErrorMessage id={`${id}-error`} text={error} />}
      <div className="form-group-checkbox">
        <input
          id={id}
          name="active"
          type="checkbox"
          className="form-checkbox"
          checked={!active}
          aria-invalid={error ? true : undefined}
          aria-describedby={[`${id}-hint`, error ? `${id}-error` : ''].filter(Boolean).join(' ')}
          onChange={(e) => onChange(!e.target.checked)}
        />
        <label htmlFor={id}>{t('admin.users.form.deactivate')}</label>
        <span className="form-hint" id={`${id}-hint`}>
          {t('admin.users.form.deactivateHint')}
        </span>
      </div>
    </div>
  );
}
