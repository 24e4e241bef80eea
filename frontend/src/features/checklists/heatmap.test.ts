import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { binOf, cellView, contrast, drillable, formatShare, HEAT_BINS } from './heatmap';

const cell = (over: Partial<Parameters<typeof cellView>[0]> = {}) => ({
  applicability: 'core' as const,
  checklists: 20,
  too_few: false,
  shares: { applied: 0.58, partly_applied: 0.1, not_applied: 0.1, not_relevant_now: 0.02, open: 0.2 },
  ...over,
});

describe('heatmap cells', () => {
  it('show the applied share in its colour step', () => {
    const v = cellView(cell());
    expect(v).toEqual({ kind: 'share', applied: 0.58, checklists: 20, bin: HEAT_BINS[2] });
    expect(formatShare(0.5833, 'da')).toBe('58\u00a0%');
    expect(formatShare(0.5833, 'en')).toBe('58%');
  });

  it('say "too few" below the server’s minimum and "–" where the principle has no role and no checklists', () => {
    expect(cellView(cell({ checklists: 3, too_few: true, shares: undefined }))).toEqual({ kind: 'tooFew', checklists: 3 });
    expect(cellView(cell({ checklists: 0, too_few: true, shares: undefined }))).toEqual({ kind: 'tooFew', checklists: 0 });
    expect(cellView(cell({ applicability: 'other', checklists: 0, too_few: true, shares: undefined }))).toEqual({ kind: 'notRelevant' });
    // Checklists of an older principle version may still count where the principle has no role today.
    expect(cellView(cell({ applicability: 'other' })).kind).toBe('share');
  });

  it('lead to the cases only when there are checklists behind them', () => {
    expect(drillable({ checklists: 1 })).toBe(true);
    expect(drillable({ checklists: 0 })).toBe(false);
  });

  it('put shares into five steps, the ends included', () => {
    expect([0, 0.19, 0.2, 0.39, 0.4, 0.6, 0.79, 0.8, 1, 1.2, -1].map((s) => binOf(s).className)).toEqual([
      'heat-0',
      'heat-0',
      'heat-1',
      'heat-1',
      'heat-2',
      'heat-3',
      'heat-3',
      'heat-4',
      'heat-4',
      'heat-4',
      'heat-0',
    ]);
  });

  it('have text with at least 4.5:1 contrast on every step, and darker steps for higher shares', () => {
    for (const b of HEAT_BINS) expect(contrast(b.background, b.color)).toBeGreaterThanOrEqual(4.5);
    const toWhite = HEAT_BINS.map((b) => contrast(b.background, '#ffffff'));
    expect([...toWhite].sort((a, b) => a - b)).toEqual(toWhite);
    expect(contrast('#ffffff', '#000000')).toBeCloseTo(21, 5);
  });

  it('use the colours the stylesheet has', () => {
    const css = readFileSync(resolve(__dirname, 'components/checklists.css'), 'utf8');
    for (const b of HEAT_BINS) {
      const rule = new RegExp(`\\.${b.className}\\s*\\{\\s*background-color:\\s*(#[0-9a-f]{6});\\s*color:\\s*(#[0-9a-f]{6});`, 'i').exec(css);
      expect(rule, b.className).not.toBeNull();
      expect([rule![1]!.toLowerCase(), rule![2]!.toLowerCase()]).toEqual([b.background, b.color]);
    }
  });
});
