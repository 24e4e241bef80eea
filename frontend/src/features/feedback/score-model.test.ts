import { describe, expect, it } from 'vitest';
import { itemField, itemIndexOf, marksOf, missing, totalOf, toItems, type Marks } from './score-model';

describe('a rating on four lines', () => {
  const marks: Marks = [64, 51, 40, 55];

  it('adds up tenths exactly and finds the lines without a mark', () => {
    expect(totalOf(marks)).toBe(21);
    expect(totalOf([1, 2, null, null])).toBe(0.3);
    expect(missing([64, null, 0, null])).toEqual([1, 3]);
  });

  it('sends items with one decimal in the scale\u2019s keys', () => {
    expect(toItems('ors', marks)).toEqual({ individually: 6.4, interpersonally: 5.1, socially: 4, overall: 5.5 });
    expect(toItems('srs', [100, 0, 93, 7])).toEqual({ relationship: 10, goals_and_topics: 0, approach_or_method: 9.3, overall: 0.7 });
  });

  it('reads a recorded score back into marks, whatever the order of its items', () => {
    const score = {
      scale: 'srs' as const,
      items: [
        { key: 'overall' as const, value: 9 },
        { key: 'relationship' as const, value: 8.2 },
        { key: 'goals_and_topics' as const, value: 9.5 },
        { key: 'approach_or_method' as const, value: 0.1 },
      ],
    };
    expect(marksOf(score)).toEqual([82, 95, 1, 90]);
  });

  it('names fields by the API paths', () => {
    expect(itemField('ors', 3)).toBe('ors.items.overall');
    expect(itemIndexOf('srs', 'items.goals_and_topics')).toBe(1);
    expect(itemIndexOf('srs', 'rater')).toBe(-1);
  });
});
