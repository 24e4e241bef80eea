import { useMemo, useState, type FormEvent } from 'react';
import { ErrorSummary } from '@/components/error-summary';
import { ErrorMessage, TextArea } from '@/components/fields';
import type { Case } from '@/features/cases/api/get-case';
import { useMovePhase, type PhaseGate } from '@/features/cases/api/move-phase';
import { PHASES, type Phase } from '@/features/cases/components/list/filters';
import { formatDateTime } from '@/features/cases/components/list/format';
import { useI18n } from '@/lib/i18n';
import { useSettings } from '@/features/checklists/api/get-settings';
import { useChecklists, type Principle } from '@/features/checklists/api/list-checklists';
import { ChecklistPanel } from '@/features/checklists/components/checklist-panel';
import { GateAfter, GateBefore, GateRefused } from '@/features/checklists/components/gate-notices';
import { gateChecklist, gateRefusal, openCore } from '@/features/checklists/gate';
import { ChangeProblem, FocusNotice } from './change-problem';
import { Section } from './section';

const NOTE_MAX = 4000;

/** The six phases as a DKFDS step indicator, the current one marked. */
export function PhaseSteps({ current }: { current: Phase }) {
  const { t } = useI18n();
  return (
    <ol className="step-indicator" aria-label={t('cases.detail.phase.stepsLabel')}>
      {PHASES.map((p, i) => {
        const here = p === current;
        return (
          <li key={p} className={here ? 'current' : 'disabled'}>
            <div className="step" aria-current={here ? 'step' : undefined}>
              <span className="step-number">
                <span>{i + 1}</span>
              </span>
              <div>
                <span className="step-title">{t(`cases.labels.phase.${p}`)}</span>
                {here && <span className="step-information">{t('cases.detail.phase.current')}</span>}
              </div>
            </div>
          </li>
        );
      })}
    </ol>
  );
}

/**
 * "Ryk sagen videre": only the phases the API allows, sent with If-Match.
 * The phase gate is told in plain words: before the move, the core
 * principles still open in the phase's checklist (and whether the move will
 * be refused); after a move in warn mode, those that were open; and a refusal
 * (409 checklist-incomplete) lists what is missing.
 */
