// The meeting's four steps (plan → ORS → notes → SRS), which of them are
// filled in, and where to start. The step lives in the URL (?trin=), so a
// reload or a shared address keeps it.
import type { Meeting } from './api/list-meetings';

export const STEPS = ['plan', 'ors', 'notes', 'srs'] as const;
export type Step = (typeof STEPS)[number];

/** The step's name in the URL: Danish, like the app's other addresses. */
export const STEP_SLUG: Record<Step, string> = { plan: 'plan', ors: 'ors', notes: 'noter', srs: 'srs' };

export function stepFromSlug(slug: string | null): Step | undefined {
  return STEPS.find((s) => STEP_SLUG[s] === slug);
}

type FeedbackLike = { ors: readonly unknown[]; srs: readonly unknown[]; answers?: unknown };

/** Which steps are filled in: the plan once the meeting exists, ORS and SRS once one is recorded, notes once written or the meeting is held. */
export function stepsDone(m: Pick<Meeting, 'status' | 'summary' | 'agreements'>, f: FeedbackLike | undefined): Record<Step, boolean> {
  return {
    plan: true,
    ors: (f?.ors.length ?? 0) > 0,
    notes: m.status !== 'planned' || m.summary.trim() !== '' || m.agreements.length > 0,
    srs: (f?.srs.length ?? 0) > 0 || f?.answers !== undefined,
  };
}

/**
 * Where to start when no step is asked for: a planned meeting that has not
 * started opens on the plan; otherwise the first step not filled in (the
 * plan when all are).
 */
export function startStep(done: Record<Step, boolean>, started: boolean): Step {
  if (!started) return 'plan';
  return STEPS.find((s) => !done[s]) ?? 'plan';
}

export function neighbours(step: Step): { previous?: Step; next?: Step } {
  const i = STEPS.indexOf(step);
  return { ...(i > 0 ? { previous: STEPS[i - 1] } : {}), ...(i < STEPS.length - 1 ? { next: STEPS[i + 1] } : {}) };
}
