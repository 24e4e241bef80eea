import { useMemo, useState, type FormEvent } from 'react';
import { ErrorSummary } from '@/components/error-summary';
import { SelectField, TextArea } from '@/components/fields';
import { useCloseCase, type CloseCaseVars } from '@/features/cases/api/close-case';
import type { Case } from '@/features/cases/api/get-case';
import { useReopenCase } from '@/features/cases/api/reopen-case';
import { formatDay } from '@/features/cases/components/list/format';
import { useI18n } from '@/lib/i18n';
import { ChangeProblem, FocusNotice } from './change-problem';
import { Facts } from './facts';
import { Section } from './section';

type Reason = CloseCaseVars['reason'];
export const CLOSURE_REASONS = [
  'goals_achieved',
  'no_longer_needed',
  'refused',
  'citizen_withdrew',
  'moved',
  'transferred',
  'deceased',
  'other',
] as const satisfies readonly Reason[];

const NOTE_MAX = 4000;

type FormProps = { c: Case; etag: string; onReload: () => Promise<unknown>; onDone: (text: string) => void };

function CloseForm({ c, etag, onReload, onDone }: FormProps) {
  const { t } = useI18n();
  const close = useCloseCase(c.id);
  const [reason, setReason] = useState<Reason | ''>('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string>();
  const [notice, setNotice] = useState<string>();
  // New items (and so focus on the summary) only for a new failed attempt, not on every keystroke.
  const [attempt, setAttempt] = useState(0);
  const summary = useMemo(() => (error ? [{ field: 'close-reason', message: error }] : []), [error, attempt]);

  function submit(e: FormEvent) {
    e.preventDefault();
    if (close.isPending) return;
    if (!reason) {
      setError(t('cases.detail.close.reasonRequired'));
      setAttempt((n) => n + 1);
      return;
    }
    setError(undefined);
    const trimmed = note.trim();
    close.mutate({ reason, etag, ...(trimmed ? { note: trimmed } : {}) }, { onSuccess: () => onDone(t('cases.detail.close.closed')) });
  }

  return (
    <>
      <h3>{t('cases.detail.close.summary')}</h3>
      {notice && <FocusNotice text={notice} />}
      <ChangeProblem
        error={close.error}
        conflict={t('cases.detail.close.conflict')}
        onReload={async () => {
          await onReload();
          close.reset();
          setNotice(t('cases.detail.stale.reloaded'));
        }}
      />
      <form onSubmit={submit} noValidate>
        <ErrorSummary items={summary} />
        <SelectField
          name="close-reason"
          label={t('cases.detail.close.reason')}
          required
          value={reason}
          onChange={(v) => setReason(v as Reason | '')}
          emptyLabel={t('cases.detail.close.chooseReason')}
          options={CLOSURE_REASONS.map((r) => ({ value: r, label: t(`cases.labels.closureReason.${r}`) }))}
          error={error}
        />
        <TextArea name="close-note" label={t('cases.detail.close.note')} value={note} onChange={setNote} rows={3} maxLength={NOTE_MAX} />
        <button type="submit" className="button button-secondary" aria-disabled={close.isPending ? true : undefined}>
          {close.isPending ? t('cases.detail.close.submitting') : t('cases.detail.close.submit')}
        </button>
      </form>
    </>
  );
}

function ReopenForm({ c, etag, onReload, onDone }: FormProps) {
  const { t } = useI18n();
  const reopen = useReopenCase(c.id);
  const [note, setNote] = useState('');
  const [notice, setNotice] = useState<string>();

  function submit(e: FormEvent) {
    e.preventDefault();
    if (reopen.isPending) return;
    const trimmed = note.trim();
    reopen.mutate({ etag, ...(trimmed ? { note: trimmed } : {}) }, { onSuccess: () => onDone(t('cases.detail.reopen.reopened')) });
  }

  return (
    <>
      <h3>{t('cases.detail.reopen.heading')}</h3>
      {notice && <FocusNotice text={notice} />}
      <ChangeProblem
        error={reopen.error}
        conflict={t('cases.detail.reopen.conflict')}
        onReload={async () => {
          await onReload();
          reopen.reset();
          setNotice(t('cases.detail.stale.reloaded'));
        }}
      />
      <p>{t('cases.detail.reopen.intro')}</p>
      <form onSubmit={submit} noValidate>
        <TextArea
          name="reopen-note"
          label={t('cases.detail.reopen.note')}
          hint={t('cases.detail.reopen.noteHint')}
          value={note}
          onChange={setNote}
          rows={3}
          maxLength={NOTE_MAX}
        />
        <button type="submit" className="button button-primary" aria-disabled={reopen.isPending ? true : undefined}>
          {reopen.isPending ? t('cases.detail.reopen.submitting') : t('cases.detail.reopen.submit')}
        </button>
      </form>
    </>
  );
}

/** Open or closed; the closure on record; close or reopen with If-Match. */
export function StatusSection({ c, etag, onReload }: { c: Case; etag: string; onReload: () => Promise<unknown> }) {
  const { t, lang } = useI18n();
  // Set when a close/reopen succeeded; the form that sent it is replaced by
  // the other one, so the notice lives here and takes focus.
  const [done, setDone] = useState<string>();
  const closed = c.status === 'closed';
  const closure = [
    { label: t('cases.detail.status.reason'), value: c.closure_reason ? t(`cases.labels.closureReason.${c.closure_reason}`) : undefined },
    { label: t('cases.detail.status.note'), value: c.closure_note },
  ];

  return (
    <Section heading={t('cases.detail.status.heading')}>
      {done && <FocusNotice text={done} />}
      {closed ? (
        <>
          <p>
            <strong className="badge">{t('cases.labels.status.closed')}</strong>{' '}
            {c.closed_at ? t('cases.detail.status.closedOn', { date: formatDay(c.closed_at, lang) }) : null}
          </p>
          <Facts items={closure} />
          {c.reopened_at && (
            <>
              <p>{t('cases.detail.status.reopenedOn', { date: formatDay(c.reopened_at, lang) })}</p>
              <Facts items={[{ label: t('cases.detail.status.reopenNote'), value: c.reopen_note }]} />
            </>
          )}
        </>
      ) : (
        <>
          <p>
            <strong className="badge badge-success">{t('cases.labels.status.open')}</strong> {t('cases.detail.status.open')}
          </p>
          {c.reopened_at && (
            <>
              <p>{t('cases.detail.status.reopenedOn', { date: formatDay(c.reopened_at, lang) })}</p>
              <Facts
                items={[
                  { label: t('cases.detail.status.reopenNote'), value: c.reopen_note },
                  ...(c.closure_reason
                    ? [
                        {
                          label: t('cases.detail.status.lastClosure'),
                          value: [t(`cases.labels.closureReason.${c.closure_reason}`), c.closure_note].filter(Boolean).join('. '),
                        },
                      ]
                    : []),
                ]}
              />
            </>
          )}
        </>
      )}
      {closed ? (
        <ReopenForm key="reopen" c={c} etag={etag} onReload={onReload} onDone={setDone} />
      ) : (
        <CloseForm key="close" c={c} etag={etag} onReload={onReload} onDone={setDone} />
      )}
    </Section>
  );
}
