// The FIT charts' geometry, free of React. Scores are placed meeting by
// meeting (oldest first, evenly spaced: the x axis counts meetings, not
// days) on a fixed 0–40 axis. The ORS chart adds the clinical cutoff line
// and the reliable-change band (the first score ± the reliable change,
// clipped to the axis); the SRS chart adds the alliance line and marks the
// scores with an alliance signal.
import type { FitThresholds } from './api/get-fit';

export const SCALE_MAX = 40;
export const Y_TICKS = [0, 10, 20, 30, 40] as const;

export type Box = { width: number; height: number; top: number; right: number; bottom: number; left: number };
// The right margin holds the names of the lines ("Grænse 25"), clear of the points.
export const DEFAULT_BOX: Box = { width: 680, height: 280, top: 20, right: 96, bottom: 44, left: 40 };

export type ScoreLike = { id: string; meeting_starts_at: string; recorded_at?: string; total: number; alliance_signal?: boolean };
export type ChartPoint = { id: string; x: number; y: number; total: number; date: string; alliance: boolean };

const round = (v: number) => Math.round(v * 10) / 10;

/** Oldest meeting first (ties in the order they were recorded). */
export function byMeeting<S extends ScoreLike>(scores: readonly S[]): S[] {
  return scores
    .map((s, n) => ({ s, n }))
    .sort(
      (a, b) =>
        a.s.meeting_starts_at.localeCompare(b.s.meeting_starts_at) || (a.s.recorded_at ?? '').localeCompare(b.s.recorded_at ?? '') || a.n - b.n,
    )
    .map((x) => x.s);
}

/** y of a value on the 0–40 axis (clamped). */
export function yOf(box: Box, v: number): number {
  const c = Math.min(SCALE_MAX, Math.max(0, v));
  return round(box.height - box.bottom - (c / SCALE_MAX) * (box.height - box.bottom - box.top));
}

/** x of the i-th of n meetings: evenly spread, a single one in the middle. */
export function xOf(box: Box, i: number, n: number): number {
  const left = box.left + 16;
  const right = box.width - box.right - 16;
  if (n <= 1) return round((left + right) / 2);
  return round(left + (i * (right - left)) / (n - 1));
}

export type SeriesModel = { box: Box; points: ChartPoint[]; path: string; yTicks: { y: number; value: number }[] };

export function seriesModel(scores: readonly ScoreLike[], box: Box = DEFAULT_BOX): SeriesModel {
  const sorted = byMeeting(scores);
  const points = sorted.map((s, i) => ({
    id: s.id,
    x: xOf(box, i, sorted.length),
    y: yOf(box, s.total),
    total: s.total,
    date: s.meeting_starts_at,
    alliance: !!s.alliance_signal,
  }));
  return {
    box,
    points,
    path: points.map((p, i) => `${i ? 'L' : 'M'}${p.x} ${p.y}`).join(' '),
    yTicks: Y_TICKS.map((value) => ({ value, y: yOf(box, value) })),
  };
}

export type Band = { from: number; to: number; yTop: number; yBottom: number; labelY: number };

/**
 * The reliable-change band around the first score: [first − rc, first + rc],
 * clipped to 0–40. Its name goes in the right margin at the edge farther
 * from the cutoff line, so the two names never overlap.
 */
export function reliableBand(first: number, reliableChange: number, box: Box = DEFAULT_BOX, cutoff?: number): Band {
  const from = Math.max(0, first - reliableChange);
  const to = Math.min(SCALE_MAX, first + reliableChange);
  const yTop = yOf(box, to);
  const yBottom = yOf(box, from);
  const useTop = cutoff === undefined || Math.abs(to - cutoff) >= Math.abs(from - cutoff);
  return { from, to, yTop, yBottom, labelY: useTop ? yTop + 14 : yBottom - 4 };
}

export type OrsModel = SeriesModel & { cutoffY: number; band?: Band };

export function orsModel(scores: readonly ScoreLike[], th: FitThresholds, box: Box = DEFAULT_BOX): OrsModel {
  const m = seriesModel(scores, box);
  const first = m.points[0];
  return { ...m, cutoffY: yOf(box, th.clinical_cutoff), ...(first ? { band: reliableBand(first.total, th.reliable_change, box, th.clinical_cutoff) } : {}) };
}

export type SrsModel = SeriesModel & { lineY: number; signals: number };

export function srsModel(scores: readonly ScoreLike[], th: FitThresholds, box: Box = DEFAULT_BOX): SrsModel {
  const m = seriesModel(scores, box);
  return { ...m, lineY: yOf(box, th.alliance_total), signals: m.points.filter((p) => p.alliance).length };
}
