// The progress chart's geometry, free of React: measurements on the 1–10
// scale grouped per rater (oldest first), dates on a linear day axis, values
// on a fixed 1–10 axis, and the SVG path of each line. Dates are calendar
// dates ("2026-11-24"), counted in whole days, never shifted by a time zone.
import type { Schemas } from '@/lib/api/client';

export type Measurement = Pick<Schemas['Progress'], 'measured_on' | 'rater' | 'value'> & Partial<Pick<Schemas['Progress'], 'recorded_at'>>;
export type Rater = Schemas['Progress']['rater'];
export const RATERS = ['citizen', 'caseworker', 'provider'] as const satisfies readonly Rater[];

export const SCALE_MIN = 1;
export const SCALE_MAX = 10;

/** Days since 1970-01-01 of a "YYYY-MM-DD" date. */
export function dayNumber(date: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  if (!m) return NaN;
  return Math.round(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / 86_400_000);
}

/** "YYYY-MM-DD" of a day number. */
export function dateOfDay(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

/** A linear map from [d0, d1] to [r0, r1]; a single-point domain maps to the middle. */
export function scale(d0: number, d1: number, r0: number, r1: number): (v: number) => number {
  if (d1 === d0) return () => (r0 + r1) / 2;
  return (v) => r0 + ((v - d0) / (d1 - d0)) * (r1 - r0);
}

/** Measurements per rater, oldest first (ties in the order they were recorded); raters without any are left out. */
export function seriesByRater<M extends Measurement>(items: readonly M[]): { rater: Rater; items: M[] }[] {
  return RATERS.map((rater) => ({
    rater,
    items: items
      .filter((i) => i.rater === rater)
      .map((item, n) => ({ item, n }))
      .sort((a, b) => a.item.measured_on.localeCompare(b.item.measured_on) || (a.item.recorded_at ?? '').localeCompare(b.item.recorded_at ?? '') || a.n - b.n)
      .map((x) => x.item),
  })).filter((s) => s.items.length > 0);
}

export type Point = { x: number; y: number; value: number; date: string };
export type Line = { rater: Rater; points: Point[]; path: string; first: number; latest: number; change: number; count: number };
export type Box = { width: number; height: number; top: number; right: number; bottom: number; left: number };
export type ChartModel = {
  box: Box;
  lines: Line[];
  xTicks: { x: number; date: string }[];
  yTicks: { y: number; value: number }[];
};

export const DEFAULT_BOX: Box = { width: 640, height: 300, top: 16, right: 24, bottom: 44, left: 40 };

const round = (v: number) => Math.round(v * 10) / 10;

/** Up to `max` dates for the x axis: every date when few, else evenly spread from first to last. */
export function dateTicks(days: readonly number[], max = 5): number[] {
  const unique = [...new Set(days)].sort((a, b) => a - b);
  if (unique.length <= max) return unique;
  const first = unique[0]!;
  const last = unique[unique.length - 1]!;
  const out: number[] = [];
  for (let i = 0; i < max; i++) out.push(Math.round(first + ((last - first) * i) / (max - 1)));
  return [...new Set(out)];
}

export function chartModel(items: readonly Measurement[], box: Box = DEFAULT_BOX): ChartModel {
  const days = items.map((i) => dayNumber(i.measured_on)).filter((d) => !Number.isNaN(d));
  const d0 = days.length ? Math.min(...days) : 0;
  const d1 = days.length ? Math.max(...days) : 0;
  const x = scale(d0, d1, box.left, box.width - box.right);
  const y = scale(SCALE_MIN, SCALE_MAX, box.height - box.bottom, box.top);
  const lines = seriesByRater(items).map(({ rater, items: ms }) => {
    const points = ms.map((m) => ({ x: round(x(dayNumber(m.measured_on))), y: round(y(m.value)), value: m.value, date: m.measured_on }));
    const first = points[0]!.value;
    const latest = points[points.length - 1]!.value;
    return {
      rater,
      points,
      path: points.map((p, i) => `${i ? 'L' : 'M'}${p.x} ${p.y}`).join(' '),
      first,
      latest,
      change: latest - first,
      count: points.length,
    };
  });
  return {
    box,
    lines,
    xTicks: dateTicks(days).map((d) => ({ x: round(x(d)), date: dateOfDay(d) })),
    yTicks: Array.from({ length: SCALE_MAX - SCALE_MIN + 1 }, (_, i) => SCALE_MIN + i).map((v) => ({ y: round(y(v)), value: v })),
  };
}

/** +3, −2 (minus sign) or 0. */
export function signed(n: number): string {
  if (n > 0) return `+${n}`;
  if (n < 0) return `\u2212${Math.abs(n)}`;
  return '0';
}
