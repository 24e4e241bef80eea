import { describe, expect, it } from 'vitest';
import type { Goal } from './api/list-goals';
import { goalTree, isFinished, latestOf } from './tree';

const g = (id: string, created: string, parent?: string): Goal =>
  ({ id, created_at: created, parent_id: parent, progress: [], status: 'active' }) as unknown as Goal;

describe('goal tree', () => {
  it('nests sub-goals under their main goal, in creation order', () => {
    const tree = goalTree([g('b', '2026-02'), g('s2', '2026-04', 'a'), g('a', '2026-01'), g('s1', '2026-03', 'a')]);
    expect(tree.map((n) => [n.goal.id, n.subs.map((s) => s.id)])).toEqual([
      ['a', ['s1', 's2']],
      ['b', []],
    ]);
  });

  it('shows a sub-goal whose main goal is missing as a main goal', () => {
    expect(goalTree([g('s', '2026-01', 'gone')]).map((n) => n.goal.id)).toEqual(['s']);
  });

  it('reads the latest value per rater and knows finished goals', () => {
    const x = { ...g('a', '2026'), progress: [{ rater: 'citizen', latest: 6 }] } as unknown as Goal;
    expect(latestOf(x, 'citizen')).toBe(6);
    expect(latestOf(x, 'caseworker')).toBeUndefined();
    expect(isFinished({ status: 'achieved' })).toBe(true);
    expect(isFinished({ status: 'adjusted' })).toBe(false);
  });
});
