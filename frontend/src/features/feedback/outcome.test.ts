import { describe, expect, it } from 'vitest';
import { translate, type MessageKey, type Vars } from '@/lib/i18n';
import { dayMonth, formatScore, signedScore } from './format';
import { outcomeWords } from './outcome';

const t = (key: MessageKey, vars?: Vars) => translate('da', key, vars);
const TH = { clinical_cutoff: 25, reliable_change: 5, alliance_total: 36, alliance_item: 9 };
const base = { count: 3, first_in_clinical_range: true, latest_in_clinical_range: false, clinically_significant_change: false };

describe('numbers', () => {
  it('writes Danish decimal commas and a real minus sign', () => {
    expect(formatScore(17.6, 'da')).toBe('17,6');
    expect(formatScore(20, 'da')).toBe('20,0');
    expect(formatScore(17.6, 'en')).toBe('17.6');
    expect(signedScore(6.5, 'da')).toBe('+6,5');
    expect(signedScore(-5.2, 'da')).toBe('\u22125,2');
    expect(signedScore(0, 'da')).toBe('0,0');
  });

  it('leaves the year out of this year\u2019s dates', () => {
    expect(dayMonth('2026-11-03', 'da', new Date(2026, 10, 24))).toBe('3. november');
    expect(dayMonth('2025-11-03', 'da', new Date(2026, 10, 24))).toBe('3. november 2025');
  });
});

describe('outcome in words', () => {
  it('names a reliable improvement that crossed the cutoff', () => {
    const w = outcomeWords(
      { ...base, first: 19, latest: 25.5, change: 6.5, classification: 'improved', clinically_significant_change: true },
      TH,
      t,
      'da',
    );
    expect(w.headline).toBe('Pålidelig forbedring: +6,5 point; krydset grænsen på 25');
    expect(w.detail).toBe('Første ORS: 19,0 (under grænsen på 25). Seneste: 25,5 (over grænsen på 25).');
  });

  it('names a deterioration and no reliable change', () => {
    expect(outcomeWords({ ...base, first: 30, latest: 24.8, change: -5.2, classification: 'deteriorated' }, TH, t, 'da').headline).toBe(
      'Pålidelig forværring: \u22125,2 point',
    );
    expect(outcomeWords({ ...base, first: 20, latest: 22, change: 2, classification: 'no_reliable_change' }, TH, t, 'da').headline).toBe(
      'Ingen pålidelig ændring: +2,0 point (det kræver mindst 5 point)',
    );
  });

  it('says when there are too few scores', () => {
    const w = outcomeWords({ ...base, count: 0, change: 0, classification: 'too_few_scores' }, TH, t, 'da');
    expect(w.headline).toContain('For få målinger');
    expect(w.detail).toBeUndefined();
  });
});
