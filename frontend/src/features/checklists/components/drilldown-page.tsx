// /indsigt/principper/:principle/:phase: the checklists behind one cell of
// the overview (same period and team, from the URL), most recently worked on
// first, optionally only one answer; each leads to its case. "Vis flere"
// fetches the next page.
import { useState, type FormEvent } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { Alert } from '@/components/alert';
import { SelectField } from '@/components/fields';
import { PageHeading } from '@/components/page-heading';
import { ProblemAlert } from '@/components/problem';
import { Spinner } from '@/components/spinner';
import { useDocumentTitle } from '@/features/admin/components/use-document-title';
import type { Phase } from '@/features/cases/components/list/filters';
import { formatDate, formatDateTime } from '@/features/cases/components/list/format';
import type { Schemas } from '@/lib/api/client';
import { useI18n } from '@/lib/i18n';
import { useInsights } from '../api/get-insights';
import type { ItemStatus, PrincipleCode } from '../api/list-checklists';
import { useInsightCases } from '../api/list-insight-cases';
import { insightSearch, isPhase, isPrinciple, isStatus, ITEM_STATUSES, readCaseParams, readInsightParams } from '../insight-filters';
import { principleTitle } from '../titles';
import { LeaderOnly } from './leader-only';
import './checklists.css';

export function DrilldownPage() {
  const { t } = useI18n();
  const { principle = '', phase = '' } = useParams();
  useDocumentTitle(t('checklists.insights.title'));
  const known = isPrinciple(principle) && isPhase(phase);
  return (
    <LeaderOnly heading={t('checklists.insights.title')}>
      {(teams) =>
        known ? (
          <Drilldown principle={principle} phase={phase} teams={teams} />
        ) : (
          <>
            <BackLink search="" />
            <PageHeading>{t('checklists.insights.title')}</PageHeading>
            <Alert variant="error">{t('checklists.insights.drill.unknownCell')}</Alert>
          </>
        )
      }
    </LeaderOnly>
  );
}

function BackLink({ search }: { search: string }) {
  const { t } = useI18n();
  return (
    <Link to={{ pathname: '/indsigt/principper', search }} className="back-link">
      {t('checklists.insights.drill.back')}
    </Link>
  );
}

function Drilldown({ principle, phase, teams }: { principle: PrincipleCode; phase: Phase; teams: Schemas['TeamRef'][] }) {
  const { t, lang } = useI18n();
  const [sp, setSp] = useSearchParams();
  const teamIds = teams.map((x) => x.id);
  const period = readInsightParams(sp, teamIds);
  const params = readCaseParams(principle, phase, sp, teamIds);
  // The overview (usually cached from the page before) names the principle and the period.
  const overview = useInsights(period);
  const list = useInsightCases(params);
  const back = <BackLink search={insightSearch(period)} />;

  if (!overview.data) {
    return (
      <>
        {back}
        {overview.error ? (
          <>
            <PageHeading>{t('checklists.insights.title')}</PageHeading>
            <ProblemAlert error={overview.error} />
          </>
        ) : (
          <Spinner />
        )}
      </>
    );
  }
  const d = overview.data;
  const p = d.principles.find((x) => x.code === principle);
  const rows = list.data?.pages.flatMap((pg) => pg.items) ?? [];

  return (
    <>
      {back}
      <PageHeading>{t('checklists.insights.drill.heading', { principle: p ? principleTitle(p, lang) : principle })}</PageHeading>
      <p>
        {t('checklists.insights.drill.summary', {
          phase: t(`cases.labels.phase.${phase}`),
          from: formatDate(d.from, lang),
          to: formatDate(d.to, lang),
        })}
      </p>
      <StatusFilter
        key={params.status ?? ''}
        value={params.status ?? ''}
        onSubmit={(status) => setSp(insightSearch({ ...period, ...(status ? { status } : {}) }))}
      />
      {list.isPending ? (
        <Spinner />
      ) : list.isError && !rows.length ? (
        <ProblemAlert error={list.error} />
      ) : rows.length === 0 ? (
        <p className="mt-5">{t('checklists.insights.drill.empty')}</p>
      ) : (
        <>
          <div className="table--responsive-scroll mt-5" tabIndex={0} role="region" aria-labelledby="drill-caption">
            <table className="table table--zebra">
              <caption id="drill-caption" className="align-text-left">{t('checklists.insights.drill.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('checklists.insights.drill.citizen')}</th>
                  <th scope="col">{t('checklists.insights.drill.caseworker')}</th>
                  <th scope="col">{t('checklists.insights.drill.answer')}</th>
                  <th scope="col">{t('checklists.insights.drill.pass')}</th>
                  <th scope="col">{t('checklists.insights.drill.updated')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.checklist_id}>
                    <th scope="row">
                      <Link to={`/sager/${r.case_id}`}>{r.citizen_name}</Link>
                    </th>
                    <td>{r.caseworker_name}</td>
                    <td>{t(`checklists.status.${r.status}`)}</td>
                    <td>
                      {phase === 'opfoelgning'
                        ? t('checklists.history.passRound', { n: r.iteration, round: r.round })
                        : t('checklists.history.passValue', { n: r.iteration })}
                    </td>
                    <td>{formatDateTime(r.updated_at, lang)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p role="status">{t('checklists.insights.drill.count', { n: rows.length })}</p>
          {list.isError && <ProblemAlert error={list.error} />}
          {list.hasNextPage && (
            <p>
              <button
                type="button"
                className="button button-secondary"
                aria-disabled={list.isFetchingNextPage ? true : undefined}
                onClick={() => {
                  if (!list.isFetchingNextPage) void list.fetchNextPage();
                }}
              >
                {list.isFetchingNextPage ? t('checklists.insights.drill.loadingMore') : t('checklists.insights.drill.more')}
              </button>
            </p>
          )}
        </>
      )}
    </>
  );
}

function StatusFilter({ value, onSubmit }: { value: ItemStatus | ''; onSubmit: (s: ItemStatus | '') => void }) {
  const { t } = useI18n();
  const [status, setStatus] = useState<string>(value);
  function submit(e: FormEvent) {
    e.preventDefault();
    onSubmit(isStatus(status) ? status : '');
  }
  return (
    <form onSubmit={submit} noValidate className="insight-filters">
      <SelectField
        name="drill-status"
        label={t('checklists.insights.drill.filter')}
        required
        value={status}
        onChange={setStatus}
        emptyLabel={t('checklists.insights.drill.allAnswers')}
        options={ITEM_STATUSES.map((s) => ({ value: s, label: t(`checklists.status.${s}`) }))}
      />
      <div className="actions">
        <button type="submit" className="button button-secondary">
          {t('checklists.insights.drill.submit')}
        </button>
      </div>
    </form>
  );
}
