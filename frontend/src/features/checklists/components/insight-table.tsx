// The overview's numbers as a plain table, the accessible alternative to the
// heatmap: per principle (a row group) and phase, the principle's role, the
// number of checklists, and each answer as count and share.
import { Fragment } from 'react';
import { useI18n } from '@/lib/i18n';
import type { PrincipleInsight, StatusCounts } from '../api/get-insights';
import { formatShare } from '../heatmap';
import { ITEM_STATUSES } from '../insight-filters';
import { principleTitle } from '../titles';
import { cellKey, cellsByKey } from './heatmap';

export function InsightTable({ data, id }: { data: PrincipleInsight; id: string }) {
  const { t, lang } = useI18n();
  const cells = cellsByKey(data);
  const value = (n: number, share: number | undefined) =>
    share === undefined ? String(n) : t('checklists.insights.countShare', { n, share: formatShare(share, lang) });
  return (
    <div id={id} className="table--responsive-scroll mt-3" tabIndex={0} role="region" aria-labelledby="insight-table-caption">
      <table className="table table--compact insight-table">
        <caption id="insight-table-caption" className="align-text-left">{t('checklists.insights.tableCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('checklists.insights.col.principle')}</th>
            <th scope="col">{t('checklists.insights.col.phase')}</th>
            <th scope="col">{t('checklists.insights.col.role')}</th>
            <th scope="col">{t('checklists.insights.col.checklists')}</th>
            {ITEM_STATUSES.map((s) => (
              <th key={s} scope="col">
                {t(`checklists.status.${s}`)}
              </th>
            ))}
          </tr>
        </thead>
        {data.principles.map((p) => (
          <tbody key={p.code}>
            {data.phases.map((ph, i) => {
              const c = cells.get(cellKey(p.code, ph));
              if (!c) return <Fragment key={ph} />;
              return (
                <tr key={ph}>
                  {i === 0 && (
                    <th scope="rowgroup" rowSpan={data.phases.length}>
                      {p.number}. {principleTitle(p, lang)}
                    </th>
                  )}
                  <th scope="row">{t(`cases.labels.phase.${ph}`)}</th>
                  <td>{t(`checklists.applicability.${c.applicability}`)}</td>
                  <td>{c.too_few && c.checklists > 0 ? `${c.checklists} (${t('checklists.insights.tooFew')})` : c.checklists}</td>
                  {ITEM_STATUSES.map((s) => (
                    <td key={s}>{value(c.counts[s as keyof StatusCounts], c.shares?.[s])}</td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        ))}
      </table>
    </div>
  );
}
