// /indsigt/feedback: the leader's feedback figures per team for a period
// (in the URL, under the API's names): the shares of cases with reliable
// improvement, deterioration and no reliable change (cases with at least two
// of the citizen's own ORS), the mean SRS, and meetings with feedback over
// meetings held. Where a team has fewer cases than the server's minimum, the
// row says so instead of showing figures, so no citizen can be singled out.
import { useEffect, useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { ErrorSummary, type SummaryItem } from '@/components/error-summary';
import { SelectField, TextField } from '@/components/fields';
import { PageHeading } from '@/components/page-heading';
import { ProblemAlert } from '@/components/problem';
import { Spinner } from '@/components/spinner';
import { useDocumentTitle } from '@/features/admin/components/use-document-title';
import { formatDate } from '@/features/cases/components/list/format';
import { LeaderOnly } from '@/features/checklists/components/leader-only';
import { insightSearch, readInsightParams, validatePeriod } from '@/features/checklists/insight-filters';
import type { Schemas } from '@/lib/api/client';
import { useI18n } from '@/lib/i18n';
import { useFitInsights, type TeamFitFigures } from '../api/get-fit-insights';
import { formatNumber, formatShare } from '../format';
import { InsightsNav } from './insights-nav';
import './feedback.css';

export function FitInsightsPage() {
  const { t } = useI18n();
  useDocumentTitle(t('feedback.insights.title'));
  return (
    <>
      <InsightsNav />
      <PageHeading>{t('feedback.insights.title')}</PageHeading>
      <LeaderOnly>{(teams) => <Figures teams={teams} />}</LeaderOnly>
    </>
  );
}

function Figures({ teams }: { teams: Schemas['TeamRef'][] }) {
  const { t, lang } = useI18n();
  const [sp, setSp] = useSearchParams();
  const params = readInsightParams(sp, teams.map((x) => x.id));
  const q = useFitInsights(params);
  const d = q.data;
  const teamName = (id: string) => teams.find((x) => x.id === id)?.name ?? id;
  const share = (v: number | undefined) => (v === undefined ? t('feedback.insights.none') : formatShare(v, lang));

  return (
    <>
      <p>{t('feedback.insights.intro')}</p>
      <PeriodForm
        key={insightSearch(params)}
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
            {t('feedback.insights.period', {
              from: formatDate(d!.from, lang),
              to: formatDate(d!.to, lang),
              teams: params.team_id ? teamName(params.team_id) : t('feedback.insights.allTeams'),
            })}
          </p>
          <p>{t('feedback.insights.minCases', { min: d!.min_cases })}</p>
          {d!.teams.length === 0 ? (
            <p>{t('feedback.insights.empty')}</p>
          ) : (
            <div className="table--responsive-scroll" tabIndex={0} role="region" aria-labelledby="fit-insights-caption">
              <table className="table table--zebra">
                <caption id="fit-insights-caption" className="align-text-left">
                  {t('feedback.insights.caption')}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{t('feedback.insights.col.team')}</th>
                    <th scope="col">{t('feedback.insights.col.cases')}</th>
                    <th scope="col">{t('feedback.insights.col.improved')}</th>
                    <th scope="col">{t('feedback.insights.col.deteriorated')}</th>
                    <th scope="col">{t('feedback.insights.col.noChange')}</th>
                    <th scope="col">{t('feedback.insights.col.meanSrs')}</th>
                    <th scope="col">{t('feedback.insights.col.meetings')}</th>
                  </tr>
                </thead>
                <tbody>
                  {d!.teams.map((row: TeamFitFigures) => (
                    <tr key={row.team_id}>
                      <th scope="row">{teamName(row.team_id)}</th>
                      {row.too_few ? (
                        <td colSpan={4}>{t('feedback.insights.tooFew')}</td>
                      ) : (
                        <>
                          <td>{row.cases}</td>
                          <td>{share(row.improved)}</td>
                          <td>{share(row.deteriorated)}</td>
                          <td>{share(row.no_reliable_change)}</td>
                        </>
                      )}
                      {/* The server sends the mean only when enough cases have an SRS. */}
                      <td>{row.mean_srs === undefined ? t('feedback.insights.tooFew') : formatNumber(row.mean_srs, lang)}</td>
                      <td>{t('feedback.insights.meetings', { with: row.meetings_with_feedback, held: row.meetings_held })}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </>
  );
}

type Period = { from: string; to: string; team_id: string };

function PeriodForm(props: { teams: Schemas['TeamRef'][]; from: string; to: string; team: string; onSubmit: (p: Period) => void }) {
  const { t } = useI18n();
  const [from, setFrom] = useState(props.from);
  const [to, setTo] = useState(props.to);
  const [team, setTeam] = useState(props.team);
  const [errors, setErrors] = useState<SummaryItem[]>([]);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    setFrom((v) => v || props.from);
    setTo((v) => v || props.to);
  }, [props.from, props.to]);

  function submit(e: FormEvent) {
    e.preventDefault();
    setAttempt((n) => n + 1);
    const problems = validatePeriod(from, to);
    if (problems.length) {
      setErrors(problems.map((p) => ({ field: `fit-${p.field}`, message: t(`feedback.insights.errors.${p.problem}`) })));
      return;
    }
    setErrors([]);
    props.onSubmit({ from, to, team_id: team });
  }
  const errorOf = (f: string) => errors.find((e) => e.field === `fit-${f}`)?.message;

  return (
    <form onSubmit={submit} noValidate>
      <ErrorSummary items={errors} focusKey={errors.length ? attempt : undefined} />
      <h2 className="h3 mb-0">{t('feedback.insights.filters')}</h2>
      <div className="insight-filters">
        <TextField name="fit-from" type="date" label={t('feedback.insights.from')} required value={from} onChange={setFrom} error={errorOf('from')} />
        <TextField name="fit-to" type="date" label={t('feedback.insights.to')} required value={to} onChange={setTo} error={errorOf('to')} />
        {props.teams.length > 0 && (
          <SelectField
            name="fit-team"
            label={t('feedback.insights.team')}
            required
            value={team}
            onChange={setTeam}
            emptyLabel={t('feedback.insights.allTeams')}
            options={props.teams.map((x) => ({ value: x.id, label: x.name }))}
          />
        )}
        <div className="actions">
          <button type="submit" className="button button-secondary">
            {t('feedback.insights.submit')}
          </button>
        </div>
      </div>
    </form>
  );
}
