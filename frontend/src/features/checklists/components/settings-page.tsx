// /admin/indstillinger: the municipality's settings, for administrators.
// Today one choice: what the phase gate does when a case leaves a phase whose
// checklist has open core principles. Saved with If-Match; a 412 offers the
// latest version and keeps the choice.
import { useState, type FormEvent } from 'react';
import { PageHeading } from '@/components/page-heading';
import { ProblemAlert } from '@/components/problem';
import { Spinner } from '@/components/spinner';
import { AdminOnly } from '@/features/admin/components/admin-only';
import { StaleNotice } from '@/features/admin/components/stale-notice';
import { StatusRegion, statusOf, type StatusMessage } from '@/features/admin/components/status-region';
import { useDocumentTitle } from '@/features/admin/components/use-document-title';
import { formatDateTime } from '@/features/cases/components/list/format';
import { RadioGroup } from '@/features/goals/components/followup/radio-group';
import { ApiError } from '@/lib/api/client';
import { useI18n } from '@/lib/i18n';
import { useSettings, type GateMode } from '../api/get-settings';
import { useUpdateSettings } from '../api/update-settings';
import '@/features/admin/components/admin.css';

const MODES: readonly GateMode[] = ['warn', 'require'];

export function SettingsPage() {
  const { t } = useI18n();
  useDocumentTitle(t('checklists.settings.title'));
  return (
    <>
      <PageHeading>{t('checklists.settings.title')}</PageHeading>
      <AdminOnly>
        <SettingsForm />
      </AdminOnly>
    </>
  );
}

function SettingsForm() {
  const { t, lang } = useI18n();
  // Always read fresh: the ETag must be current.
  const q = useSettings({ staleTime: 0 });
  const update = useUpdateSettings();
  const [choice, setChoice] = useState<GateMode | ''>('');
  const [status, setStatus] = useState<StatusMessage>(null);
  const [stale, setStale] = useState<'no' | 'yes' | 'reloading'>('no');
  const [failure, setFailure] = useState<unknown>(null);

  if (q.isPending) return <Spinner />;
  if (q.isError) return <ProblemAlert error={q.error} />;
  const saved = q.data.data;
  const value = choice || saved.phase_gate;

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (update.isPending || !q.data) return;
    setFailure(null);
    setStatus(null);
    if (value === saved.phase_gate) {
      setStatus(statusOf(t('checklists.settings.noChanges')));
      return;
    }
    try {
      await update.mutateAsync({ etag: q.data.etag, body: { phase_gate: value } });
      setChoice('');
      setStale('no');
      setStatus(statusOf(t('checklists.settings.saved')));
    } catch (err) {
      if (err instanceof ApiError && err.status === 412) {
        setStale('yes');
        return;
      }
      setFailure(err);
    }
  }

  async function reload() {
    setStale('reloading');
    const res = await q.refetch();
    if (res.error) {
      setFailure(res.error);
      setStale('yes');
      return;
    }
    setStale('no');
    setStatus(statusOf(t('checklists.settings.reloaded')));
  }

  return (
    <>
      <p>{t('checklists.settings.intro')}</p>
      <StatusRegion message={status} />
      <form onSubmit={submit} noValidate className="admin-panel">
        <h2>{t('checklists.settings.gateHeading')}</h2>
        {(stale === 'yes' || stale === 'reloading') && (
          <StaleNotice
            heading={t('checklists.settings.staleHeading')}
            text={t('checklists.settings.staleText')}
            reloading={stale === 'reloading'}
            onReload={reload}
          />
        )}
        {failure !== null && <ProblemAlert error={failure} />}
        <RadioGroup
          name="phase_gate"
          legend={t('checklists.settings.gateLegend')}
          options={MODES.map((m) => ({ value: m, label: t(`checklists.settings.${m}`), hint: t(`checklists.settings.${m}Hint`) }))}
          value={value}
          onChange={(v) => setChoice(v === 'require' ? 'require' : 'warn')}
        />
        <p>
          {saved.updated_at && saved.updated_by_name
            ? t('checklists.settings.lastChanged', { date: formatDateTime(saved.updated_at, lang), name: saved.updated_by_name })
            : t('checklists.settings.neverChanged')}
        </p>
        <div className="actions">
          <button type="submit" className="button button-primary" aria-disabled={update.isPending ? true : undefined}>
            {update.isPending ? t('checklists.settings.submitting') : t('checklists.settings.submit')}
          </button>
        </div>
      </form>
    </>
  );
}
