// Progress on one goal: the change since the first measurement per rater, a
// line chart of the citizen's and the caseworker's (and provider's) values
// over time, and the same data as a table. The chart is an inline SVG with
// role="img" and a summarising label; each rater has its own line style and
// marker shape besides its colour, and a legend names them.
import { useMemo } from 'react';
import type { ProgressSeries } from '@/features/goals/api/list-progress';
import { chartModel, signed, type Rater } from '@/features/goals/chart';
import { formatDate } from '@/features/cases/components/list/format';
import { useI18n, type Lang } from '@/lib/i18n';
import './goals.css';

const STYLE: Record<Rater, { color: string; dash?: string; shape: 'circle' | 'square' | 'triangle' }> = {
  citizen: { color: '#0059b3', shape: 'circle' },
  caseworker: { color: '#a14500', dash: '9 6', shape: 'square' },
  provider: { color: '#2b6e2b', dash: '2 5', shape: 'triangle' },
};

function Marker({ rater, x, y }: { rater: Rater; x: number; y: number }) {
  const s = STYLE[rater];
  if (s.shape === 'circle') return <circle cx={x} cy={y} r={5.5} fill="#fff" stroke={s.color} strokeWidth={2.5} />;
  if (s.shape === 'square') return <rect x={x - 5} y={y - 5} width={10} height={10} fill={s.color} />;
  return <path d={`M${x} ${y - 6.5} L${x + 6.5} ${y + 5} L${x - 6.5} ${y + 5} Z`} fill={s.color} />;
}

const LOCALE: Record<Lang, string> = { da: 'da-DK', en: 'en-GB' };
function shortDate(date: string, lang: Lang, withYear: boolean): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Intl.DateTimeFormat(LOCALE[lang], { day: 'numeric', month: 'short', ...(withYear ? { year: 'numeric' } : {}) }).format(
    new Date(y!, m! - 1, d!),
  );
}

export function ProgressChart({ series }: { series: ProgressSeries }) {
  const { t, lang } = useI18n();
  const model = useMemo(() => chartModel(series.items), [series.items]);
  if (series.items.length === 0) return <p>{t('goals.progress.empty')}</p>;

  const who = (r: Rater) => t(`goals.rater.${r}`);
  const label = [
    t('goals.progress.chartLabel'),
    ...model.lines.map((l) => t('goals.progress.chartSeries', { who: who(l.rater), first: l.first, latest: l.latest, count: l.count })),
  ].join(' ');
  const years = new Set(series.items.map((i) => i.measured_on.slice(0, 4)));
  const { box } = model;

  return (
    <>
      <h3>{t('goals.progress.change')}</h3>
      <ul>
        {series.summary.map((s) => (
          <li key={s.rater}>
            {t('goals.progress.changeLine', {
              who: who(s.rater),
              first: s.first,
              latest: s.latest,
              change: signed(s.change),
              date: formatDate(s.first_on, lang),
            })}
          </li>
        ))}
      </ul>

      <figure className="goal-chart">
        <svg viewBox={`0 0 ${box.width} ${box.height}`} role="img" aria-label={label} focusable="false" preserveAspectRatio="xMinYMin meet">
          <g fontSize={13} fill="#1a1a1a">
            {model.yTicks.map((tk) => (
              <g key={tk.value}>
                <line x1={box.left} x2={box.width - box.right} y1={tk.y} y2={tk.y} stroke="#d6d6d6" strokeWidth={1} />
                <text x={box.left - 10} y={tk.y + 4} textAnchor="end">
                  {tk.value}
                </text>
              </g>
            ))}
            <line x1={box.left} x2={box.left} y1={box.top} y2={box.height - box.bottom} stroke="#747474" />
            <line x1={box.left} x2={box.width - box.right} y1={box.height - box.bottom} y2={box.height - box.bottom} stroke="#747474" />
            {model.xTicks.map((tk) => (
              <g key={tk.date}>
                <line x1={tk.x} x2={tk.x} y1={box.height - box.bottom} y2={box.height - box.bottom + 6} stroke="#747474" />
                <text x={tk.x} y={box.height - box.bottom + 22} textAnchor="middle">
                  {shortDate(tk.date, lang, years.size > 1)}
                </text>
              </g>
            ))}
          </g>
          {model.lines.map((l) => (
            <g key={l.rater}>
              <path d={l.path} fill="none" stroke={STYLE[l.rater].color} strokeWidth={3} strokeDasharray={STYLE[l.rater].dash} strokeLinejoin="round" />
              {l.points.map((p, i) => (
                <Marker key={i} rater={l.rater} x={p.x} y={p.y} />
              ))}
            </g>
          ))}
        </svg>
        <figcaption>
          <ul className="nobullet-list goal-chart-legend" aria-label={t('goals.progress.legend')}>
            {model.lines.map((l) => (
              <li key={l.rater}>
                <svg viewBox="0 0 48 16" aria-hidden="true" focusable="false">
                  <line x1={2} x2={46} y1={8} y2={8} stroke={STYLE[l.rater].color} strokeWidth={3} strokeDasharray={STYLE[l.rater].dash} />
                  <Marker rater={l.rater} x={24} y={8} />
                </svg>
                {who(l.rater)}
              </li>
            ))}
          </ul>
        </figcaption>
      </figure>

      <div className="table--responsive-scroll" tabIndex={0} role="region" aria-labelledby="progress-caption">
        <table className="table table--zebra">
          <caption id="progress-caption">{t('goals.progress.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('goals.progress.date')}</th>
              <th scope="col">{t('goals.progress.who')}</th>
              <th scope="col">{t('goals.progress.value')}</th>
              <th scope="col">{t('goals.progress.note')}</th>
              <th scope="col">{t('goals.progress.by')}</th>
            </tr>
          </thead>
          <tbody>
            {series.items.map((p) => (
              <tr key={p.id}>
                <td>{formatDate(p.measured_on, lang)}</td>
                <td>{who(p.rater)}</td>
                <td>{p.value}</td>
                <td>{p.note}</td>
                <td>{p.recorded_by}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
