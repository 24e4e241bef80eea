import { useMemo, useRef, useState, type FormEvent } from 'react';
import { ErrorSummary, type SummaryItem } from '@/components/error-summary';
import { TextField } from '@/components/fields';
import { useT } from '@/lib/i18n';
import { useCreateTeam } from '../api/create-team';
import { fieldMessage, issueItems, problemItems, TEAM_FIELD_ERRORS } from '../problems';
import { toTeamRequest, validateTeamName } from '../team-form';
import { useFocusOnMount } from './use-focus';

/** "Opret team": a panel whose heading takes focus when it opens. */
export function CreateTeamForm({ onCreated, onCancel }: { onCreated: (name: string) => void; onCancel: () => void }) {
  const t = useT();
  const heading = useRef<HTMLHeadingElement>(null);
  useFocusOnMount(heading);
  const create = useCreateTeam();
  const [name, setName] = useState('');
  const [errors, setErrors] = useState<SummaryItem[]>([]);
  const labels = useMemo(() => ({ name: t('admin.teams.form.name') }), [t]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (create.isPending) return;
    const issues = validateTeamName(name);
    if (issues.length) {
      setErrors(issueItems(t, issues));
      return;
    }
    try {
      const created = await create.mutateAsync(toTeamRequest(name));
      onCreated(created.data.name);
    } catch (err) {
      setErrors(problemItems(t, err, { known: TEAM_FIELD_ERRORS, labels, fields: ['name'], conflict: 'admin.errors.teamConflict' }));
    }
  }

  return (
    <section className="admin-panel" aria-labelledby="create-team-heading">
      <h2 id="create-team-heading" ref={heading} tabIndex={-1}>
        {t('admin.teams.form.createHeading')}
      </h2>
      <form onSubmit={submit} noValidate>
        <ErrorSummary items={errors} />
        <TextField
          name="name"
          label={t('admin.teams.form.name')}
          hint={t('admin.teams.form.nameHint')}
          autoComplete="off"
          maxLength={200}
          required
          value={name}
          onChange={setName}
          error={fieldMessage(errors, 'name')}
        />
        <div className="actions">
          <button type="submit" className="button button-primary" aria-disabled={create.isPending || undefined}>
            {create.isPending ? t('common.saving') : t('admin.teams.form.submitCreate')}
          </button>
          <button type="button" className="button button-secondary" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}
