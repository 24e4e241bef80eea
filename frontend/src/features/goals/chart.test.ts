import { describe, expect, it } from 'vitest';
import { chartModel, dateOfDay, dateTicks, dayNumber, scale, seriesByRater, signed, type Box } from './chart';

const BOX: Box = { width: 200, height: 110, top: 10, right: 0, bottom: 10, left: 0 };

describe('scaling', () => {
  it('counts calendar days without time zones', () => {
    expect(dayNumber('1970-01-02')).toBe(1);
    expect(dayNumber('2026-11-24') - dayNumber('2026-10-25')).toBe(30);
    expect(dateOfDay(dayNumber('2027-02-28'))).toBe('2027-02-28');
    expect(Number.isNaN(dayNumber('not a date'))).toBe(true);
  });

  it('maps linearly, and a single point to the middle', () => {
    expect(scale(0, 10, 0, 100)(2.5)).toBe(25);
    expect(scale(1, 10, 100, 10)(10)).toBe(10);
    expect(scale(5, 5, 0, 100)(5)).toBe(50);
  });

  it('picks every date when few, else five spread from first to last', () => {
    expect(dateTicks([3, 1, 3])).toEqual([1, 3]);
    expect(dateTicks([0, 10, 20, 30, 40, 50, 100])).toEqual([0, 25, 50, 75, 100]);
  });

  it('writes changes with a sign', () => {
    expect(signed(3)).toBe('+3');
    expect(signed(-2)).toBe('\u22122');
    expect(signed(0)).toBe('0');
  });
});

describe('series', () => {
  const items = [
    { measured_on: '2026-11-10', rater: 'citizen' as const, value: 6, recorded_at: '2026-11-10T10:00:00Z' },
    { measured_on: '2026-10-01', rater: 'caseworker' as const, value: 4 },
    { measured_on: '2026-10-01', rater: 'citizen' as const, value: 3 },
    { measured_on: '2026-11-10', rater: 'citizen' as const, value: 7, recorded_at: '2026-11-10T09:00:00Z' },
  ];

  it('groups per rater, oldest first, and leaves out raters without measurements', () => {
    const s = seriesByRater(items);
    expect(s.map((x) => x.rater)).toEqual(['citizen', 'caseworker']);
    expect(s[0]!.items.map((i) => i.value)).toEqual([3, 7, 6]);
  });

  it('places values on a 1–10 axis and dates on a day axis', () => {
    const m = chartModel(items, BOX);
    const citizen = m.lines.find((l) => l.rater === 'citizen')!;
    // 1 at the bottom (y = 100), 10 at the top (y = 10): 10 px per step.
    expect(citizen.points.map((p) => [p.x, p.y])).toEqual([
      [0, 80],
      [200, 40],
      [200, 50],
    ]);
    expect(citizen.path).toBe('M0 80 L200 40 L200 50');
    expect(citizen).toMatchObject({ first: 3, latest: 6, change: 3, count: 3 });
    const cw = m.lines.find((l) => l.rater === 'caseworker')!;
    expect(cw).toMatchObject({ first: 4, latest: 4, change: 0, count: 1, path: 'M0 70' });
    expect(m.yTicks).toHaveLength(10);
    expect(m.yTicks[0]).toEqual({ value: 1, y: 100 });
    expect(m.xTicks.map((t) => t.date)).toEqual(['2026-10-01', '2026-11-10']);
  });

  it('puts a single date in the middle and draws nothing without data', () => {
    const one = chartModel([{ measured_on: '2026-10-01', rater: 'citizen', value: 10 }], BOX);
    expect(one.lines[0]!.points[0]).toMatchObject({ x: 100, y: 10 });
    expect(chartModel([], BOX).lines).toEqual([]);
  });
});
