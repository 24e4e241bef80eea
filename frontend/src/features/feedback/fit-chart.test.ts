import { describe, expect, it } from 'vitest';
import { byMeeting, orsModel, reliableBand, seriesModel, srsModel, xOf, yOf, type Box } from './fit-chart';

// 0 at y = 100, 40 at y = 20: 2 px per point. x from 16 to 216.
const BOX: Box = { width: 232, height: 110, top: 20, right: 0, bottom: 10, left: 0 };
const TH = { clinical_cutoff: 25, reliable_change: 5, alliance_total: 36, alliance_item: 9 };
const s = (id: string, at: string, total: number, alliance = false) => ({ id, meeting_starts_at: at, total, alliance_signal: alliance });

describe('axes', () => {
  it('maps 0–40 to the plot height and clamps outside values', () => {
    expect(yOf(BOX, 0)).toBe(100);
    expect(yOf(BOX, 40)).toBe(20);
    expect(yOf(BOX, 25)).toBe(50);
    expect(yOf(BOX, -3)).toBe(100);
    expect(yOf(BOX, 41)).toBe(20);
  });

  it('spreads meetings evenly and puts a single one in the middle', () => {
    expect([0, 1, 2].map((i) => xOf(BOX, i, 3))).toEqual([16, 116, 216]);
    expect(xOf(BOX, 0, 1)).toBe(116);
  });
});

describe('series', () => {
  it('orders by meeting, oldest first, and draws the path through the points', () => {
    const m = seriesModel([s('b', '2026-11-17T09:00:00Z', 30), s('a', '2026-11-03T09:00:00Z', 20)], BOX);
    expect(byMeeting([s('b', '2026-11-17T09:00:00Z', 30), s('a', '2026-11-03T09:00:00Z', 20)]).map((x) => x.id)).toEqual(['a', 'b']);
    expect(m.points.map((p) => [p.x, p.y])).toEqual([
      [16, 60],
      [216, 40],
    ]);
    expect(m.path).toBe('M16 60 L216 40');
    expect(m.yTicks.map((t) => t.value)).toEqual([0, 10, 20, 30, 40]);
  });

  it('draws nothing without scores', () => {
    const m = orsModel([], TH, BOX);
    expect(m.points).toEqual([]);
    expect(m.path).toBe('');
    expect(m.band).toBeUndefined();
  });
});

describe('ORS', () => {
  it('puts the cutoff at 25 and the reliable-change band ±5 around the first score', () => {
    const m = orsModel([s('a', '2026-11-03T09:00:00Z', 17.6), s('b', '2026-11-17T09:00:00Z', 24.1)], TH, BOX);
    expect(m.cutoffY).toBe(50);
    expect(m.band!.from).toBeCloseTo(12.6);
    expect(m.band!.to).toBeCloseTo(22.6);
    expect(m.band!.yTop).toBe(yOf(BOX, 22.6));
    expect(m.band!.yBottom).toBe(yOf(BOX, 12.6));
  });

  it('names the band at the edge farther from the cutoff', () => {
    expect(reliableBand(28, 5, BOX, 25).labelY).toBe(yOf(BOX, 33) + 14);
    expect(reliableBand(21, 5, BOX, 25).labelY).toBe(yOf(BOX, 16) - 4);
  });

  it('clips the band to the axis', () => {
    expect(reliableBand(2, 5, BOX)).toMatchObject({ from: 0, to: 7, yBottom: 100 });
    expect(reliableBand(38, 5, BOX)).toMatchObject({ from: 33, to: 40, yTop: 20 });
  });
});

describe('SRS', () => {
  it('puts the alliance line at 36 and marks the scores with a signal', () => {
    const m = srsModel([s('a', '2026-11-03T09:00:00Z', 38), s('b', '2026-11-17T09:00:00Z', 28.5, true)], TH, BOX);
    expect(m.lineY).toBe(yOf(BOX, 36));
    expect(m.points.map((p) => p.alliance)).toEqual([false, true]);
    expect(m.signals).toBe(1);
  });
});
