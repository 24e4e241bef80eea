import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { ErrorSummary, type SummaryItem } from '@/components/error-summary';
import { TextField } from '@/components/fields';
import { ProblemAlert } from '@/components/problem';
import { Spinner } from '@/components/spinner';
import { useT } from '@/lib/i18n';
import type { Versioned } from '../api/keys';
import { useTeam } from '../api/get-team';
import { useUpdateTeam } from '../api/update-team';
import { fieldMessage, isStale, issueItems, problemItems, TEAM_FIELD_ERRORS } from '../problems';
import { toTeamRequest, validateTeamName, type Team } from '../team-form';
import { ReloadedNotice, StaleNotice } from './stale-notice';
import { useFocusOnMount } from './use-focus';

type Done = (message: string | null) => void;

/** "Omdøb team": loads the team fresh (for its ETag), then shows the form. */
export function RenameTeamForm({ id, onDone }: { id: string; onDone: Done }) {
  const t = useT();
  const q = useTeam(id);
  const [first, setFirst] = useState<Versioned<Team> | null>(null);
  useEffect(() => {
    if (!first && q.data && !q.isFetching) setFirst(q.data);
  }, [first, q.data, q.isFetching]);

  if (first) return <Loaded initial={first} reload={async () => (await q.refetch()).data} onDone={onDone} />;
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
  initial: Versioned<Team>;
  reload: () => Promise<Versioned<Team> | undefined>;
  onDone: Done;
}) {
  const t = useT();
  const heading = useRef<HTMLHeadingElement>(null);
  useFocusOnMount(heading);
  const update = useUpdateTeam();
  const [saved, setSaved] = useState(initial);
  const [name, setName] = useState(initial.data.name);
  const [errors, setErrors] = useState<SummaryItem[]>([]);
  const [stale, setStale] = useState<'no' | 'yes' | 'reloading' | 'reloaded'>('no');
  const [reloadError, setReloadError] = useState<unknown>(null);
  const [differences, setDifferences] = useState<string[]>([]);
  const labels = useMemo(() => ({ name: t('admin.teams.form.newName') }), [t]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (update.isPending) return;
    const issues = validateTeamName(name);
    if (issues.length) {
      setErrors(issueItems(t, issues));
      return;
    }
    const body = toTeamRequest(name);
    if (body.name === saved.data.name) {
      onDone(t('admin.teams.noChanges'));
      return;
    }
    try {
      const res = await update.mutateAsync({ id: saved.data.id, etag: saved.etag, body });
      onDone(t('admin.teams.renamed', { name: res.data.name }));
    } catch (err) {
      if (isStale(err)) {
        setErrors([]);
        setStale('yes');
        return;
      }
      setErrors(problemItems(t, err, { known: TEAM_FIELD_ERRORS, labels, fields: ['name'], conflict: 'admin.errors.teamConflict' }));
    }
  }

  async function fetchLatest() {
    setStale('reloading');
    setReloadError(null);
    try {
      const latest = await reload();
      if (!latest) throw new Error('no data');
      setSaved(latest);
      setDifferences(latest.data.name !== name.trim() ? [`${t('admin.teams.table.name')}: ${latest.data.name}`] : []);
      setStale('reloaded');
    } catch (err) {
      setReloadError(err);
      setStale('yes');
    }
  }

  return (
    <section className="admin-panel" aria-labelledby="rename-team-heading">
      <h2 id="rename-team-heading" ref={heading} tabIndex={-1}>
        {t('admin.teams.form.renameHeading', { name: saved.data.name })}
      </h2>
      <form onSubmit={submit} noValidate>
        {(stale === 'yes' || stale === 'reloading') && (
          <StaleNotice
            heading={t('admin.teams.stale.heading')}
            text={t('admin.teams.stale.text')}
            reloading={stale === 'reloading'}
            onReload={fetchLatest}
          />
        )}
        {reloadError != null && <ProblemAlert error={reloadError} />}
        {stale === 'reloaded' && (
          <ReloadedNotice
            differences={differences}
            onUseSaved={() => {
              setName(saved.data.name);
              setErrors([]);
              setStale('no');
              heading.current?.focus();
            }}
          />
        )}
        <ErrorSummary items={errors} />
        <TextField
          name="name"
          label={t('admin.teams.form.newName')}
          hint={t('admin.teams.form.nameHint')}
          autoComplete="off"
          maxLength={200}
          required
          value={name}
          onChange={setName}
          error={fieldMessage(errors, 'name')}
        />
        <div className="actions">
          <button type="submit" className="button button-primary" aria-disabled={update.isPending || undefined}>
            {update.isPending ? t('common.saving') : t('admin.teams.form.submitRename')}
          </button>
          <button type="button" className="button button-secondary" onClick={() => onDone(null)}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}
