// The FIT charts of a case, each an inline SVG with role="img" and a
// summarising label, a legend, and the same data as a table (caption, th
// scope) right below. ORS: the citizen's own totals meeting by meeting,
// the cutoff at 25 as a dashed line, and the reliable-change band (±5
// around the first score) shaded and named. SRS: the total per meeting,
// the line at 36, and the scores with an alliance signal drawn as a square
// with a cross instead of a circle (not by colour alone). Every point
// carries its value as text. Danish decimal commas throughout.
import { useMemo, type ReactNode } from 'react';
import { formatDay } from '@/features/cases/components/list/format';
import { useI18n, type Lang } from '@/lib/i18n';
import type { FitReading, Score } from '../api/get-fit';
import type { FitWording } from '../api/get-wording';
import { orsModel, srsModel, type Box, type ChartPoint, type SeriesModel } from '../fit-chart';
import { formatNumber, formatScore, shortDay, signedScore } from '../format';
import { ITEM_KEYS } from '../score-model';
import { itemLabel } from './score-form';

const INK = '#1a1a1a';
const LINE = '#0059b3';
const ALERT = '#a14500';

function Axes({ m, lang }: { m: SeriesModel; lang: Lang }) {
  const { box } = m;
  const years = new Set(m.points.map((p) => new Date(p.date).getFullYear()));
  // At most about eight date labels; the table has every date.
  const every = Math.max(1, Math.ceil(m.points.length / 8));
  return (
    <g fontSize={13} fill={INK}>
      {m.yTicks.map((tk) => (
        <g key={tk.value}>
          <line x1={box.left} x2={box.width - box.right} y1={tk.y} y2={tk.y} stroke="#d6d6d6" strokeWidth={1} />
          <text x={box.left - 8} y={tk.y + 4} textAnchor="end">
            {tk.value}
          </text>
        </g>
      ))}
      <line x1={box.left} x2={box.left} y1={box.top} y2={box.height - box.bottom} stroke="#747474" />
      <line x1={box.left} x2={box.width - box.right} y1={box.height - box.bottom} y2={box.height - box.bottom} stroke="#747474" />
      {m.points.map((p, i) =>
        i % every === 0 || i === m.points.length - 1 ? (
          <text key={p.id} x={p.x} y={box.height - box.bottom + 22} textAnchor="middle">
            {shortDay(p.date, lang, years.size > 1)}
          </text>
        ) : null,
      )}
    </g>
  );
}

function ValueLabel({ p, lang }: { p: ChartPoint; lang: Lang }) {
  return (
    <text x={p.x} y={p.y - 12} textAnchor="middle" fontSize={13} fontWeight={600} fill={INK} stroke="#fff" strokeWidth={4} paintOrder="stroke">
      {formatScore(p.total, lang)}
    </text>
  );
}

function Circle({ x, y }: { x: number; y: number }) {
  return <circle cx={x} cy={y} r={6} fill="#fff" stroke={LINE} strokeWidth={3} />;
}

function CrossedSquare({ x, y }: { x: number; y: number }) {
  return (
    <g>
      <rect x={x - 7} y={y - 7} width={14} height={14} fill={ALERT} />
      <path d={`M${x - 4} ${y - 4} L${x + 4} ${y + 4} M${x + 4} ${y - 4} L${x - 4} ${y + 4}`} stroke="#fff" strokeWidth={2.5} />
    </g>
  );
}

function Legend({ items, label }: { items: { key: string; icon: ReactNode; text: string }[]; label: string }) {
  return (
    <ul className="nobullet-list fit-legend" aria-label={label}>
      {items.map((i) => (
        <li key={i.key}>
          <svg viewBox="0 0 48 20" aria-hidden="true" focusable="false">
            {i.icon}
          </svg>
          {i.text}
        </li>
      ))}
    </ul>
  );
}

const sortByMeeting = (a: Score, b: Score) => a.meeting_starts_at.localeCompare(b.meeting_starts_at) || a.recorded_at.localeCompare(b.recorded_at);

