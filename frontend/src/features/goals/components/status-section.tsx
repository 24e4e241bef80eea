// A goal's status: the allowed next statuses with a reason (for "Nået" also
// what happens now, since reaching a goal never ends support by itself), sent
// with If-Match; and the status history.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { Alert } from '@/components/alert';
import { ErrorSummary, type SummaryItem } from '@/components/error-summary';
import { TextArea } from '@/components/fields';
import { ProblemAlert } from '@/components/problem';
import { useChangeGoalStatus, type GoalStatus } from '@/features/goals/api/change-goal-status';
import type { GoalWithEtag } from '@/features/goals/api/get-goal';
import type { Goal } from '@/features/goals/api/list-goals';
import { fieldLabel } from '@/features/goals/field-labels';
import { fieldMessage } from '@/features/goals/smart';
import { formatDateTime } from '@/features/cases/components/list/format';
import { ApiError, type Schemas } from '@/lib/api/client';
import { useI18n, type MessageKey } from '@/lib/i18n';
import { RadioGroup } from './radio-group';
import { StatusBadge } from './status-badge';

type NextKind = Schemas['NextStep']['kind'];
const NEXT_KINDS = ['new_goal', 'adjusted_support', 'agreed_end'] as const satisfies readonly NextKind[];

// Server field paths → the fields of this form.
const FIELD: Record<string, { path: string; label: MessageKey }> = {
  status: { path: 'status.to', label: 'goals.statusForm.legend' },
  reason: { path: 'status.reason', label: 'goals.statusForm.reason' },
  'next_step.kind': { path: 'status.next_step.kind', label: 'goals.statusForm.nextLegend' },
  'next_step.note': { path: 'status.next_step.note', label: 'goals.statusForm.nextNote' },
};

