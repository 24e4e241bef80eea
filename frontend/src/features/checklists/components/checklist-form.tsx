// The current checklist of a case: one row per principle, the relevant ones
// first (as the server orders them) and the others folded away under
// "Øvrige principper". "Gem tjekliste" sends every changed row in one PATCH
// with If-Match. The server's rules are checked first (a note is required
// for not applied and not relevant now); its own 422 errors go to their rows,
// a 412 offers the latest version without losing what was typed.
import { useId, useMemo, useState, type FormEvent } from 'react';
import { Alert } from '@/components/alert';
import { ErrorSummary, type SummaryItem } from '@/components/error-summary';
import { ProblemAlert } from '@/components/problem';
import { FocusNotice } from '@/features/cases/components/detail/change-problem';
import { ApiError } from '@/lib/api/client';
import { useI18n } from '@/lib/i18n';
import { useAnswerChecklist } from '../api/answer-checklist';
import { useReloadChecklist } from '../api/get-checklist';
import type { Checklist, ChecklistItem, PrincipleCode } from '../api/list-checklists';
import {
  completionOf,
  isChanged,
  isRelevant,
  placeServerErrors,
  rowOf,
  rowPath,
  toAnswerRequest,
  validateAnswers,
  type Edits,
  type Row,
  type RowProblem,
} from '../checklist-model';
import { principleTitle } from '../titles';
import { CHECKLIST_HEADING_ID } from './ids';
import { PrincipleRow } from './principle-row';
import { StaleChecklist } from './stale-checklist';

export function ChecklistForm({ checklist }: { checklist: Checklist }) {
  const { t, lang } = useI18n();
  const answer = useAnswerChecklist();
  const reloadLatest = useReloadChecklist(checklist.case_id);
  const [edits, setEdits] = useState<Edits>({});
  // The version the user is editing; moves on only when they save or ask for the latest.
  const [etag, setEtag] = useState(`"${checklist.version}"`);
  const [problems, setProblems] = useState<RowProblem[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [notice, setNotice] = useState<{ text: string; n: number }>();
  const [stale, setStale] = useState<'no' | 'yes' | 'reloading'>('no');
  const [closed, setClosed] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [otherOpen, setOtherOpen] = useState(false);
  const otherId = useId();

  const relevant = checklist.items.filter(isRelevant);
  const other = checklist.items.filter((i) => !isRelevant(i));
  const byCode = useMemo(() => new Map(checklist.items.map((i) => [i.principle.code, i])), [checklist.items]);
  const { answered, relevant: relevantCount } = completionOf(checklist, edits);
  const dirty = checklist.items.some((i) => isChanged(i, edits));

  const text = (p: RowProblem) =>
    p.problem ? t(`checklists.errors.${p.problem}`, p.n !== undefined ? { n: p.n } : undefined) : (p.raw ?? '');
  const atField: Record<string, string> = {};
  for (const p of problems) if (p.code) atField[rowPath(p.code, p.field === 'note' ? 'note' : undefined)] ??= text(p);
  const summary: SummaryItem[] = problems.map((p) => {
    const item = p.code ? byCode.get(p.code) : undefined;
    if (!item || !p.code) return { message: text(p) };
    return {
      field: rowPath(p.code, p.field === 'note' ? 'note' : undefined),
      message: t('checklists.form.inPrinciple', { title: principleTitle(item.principle, lang), message: text(p) }),
    };
  });

  function show(list: RowProblem[]) {
    setProblems(list);
    // A problem in a folded-away row opens the fold, so the summary's link finds the field.
    if (list.some((p) => p.code && byCode.get(p.code)?.applicability === 'other')) setOtherOpen(true);
  }

  function setRow(item: ChecklistItem, patch: Partial<Row>) {
    const code: PrincipleCode = item.principle.code;
    setEdits((e) => ({ ...e, [code]: { ...rowOf(item, e), ...patch } }));
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (answer.isPending) return;
    setNotice(undefined);
    setFailure(null);
    setClosed(false);
    setAttempt((n) => n + 1);
    const req = toAnswerRequest(checklist, edits);
    if (!req) {
      setProblems([]);
      setNotice({ text: t('checklists.form.noChanges'), n: attempt });
      return;
    }
    const local = validateAnswers(req.body);
    if (local.length) {
      show(local);
      return;
    }
    try {
      const res = await answer.mutateAsync({ caseId: checklist.case_id, id: checklist.id, etag, body: req.body });
      setEtag(res.etag);
      setEdits({});
      setProblems([]);
      setStale('no');
      const c = res.data.completion;
      setNotice({ text: t('checklists.form.saved', { answered: c.answered, relevant: c.relevant }), n: attempt });
    } catch (err) {
      setProblems([]);
      if (err instanceof ApiError) {
        if (err.status === 412) {
          setStale('yes');
          return;
        }
        if (err.status === 409) {
          setClosed(true);
          return;
        }
        if ((err.status === 422 || err.status === 400) && err.problem.errors?.length) {
          show(placeServerErrors(err.problem.errors, req.codes));
          return;
        }
      }
      setFailure(err);
    }
  }

  async function reload() {
    setStale('reloading');
    setFailure(null);
    try {
      const latest = await reloadLatest(checklist.id);
      setEtag(latest.etag);
      setStale('no');
      setNotice({ text: t('checklists.form.reloaded'), n: attempt });
    } catch (err) {
      setFailure(err);
      setStale('yes');
    }
  }

  const row = (item: ChecklistItem) => {
    const code = item.principle.code;
    return (
      <PrincipleRow
        key={code}
        item={item}
        row={rowOf(item, edits)}
        statusError={atField[rowPath(code)]}
        noteError={atField[rowPath(code, 'note')]}
        onChange={(patch) => setRow(item, patch)}
      />
    );
  };

  return (
    <form onSubmit={submit} noValidate className="checklist-form" aria-labelledby={CHECKLIST_HEADING_ID}>
      <p className="checklist-completion">
        <strong>{t('checklists.form.completion', { answered, relevant: relevantCount })}</strong>
      </p>
      {notice && <FocusNotice key={notice.n} text={notice.text} />}
      {(stale === 'yes' || stale === 'reloading') && (
        <StaleChecklist reloading={stale === 'reloading'} onReload={reload} />
      )}
      {closed && <Alert variant="error">{t('checklists.form.closed')}</Alert>}
      {failure !== null && <ProblemAlert error={failure} />}
      <ErrorSummary items={summary} focusKey={problems.length ? attempt : undefined} />

      {relevant.map(row)}

      {other.length > 0 && (
        <div className="checklist-other">
          <button
            type="button"
            className="function-link checklist-toggle"
            aria-expanded={otherOpen}
            aria-controls={otherId}
            onClick={() => setOtherOpen((o) => !o)}
          >
            {t('checklists.form.other', { n: other.length })}
          </button>
          <div id={otherId} hidden={!otherOpen}>
            <p className="mb-0">{t('checklists.form.otherIntro')}</p>
            {other.map(row)}
          </div>
        </div>
      )}

      <div className="actions">
        <button type="submit" className="button button-primary" aria-disabled={answer.isPending ? true : undefined}>
          {answer.isPending ? t('checklists.form.submitting') : t('checklists.form.submit')}
        </button>
        {dirty && <span>{t('checklists.form.unsaved')}</span>}
      </div>
    </form>
  );
}
