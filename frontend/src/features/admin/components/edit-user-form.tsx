import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { ErrorSummary, type SummaryItem } from '@/components/error-summary';
import { ProblemAlert } from '@/components/problem';
import { Spinner } from '@/components/spinner';
import { useT } from '@/lib/i18n';
import type { Versioned } from '../api/keys';
import { useUser } from '../api/get-user';
import { useUpdateUser } from '../api/update-user';
import { fieldMessage, isStale, issueItems, problemItems, USER_FIELD_ERRORS } from '../problems';
import { roleLabelKey } from '../roles';
import { changedSince, isEmptyUpdate, toUpdateUserRequest, userToForm, validateUserForm, type User, type UserFormValues } from '../user-form';
import { ReloadedNotice, StaleNotice } from './stale-notice';
import { USER_FORM_FIELDS, UserFields } from './user-fields';
import { useFocusOnMount } from './use-focus';

type Done = (message: string | null) => void;

/**
 * "Ret bruger": loads the user fresh (its ETag is what the change is made
 * against), then shows the form. `onDone(message)` closes it; a message is
 * shown in the page's status region.
 */
export function EditUserForm({ id, onDone }: { id: string; onDone: Done }) {
  const t = useT();
  const q = useUser(id);
  const [first, setFirst] = useState<Versioned<User> | null>(null);
  useEffect(() => {
    if (!first && q.data && !q.isFetching) setFirst(q.data);
  }, [first, q.data, q.isFetching]);

  if (first) {
    return (
      <Loaded
        initial={first}
        reload={async () => (await q.refetch()).data}
        onDone={onDone}
      />
    );
  }
  if (q.error) {
    return (
      <section className="admin-panel">
        <ProblemAlert error={q.error} />
        <button type="button" className="button button-secondary" onClick={() => onDone(null)}>
          {t('common.back')}
        </button>
      </section>
    );
  }
  return <Spinner />;
}

function Loaded({
  initial,
  reload,
  onDone,
}: {
  initial: Versioned<User>;
  reload: () => Promise<Versioned<User> | undefined>;
  onDone: Done;
}) {
  const t = useT();
  const heading = useRef<HTMLHeadingElement>(null);
  useFocusOnMount(heading);
  const update = useUpdateUser();
  const [saved, setSaved] = useState(initial);
  const [values, setValues] = useState<UserFormValues>(() => userToForm(initial.data));
  const [errors, setErrors] = useState<SummaryItem[]>([]);
  const [stale, setStale] = useState<'no' | 'yes' | 'reloading' | 'reloaded'>('no');
  const [reloadError, setReloadError] = useState<unknown>(null);
  const [differences, setDifferences] = useState<string[]>([]);
  const labels = useMemo(
    () => ({
      name: t('admin.users.form.name'),
      role: t('admin.users.form.role'),
      team_ids: t('admin.users.form.teams'),
      active: t('admin.users.form.deactivate'),
      password: t('admin.users.form.newPassword'),
    }),
    [t],
  );

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (update.isPending) return;
    const issues = validateUserForm(values, 'edit');
    if (issues.length) {
      setErrors(issueItems(t, issues));
      return;
    }
    const body = toUpdateUserRequest(values, saved.data);
    if (isEmptyUpdate(body)) {
      onDone(t('admin.users.noChanges'));
      return;
    }
    try {
      const res = await update.mutateAsync({ id: saved.data.id, etag: saved.etag, body });
      onDone(t('admin.users.saved', { name: res.data.name }));
    } catch (err) {
      if (isStale(err)) {
        setErrors([]);
        setStale('yes');
        return;
      }
      setErrors(problemItems(t, err, { known: USER_FIELD_ERRORS, labels, fields: USER_FORM_FIELDS.edit, conflict: 'admin.errors.emailConflict' }));
    }
  }

  async function fetchLatest() {
    setStale('reloading');
    setReloadError(null);
    try {
      const latest = await reload();
      if (!latest) throw new Error('no data');
      setSaved(latest);
      setDifferences(changedSince(values, latest.data).map((f) => describe(f, latest.data)));
      setStale('reloaded');
    } catch (err) {
      setReloadError(err);
      setStale('yes');
    }
  }

  function describe(f: ReturnType<typeof changedSince>[number], u: User): string {
    switch (f) {
      case 'name':
        return `${labels.name}: ${u.name}`;
      case 'role':
        return `${labels.role}: ${t(roleLabelKey(u.role))}`;
      case 'team_ids':
        return `${labels.team_ids}: ${u.teams.map((tm) => tm.name).join(', ') || t('common.none')}`;
      case 'active':
        return `${t('admin.users.table.status')}: ${u.active ? t('admin.status.active') : t('admin.status.inactive')}`;
    }
  }

  return (
    <section className="admin-panel" aria-labelledby="edit-user-heading">
      <h2 id="edit-user-heading" ref={heading} tabIndex={-1}>
        {t('admin.users.form.editHeading', { name: saved.data.name })}
      </h2>
      <form onSubmit={submit} noValidate>
        {(stale === 'yes' || stale === 'reloading') && (
          <StaleNotice
            heading={t('admin.users.stale.heading')}
            text={t('admin.users.stale.text')}
            reloading={stale === 'reloading'}
            onReload={fetchLatest}
          />
        )}
        {reloadError != null && <ProblemAlert error={reloadError} />}
        {stale === 'reloaded' && (
          <ReloadedNotice
            differences={differences}
            onUseSaved={() => {
              setValues(userToForm(saved.data));
              setErrors([]);
              setStale('no');
              heading.current?.focus();
            }}
          />
        )}
        <ErrorSummary items={errors} />
        <UserFields
          mode="edit"
          values={values}
          onChange={(patch) => setValues((v) => ({ ...v, ...patch }))}
          error={(f) => fieldMessage(errors, f)}
        />
        <div className="actions">
          <button type="submit" className="button button-primary" aria-disabled={update.isPending || undefined}>
            {update.isPending ? t('common.saving') : t('admin.users.form.submitEdit')}
          </button>
          <button type="button" className="button button-secondary" onClick={() => onDone(null)}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}
