// The principle × phase overview as a heatmap: a real table (principles as
// row headers, phases as column headers) whose cells show the applied share
// as a number on a colour step, "For få" or "–"; a cell with checklists
// behind it is a link to the cases. The colour only helps the eye.
import { Link } from 'react-router';
import type { Phase } from '@/features/cases/components/list/filters';
import { useI18n } from '@/lib/i18n';
import type { InsightCell, PrincipleInsight } from '../api/get-insights';
import { cellView, drillable, formatShare, HEAT_BINS } from '../heatmap';
import { principleTitle } from '../titles';

export function cellKey(principle: string, phase: string) {
  return `${principle}/${phase}`;
}

export function cellsByKey(data: PrincipleInsight): Map<string, InsightCell> {
  return new Map(data.cells.map((c) => [cellKey(c.principle, c.phase), c]));
}

export function Heatmap({ data, search }: { data: PrincipleInsight; search: string }) {
  const { t, lang } = useI18n();
  const cells = cellsByKey(data);
  return (
    <div className="table--responsive-scroll mt-5" tabIndex={0} role="region" aria-labelledby="heatmap-caption">
      <table className="heatmap">
        <caption id="heatmap-caption">{t('checklists.insights.heatmapCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('checklists.insights.principle')}</th>
            {data.phases.map((ph) => (
              <th key={ph} scope="col">
                {t(`cases.labels.phase.${ph}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {data.principles.map((p) => (
            <tr key={p.code}>
              <th scope="row">
                {p.number}. {principleTitle(p, lang)}
              </th>
              {data.phases.map((ph) => {
                const cell = cells.get(cellKey(p.code, ph));
                return cell ? <HeatCell key={ph} cell={cell} phase={ph} search={search} /> : <td key={ph} />;
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function HeatCell({ cell, phase, search }: { cell: InsightCell; phase: Phase; search: string }) {
  const { t, lang } = useI18n();
  const v = cellView(cell);
  const className = v.kind === 'share' ? v.bin.className : v.kind === 'tooFew' ? 'heat-few' : 'heat-none';
  if (v.kind === 'notRelevant') {
    return (
      <td className={className}>
        <span>
          <span className="heat-value" aria-hidden="true">
            {t('checklists.insights.notRelevant')}
          </span>
          <span className="sr-only">{t('checklists.insights.cellNotRelevant')}</span>
        </span>
      </td>
    );
  }
  const text = v.kind === 'share' ? formatShare(v.applied, lang) : t('checklists.insights.tooFew');
  const more =
    v.kind === 'share' ? t('checklists.insights.cellShare', { n: v.checklists }) : t('checklists.insights.cellTooFew', { n: v.checklists });
  if (!drillable(cell)) {
    return (
      <td className={className}>
        <span>
          <span className="heat-value">{text}</span>
        </span>
      </td>
    );
  }
  return (
    <td className={className}>
      <Link to={{ pathname: `/indsigt/principper/${cell.principle}/${phase}`, search }}>
        <span className="heat-value">{text}</span>
        <span className="sr-only"> {more}</span>
      </Link>
    </td>
  );
}

/** What the colours and marks mean. */
export function HeatLegend({ min }: { min: number }) {
  const { t, lang } = useI18n();
  return (
    <>
      <p className="mb-0">{t('checklists.insights.legend')}</p>
      <ul className="nobullet-list heat-legend no-max-width">
        {HEAT_BINS.map((b) => {
          const to = b.max >= 1 ? 1 : b.max - 0.01;
          return (
            <li key={b.className}>
              <span className={`heat-swatch ${b.className}`}>
                {t('checklists.insights.legendBin', { from: Math.round(b.min * 100), to: formatShare(to, lang) })}
              </span>
            </li>
          );
        })}
        <li>
          <span className="heat-swatch heat-few-swatch">{t('checklists.insights.tooFew')}</span>
          {t('checklists.insights.legendTooFew', { min })}
        </li>
        <li>{t('checklists.insights.legendNotRelevant')}</li>
      </ul>
    </>
  );
}
