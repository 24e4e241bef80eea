import { useMemo, useState, type FormEvent, type ReactNode } from 'react';
import { ErrorSummary } from '@/components/error-summary';
import { ErrorMessage } from '@/components/fields';
import type { MessageKey } from '@/lib/i18n';
import { useT } from '@/lib/i18n';
import { MAX_QUERY, PHASES, SORTS, STATUSES, validQuery, type CaseFilters, type Sort } from './filters';

export const SORT_LABEL: Record<Sort, MessageKey> = {
  '-updated_at': 'cases.list.sort.updatedDesc',
  updated_at: 'cases.list.sort.updatedAsc',
  '-opened_at': 'cases.list.sort.openedDesc',
  opened_at: 'cases.list.sort.openedAsc',
  name: 'cases.list.sort.nameAsc',
  '-name': 'cases.list.sort.nameDesc',
  next_follow_up: 'cases.list.sort.followUpAsc',
  '-next_follow_up': 'cases.list.sort.followUpDesc',
};

type Draft = { phase: string; status: string; caseworkerId: string; overdue: boolean; q: string; sort: Sort };

function draftOf(f: CaseFilters): Draft {
  return {
    phase: f.phase ?? '',
    status: f.status ?? '',
    caseworkerId: f.caseworkerId ?? '',
    overdue: f.overdue,
    q: f.q ?? '',
    sort: f.sort,
  };
}

function Select(props: { id: string; label: string; value: string; onChange: (v: string) => void; children: ReactNode }) {
  return (
    <div className="form-group">
      <label className="form-label" htmlFor={props.id}>
        {props.label}
      </label>
      <select id={props.id} className="form-select" value={props.value} onChange={(e) => props.onChange(e.target.value)}>
        {props.children}
      </select>
    </div>
  );
}

/**
 * The list's filters. Nothing happens until the form is sent (changing a
 * select must not reload the page under the user); sending puts the filters in
 * the URL. Mount it with key={the URL's search} so it follows back/forward.
 */
export function FilterForm(props: {
  value: CaseFilters;
  staff: { id: string; name: string }[];
  onSubmit: (f: CaseFilters) => void;
  onReset: () => void;
}) {
  const t = useT();
  const [d, setD] = useState<Draft>(() => draftOf(props.value));
  const [qError, setQError] = useState<string>();
  // New items (and so focus on the summary) only for a new failed attempt, not on every keystroke.
  const [attempt, setAttempt] = useState(0);
  const summary = useMemo(() => (qError ? [{ field: 'filter-q', message: qError }] : []), [qError, attempt]);
  const set = <K extends keyof Draft>(k: K) => (v: Draft[K]) => setD((prev) => ({ ...prev, [k]: v }));

  // A caseworker from the URL who is not in the list (left the team) still shows.
  const staff = props.staff.some((s) => s.id === d.caseworkerId) || !d.caseworkerId
    ? props.staff
    : [...props.staff, { id: d.caseworkerId, name: d.caseworkerId }];

  function submit(e: FormEvent) {
    e.preventDefault();
    const q = d.q.trim();
    if (q && !validQuery(q)) {
      setQError(q.length > MAX_QUERY ? t('cases.list.filters.qTooLong') : t('cases.list.filters.qTooShort'));
      setAttempt((n) => n + 1);
      return;
    }
    setQError(undefined);
    const f: CaseFilters = { overdue: d.overdue, sort: d.sort };
    if (d.phase) f.phase = d.phase as CaseFilters['phase'];
    if (d.status) f.status = d.status as CaseFilters['status'];
    if (d.caseworkerId) f.caseworkerId = d.caseworkerId;
    if (q) f.q = q;
    props.onSubmit(f);
  }

  return (
    <form onSubmit={submit} noValidate aria-labelledby="case-filters-heading">
      <h2 id="case-filters-heading">{t('cases.list.filters.heading')}</h2>
      <ErrorSummary items={summary} />
      <div className="row">
        <div className="col-12 col-md-6 col-lg-4">
          <div className={`form-group${qError ? ' form-error' : ''}`}>
            <label className="form-label" htmlFor="field-filter-q">
              {t('cases.list.filters.q')}
            </label>
            <span className="form-hint" id="field-filter-q-hint">
              {t('cases.list.filters.qHint')}
            </span>
            {qError && <ErrorMessage id="field-filter-q-error" text={qError} />}
            <input
              id="field-filter-q"
              className="form-input"
              type="search"
              autoComplete="off"
              value={d.q}
              maxLength={MAX_QUERY + 20}
              aria-invalid={qError ? true : undefined}
              aria-describedby={`field-filter-q-hint${qError ? ' field-filter-q-error' : ''}`}
              onChange={(e) => set('q')(e.target.value)}
            />
          </div>
        </div>
        <div className="col-12 col-md-6 col-lg-4">
          <Select id="filter-phase" label={t('cases.list.filters.phase')} value={d.phase} onChange={set('phase')}>
            <option value="">{t('cases.list.filters.allPhases')}</option>
            {PHASES.map((p) => (
              <option key={p} value={p}>
                {t(`cases.labels.phase.${p}`)}
              </option>
            ))}
          </Select>
        </div>
        <div className="col-12 col-md-6 col-lg-4">
          <Select id="filter-status" label={t('cases.list.filters.status')} value={d.status} onChange={set('status')}>
            <option value="">{t('cases.list.filters.allStatuses')}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`cases.labels.status.${s}`)}
              </option>
            ))}
          </Select>
        </div>
        <div className="col-12 col-md-6 col-lg-4">
          <Select id="filter-caseworker" label={t('cases.list.filters.caseworker')} value={d.caseworkerId} onChange={set('caseworkerId')}>
            <option value="">{t('cases.list.filters.allCaseworkers')}</option>
            {staff.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </Select>
        </div>
        <div className="col-12 col-md-6 col-lg-4">
          <Select id="filter-sort" label={t('cases.list.filters.sort')} value={d.sort} onChange={(v) => set('sort')(v as Sort)}>
            {SORTS.map((s) => (
              <option key={s} value={s}>
                {t(SORT_LABEL[s])}
              </option>
            ))}
          </Select>
        </div>
      </div>
      <div className="form-group-checkbox">
        <input
          id="filter-overdue"
          type="checkbox"
          className="form-checkbox"
          checked={d.overdue}
          onChange={(e) => set('overdue')(e.target.checked)}
        />
        <label htmlFor="filter-overdue">{t('cases.list.filters.overdue')}</label>
      </div>
      <div className="actions">
        <button type="submit" className="button button-primary">
          {t('cases.list.filters.submit')}
        </button>
        <button type="button" className="button button-tertiary" onClick={props.onReset}>
          {t('cases.list.filters.reset')}
        </button>
      </div>
    </form>
  );
}