export function StatusForm({ goal, caseOpen, onReload }: { goal: GoalWithEtag; caseOpen: boolean; onReload: () => Promise<unknown> }) {
  const { t } = useI18n();
  const g = goal.data;
  const change = useChangeGoalStatus();
  const [to, setTo] = useState('');
  const [reason, setReason] = useState('');
  const [kind, setKind] = useState('');
  const [note, setNote] = useState('');
  const [atField, setAtField] = useState<Record<string, string>>({});
  const [summary, setSummary] = useState<SummaryItem[]>([]);
  const [notSmart, setNotSmart] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const [notice, setNotice] = useState<string>();
  const [reloading, setReloading] = useState(false);
  const noticeRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (notice) noticeRef.current?.focus();
  }, [notice]);

  const allowed = g.allowed_next_statuses;
  const choice = allowed.includes(to as GoalStatus) ? (to as GoalStatus) : '';

  function show(items: { field: string; message: string }[]) {
    const at: Record<string, string> = {};
    const sum: SummaryItem[] = [];
    let other = false;
    for (const e of items) {
      const f = FIELD[e.field];
      if (f) {
        at[f.path] ??= e.message;
        sum.push({ field: f.path, message: `${t(f.label)}: ${e.message}` });
      } else {
        other = true;
        sum.push({ message: `${fieldLabel(t, e.field)}: ${e.message}` });
      }
    }
    setAtField(at);
    setSummary(sum);
    setNotSmart(other);
    setAttempt((n) => n + 1);
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    if (change.isPending) return;
    setNotice(undefined);
    const missing: { field: string; message: string }[] = [];
    if (!choice) missing.push({ field: 'status', message: t('goals.statusForm.chooseRequired') });
    if (!reason.trim()) missing.push({ field: 'reason', message: t('goals.statusForm.reasonRequired') });
    if (choice === 'achieved') {
      if (!kind) missing.push({ field: 'next_step.kind', message: t('goals.statusForm.nextRequired') });
      if (!note.trim()) missing.push({ field: 'next_step.note', message: t('goals.statusForm.nextNoteRequired') });
    }
    if (missing.length || !choice) return show(missing);
    const body: Schemas['GoalStatusRequest'] = {
      status: choice,
      reason: reason.trim(),
      ...(choice === 'achieved' ? { next_step: { kind: kind as NextKind, note: note.trim() } } : {}),
    };
    change.mutate(
      { id: g.id, etag: goal.etag, body },
      {
        onSuccess: (changed) => {
          setTo('');
          setReason('');
          setKind('');
          setNote('');
          show([]);
          setNotice(t('goals.statusForm.done', { status: t(`goals.status.${changed.data.status}`) }));
        },
        onError: (err) => {
          if (err instanceof ApiError && (err.status === 422 || err.status === 400) && err.problem.errors?.length) {
            change.reset();
            show(err.problem.errors.map((fe) => ({ field: fe.field, message: fieldMessage(t, fe.message, g.smart.criteria) })));
          }
        },
      },
    );
  }

  async function reload() {
    if (reloading) return;
    setReloading(true);
    try {
      await onReload();
      change.reset();
      setNotice(t('goals.form.reloaded'));
    } finally {
      setReloading(false);
    }
  }

  const status = change.error instanceof ApiError ? change.error.status : 0;
  const reloadButton = (
    <button type="button" className="button button-secondary" aria-disabled={reloading ? true : undefined} onClick={() => void reload()}>
      {reloading ? t('goals.form.reloading') : t('goals.form.reload')}
    </button>
  );

  return (
    <>
      <p>
        {t('goals.statusForm.current')}{' '}
        <StatusBadge status={g.status} />
      </p>
      {g.status === 'achieved' && g.next_step && (
        <p>
          <strong>{t('goals.page.nextStep')}:</strong> {t(`goals.nextStep.${g.next_step.kind}`)}. {g.next_step.note}
        </p>
      )}
      {notice && (
        <div ref={noticeRef} tabIndex={-1} className="goal-notice alert alert-success" role="status">
          <div className="alert-body">
            <p className="alert-text">{notice}</p>
          </div>
        </div>
      )}
      {caseOpen && (
        <>
          <h3>{t('goals.statusForm.change')}</h3>
          {status === 412 || status === 428 ? (
            <Alert variant="warning" heading={t('goals.form.staleHeading')}>
              <p className="mt-0">{t('goals.form.staleBody')}</p>
              {reloadButton}
            </Alert>
          ) : status === 409 ? (
            <Alert variant="error">
              <p className="mt-0">{t('goals.form.conflict')}</p>
              {reloadButton}
            </Alert>
          ) : (
            <ProblemAlert error={change.error} />
          )}
          {allowed.length === 0 ? (
            <p>{t('goals.statusForm.none')}</p>
          ) : (
            <form onSubmit={submit} noValidate>
              <ErrorSummary items={summary} focusKey={attempt} />
              {notSmart && (
                <p>
                  {t('goals.statusForm.notSmart')} <Link to={`/sager/${g.case_id}/maal/${g.id}/rediger`}>{t('goals.page.edit')}</Link>
                </p>
              )}
              <RadioGroup
                name="status.to"
                legend={t('goals.statusForm.legend')}
                required
                value={choice}
                onChange={setTo}
                options={allowed.map((s) => ({ value: s, label: t(`goals.status.${s}`) }))}
                error={atField['status.to']}
              />
              <TextArea
                name="status.reason"
                label={t('goals.statusForm.reason')}
                hint={t('goals.statusForm.reasonHint')}
                required
                rows={2}
                maxLength={4000}
                value={reason}
                onChange={setReason}
                error={atField['status.reason']}
              />
              {choice === 'achieved' && (
                <>
                  <Alert variant="info">{t('goals.statusForm.nextInfo')}</Alert>
                  <RadioGroup
                    name="status.next_step.kind"
                    legend={t('goals.statusForm.nextLegend')}
                    required
                    value={kind}
                    onChange={setKind}
                    options={NEXT_KINDS.map((k) => ({ value: k, label: t(`goals.nextStep.${k}`) }))}
                    error={atField['status.next_step.kind']}
                  />
                  <TextArea
                    name="status.next_step.note"
                    label={t('goals.statusForm.nextNote')}
                    required
                    rows={2}
                    maxLength={4000}
                    value={note}
                    onChange={setNote}
                    error={atField['status.next_step.note']}
                  />
                </>
              )}
              <button type="submit" className="button button-secondary" aria-disabled={change.isPending ? true : undefined}>
                {change.isPending ? t('goals.statusForm.submitting') : t('goals.statusForm.submit')}
              </button>
            </form>
          )}
        </>
      )}
    </>
  );
}

/** Every status change, newest first. */
export function StatusHistory({ history }: { history: NonNullable<Goal['history']> }) {
  const { t, lang } = useI18n();
  const rows = [...history].sort((a, b) => b.occurred_at.localeCompare(a.occurred_at));
  return (
    <>
      <h3>{t('goals.history.heading')}</h3>
      <div className="table--responsive-scroll" tabIndex={0} role="region" aria-labelledby="goal-history-caption">
        <table className="table table--zebra">
          <caption id="goal-history-caption">{t('goals.history.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('goals.history.from')}</th>
              <th scope="col">{t('goals.history.to')}</th>
              <th scope="col">{t('goals.history.by')}</th>
              <th scope="col">{t('goals.history.when')}</th>
              <th scope="col">{t('goals.history.reason')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((h, i) => (
              <tr key={`${h.occurred_at}-${i}`}>
                <td>{h.from ? t(`goals.status.${h.from}`) : t('goals.history.created')}</td>
                <td>{t(`goals.status.${h.to}`)}</td>
                <td>{h.by_name}</td>
                <td>{formatDateTime(h.occurred_at, lang)}</td>
                <td>
                  {h.from ? h.reason : ''}
                  {h.next_step && (
                    <>
                      {' '}
                      {t('goals.page.nextStep')}: {t(`goals.nextStep.${h.next_step.kind}`)}. {h.next_step.note}
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