export function OrsChart({ fit }: { fit: FitReading }) {
  const { t, lang } = useI18n();
  const th = fit.thresholds;
  const m = useMemo(() => orsModel(fit.ors, th), [fit.ors, th]);
  const { box } = m;
  const cutoff = formatNumber(th.clinical_cutoff, lang);
  const reliable = formatNumber(th.reliable_change, lang);
  const first = fit.ors.length ? [...fit.ors].sort(sortByMeeting)[0] : undefined;
  const rows = [...fit.ors, ...fit.collateral_ors].sort(sortByMeeting);
  const label = [
    t('feedback.fit.orsChartLabel', { count: m.points.length }),
    m.points.map((p) => `${formatDay(p.date, lang)}: ${formatScore(p.total, lang)}`).join(', ') + '.',
    t('feedback.fit.legendCutoff', { cutoff }) + '.',
  ].join(' ');

  return (
    <>
      {m.points.length > 0 && (
        <figure className="fit-chart">
          <svg viewBox={`0 0 ${box.width} ${box.height}`} role="img" aria-label={label} focusable="false" preserveAspectRatio="xMinYMin meet">
            {m.band && (
              <g>
                <rect
                  x={box.left + 1}
                  y={m.band.yTop}
                  width={box.width - box.right - box.left - 1}
                  height={m.band.yBottom - m.band.yTop}
                  fill="#dfeaf6"
                  stroke="#7fa6d1"
                  strokeDasharray="2 3"
                />
                <text x={box.width - box.right + 8} y={m.band.labelY} fontSize={12} fill={INK}>
                  {t('feedback.fit.band', { reliable })}
                </text>
              </g>
            )}
            <Axes m={m} lang={lang} />
            <line x1={box.left} x2={box.width - box.right} y1={m.cutoffY} y2={m.cutoffY} stroke={INK} strokeWidth={2} strokeDasharray="8 5" />
            <text x={box.width - box.right + 8} y={m.cutoffY + 4} fontSize={12} fontWeight={600} fill={INK}>
              {t('feedback.fit.cutoffLine', { cutoff })}
            </text>
            <path d={m.path} fill="none" stroke={LINE} strokeWidth={3} strokeLinejoin="round" />
            {m.points.map((p) => (
              <g key={p.id} data-testid="ors-point">
                <Circle x={p.x} y={p.y} />
                <ValueLabel p={p} lang={lang} />
              </g>
            ))}
          </svg>
          <figcaption>
            <Legend
              label={t('feedback.fit.legend')}
              items={[
                { key: 'ors', icon: <><line x1={2} x2={46} y1={10} y2={10} stroke={LINE} strokeWidth={3} /><Circle x={24} y={10} /></>, text: t('feedback.fit.legendOrs') },
                { key: 'cutoff', icon: <line x1={2} x2={46} y1={10} y2={10} stroke={INK} strokeWidth={2} strokeDasharray="8 5" />, text: t('feedback.fit.legendCutoff', { cutoff }) },
                { key: 'band', icon: <rect x={2} y={3} width={44} height={14} fill="#dfeaf6" stroke="#7fa6d1" strokeDasharray="2 3" />, text: t('feedback.fit.legendBand', { reliable }) },
              ]}
            />
          </figcaption>
        </figure>
      )}
      {rows.length > 0 && (
        <div className="table--responsive-scroll" tabIndex={0} role="region" aria-labelledby="ors-caption">
          <table className="table table--zebra table--compact">
            <caption id="ors-caption" className="align-text-left">
              {t('feedback.fit.orsCaption')}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('feedback.fit.col.date')}</th>
                <th scope="col">{t('feedback.fit.col.who')}</th>
                <th scope="col">{t('feedback.fit.col.total')}</th>
                <th scope="col">{t('feedback.fit.col.change')}</th>
                <th scope="col">{t('feedback.fit.col.range')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((s) => (
                <tr key={s.id}>
                  <th scope="row" className="weight-normal">
                    {formatDay(s.meeting_starts_at, lang)}
                  </th>
                  <td>
                    {t(`feedback.raterShort.${s.rater}`)}
                    {s.collateral && ` (${t('feedback.score.collateral').toLowerCase()})`}
                  </td>
                  <td>{formatScore(s.total, lang)}</td>
                  <td>{!s.collateral && first ? signedScore(s.total - first.total, lang) : ''}</td>
                  <td>{s.total < th.clinical_cutoff ? t('feedback.fit.below', { cutoff }) : t('feedback.fit.above', { cutoff })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {fit.collateral_ors.length > 0 && <p className="form-hint">{t('feedback.fit.collateralNote')}</p>}
    </>
  );
}

export function SrsChart({ fit, wording }: { fit: FitReading; wording: FitWording | undefined }) {
  const { t, lang } = useI18n();
  const th = fit.thresholds;
  const m = useMemo(() => srsModel(fit.srs, th), [fit.srs, th]);
  const { box } = m;
  const line = formatNumber(th.alliance_total, lang);
  const rows = [...fit.srs].sort(sortByMeeting);
  const lowNames = (s: Score) =>
    s.low_items.map((k) => itemLabel(wording, 'srs', (ITEM_KEYS.srs as readonly string[]).indexOf(k), t(`feedback.item.${k}`))).join(', ');
  const label = [
    t('feedback.fit.srsChartLabel', { count: m.points.length, signals: m.signals }),
    m.points.map((p) => `${formatDay(p.date, lang)}: ${formatScore(p.total, lang)}${p.alliance ? ` (${t('meetings.section.allianceBadge')})` : ''}`).join(', ') + '.',
  ].join(' ');
  if (m.points.length === 0) return <p>{t('feedback.fit.srsEmpty')}</p>;

  return (
    <>
      <figure className="fit-chart">
        <svg viewBox={`0 0 ${box.width} ${box.height}`} role="img" aria-label={label} focusable="false" preserveAspectRatio="xMinYMin meet">
          <Axes m={m} lang={lang} />
          <line x1={box.left} x2={box.width - box.right} y1={m.lineY} y2={m.lineY} stroke={INK} strokeWidth={2} strokeDasharray="8 5" />
          <text x={box.width - box.right + 8} y={m.lineY + 4} fontSize={12} fontWeight={600} fill={INK}>
            {t('feedback.fit.allianceLine', { line })}
          </text>
          <path d={m.path} fill="none" stroke={LINE} strokeWidth={2} strokeLinejoin="round" strokeDasharray="2 4" />
          {m.points.map((p) => (
            <g key={p.id} data-testid={p.alliance ? 'srs-point-alliance' : 'srs-point'}>
              {p.alliance ? <CrossedSquare x={p.x} y={p.y} /> : <Circle x={p.x} y={p.y} />}
              <ValueLabel p={p} lang={lang} />
            </g>
          ))}
        </svg>
        <figcaption>
          <Legend
            label={t('feedback.fit.legend')}
            items={[
              { key: 'srs', icon: <Circle x={24} y={10} />, text: t('feedback.fit.legendSrs') },
              { key: 'alliance', icon: <CrossedSquare x={24} y={10} />, text: t('feedback.fit.legendAlliance') },
              { key: 'line', icon: <line x1={2} x2={46} y1={10} y2={10} stroke={INK} strokeWidth={2} strokeDasharray="8 5" />, text: t('feedback.fit.legendSrsLine', { line }) },
            ]}
          />
        </figcaption>
      </figure>
      <div className="table--responsive-scroll" tabIndex={0} role="region" aria-labelledby="srs-caption">
        <table className="table table--zebra table--compact">
          <caption id="srs-caption" className="align-text-left">
            {t('feedback.fit.srsCaption')}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('feedback.fit.col.date')}</th>
              <th scope="col">{t('feedback.fit.col.who')}</th>
              <th scope="col">{t('feedback.fit.col.total')}</th>
              <th scope="col">{t('feedback.fit.col.alliance')}</th>
              <th scope="col">{t('feedback.fit.col.low')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((s) => (
              <tr key={s.id}>
                <th scope="row" className="weight-normal">
                  {formatDay(s.meeting_starts_at, lang)}
                </th>
                <td>{t(`feedback.raterShort.${s.rater}`)}</td>
                <td>{formatScore(s.total, lang)}</td>
                <td>{s.alliance_signal ? t('feedback.fit.yes') : t('feedback.fit.no')}</td>
                <td>{lowNames(s)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

export type { Box };
