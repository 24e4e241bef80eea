// A case's goals as the screens show them: main goals in the order they were
// made, each with its sub-goals. A sub-goal whose main goal is missing is
// shown as a main goal rather than lost.
import type { Goal } from './api/list-goals';

export type GoalNode = { goal: Goal; subs: Goal[] };

export function goalTree(goals: readonly Goal[]): GoalNode[] {
  const byCreated = [...goals].sort((a, b) => a.created_at.localeCompare(b.created_at));
  const ids = new Set(byCreated.map((g) => g.id));
  const nodes = new Map<string, GoalNode>();
  const out: GoalNode[] = [];
  for (const g of byCreated) {
    if (g.parent_id && ids.has(g.parent_id)) continue;
    const node = { goal: g, subs: [] };
    nodes.set(g.id, node);
    out.push(node);
  }
  for (const g of byCreated) {
    if (g.parent_id && ids.has(g.parent_id)) (nodes.get(g.parent_id) ?? { subs: [] as Goal[] }).subs.push(g);
  }
  return out;
}

/** The latest value of one rater, from the goal's progress summary. */
export function latestOf(g: Goal, rater: Goal['progress'][number]['rater']): number | undefined {
  return g.progress.find((p) => p.rater === rater)?.latest;
}

/** A finished goal (achieved or discontinued) cannot be edited. */
export const isFinished = (g: Pick<Goal, 'status'>) => g.status === 'achieved' || g.status === 'discontinued';
