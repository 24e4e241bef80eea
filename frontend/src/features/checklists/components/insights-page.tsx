// /indsigt/principper: the leader's overview of how the principles are
// applied, principle × phase, for a period and one or all of the leader's
// teams (in the URL). A heatmap whose cells lead to the cases behind them,
// a legend, and the same numbers as a table.
import { useEffect, useId, useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { ErrorSummary, type SummaryItem } from '@/components/error-summary';
import { SelectField, TextField } from '@/components/fields';
import { PageHeading } from '@/components/page-heading';
import { ProblemAlert } from '@/components/problem';
import { Spinner } from '@/components/spinner';
import { useDocumentTitle } from '@/features/admin/components/use-document-title';
import { formatDate } from '@/features/cases/components/list/format';
import type { Schemas } from '@/lib/api/client';
import { useI18n } from '@/lib/i18n';
import { useInsights } from '../api/get-insights';
import { insightSearch, readInsightParams, validatePeriod } from '../insight-filters';
import { Heatmap, HeatLegend } from './heatmap';
import { InsightTable } from './insight-table';
import { LeaderOnly } from './leader-only';
import './checklists.css';

export function InsightsPage() {
  const { t } = useI18n();
  useDocumentTitle(t('checklists.insights.title'));
  return (
    <>
      <PageHeading>{t('checklists.insights.title')}</PageHeading>
      <LeaderOnly>{(teams) => <Insights teams={teams} />}</LeaderOnly>
    </>
  );
}

function Insights({ teams }: { teams: Schemas['TeamRef'][] }) {
  const { t, lang } = useI18n();
  const [sp, setSp] = useSearchParams();
  const params = readInsightParams(sp, teams.map((x) => x.id));
  const q = useInsights(params);
  const [tableOpen, setTableOpen] = useState(false);
  const tableId = useId();
  const d = q.data;
  const search = insightSearch(params);
  const teamName = params.team_id ? teams.find((x) => x.id === params.team_id)?.name : undefined;

  return (
    <>
      <p>{t('checklists.insights.intro')}</p>
      <PeriodForm
        key={search}
        teams={teams}
        from={params.from ?? d?.from ?? ''}
        to={params.to ?? d?.to ?? ''}
        team={params.team_id ?? ''}
        onSubmit={(next) => setSp(insightSearch(next))}
      />
      {q.isPending ? (
        <Spinner />
      ) : q.isError ? (
        <ProblemAlert error={q.error} />
      ) : (
        <>
          <p className="mt-5" role="status">
            {t('checklists.insights.period', {
              from: formatDate(d!.from, lang),
              to: formatDate(d!.to, lang),
              teams: teamName ?? t('checklists.insights.allTeams'),
            })}
          </p>
          <p>{t('checklists.insights.tooFewIntro', { min: d!.min_checklists })}</p>
          <Heatmap data={d!} search={insightSearch({ ...params, from: d!.from, to: d!.to })} />
          <HeatLegend min={d!.min_checklists} />
          <p className="mt-5">
            <button
              type="button"
              className="function-link checklist-toggle"
              aria-expanded={tableOpen}
              aria-controls={tableId}
              onClick={() => setTableOpen((o) => !o)}
            >
              {tableOpen ? t('checklists.insights.hideTable') : t('checklists.insights.showTable')}
            </button>
          </p>
          {tableOpen ? <InsightTable data={d!} id={tableId} /> : <div id={tableId} hidden />}
        </>
      )}
    </>
  );
}

type Period = { from: string; to: string; team_id: string };

/** Period and team. Checked before it goes into the URL (the API refuses an end before the start). */
function PeriodForm(props: { teams: Schemas['TeamRef'][]; from: string; to: string; team: string; onSubmit: (p: Period) => void }) {
  const { t } = useI18n();
  const [from, setFrom] = useState(props.from);
  const [to, setTo] = useState(props.to);
  const [team, setTeam] = useState(props.team);
  const [errors, setErrors] = useState<SummaryItem[]>([]);
  const [attempt, setAttempt] = useState(0);
  // The server's default period arrives with the first answer.
  useEffect(() => {
    setFrom((v) => v || props.from);
    setTo((v) => v || props.to);
  }, [props.from, props.to]);

  function submit(e: FormEvent) {
    e.preventDefault();
    const problems = validatePeriod(from, to);
    setAttempt((n) => n + 1);
    if (problems.length) {
      setErrors(problems.map((p) => ({ field: `insights-${p.field}`, message: t(`checklists.insights.errors.${p.problem}`) })));
      return;
    }
    setErrors([]);
    props.onSubmit({ from, to, team_id: team });
  }
  const errorOf = (f: string) => errors.find((e) => e.field === `insights-${f}`)?.message;

  return (
    <form onSubmit={submit} noValidate>
      <ErrorSummary items={errors} focusKey={errors.length ? attempt : undefined} />
      <h2 className="h3 mb-0">{t('checklists.insights.filters')}</h2>
      <div className="insight-filters">
        <TextField
          name="insights-from"
          type="date"
          label={t('checklists.insights.from')}
          required
          value={from}
          onChange={setFrom}
          error={errorOf('from')}
        />
        <TextField
          name="insights-to"
          type="date"
          label={t('checklists.insights.to')}
          required
          value={to}
          onChange={setTo}
          error={errorOf('to')}
        />
        {props.teams.length > 0 && (
          <SelectField
            name="insights-team"
            label={t('checklists.insights.team')}
            required
            value={team}
            onChange={setTeam}
            emptyLabel={t('checklists.insights.allTeams')}
            options={props.teams.map((x) => ({ value: x.id, label: x.name }))}
          />
        )}
        <div className="actions">
          <button type="submit" className="button button-secondary">
            {t('checklists.insights.submit')}
          </button>
        </div>
      </div>
    </form>
  );
}