export function MovePhaseForm({ c, etag, onReload }: { c: Case; etag: string; onReload: () => Promise<unknown> }) {
  const { t } = useI18n();
  const move = useMovePhase(c.id);
  const checklists = useChecklists(c.id);
  const settings = useSettings();
  const gateList = gateChecklist(checklists.data);
  const open = openCore(gateList);
  const principles: Principle[] = gateList?.items.map((i) => i.principle) ?? [];
  const refusal = gateRefusal(move.error);
  const [gate, setGate] = useState<PhaseGate['open_principles']>([]);
  const [to, setTo] = useState<Phase | ''>('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string>();
  const [notice, setNotice] = useState<string>();
  // New items (and so focus on the summary) only for a new failed attempt, not on every keystroke.
  const [attempt, setAttempt] = useState(0);
  const summary = useMemo(() => (error ? [{ field: 'phase-to', message: error }] : []), [error, attempt]);
  const allowed = c.allowed_next_phases;
  const choice = to && allowed.includes(to) ? to : '';

  if (c.status === 'closed') return <p>{t('cases.detail.phase.closed')}</p>;

  function submit(e: FormEvent) {
    e.preventDefault();
    if (move.isPending) return;
    if (!choice) {
      setError(t('cases.detail.phase.chooseRequired'));
      setAttempt((n) => n + 1);
      return;
    }
    setError(undefined);
    setNotice(undefined);
    setGate([]);
    const trimmed = note.trim();
    move.mutate(
      { to: choice, etag, ...(trimmed ? { note: trimmed } : {}) },
      {
        onSuccess: (changed) => {
          setTo('');
          setNote('');
          setNotice(t('cases.detail.phase.moved', { phase: t(`cases.labels.phase.${changed.data.phase}`) }));
          setGate(changed.gate.open_principles);
        },
      },
    );
  }

  async function reload() {
    await onReload();
    move.reset();
    setNotice(t('cases.detail.stale.reloaded'));
  }

  return (
    <>
      <h3>{t('cases.detail.phase.moveHeading')}</h3>
      {notice && <FocusNotice text={notice} />}
      <GateAfter open={gate} />
      {refusal ? (
        <GateRefused phase={c.phase} missing={refusal} principles={principles} />
      ) : (
        <ChangeProblem error={move.error} conflict={t('cases.detail.phase.conflict')} onReload={reload} />
      )}
      {allowed.length === 0 ? (
        <p>{t('cases.detail.phase.noneAllowed')}</p>
      ) : (
        <form onSubmit={submit} noValidate>
          <GateBefore phase={c.phase} open={open} mode={settings.data?.data.phase_gate} />
          <ErrorSummary items={summary} />
          <div className={`form-group${error ? ' form-error' : ''}`}>
            <fieldset id="field-phase-to" tabIndex={-1} aria-describedby={error ? 'field-phase-to-error' : undefined}>
              <legend className="form-label">{t('cases.detail.phase.legend')}</legend>
              {error && <ErrorMessage id="field-phase-to-error" text={error} />}
              {allowed.map((p) => (
                <div key={p} className="form-group-radio">
                  <input
                    type="radio"
                    id={`phase-to-${p}`}
                    name="phase-to"
                    className="form-radio"
                    value={p}
                    checked={choice === p}
                    onChange={() => setTo(p)}
                  />
                  <label htmlFor={`phase-to-${p}`}>{t(`cases.labels.phase.${p}`)}</label>
                </div>
              ))}
            </fieldset>
          </div>
          <TextArea
            name="phase-note"
            label={t('cases.detail.phase.note')}
            hint={t('cases.detail.phase.noteHint')}
            value={note}
            onChange={setNote}
            rows={3}
            maxLength={NOTE_MAX}
          />
          <button type="submit" className="button button-primary" aria-disabled={move.isPending ? true : undefined}>
            {move.isPending ? t('cases.detail.phase.submitting') : t('cases.detail.phase.submit')}
          </button>
        </form>
      )}
    </>
  );
}

/** Every phase change, newest first. */
export function PhaseHistory({ c }: { c: Case }) {
  const { t, lang } = useI18n();
  const rows = [...c.phase_history].sort((a, b) => b.occurred_at.localeCompare(a.occurred_at));
  return (
    <>
      <h3>{t('cases.detail.history.heading')}</h3>
      <div className="table--responsive-scroll" tabIndex={0} role="region" aria-labelledby="phase-history-caption">
        <table className="table table--zebra">
          <caption id="phase-history-caption">{t('cases.detail.history.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('cases.detail.history.from')}</th>
              <th scope="col">{t('cases.detail.history.to')}</th>
              <th scope="col">{t('cases.detail.history.by')}</th>
              <th scope="col">{t('cases.detail.history.when')}</th>
              <th scope="col">{t('cases.detail.history.note')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((h) => (
              <tr key={h.id}>
                <td>{h.from ? t(`cases.labels.phase.${h.from}`) : t('cases.detail.history.opened')}</td>
                <td>{t(`cases.labels.phase.${h.to}`)}</td>
                <td>{h.by.name}</td>
                <td>{formatDateTime(h.occurred_at, lang)}</td>
                <td>{h.note}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

export function PhaseSection({ c, etag, onReload }: { c: Case; etag: string; onReload: () => Promise<unknown> }) {
  const { t } = useI18n();
  return (
    <Section heading={t('cases.detail.phase.heading')}>
      <PhaseSteps current={c.phase} />
      {c.phase_iteration > 1 && <p>{t('cases.detail.phase.iteration', { n: c.phase_iteration })}</p>}
      <ChecklistPanel c={c} />
      <MovePhaseForm c={c} etag={etag} onReload={onReload} />
      <PhaseHistory c={c} />
    </Section>
  );
}
